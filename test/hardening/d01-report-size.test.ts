// D1, continued: a report's size must not grow with the text of the log. Departments, windows and case ids were
// kept whole and every distinct one listed, so 650 valid lines with distinct 900 KB department names (586 MB), or
// 700 broken lines with 900 KB ids, made a report longer than V8's largest string: `RangeError: Invalid string
// length`, exit 1, no report.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditStream } from '../../src/cli/audit-run.js';
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, type AuditOptions } from '../../src/cli/audit.js';
import { formatCsv, formatHtml, formatTable } from '../../src/cli/format.js';
import { AS_OF, isWellFormed, sampleLines } from './helpers.js';

const log = (lines: readonly string[]) => Readable.from([Buffer.from(lines.join('\n'))]);
const options = (more: Partial<AuditOptions> = {}): AuditOptions => ({ profile: 'city-12', asOf: AS_OF, workers: 1, ...more });

describe('D1: a report is bounded whatever the log holds', () => {
  it('long department and window names, case ids and messages are cut; lines with distinct long names still give a report', async () => {
    // Each line under the 1,000,000-byte cap: about 300 KB of department, 200 KB of window and 200 KB of id.
    const long = (i: number, c: string, n = 100_000) => `${i}${c.repeat(n)}`;
    const lines = sampleLines(6).map((line, i) => {
      const c = JSON.parse(line);
      return JSON.stringify({ ...c, id: long(i, 'i', 200_000), matter: { ...c.matter, department: long(i, '部'), window: long(i, 'w', 200_000) } });
    });
    lines.push(JSON.stringify({ id: long(9, 'x', 900_000), matter: 5 }), JSON.stringify({ id: long(8, '😀'), matter: 5 }));
    const summary = await auditStream(log(lines), options());
    expect(summary).toMatchObject({ cases: 8, evaluated: 6, errorCount: 2 });
    const names = [...summary.departments.map((d) => d.department), ...summary.windows.map((w) => w.window), ...summary.errors.map((e) => e.caseId!), ...summary.worstOverdue.flatMap((w) => [w.caseId, w.department])];
    expect(summary.departments).toHaveLength(6);
    expect(summary.errors).toHaveLength(2);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
      expect(name.endsWith('...')).toBe(true);
      expect(isWellFormed(name)).toBe(true);
    }
    for (const text of [...summary.errors.flatMap((e) => [e.message, e.messageZh, e.path]), ...summary.rules.map((r) => r.message)]) expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    // About 5 MB of log text; the report stays small in every format.
    for (const text of [JSON.stringify(summary), formatTable(summary, 'en'), formatCsv(summary), formatHtml(summary, 'zh')]) expect(text.length).toBeLessThan(60_000);
  });

  it('at most maxNamesListed departments and windows are listed, the rest summed; the same for any number of threads', async () => {
    // More than one batch of lines, so that threads fold several parts; 40 departments, 7 windows.
    const lines = sampleLines(1100).map((line, i) => {
      const c = JSON.parse(line);
      return JSON.stringify({ ...c, matter: { ...c.matter, department: `部门${i % 40}`, window: `W${i % 7}` } });
    });
    const single = await auditStream(log(lines), options({ maxNamesListed: 5 }));
    const pooled = await auditStream(log(lines), options({ maxNamesListed: 5, workers: 2 }));
    expect(pooled).toEqual(single);
    expect(single.departments).toHaveLength(5);
    expect(single.windows).toHaveLength(5);
    const total = (rows: Array<{ cases: number }>, other?: { cases: number }) => rows.reduce((n, r) => n + r.cases, 0) + (other?.cases ?? 0);
    expect(total(single.departments, single.otherDepartments)).toBe(single.evaluated);
    expect(total(single.windows, single.otherWindows)).toBe(single.evaluated);
    expect(single.otherDepartments!.cases).toBeGreaterThan(0);
    // Every format shows the sum of the names not listed.
    expect(formatTable(single, 'en')).toContain(`(other departments)  ${single.otherDepartments!.cases}`);
    expect(formatTable(single, 'zh')).toContain('（其余窗口）');
    expect(formatCsv(single)).toContain(`\r\nother-departments,,,,${single.otherDepartments!.cases},`);
    expect(formatHtml(single, 'en')).toContain('<td>(other windows)</td>');
    // Without the cap, nothing is summed and the report has no such field.
    const all = await auditStream(log(lines), options());
    expect(all.departments).toHaveLength(40);
    expect(all).not.toHaveProperty('otherDepartments');
    expect(all).not.toHaveProperty('otherWindows');
  });
});
