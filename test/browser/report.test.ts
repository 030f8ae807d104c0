// Issue 13: the HTML report in a real browser. Debian's headless Chromium (installed by CI) opens the page from
// file://; the test checks that nothing is fetched, no chart label is clipped or overlaps another, the case filter
// shows the rows it should, and under --lang zh no English is visible apart from ids and numbers. A screenshot is
// kept in test-artifacts/report.png.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSummary } from '../../src/cli/audit.js';
import type { CaseRecord } from '../../src/cli/report/case-record.js';
import { CASES_PER_RULE } from '../../src/cli/report/html.js';
import { AUDIT, cli, root, sampleLines } from '../hardening/helpers.js';

const CHROMIUM = '/usr/bin/chromium';

// The functions given to page.evaluate run in the page; the project compiles without the DOM library, so the few
// page globals they use are declared here for this file only.
interface PageElement {
  hidden: boolean;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  cloneNode(deep: boolean): PageElement;
  remove(): void;
}
declare const document: { body: PageElement; querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement> };
const folder = mkdtempSync(join(tmpdir(), 'report-browser-'));
const userData = mkdtempSync(join(tmpdir(), 'report-browser-profile-'));
const page_ = { context: undefined as BrowserContext | undefined, page: undefined as Page | undefined };
const requests: string[] = [];
/** The report pages the browser may load: only these files. */
const reports = new Set<string>();
let fileUrl = '';
let summary: AuditSummary;
let records: CaseRecord[];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: this test needs Debian's chromium (apt-get install chromium); it is not skipped`);
  // The sample's cases and one line that is not JSON, so the page also lists an error.
  const log = join(folder, 'cases.ndjson');
  writeFileSync(log, [...sampleLines(1200), '{"id": broken'].join('\n'));
  const html = join(folder, 'report.html');
  const cases = join(folder, 'records.ndjson');
  const run = await cli('audit', log, ...AUDIT, '--format', 'html', '--out', html, '--cases', cases);
  expect(run.code).toBe(0);
  summary = JSON.parse((await cli('audit', log, ...AUDIT, '--format', 'json')).out);
  records = readFileSync(cases, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r) => r.kind === 'case');
  fileUrl = pathToFileURL(html).href;
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1200, height: 900 },
  });
  page_.context = context;
  // Every request is seen; any but the report pages themselves is refused (and reported below).
  await context.route('**/*', (route) => (reports.has(route.request().url()) ? route.continue() : route.abort()));
  reports.add(fileUrl);
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(fileUrl, { waitUntil: 'load' });
  page_.page = page;
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-artifacts', 'report.png'), fullPage: true });
}, 120_000);

