import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evaluate } from '../../src/index.js';
import {
  compareSourceDue, supervisionRecordJsonSchema, supervisionRecords, writeSupervisionCsv, writeSupervisionNdjson,
  type CaseRecord, type RowError, type SupervisionRecord,
} from '../../src/interchange/index.js';
import { collect, sampleFolder } from './helpers.js';

const asOf = '2025-10-31T18:00:00+08:00';
const items = await collect({ format: 'national-exchange', from: sampleFolder });
const cases = items.filter((item): item is CaseRecord => item.kind === 'case');
const errors = items.filter((item): item is RowError => item.kind === 'row-error');
const audits = cases.map((record) => ({ record, report: evaluate(record.snapshot, { profile: 'city-12', asOf, trace: false }) }));

describe('auditing the sample national-exchange export', () => {
  it('imports every clean case, in 办件编号 order', () => {
    expect(cases.length).toBe(402);
    const ids = cases.map((record) => record.caseId);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports every row it cannot map, with table, key, column and value', () => {
    const brief = errors.map((error) => [error.table, error.key ?? null, error.column ?? null, error.value ?? null]);
    expect(brief).toEqual([
      ['up_task_general_basic', 'HB-BAD', 'anticipate_type', '9'],
      ['up_pro_process', null, 'project_no', null],
      ['up_task_general_basic', 'HB-NAT', 'anticipate_type', 'Z'],
      ['up_task_general_basic', 'HB-NAT', 'promise_type', '2'],
      ['up_pro_accept', 'JDZ-2025-X0002', 'task_code', 'HB-BAD'],
      ['up_pro_accept', 'JDZ-2025-X0003', 'accept_date', '20250303100000 | 20250304100000'],
      ['up_pro_accept', 'JDZ-2025-X0004', 'accept_date', '2025-13-03 10:00'],
      ['up_pro_result', 'JDZ-2025-X0005', 'project_no', 'JDZ-2025-X0005'],
      ['up_pro_process', 'JDZ-2025-X0006', 'event_name', '99'],
    ]);
    const natural = errors.find((error) => error.column === 'anticipate_type' && error.value === 'Z')!;
    expect(natural.caseId).toBe('JDZ-2025-X0001');
    expect(natural.expected.en).toMatch(/natural-day limits are not yet counted/);
    expect(natural.expected.zh).toMatch(/自然日/);
    for (const error of errors) {
      expect(error.expected.zh.length).toBeGreaterThan(0);
      expect(error.expected.en.length).toBeGreaterThan(0);
      expect(error.source).toMatch(/up_[a-z_]+\.csv$/);
    }
  });

  it('reads the GBK acceptance table, the BOM result table and both unit encodings', () => {
    const suspended = cases.find((record) => record.caseId === 'JDZ-2025-S0001')!;
    expect(suspended.snapshot.matter).toMatchObject({ department: '市场监督管理局', name: '食品经营许可', legalLimitWorkingDays: 20, promisedLimitWorkingDays: 10 });
    expect(suspended.snapshot.events.find((event) => event.type === 'decided')).toMatchObject({ at: '2025-02-14T16:00:00+08:00', outcome: 'approved' });
    // Catalogue rows alternate G and 1 for the same kind of limit: every item is read in working days.
    expect(new Set(cases.map((record) => record.snapshot.matter.promisedLimitWorkingDays)).size).toBeGreaterThan(3);
  });

  it('a suspension across the Spring Festival is excluded time, and the case is on time', () => {
    const { record, report } = audits.find(({ record }) => record.caseId === 'JDZ-2025-S0001')!;
    expect(record.snapshot.events).toContainEqual(expect.objectContaining({ type: 'suspended', at: '2025-01-24T10:00:00+08:00', reason: 'hearing', writtenNotice: true }));
    expect(record.snapshot.events).toContainEqual({ type: 'resumed', at: '2025-02-10T09:00:00+08:00' });
    const completion = report.deadlines.find((deadline) => deadline.id === 'completion')!;
    expect(completion).toMatchObject({ dueDate: '2025-02-18', status: 'met' });
    const disagreement = compareSourceDue(report, record.sourceDue, { snapshot: record.snapshot })!;
    expect(disagreement.theirs).toBe('2025-02-08');
    expect(disagreement.reasons).toContainEqual({ kind: 'excluded-period', from: '2025-01-24T10:00:00+08:00', to: '2025-02-10T09:00:00+08:00' });
  });

  it("finds the case whose source counted past a make-up Saturday, and says why", () => {
    const disagreements = audits.map(({ record, report }) => compareSourceDue(report, record.sourceDue, { snapshot: record.snapshot })).filter((d) => d !== undefined);
    const madeUp = disagreements.find((d) => d.caseId === 'JDZ-2025-M0001')!;
    expect(madeUp).toMatchObject({ ours: '2025-10-13', theirs: '2025-10-14', workingDays: 1 });
    expect(madeUp.reasons).toEqual([expect.objectContaining({ kind: 'make-up-workday', date: '2025-10-11' })]);
    expect(madeUp.message.zh).toContain('调休上班日');
    expect(madeUp.message.en).toContain('2025-10-11 make-up-workday');
    // The source writes its promise_date at acceptance: a later suspension moves our date and not theirs. Every other
    // disagreement in the sample is such a case, and says so.
    const others = disagreements.filter((d) => d.caseId !== 'JDZ-2025-M0001');
    expect(others.length).toBeGreaterThan(5);
    for (const d of others) {
      expect(d.reasons.some((reason) => reason.kind === 'excluded-period'), d.caseId).toBe(true);
      expect(d.ours > d.theirs).toBe(true);
    }
  });

  it('findings become GB/T 39046 supervision records that validate against the generated JSON Schema', async () => {
    const records: SupervisionRecord[] = audits.flatMap(({ record, report }) => supervisionRecords(report, { snapshot: record.snapshot }));
    expect(records.length).toBe(audits.reduce((n, { report }) => n + report.findings.length, 0));
    const fromJsonSchema = z.fromJSONSchema(supervisionRecordJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);
    const lines: string[] = [];
    await writeSupervisionNdjson(records, (line) => lines.push(line));
    for (const line of lines) expect(fromJsonSchema.safeParse(JSON.parse(line)).success).toBe(true);
    // The schema is strict: a record with an unknown field, or without its rule id, is refused.
    expect(fromJsonSchema.safeParse({ ...records[0], extra: 1 }).success).toBe(false);
    const { ruleId: _dropped, ...withoutRule } = records[0]!;
    expect(fromJsonSchema.safeParse(withoutRule).success).toBe(false);

    const late = records.find((r) => r.caseId === 'JDZ-2025-M0001' && r.ruleId === 'TC-ON-TIME')!;
    expect(late).toMatchObject({ warningTypeCode: '2', warningType: '报警', statusAt: asOf, department: '市场监督管理局', matterCode: 'SP-001-3D', supervisionId: 'JDZ-2025-M0001/TC-ON-TIME' });
    expect(late.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes CSV with a BOM, the Chinese titles and RFC 4180 quoting', async () => {
    const { report, record } = audits.find(({ report }) => report.findings.length > 0)!;
    const records = supervisionRecords(report, { snapshot: record.snapshot });
    let csv = '';
    const n = await writeSupervisionCsv([...records, { ...records[0]!, description: '含,逗号与"引号"\n换行' }], (chunk) => { csv += chunk; });
    expect(n).toBe(records.length + 1);
    expect(csv.startsWith('\uFEFF办件编号,监察编号,监察规则编号,监察预警类型代码,监察预警类型,状态产生时间,监察结果描述')).toBe(true);
    expect(csv).toContain('"含,逗号与""引号""\n换行"');
    expect(csv.split('\r\n').length).toBe(records.length + 3);
  });
});
