// Findings out as GB/T 39046—2020 电子监察（督办）records (its 6.8 data set), one per finding, for an e-supervision
// system to store. The standard names the items but gives no code list for 监察预警类型代码; ours is stated below.
import { z } from 'zod';
import type { Report } from '../engine/run-rules.js';
import type { CaseSnapshotInput } from '../schema/case.js';
import { severitySchema } from '../schema/vocabulary.js';
import { csvLine } from '../csv.js';

/** 监察预警类型代码, as this library assigns it (the standard leaves the list to systems). */
export const warningTypes = {
  '1': { zh: '预警', en: 'warning (yellow)' },
  '2': { zh: '报警', en: 'alarm (red)' },
  '3': { zh: '提醒', en: 'reminder' },
} as const;

const text = z.string().min(1);

export const supervisionRecordSchema = z
  .strictObject({
    caseId: text.meta({ title: '办件编号' }),
    supervisionId: text.meta({ title: '监察编号', description: 'caseId/ruleId, with the item key when the finding names one: stable across runs' }),
    ruleId: text.meta({ title: '监察规则编号' }),
    warningTypeCode: z.enum(['1', '2', '3']).meta({ title: '监察预警类型代码', description: '1 预警 (a warning), 2 报警 (a violation, or a warning whose deadline is overdue or missed), 3 提醒 (a notice or a data-integrity finding)' }),
    warningType: z.enum(['预警', '报警', '提醒']).meta({ title: '监察预警类型' }),
    statusAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/).meta({ title: '状态产生时间', description: 'the as-of instant of the report' }),
    description: text.meta({ title: '监察结果描述', description: 'the finding in Chinese' }),
    descriptionEn: text.meta({ title: 'Description (English)' }),
    department: z.string().meta({ title: '责任部门', description: "the case's department (empty when the report's case is not given)" }),
    matterCode: z.string().meta({ title: '事项编码（实施编码）' }),
    regulation: text.meta({ title: '监察依据（规则集）' }),
    severity: severitySchema.meta({ title: '严重程度' }),
  })
  .meta({ title: 'GB/T 39046—2020 电子监察（督办）记录', description: 'One record per finding of a service-center-rules report.' });
export type SupervisionRecord = z.output<typeof supervisionRecordSchema>;

/** The record fields in order, with their Chinese titles: the CSV header. */
export const supervisionColumns = Object.keys(supervisionRecordSchema.shape) as (keyof SupervisionRecord)[];

/**
 * One 电子监察 record per finding of a case report. The department and item code come from the case snapshot when it
 * is given. A warning turns into 报警 when a deadline of its regulation is overdue or missed at the as-of instant.
 */
export function supervisionRecords(report: Report, options: { snapshot?: CaseSnapshotInput } = {}): SupervisionRecord[] {
  const lateRegulations = new Set(report.deadlines.filter((deadline) => deadline.status === 'overdue' || deadline.status === 'missed').map((deadline) => deadline.regulation));
  return report.findings.map((finding) => {
    const code = finding.severity === 'violation' || (finding.severity === 'warning' && lateRegulations.has(finding.regulation)) ? '2' : finding.severity === 'warning' ? '1' : '3';
    return {
      caseId: report.subject.id,
      supervisionId: [report.subject.id, finding.ruleId, ...(finding.item ? [finding.item.key] : [])].join('/'),
      ruleId: finding.ruleId,
      warningTypeCode: code,
      warningType: warningTypes[code].zh,
      statusAt: report.asOf,
      description: finding.message.zh,
      descriptionEn: finding.message.en,
      department: options.snapshot?.matter.department ?? '',
      matterCode: options.snapshot?.matter.id ?? '',
      regulation: finding.regulation,
      severity: finding.severity,
    };
  });
}

type Write = (chunk: string) => unknown;
type Records = Iterable<SupervisionRecord> | AsyncIterable<SupervisionRecord>;

const titles = (): string[] => supervisionColumns.map((column) => (supervisionRecordSchema.shape[column].meta()?.title as string | undefined) ?? column);

/** Writes records as CSV (RFC 4180, CRLF, UTF-8 with BOM so spreadsheet software reads the Chinese): a header row of the Chinese titles. */
export async function writeSupervisionCsv(records: Records, write: Write): Promise<number> {
  await write(`\uFEFF${csvLine(titles())}`);
  let n = 0;
  for await (const record of records) {
    await write(csvLine(supervisionColumns.map((column) => record[column])));
    n++;
  }
  return n;
}

/** Writes records as NDJSON: one JSON object per line, keys in schema order. */
export async function writeSupervisionNdjson(records: Records, write: Write): Promise<number> {
  let n = 0;
  for await (const record of records) {
    await write(`${JSON.stringify(Object.fromEntries(supervisionColumns.map((column) => [column, record[column]])))}\n`);
    n++;
  }
  return n;
}

/** The JSON Schema of a record, generated from the zod schema. */
export function supervisionRecordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(supervisionRecordSchema) as Record<string, unknown>;
}
