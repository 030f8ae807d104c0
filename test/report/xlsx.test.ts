// Issue 13: the workbook a compliance team filters in Excel or WPS, read back with exceljs.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SEVERITY_LABELS } from '../../src/cli/labels.js';
import type { CaseRecord } from '../../src/cli/report/case-record.js';
import { displayWidth } from '../../src/cli/report/xlsx.js';
import { AUDIT, cli, sampleLog } from '../hardening/helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'report-xlsx-'));

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('audit --format xlsx', () => {
  it('writes the summary, rules, departments × rules, windows, months, per-case findings, deadlines and errors, with Chinese headers, frozen header rows and filters', async () => {
    const file = join(folder, 'audit.xlsx');
    const cases = join(folder, 'cases.ndjson');
    const { code } = await cli('audit', sampleLog, ...AUDIT, '--format', 'xlsx', '--out', file, '--cases', cases);
    expect(code).toBe(0);
    const summary = JSON.parse((await cli('audit', sampleLog, ...AUDIT, '--format', 'json')).out);
    const records = readFileSync(cases, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r): r is CaseRecord => r.kind === 'case');
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概要', '规则', '部门×规则', '窗口', '月份', '逐案发现', '逐案时限', '错误']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const columns = header(sheet).length;
      // The filter spans the header row's columns.
      expect(sheet.autoFilter).toBe(`A1:${sheet.getRow(1).getCell(columns).address}`);
    }
    const rules = book.getWorksheet('规则')!;
    expect(header(rules)).toEqual(['规则名称', '规则编号', '级别', '发现', '涉及案件', '依据']);
    const top = summary.rules[0];
    expect((rules.getRow(2).values as unknown[]).slice(2, 6)).toEqual([top.rule, SEVERITY_LABELS[top.severity as 'violation'].zh, top.count, top.cases]);

    // Per-case findings: one row per finding of every case, filterable by rule, department, window and month.
    const findings = book.getWorksheet('逐案发现')!;
    expect(header(findings).slice(0, 6)).toEqual(['行', '案件编号', '部门', '窗口', '月份', '规则编号']);
    expect(findings.rowCount - 1).toBe(records.reduce((n, r) => n + r.findings.length, 0));
    const firstWith = records.find((r) => r.findings.length)!;
    expect((findings.getRow(2).values as unknown[]).slice(1, 7)).toEqual([firstWith.line, firstWith.caseId, firstWith.department, firstWith.window, firstWith.month, firstWith.findings[0]!.ruleId]);
    const deadlines = book.getWorksheet('逐案时限')!;
    expect(deadlines.rowCount - 1).toBe(records.reduce((n, r) => n + r.deadlines.length, 0));
    // Deadline statuses in each kind's own words: 办结 only for completion.
    const statuses = new Set<string>();
    deadlines.eachRow((row, n) => {
      if (n > 1) statuses.add(`${row.getCell(6).value}:${row.getCell(9).value}`);
    });
    expect(statuses).toContain('办结时限:按时办结');
    expect([...statuses].filter((s) => s.endsWith('按时办结')).every((s) => s.startsWith('办结时限:'))).toBe(true);
    expect(book.getWorksheet('错误')!.rowCount - 1).toBe(summary.errorCount);

    // Departments × rules: each cell is the department's cases with that rule.
    const matrix = book.getWorksheet('部门×规则')!;
    const columns = header(matrix) as string[];
    const dept = summary.departments[0];
    const row = matrix.getRow(2).values as unknown[];
    expect(row[1]).toBe(dept.department);
    expect(row[1 + columns.indexOf(top.ruleId)]).toBe(dept.rules[top.ruleId] ?? 0);
    expect(row[1 + columns.indexOf('按时办结数')]).toBe(dept.figures.completedOnTime);

    // Widths fit CJK text: a Chinese character counts as two.
    const longest = Math.max(...summary.departments.map((d: { department: string }) => displayWidth(d.department)));
    expect(matrix.getColumn(1).width).toBeGreaterThanOrEqual(longest);
    expect(displayWidth('住房和城乡建设局')).toBe(16);
  });

  it('speaks English with --lang en, and needs --out', async () => {
    const file = join(folder, 'audit-en.xlsx');
    expect((await cli('--lang', 'en', 'audit', sampleLog, ...AUDIT, '--format', 'xlsx', '--out', file)).code).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['summary', 'rules', 'departments x rules', 'windows', 'months', 'case findings', 'case deadlines', 'errors']);
    expect(header(book.getWorksheet('rules')!)[0]).toBe('rule');
    const missing = await cli('audit', sampleLog, ...AUDIT, '--format', 'xlsx');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--out');
  });
});
