// Issue 13: the HTML report as a file: self-contained, printable, the same bytes for the same audit.
import { describe, expect, it } from 'vitest';
import { CASES_PER_RULE } from '../../src/cli/report/html.js';
import { FIGURE_LEGEND } from '../../src/cli/messages/report.js';
import { AUDIT, cli, sampleLog } from '../hardening/helpers.js';

const html = async (...more: string[]) => {
  const { code, out } = await cli(...more.filter((m) => m === '--lang' || m === 'en'), 'audit', sampleLog, ...AUDIT, '--format', 'html', ...more.filter((m) => m !== '--lang' && m !== 'en'));
  expect(code).toBe(0);
  return out;
};

describe('audit --format html', () => {
  it('is the same bytes for one thread or two and however many charts the process drew before', async () => {
    const first = await html('--workers', '1');
    const second = await html('--workers', '2');
    expect(second).toBe(first);
    // ECharts numbers its instances; each chart's classes carry a fixed name of its own instead.
    expect(first).not.toMatch(/zr\d+-/);
    for (const chart of ['rules', 'months', 'heat', 'ontime']) expect(first).toContain(`${chart}-cls-`);
  });

  it('fetches nothing: the only URLs are the SVG namespaces; it prints on A4', async () => {
    const out = await html();
    const urls = out.match(/https?:\/\/[^"'\s)]+/g) ?? [];
    expect(urls.every((u) => u === 'http://www.w3.org/2000/svg' || u === 'http://www.w3.org/1999/xlink')).toBe(true);
    expect(out).not.toMatch(/<link|<img|@import|url\((?!#)/);
    expect(out).toContain('@page{size:A4');
    expect(out).toContain('@media print');
    // Every attribute of the charts' SVG is well quoted: no double quote inside a double-quoted style.
    expect(out).not.toMatch(/style="[^"]*"(?![\s>/])/);
    expect(out).not.toMatch(/style="[^"]*font-family:"/);
  });

  it('states how every figure is counted, 提速率 with its formula, and lists each rule\'s cases with its total', async () => {
    const zh = await html();
    for (const { how } of FIGURE_LEGEND) expect(zh).toContain(how.zh);
    expect(zh).toContain('(法定时限 − 实际办理工作日) ÷ 法定时限');
    const summary = JSON.parse((await cli('audit', sampleLog, ...AUDIT, '--format', 'json')).out);
    for (const rule of summary.rules) {
      const block = zh.split(`data-rule="${rule.rule}~${rule.severity}"`)[1]!.split('</table>')[0]!;
      expect(block.match(/<tr>/g)!.length - 1).toBe(Math.min(rule.cases, CASES_PER_RULE));
      if (rule.cases > CASES_PER_RULE) expect(block).toContain(`列出前 ${CASES_PER_RULE} 件，共 ${rule.cases} 件`);
    }
    const en = await html('--lang', 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('findings by rule');
    expect(en).not.toMatch(/审计|办结率/);
  });
});
