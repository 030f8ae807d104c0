// `audit --input national-exchange --from <folder>`: the sample export audited from the command line, under the
// chosen profile without the rules the format cannot judge, with the source system's due dates compared and the
// findings written as GB/T 39046 e-supervision records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { supervisionColumns, supervisionRecordJsonSchema, supervisionRecordSchema } from '../../src/interchange/index.js';
import { auditRecordSchema } from '../../src/cli/report/case-record.js';
import { importFormats, profileForFormat } from '../../src/cli/interchange-audit.js';
import { bundledProfileIds, loadProfile } from '../../src/index.js';
import { resolveMapping } from '../../src/interchange/read.js';
import { cli, scratch } from '../cli/helpers.js';
import { sampleFolder } from './helpers.js';

const AUDIT = ['--input', 'national-exchange', '--from', sampleFolder, '--profile', 'city-12', '--as-of', '2025-12-31T18:00:00+08:00', '--workers', '1'];
const NOT_RECORDED = ['OP-TICKET', 'TC-DELIVERY', 'DS-RESULT-TOLD', 'RF-WRITTEN-NOTICE'];

describe('audit --input national-exchange', () => {
  it('audits every case of the export, lists every unmappable row, and runs no rule the format cannot judge', async () => {
    const { code, out } = await cli('audit', ...AUDIT, '--format', 'json');
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.profile).toBe('city-12-national-exchange');
    expect(summary.evaluated).toBe(402);
    expect(summary.errorCount).toBe(9);
    for (const error of summary.errors) expect(error.message).toMatch(/table up_/);
    expect(summary.notRecorded.flatMap((gap: { rules: string[] }) => gap.rules)).toEqual(NOT_RECORDED);
    for (const rule of summary.rules) expect(NOT_RECORDED).not.toContain(rule.ruleId);
    // The make-up Saturday the source system missed: ours one working day earlier, and the day named.
    const makeUp = summary.sourceDue.cases.find((row: { caseId: string }) => row.caseId === 'JDZ-2025-M0001');
    expect(makeUp).toMatchObject({ ours: '2025-10-13', theirs: '2025-10-14', workingDays: 1 });
    expect(makeUp.message.zh).toContain('2025-10-11 调休上班日');
    expect(summary.sourceDue.compared).toBe(402);
    expect(summary.sourceDue.disagreements).toBe(summary.sourceDue.cases.length);
  });

  it('writes one record per case and per row error; a case whose source due date differs says so in its record', async () => {
    const { out } = await cli('audit', ...AUDIT, '--format', 'ndjson');
    const records = out.split('\n').map((line) => auditRecordSchema.parse(JSON.parse(line)));
    expect(records.filter((r) => r.kind === 'case')).toHaveLength(402);
    expect(records.filter((r) => r.kind === 'error')).toHaveLength(9);
    const makeUp = records.find((r) => r.kind === 'case' && r.caseId === 'JDZ-2025-M0001');
    expect(makeUp).toMatchObject({ sourceDue: { ours: '2025-10-13', theirs: '2025-10-14', workingDays: 1 } });
    const summary = JSON.parse((await cli('audit', ...AUDIT, '--format', 'json')).out);
    expect(records.filter((r) => r.kind === 'case' && r.sourceDue).length).toBe(summary.sourceDue.disagreements);
  });

  it('is the same report for any number of workers', async () => {
    const one = await cli('audit', ...AUDIT, '--format', 'json');
    const two = await cli('audit', ...AUDIT.slice(0, -1), '2', '--format', 'json');
    expect(two.out).toBe(one.out);
  });

  it('writes one GB/T 39046 e-supervision record per finding, as NDJSON or CSV, valid against the JSON Schema generated from its zod schema', async () => {
    const summary = JSON.parse((await cli('audit', ...AUDIT, '--format', 'json')).out);
    const findings = Object.values(summary.findingsBySeverity as Record<string, number>).reduce((a, b) => a + b, 0);
    const folder = scratch('supervision');
    const ndjsonFile = join(folder, 'records.ndjson');
    expect((await cli('audit', ...AUDIT, '--format', 'supervision', '--out', ndjsonFile)).code).toBe(0);
    const records = readFileSync(ndjsonFile, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(findings);
    const fromJsonSchema = z.fromJSONSchema(supervisionRecordJsonSchema() as never);
    for (const record of records) {
      expect(supervisionRecordSchema.safeParse(record).success).toBe(true);
      expect(fromJsonSchema.safeParse(record).success).toBe(true);
      expect(record.statusAt).toBe('2025-12-31T18:00:00+08:00');
      // 报警 for every violation.
      if (record.severity === 'violation') expect(record.warningType).toBe('报警');
    }
    const late = records.find((r: { ruleId: string; caseId: string }) => r.ruleId === 'TC-ON-TIME');
    expect(late.department).not.toBe('');
    const csvFile = join(folder, 'records.csv');
    expect((await cli('audit', ...AUDIT, '--format', 'supervision', '--out', csvFile)).code).toBe(0);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFF办件编号,')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(findings + 1);
    expect(lines[0]!.split(',')).toHaveLength(supervisionColumns.length);
  });

  it('every format\'s rules it cannot judge are real rules, switched off with the reason under any bundled profile', () => {
    for (const format of importFormats) {
      for (const id of bundledProfileIds) {
        const resolved = loadProfile(profileForFormat(id, format));
        for (const gap of resolveMapping({ format }).notRecorded) for (const rule of gap.rules) expect(resolved.rules[rule]).toMatchObject({ enabled: false });
      }
    }
  });

  it('says exactly what is missing from the command, with exit 2', async () => {
    const noFrom = await cli('--lang', 'en', 'audit', '--input', 'national-exchange', '--profile', 'city-12', '--as-of', '2025-12-31T18:00:00+08:00');
    expect(noFrom.code).toBe(2);
    expect(noFrom.err).toContain('--input national-exchange needs --from');
    const both = await cli('--lang', 'en', 'audit', 'cases.ndjson', ...AUDIT);
    expect(both.code).toBe(2);
    expect(both.err).toContain('no log (cases.ndjson) as well');
    const fromAlone = await cli('--lang', 'en', 'audit', 'cases.ndjson', '--from', sampleFolder, '--profile', 'city-12', '--as-of', '2025-12-31T18:00:00+08:00');
    expect(fromAlone.code).toBe(2);
    expect(fromAlone.err).toContain('--from is for a platform export');
    const neither = await cli('--lang', 'en', 'audit', '--profile', 'city-12', '--as-of', '2025-12-31T18:00:00+08:00');
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('give a case log');
  });

  it('an export that yields no case at all (a folder without the tables) is reported, and the audit exits 2', async () => {
    const empty = scratch('empty-export');
    const { code, out } = await cli('--lang', 'en', 'audit', '--input', 'national-exchange', '--from', empty, '--profile', 'city-12', '--as-of', '2025-12-31T18:00:00+08:00', '--format', 'json');
    expect(code).toBe(2);
    const summary = JSON.parse(out);
    expect(summary.evaluated).toBe(0);
    expect(summary.errors[0].message).toContain('up_pro_accept');
  });
});
