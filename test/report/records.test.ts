// Issue 13: every case behind every count. The audit writes one record per case (and per error line) to disk in log
// order, the same for any number of threads, and the published figures are counted per case from those records.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditStream } from '../../src/cli/audit-run.js';
import { auditRecordSchema, type AuditRecord, type CaseRecord } from '../../src/cli/report/case-record.js';
import { addFigures, caseFigures, emptyFigures, rates } from '../../src/cli/report/figures.js';
import { AS_OF, AUDIT, cli, sampleLines, sampleLog } from '../hardening/helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'report-records-'));
const readRecords = (file: string): AuditRecord[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => auditRecordSchema.parse(JSON.parse(line)));

describe('per-case records', () => {
  it('--format ndjson writes one valid line per case and per error line, in log order, the same for one thread or two', async () => {
    const one = await cli('audit', sampleLog, ...AUDIT, '--format', 'ndjson', '--workers', '1');
    const two = await cli('audit', sampleLog, ...AUDIT, '--format', 'ndjson', '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    const records = one.out.split('\n').map((line) => auditRecordSchema.parse(JSON.parse(line)));
    const logLines = readFileSync(sampleLog, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
    expect(records).toHaveLength(logLines);
    expect(records.map((r) => r.line)).toEqual(records.map((_, i) => i + 1));
    const errors = records.filter((r) => r.kind === 'error');
    expect(errors.map((e) => e.line)).toEqual([101, 501, 901]);
    // Each error record carries both languages, as the summary does.
    for (const e of errors) expect(e.message.zh).not.toBe('');
  });

  it('--cases writes the same records beside any other format; the summary counts are the records summed', async () => {
    const cases = join(folder, 'cases.ndjson');
    const { code, out } = await cli('audit', sampleLog, ...AUDIT, '--format', 'json', '--cases', cases);
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    const records = readRecords(cases);
    const ndjson = await cli('audit', sampleLog, ...AUDIT, '--format', 'ndjson');
    expect(readFileSync(cases, 'utf8')).toBe(`${ndjson.out}\n`);
    const caseRecords = records.filter((r): r is CaseRecord => r.kind === 'case');
    expect(caseRecords).toHaveLength(summary.evaluated);
    // A rule's (variant's, at its severity) case count is the number of records with it; its finding count may be larger.
    for (const rule of summary.rules) {
      const same = (f: CaseRecord['findings'][number]) => f.rule === rule.rule && f.severity === rule.severity;
      const withRule = caseRecords.filter((r) => r.findings.some(same));
      expect(withRule.length).toBe(rule.cases);
      expect(withRule.reduce((n, r) => n + r.findings.filter(same).length, 0)).toBe(rule.count);
    }
    // Figures: the center's are the records' summed, and so are each department's and month's.
    expect(summary.figures).toEqual(caseRecords.map(caseFigures).reduce(addFigures, emptyFigures()));
    for (const d of summary.departments) {
      expect(d.figures).toEqual(caseRecords.filter((r) => r.department === d.department).map(caseFigures).reduce(addFigures, emptyFigures()));
    }
    for (const m of summary.months) expect(m.cases).toBe(caseRecords.filter((r) => r.month === m.month).length);
    // Every count leads to its cases: a department's rule counts are its records with that rule.
    const department = summary.departments[0];
    for (const [ruleId, n] of Object.entries(department.rules)) {
      expect(caseRecords.filter((r) => r.department === department.department && r.findings.some((f) => f.ruleId === ruleId)).length).toBe(n);
    }
  });

  it('--format ndjson --out writes the same lines to the file, with or without --cases beside it', async () => {
    const stdout = (await cli('audit', sampleLog, ...AUDIT, '--format', 'ndjson')).out;
    const out = join(folder, 'out.ndjson');
    const beside = join(folder, 'beside.ndjson');
    expect((await cli('audit', sampleLog, ...AUDIT, '--format', 'ndjson', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`${stdout}\n`);
    expect((await cli('audit', sampleLog, ...AUDIT, '--format', 'ndjson', '--out', out, '--cases', beside)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`${stdout}\n`);
    expect(readFileSync(beside, 'utf8')).toBe(`${stdout}\n`);
    // No temporary file is left beside either.
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('the table says how to list the cases behind a count', async () => {
    const { out } = await cli('audit', sampleLog, ...AUDIT);
    const summary = JSON.parse((await cli('audit', sampleLog, ...AUDIT, '--format', 'json')).out);
    expect(out).toContain('加 --cases <文件>');
    expect(out).toContain(`jq -c 'select(any(.findings[]?; .rule == "${summary.rules[0].rule}"))' cases.ndjson`);
  });

  it('with two threads the records file holds one record per line of the log, in log order', async () => {
    const file = join(folder, 'stream.ndjson');
    const log = sampleLines(1200).join('\n');
    const summary = await auditStream(Readable.from([Buffer.from(log)]), { profile: 'city-12', asOf: AS_OF, workers: 2, casesFile: file });
    const records = readRecords(file);
    expect(records).toHaveLength(summary.cases);
    expect(records.every((r, i) => r.line === i + 1)).toBe(true);
  });
});

describe('the figures centers publish, counted per case', () => {
  const base = JSON.parse(sampleLines(1)[0]!);
  const variant = (id: string, change: (events: Array<Record<string, unknown>>) => Array<Record<string, unknown>>) =>
    JSON.stringify({ ...base, id, events: change(base.events.map((e: Record<string, unknown>) => ({ ...e }))) });
  const decidedAt = (at: string) => (events: Array<Record<string, unknown>>) => events.map((e) => (e.type === 'decided' ? { ...e, at } : e));
  const open = (events: Array<Record<string, unknown>>) => events.filter((e) => !['decided', 'result-notified', 'certificate-delivered'].includes(e.type as string));
  const notAccepted = (events: Array<Record<string, unknown>>) => events.map((e) => (e.type === 'decided' ? { ...e, outcome: 'not-accepted' } : e));

  it('on time, late, open past the deadline and not accepted are told apart; rates follow their stated formulas', async () => {
    const file = join(folder, 'figures.ndjson');
    const log = [
      variant('ON-TIME', (e) => e),
      variant('LATE', (e) => decidedAt('2025-09-01T10:00:00+08:00')(e).filter((x) => x.type !== 'certificate-delivered' && x.type !== 'result-notified')),
      variant('OPEN-OVERDUE', open),
      variant('NOT-ACCEPTED', notAccepted),
    ];
    const summary = await auditStream(Readable.from([Buffer.from(log.join('\n'))]), { profile: 'city-12', asOf: '2025-10-31T18:00:00+08:00', workers: 1, casesFile: file });
    const records = readRecords(file) as CaseRecord[];
    const byId = Object.fromEntries(records.map((r) => [r.caseId, r]));
    expect(byId['ON-TIME']!.completion!.status).toBe('met');
    expect(byId['LATE']!.completion!.status).toBe('missed');
    expect(byId['OPEN-OVERDUE']!.completion!.status).toBe('overdue');
    expect(byId['OPEN-OVERDUE']!.completed).toBe(false);
    expect(byId['NOT-ACCEPTED']!.outcome).toBe('not-accepted');
    const f = summary.figures;
    expect(f).toMatchObject({ received: 4, completed: 2, completedTimed: 2, completedOnTime: 1, overdueClosed: 1, overdueOpen: 1, notAccepted: 1, refused: 0 });
    // The sample case was told of missing materials, and so is every variant.
    expect(f.deficiencyNotices).toBe(4);
    const used = [byId['ON-TIME']!, byId['LATE']!].map((r) => r.completion!.workingDaysUsed);
    const r = rates(f);
    expect(r.onTimeRate).toBe(0.5);
    expect(r.meanWorkingDays).toBe((used[0]! + used[1]!) / 2);
    expect(r.meanPromisedLimit).toBe(base.matter.promisedLimitWorkingDays);
    expect(r.meanLegalLimit).toBe(base.matter.legalLimitWorkingDays);
    const legal = base.matter.legalLimitWorkingDays as number;
    expect(r.speedUpRate).toBeCloseTo(((legal - used[0]!) / legal + (legal - used[1]!) / legal) / 2, 6);
  });

  it('an audit that evaluated nothing exits 2 and says so, for an empty log and for a log of errors only', async () => {
    const empty = join(folder, 'empty.ndjson');
    writeFileSync(empty, '');
    const broken = join(folder, 'broken.ndjson');
    writeFileSync(broken, '{"id":\nnot json\n');
    for (const log of [empty, broken]) {
      const { code, err } = await cli('audit', log, ...AUDIT);
      expect(code).toBe(2);
      expect(err).toContain('没有评估任何案件');
    }
    expect((await cli('--lang', 'en', 'audit', empty, ...AUDIT)).err).toContain('no case was evaluated');
  });
});
