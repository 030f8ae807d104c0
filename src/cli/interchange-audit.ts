// `audit --input <format> --from <folder|mysql://…>`: a platform's export read as cases, fed to the same audit as a
// log, under the chosen profile with the rules the format cannot judge switched off, each with the reason.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { bundledFormats, readCaseRecords, type BundledFormat, type RowError } from '../interchange/index.js';
import { resolveMapping } from '../interchange/read.js';
import { writeSupervisionCsv, writeSupervisionNdjson, type SupervisionRecord } from '../interchange/supervision.js';
import type { ImportItem } from '../interchange/assemble.js';
import type { ProfileInput } from '../schema/profile.js';
import type { LogLine } from './lines.js';
import { INTERCHANGE_TEXT } from './messages/interchange.js';
import { fill } from './messages/report.js';

export const importFormats = Object.keys(bundledFormats) as BundledFormat[];

/** A row that could not be mapped, said in one line: where (source, table, 办件编号, column, value) and what was expected. */
function rowProblem(error: RowError): { zh: string; en: string } {
  const say = (lang: 'zh' | 'en') =>
    fill(INTERCHANGE_TEXT.rowError[lang], {
      source: error.source,
      table: error.table || '—',
      key: error.key === undefined ? '' : fill(INTERCHANGE_TEXT.rowKey[lang], { key: error.key }),
      column: error.column === undefined ? '' : fill(INTERCHANGE_TEXT.rowColumn[lang], { column: error.column, value: JSON.stringify(error.value ?? '') }),
      expected: error.expected[lang],
    });
  return { zh: say('zh'), en: say('en') };
}

/**
 * The export's cases and row errors as audit entries, numbered in the order they are read (by 办件编号): a case is
 * `{ "case": snapshot, "sourceDue": … }` (the audit's `imported` lines), a row error an entry's problem.
 */
export async function* interchangeLines(items: AsyncIterable<ImportItem>): AsyncGenerator<LogLine> {
  let line = 0;
  for await (const item of items) {
    line++;
    if (item.kind === 'case') yield { line, text: JSON.stringify({ case: item.snapshot, ...(item.sourceDue ? { sourceDue: item.sourceDue } : {}) }) };
    else yield { line, problem: rowProblem(item), ...(item.caseId ?? item.key ? { caseId: item.caseId ?? item.key } : {}) };
  }
}

/** The cases of a bundled format's export, from a folder of tables or a database URL. */
export function importedCases(format: BundledFormat, from: string): AsyncGenerator<ImportItem> {
  return readCaseRecords({ format, from });
}

/**
 * The profile an export is audited under: the chosen one, with every rule the format cannot judge (its mapping's
 * `notRecorded`) switched off and the reason noted, so that no finding says "not done" for "not exported".
 */
export function profileForFormat(profile: string | ProfileInput, format: BundledFormat): string | ProfileInput {
  const mapping = resolveMapping({ format });
  const rules: Record<string, { enabled: false; note: string }> = {};
  for (const gap of mapping.notRecorded) {
    const note = `${fill(INTERCHANGE_TEXT.notRecordedNote.zh, { format, because: gap.because.zh })} / ${fill(INTERCHANGE_TEXT.notRecordedNote.en, { format, because: gap.because.en })}`;
    for (const rule of gap.rules) rules[rule] = { enabled: false, note };
  }
  if (Object.keys(rules).length === 0) return profile;
  if (typeof profile !== 'string') {
    return { ...profile, versions: profile.versions.map((version) => ({ ...version, rules: { ...version.rules, ...rules } })) };
  }
  return {
    id: `${profile}-${format}`,
    name: { zh: `${profile}（${mapping.title}）`, en: `${profile} (${format} export)` },
    extends: profile,
    versions: [{ validFrom: '1900-01-01', rules }],
  };
}

/** Writes the supervision records the audit kept (NDJSON in log order) as CSV or NDJSON. */
export async function writeSupervision(recordsFile: string, as: 'csv' | 'ndjson', write: (text: string) => void): Promise<number> {
  async function* records(): AsyncGenerator<SupervisionRecord> {
    for await (const line of createInterface({ input: createReadStream(recordsFile), crlfDelay: Infinity })) if (line) yield JSON.parse(line) as SupervisionRecord;
  }
  return as === 'csv' ? writeSupervisionCsv(records(), write) : writeSupervisionNdjson(records(), write);
}
