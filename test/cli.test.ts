import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';

const root = join(import.meta.dirname, '..');
const sample = join(root, 'fixtures', 'sample', 'cases.ndjson');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('command line', () => {
  it('check runs every fixture under a folder, one ✓ line each, then the summary line; all bundled fixtures pass', async () => {
    const folder = join(root, 'fixtures', 'first-inquiry');
    const count = readdirSync(folder).filter((f) => f.endsWith('.yaml')).length;
    const { code, out } = await cli('--lang', 'en', 'check', folder);
    const lines = out.split('\n');
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(0, -1).every((line) => /^✓ \S*first-inquiry\/\S+\.yaml — \S/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe(`${count} passed, 0 failed`);
    expect(code).toBe(0);
  });

  it('audit streams the sample log, counts every case and lists each malformed line with its line number and path', async () => {
    const { code, out } = await cli('audit', sample, '--profile', 'city-12', '--as-of', '2025-10-31T18:00:00+08:00', '--format', 'json');
    const summary = JSON.parse(out);
    expect(code).toBe(0);
    expect(summary.cases).toBe(1203);
    expect(summary.evaluated).toBe(1200);
    expect(summary.errors.map((e: { line: number; path: string }) => [e.line, e.path])).toEqual([[101, '$'], [501, '$.events[0].at'], [901, '$.matter']]);
    // Each error says what was expected in words, in both languages, without repeating its path.
    expect(summary.errors[2]).toMatchObject({ message: 'expected an object (the field is missing), got undefined', messageZh: '应为对象（缺少该字段），实际为 undefined' });
    const total = summary.departments.reduce((n: number, d: { cases: number }) => n + d.cases, 0);
    expect(total).toBe(1200);
    expect(summary.rules.every((r: { citation?: unknown; severity: string }) => r.citation || r.severity === 'data-integrity')).toBe(true);
  });

  it('the HTML report is one file with inline SVG charts, an inline filter script and no external assets', async () => {
    const { out } = await cli('audit', sample, '--profile', 'city-12', '--as-of', '2025-10-31T18:00:00+08:00', '--format', 'html');
    // Four charts: findings by rule, status by month, departments × rules, on-time rate by department.
    expect(out.match(/<svg /g)?.length).toBe(4);
    // Only the inline filter script; links only within the page.
    expect(out).not.toMatch(/<script[^>]*src|<link|src=|href="(?!#)/);
  });

  it('bad usage and bad input exit 2 with one clear line', async () => {
    expect(await cli('--lang', 'en', 'audit', sample, '--profile', 'city-12', '--as-of', '2025-10-31')).toMatchObject({ code: 2, err: expect.stringContaining('expected an ISO instant with offset') });
    expect(await cli('audit', sample, '--profile', 'city-12', '--as-of', '2025-10-31')).toMatchObject({ code: 2, err: expect.stringContaining('应为含时区的 ISO 时刻') });
    expect(await cli('--lang', 'en', 'audit', 'missing.ndjson', '--profile', 'city-12', '--as-of', '2025-10-31T18:00:00+08:00')).toMatchObject({ code: 2, err: expect.stringContaining('missing.ndjson: cannot read') });
    expect(await cli('audit', 'missing.ndjson', '--profile', 'city-12', '--as-of', '2025-10-31T18:00:00+08:00')).toMatchObject({ code: 2, err: expect.stringContaining('missing.ndjson：无法读取') });
    expect((await cli('audit', sample, '--profile', 'city-99', '--as-of', '2025-10-31T18:00:00+08:00')).code).toBe(2);
    expect((await cli('schema', 'nonsense')).code).toBe(2);
  });

  it('schema prints a JSON Schema generated from the zod schema', async () => {
    const { code, out } = await cli('schema', 'roster');
    const schema = JSON.parse(out);
    expect(code).toBe(0);
    expect(schema.$schema).toMatch(/json-schema/);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'period']));
  });

  it('schema report describes the report as produced, findings and deadlines required', async () => {
    const { code, out } = await cli('schema', 'report');
    const schema = JSON.parse(out);
    expect(code).toBe(0);
    expect(schema.required).toEqual(['subject', 'asOf', 'profile', 'findings', 'deadlines', 'obligations']);
    expect(schema.properties.findings.items.properties.severity.enum).toEqual(['violation', 'warning', 'notice', 'data-integrity']);
  });

  it('explain leads with the findings (title, id, sentence, parameters), then the deadlines around the as-of instant, then the rules that fired, in either language', async () => {
    const fixture = parse(readFileSync(join(root, 'fixtures', 'timed-completion', 'delivery-late.yaml'), 'utf8'));
    const file = join(mkdtempSync(join(tmpdir(), 'scr-explain-')), 'case.json');
    writeFileSync(file, JSON.stringify(fixture.case));
    const args = ['explain', file, '--profile', fixture.profile, '--as-of', fixture.asOf];
    const zh = await cli(...args);
    const en = await cli('--lang', 'en', ...args);
    expect(zh.code).toBe(0);
    expect(zh.out.split('\n')[3]).toBe('发现（1）：');
    expect(zh.out).toContain('发现（1）：\n  违规  送达：证件逾期送达  TC-DELIVERY\n');
    expect(en.out).toContain('Findings (1):\n  violation  Delivery: certificate late  TC-DELIVERY\n');
    // The parameter the finding measured against, with its value, unit and source sentence.
    expect(zh.out).toMatch(/参数 deliveryWorkingDays：10 个工作日，xingzheng-xuke-fa 第四十四条（原文规定）「.+」/);
    expect(en.out).toMatch(/parameter deliveryWorkingDays: 10 working days, xingzheng-xuke-fa 第四十四条 \(text\)「.+」/);
    // The rules behind the findings come after the deadlines; those that did not fire only with --all.
    expect(zh.out.indexOf('时限：')).toBeLessThan(zh.out.indexOf('● 送达：证件逾期送达  TC-DELIVERY  触发'));
    expect(en.out).not.toContain('○ ');
    expect(en.out).toMatch(/\d+ more rules did not fire \(--all shows them\)/);
    expect((await cli('--lang', 'en', ...args, '--all')).out).toMatch(/Rules that did not fire:\n○ /);
    const deadlines = en.out.slice(en.out.indexOf('Deadlines:'));
    const timeline = deadlines.slice(0, (deadlines + '\n\n').indexOf('\n\n')).split('\n').slice(1);
    const dates = timeline.map((line) => line.trim().slice(0, 10));
    expect(dates).toEqual([...dates].sort());
    expect(timeline.at(-1)).toContain(`▶ as of ${fixture.asOf}`);
  });

  it('calendar answers from the shell', async () => {
    expect((await cli('calendar', 'add', '2025-09-30', '3')).out).toBe('2025-10-11');
    expect((await cli('calendar', 'is-working-day', '2025-10-11')).out).toBe('true');
    expect((await cli('calendar', 'between', '2025-09-30', '2025-10-13')).out).toBe('4');
  });

  it('--calendar adds closures or years to the bundled calendar for every command; a bad addition exits 2 naming the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-calendar-'));
    const closures = join(dir, 'closures.json');
    writeFileSync(closures, JSON.stringify({ closures: [{ date: '2025-10-09', reason: '中心搬迁' }] }));
    expect((await cli('--calendar', closures, 'calendar', 'add', '2025-09-30', '3')).out).toBe('2025-10-13');
    expect((await cli('--calendar', closures, 'calendar', 'is-working-day', '2025-10-09')).out).toBe('false');
    const badYear = join(dir, 'bad-year.json');
    writeFileSync(badYear, JSON.stringify({ years: { 2027: { status: 'published', notice: 'x', statutoryDays: 13, daysOff: [{ date: '2027-01-01', holiday: '元旦' }], makeUpWorkdays: [] } } }));
    const bad = await cli('--lang', 'en', '--calendar', badYear, 'calendar', 'is-working-day', '2027-01-04');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/2027/);
    expect((await cli('--lang', 'en', '--calendar', join(dir, 'missing.json'), 'calendar', 'info', '2025-10-09')).err).toMatch(/--calendar .*missing\.json: cannot read/);
    expect((await cli('--calendar', join(dir, 'missing.json'), 'calendar', 'info', '2025-10-09')).err).toMatch(/--calendar .*missing\.json：无法读取/);
  });
});