afterAll(async () => {
  await page_.context?.close();
  rmSync(userData, { recursive: true, force: true });
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

describe('the HTML report in Chromium', () => {
  it('fetches nothing but the file itself', () => {
    expect(requests).toEqual([fileUrl]);
  });

  it('draws four charts whose text labels all lie inside their chart and never overlap one another', async () => {
    expect(await labelProblems(page_.page!)).toEqual({ charts: 4, clipped: [], collisions: [] });
  });

  it('keeps labels apart with twenty months, twenty-four departments with long names and rotated month labels', async () => {
    // Half the sample moved a year back (twenty months of receipt), departments renamed to long official names.
    const long = ['市发展和改革委员会行政审批服务科', '市市场监督管理局登记注册科', '市住房和城乡建设局建筑业管理科', '市自然资源和规划局用地审批科', '市卫生健康委员会医政医管科', '市交通运输局综合运输管理科'];
    const lines = sampleLines(1200).map((line, i) => {
      const c = JSON.parse(line);
      const department = `${long[i % long.length]}${Math.floor(i / long.length) % 4 ? `第${Math.floor(i / long.length) % 4}分部` : ''}`;
      const text = JSON.stringify({ ...c, matter: { ...c.matter, department } });
      return i % 2 ? text : text.replaceAll('"2025-', '"2024-');
    });
    const log = join(folder, 'long.ndjson');
    writeFileSync(log, lines.join('\n'));
    const html = join(folder, 'long.html');
    const { code } = await cli('audit', log, ...AUDIT, '--format', 'html', '--out', html);
    expect(code).toBe(0);
    const page = await page_.context!.newPage();
    const url = pathToFileURL(html).href;
    reports.add(url);
    const seen: string[] = [];
    page.on('request', (request) => seen.push(request.url()));
    try {
      await page.goto(url, { waitUntil: 'load' });
      expect(seen).toEqual([url]);
      // The page does show what the case was made for: 20 months (rotated labels) and 24 departments.
      expect(await page.$$eval('section:nth-of-type(3) table.figures tbody tr', (rows) => rows.length)).toBe(20);
      expect(await page.$$eval('section:nth-of-type(5) table.figures tbody tr', (rows) => rows.length)).toBe(24);
      const months = await page.$$eval('.chart svg', (svgs) => svgs.length);
      expect(months).toBe(4);
      expect(await labelProblems(page)).toEqual({ charts: 4, clipped: [], collisions: [] });
    } finally {
      await page.close();
    }
  });
});

/** Every chart's text labels that leave their SVG, and every pair that overlaps within a chart. */
async function labelProblems(page: Page): Promise<{ charts: number; clipped: string[]; collisions: string[] }> {
  {
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('.chart svg')].map((svg) => {
        const frame = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')]
          .filter((t) => (t.textContent ?? '').trim() !== '')
          .map((t) => {
            const r = t.getBoundingClientRect();
            return { text: t.textContent!, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
          });
        return { frame: { x: frame.x, y: frame.y, width: frame.width, height: frame.height }, texts };
      }),
    );
    const inside = (b: Box, f: Box) => b.x >= f.x - 1 && b.y >= f.y - 1 && b.x + b.width <= f.x + f.width + 1 && b.y + b.height <= f.y + f.height + 1;
    // Boxes may touch (lines of one wrapped label); overlapping by more than 2 px both ways is a collision.
    const overlap = (a: Box, b: Box) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 2 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 2;
    const clipped: string[] = [];
    const collisions: string[] = [];
    for (const chart of charts) {
      expect(chart.texts.length).toBeGreaterThan(0);
      clipped.push(...chart.texts.filter((t) => !inside(t.box, chart.frame)).map((t) => t.text));
      chart.texts.forEach((a, i) => chart.texts.slice(i + 1).forEach((b) => overlap(a.box, b.box) && collisions.push(`${a.text} × ${b.text}`)));
    }
    return { charts: charts.length, clipped, collisions };
  }
}

describe('the HTML report in Chromium, continued', () => {

  it('filters the cases of a rule by rule and by text, and says how many rows it shows', async () => {
    const page = page_.page!;
    const top = summary.rules[0]!;
    const rule = `${top.rule}~${top.severity}`;
    const ofRule = records.filter((r) => r.findings.some((f) => f.rule === top.rule && f.severity === top.severity)).slice(0, CASES_PER_RULE);
    await page.selectOption('#rule-filter', rule);
    const visibleBlocks = await page.$$eval('.rule-cases', (blocks) => blocks.filter((b) => !(b as unknown as PageElement).hidden).map((b) => b.getAttribute('data-rule')));
    expect(visibleBlocks).toEqual([rule]);
    const block = `.rule-cases[data-rule="${rule}"]`;
    const visibleRows = () => page.$$eval(`${block} tbody tr`, (rows) => rows.filter((r) => !(r as unknown as PageElement).hidden).map((r) => r.querySelector('code')!.textContent));
    expect(await visibleRows()).toEqual(ofRule.map((r) => r.caseId));
    const department = ofRule[0]!.department;
    await page.fill('#case-filter', department);
    const expected = ofRule.filter((r) => r.department === department).map((r) => r.caseId);
    expect(expected.length).toBeLessThan(ofRule.length);
    expect(await visibleRows()).toEqual(expected);
    expect(await page.textContent(`${block} .shown`)).toBe(`显示 ${expected.length} / ${ofRule.length} 件`);
    // A case id narrows to that case.
    await page.fill('#case-filter', ofRule[1]!.caseId);
    expect(await visibleRows()).toEqual([ofRule[1]!.caseId]);
    await page.fill('#case-filter', '');
    await page.selectOption('#rule-filter', '');
    const allBlocks = await page.$$eval('.rule-cases', (blocks) => blocks.filter((b) => !(b as unknown as PageElement).hidden).length);
    expect(allBlocks).toBe(summary.rules.length);
  });

  it('shows no English under --lang zh: every Latin letter belongs to an id, a name from the data or a command-line option', async () => {
    const page = page_.page!;
    // Everything the page shows, finding and error messages included: the words the library writes into a message's
    // facts are in the message's language (test/engine/message-language.test.ts checks every rule under every fixture).
    const visible = await page.evaluate(() => {
      const body = document.body.cloneNode(true);
      for (const e of [...body.querySelectorAll('script, style')]) e.remove();
      const svgText = [...document.querySelectorAll('svg text')].map((t) => t.textContent).join('\n');
      const placeholders = [...document.querySelectorAll('input[placeholder]')].map((i) => i.getAttribute('placeholder')).join('\n');
      return `${body.textContent}\n${svgText}\n${placeholders}`;
    });
    // Ids and names from the data: rule ids, case ids, departments, windows, the profile, the as-of instant, JSON
    // paths of errors. "JSON" names the log's format and "ISO" the standard of dates and instants in an error message.
    const allowed = [
      ...summary.rules.flatMap((r) => [r.ruleId, r.rule]),
      ...records.flatMap((r) => [r.caseId, r.department, r.window ?? '']),
      ...summary.errors.flatMap((e) => [e.path, e.caseId ?? '']),
      summary.profile,
      summary.asOf,
      'JSON',
      'ISO',
    ]
      .filter((s) => /[A-Za-z]/.test(s))
      .sort((a, b) => b.length - a.length);
    // Command-line options are written as they are typed; an instant (an error's example) is a number with its T.
    let rest = visible.replace(/--[a-z][a-z-]*/g, ' ').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/g, ' ');
    for (const id of allowed) rest = rest.split(id).join(' ');
    const latin = [...new Set(rest.match(/[A-Za-z]+/g) ?? [])];
    expect(latin).toEqual([]);
  });
});
