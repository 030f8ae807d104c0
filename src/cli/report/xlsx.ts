// `audit --format xlsx`: the workbook a compliance team filters in Excel or WPS. Written with exceljs's streaming
// writer, so the per-case sheets go to disk row by row from the per-case NDJSON: memory does not grow with the log.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type ExcelJS from 'exceljs';
import type { AuditSummary } from '../audit.js';
import type { Lang } from '../labels.js';
import { FIGURE_LABELS, FIGURE_LEGEND, OUTCOME_LABELS } from '../messages/report.js';
import type { AuditRecord } from './case-record.js';
import { figureCells, figureHeaders, figureValues, FIGURE_COLUMNS, kindName, monthRows, ruleTitle, severityName, statusName, tallyRows, text, type NamedTally } from './view.js';

/** Data rows per sheet: Excel's 1,048,576 rows less the header. A longer per-case sheet goes on in a second one. */
export const MAX_SHEET_ROWS = 1_048_575;
/** The widest a column is made, in character widths. */
const MAX_COLUMN_WIDTH = 80;

/** A text's width in Excel's character units: a CJK character takes two. */
export const displayWidth = (value: unknown): number =>
  [...String(value ?? '')].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);

type Cell = string | number | null;
interface Column {
  header: string;
  /** Expected content width for sheets streamed without seeing their rows first. */
  width?: number;
  format?: string;
}

/** Bytes of sheet XML allowed to wait for the zip's compressor before writing pauses. */
const BACKLOG_BYTES = 8 * 1024 * 1024;

/** What this module reads of exceljs's sheet stream (a StreamBuf): its unread buffers and the streams it feeds. */
interface SheetStream {
  buffers?: ReadonlyArray<{ length?: number }>;
  pipes?: ReadonlyArray<{ writableLength?: number; _writableState?: { length?: number }; _readableState?: { length?: number } }>;
}

/**
 * exceljs's streaming writer hands sheet XML to the zip without waiting for it to be compressed (its stream never
 * signals back-pressure), so rows written faster than they are deflated pile up in memory: 1.2 GB for a million
 * cases. Writing waits while more than `BACKLOG_BYTES` are pending in the sheets written so far. Should exceljs's
 * internals change shape, nothing is measured and writing goes on as before.
 */
class ZipBacklog {
  readonly #streams: SheetStream[] = [];

  track(sheet: ExcelJS.Worksheet): void {
    const stream = (sheet as unknown as { stream?: SheetStream }).stream;
    if (stream) this.#streams.push(stream);
  }

  pending(): number {
    let bytes = 0;
    for (const stream of this.#streams) {
      for (const buffer of stream.buffers ?? []) bytes += buffer.length ?? 0;
      // archiver's streams come from readable-stream 2, whose state has no `writableLength` getter.
      for (const pipe of stream.pipes ?? []) bytes += (pipe.writableLength ?? pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
    }
    return bytes;
  }

  /** Waits until the backlog is under the bound, or stops waiting when it has not moved for five seconds. */
  async settle(): Promise<void> {
    let last = this.pending();
    let still = 0;
    while (last > BACKLOG_BYTES && still < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const now = this.pending();
      still = now === last ? still + 5 : 0;
      last = now;
    }
  }
}

/** Excel forbids these in sheet names. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** A sheet with a frozen, filtered, bold header row; widths from the header and the rows given (or `width`). */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[], rows: Cell[][] = []) {
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => {
    const widest = Math.max(displayWidth(c.header), c.width ?? 0, ...rows.map((r) => displayWidth(r[i])));
    return { header: c.header, width: Math.min(MAX_COLUMN_WIDTH, widest + 2), ...(c.format ? { style: { numFmt: c.format } } : {}) };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) sheet.addRow(row).commit();
  return sheet;
}

const FIGURE_FORMATS: Partial<Record<(typeof FIGURE_COLUMNS)[number], string>> = { onTimeRate: '0.0%', speedUpRate: '0.0%', meanWorkingDays: '0.0' };
const figureColumns = (lang: Lang): Column[] => figureHeaders(lang).map((header, i) => ({ header, ...(FIGURE_FORMATS[FIGURE_COLUMNS[i]!] ? { format: FIGURE_FORMATS[FIGURE_COLUMNS[i]!]! } : {}) }));
const figureRow = (t: NamedTally): Cell[] => [t.name, ...figureValues(t.figures)];

/** Every record of the per-case NDJSON, in log order. */
async function* records(casesFile: string): AsyncGenerator<AuditRecord> {
  const lines = createInterface({ input: createReadStream(casesFile), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as AuditRecord;
}

/** Streams rows into a sheet, going on in a numbered sheet of the same columns when one is full. */
async function streamSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, backlog: ZipBacklog, name: string, columns: Column[], rows: AsyncIterable<Cell[]>): Promise<void> {
  let part = 1;
  let sheet = addSheet(workbook, name, columns);
  backlog.track(sheet);
  let count = 0;
  for await (const row of rows) {
    if (count === MAX_SHEET_ROWS) {
      sheet.commit();
      sheet = addSheet(workbook, `${name} ${++part}`, columns);
      backlog.track(sheet);
      count = 0;
    }
    sheet.addRow(row).commit();
    count++;
    if (count % 1000 === 0) await backlog.settle();
  }
  sheet.commit();
}

/** Writes the workbook to `file`: summary, rules, departments × rules, windows, months, per-case findings and deadlines, errors. */
export async function writeXlsx(file: string, s: AuditSummary, lang: Lang, casesFile: string): Promise<void> {
  const t = (key: Parameters<typeof text>[0]) => text(key, lang);
  // Loaded for a workbook only: exceljs is about 29 MB of the command line's memory.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  // The instant the audit describes, not the clock: the same audit gives the same document properties.
  workbook.created = workbook.modified = new Date(s.asOf);
  workbook.creator = 'service-center-rules';

  const summaryRows: Cell[][] = [
    [t('profile'), s.profile],
    [t('asOf'), s.asOf],
    [t('casesInLog'), s.cases],
    [t('evaluated'), s.evaluated],
    [t('errors'), s.errorCount],
    ...Object.entries(s.findingsBySeverity).map(([k, v]): Cell[] => [severityName(k, lang), v]),
    // Read, not computed with: rates and means as the other reports print them.
    ...figureHeaders(lang).map((header, i): Cell[] => [header, figureCells(s.figures)[i] ?? null]),
    ...FIGURE_LEGEND.map(({ figure, how }): Cell[] => [`${t('legend')}：${FIGURE_LABELS[figure][lang]}`, how[lang]]),
    [t('drillDownLabel'), t('drillDown')],
  ];
  addSheet(workbook, t('summarySheet'), [{ header: t('item') }, { header: t('value') }], summaryRows).commit();

  addSheet(
    workbook,
    t('rulesSheet'),
    [{ header: t('ruleTitle') }, { header: t('ruleId') }, { header: t('severity') }, { header: t('findings') }, { header: t('casesWith') }, { header: t('citation') }],
    s.rules.map((r) => [ruleTitle(r.rule, lang) ?? r.rule, r.rule, severityName(r.severity, lang), r.count, r.cases, r.citation ? `${r.citation.document} ${r.citation.article}：${r.citation.text}` : '']),
  ).commit();

  const ruleIds = [...new Set(s.rules.map((r) => r.ruleId))];
  const tallyColumns = (head: string): Column[] => [{ header: head }, { header: t('cases') }, { header: t('violations') }, { header: t('warnings') }];
  const tallyRow = (r: NamedTally): Cell[] => [r.name, r.cases, r.violations, r.warnings];
  const departments = tallyRows(s, 'department', lang);
  addSheet(
    workbook,
    t('departmentsSheet'),
    [...tallyColumns(t('department')), ...figureColumns(lang), ...ruleIds.map((id) => ({ header: id }))],
    departments.map((d) => [...tallyRow(d), ...figureValues(d.figures), ...ruleIds.map((id) => d.rules[id] ?? 0)]),
  ).commit();
  addSheet(workbook, t('windowsSheet'), [...tallyColumns(t('window')), ...figureColumns(lang)], tallyRows(s, 'window', lang).map((w) => [...tallyRow(w), ...figureValues(w.figures)])).commit();
  addSheet(workbook, t('monthsSheet'), [{ header: t('month') }, ...figureColumns(lang)], monthRows(s, lang).map(figureRow)).commit();

  const backlog = new ZipBacklog();
  const caseColumns: Column[] = [{ header: t('line'), width: 6 }, { header: t('case'), width: 18 }, { header: t('department'), width: 20 }, { header: t('window'), width: 8 }, { header: t('month'), width: 8 }];
  await streamSheet(
    workbook,
    backlog,
    t('caseFindings'),
    [...caseColumns, { header: t('ruleId'), width: 22 }, { header: t('ruleTitle'), width: 28 }, { header: t('variant'), width: 22 }, { header: t('severity'), width: 8 }, { header: t('outcome'), width: 8 }, { header: t('message'), width: 80 }],
    (async function* () {
      for await (const r of records(casesFile)) {
        if (r.kind !== 'case') continue;
        for (const f of r.findings) {
          yield [r.line, r.caseId, r.department, r.window, r.month, f.ruleId, ruleTitle(f.rule, lang) ?? f.rule, f.rule, severityName(f.severity, lang), r.outcome ? (OUTCOME_LABELS[r.outcome]?.[lang] ?? r.outcome) : null, f.message[lang]];
        }
      }
    })(),
  );
  await streamSheet(
    workbook,
    backlog,
    t('caseDeadlines'),
    [...caseColumns, { header: t('deadlineKind'), width: 12 }, { header: t('deadlineId'), width: 16 }, { header: t('dueDate'), width: 10 }, { header: t('status'), width: 12 }, { header: t('limit') }, { header: t('elapsed') }],
    (async function* () {
      for await (const r of records(casesFile)) {
        if (r.kind !== 'case') continue;
        for (const d of r.deadlines) yield [r.line, r.caseId, r.department, r.window, r.month, kindName(d.kind, lang), d.id, d.dueDate, statusName(d.kind, d.status, lang), d.limitWorkingDays, d.elapsedWorkingDays];
      }
    })(),
  );
  await streamSheet(
    workbook,
    backlog,
    t('errorsSheet'),
    [{ header: t('line'), width: 6 }, { header: t('case'), width: 18 }, { header: t('path'), width: 20 }, { header: t('message'), width: 80 }],
    (async function* () {
      for await (const r of records(casesFile)) if (r.kind === 'error') yield [r.line, r.caseId ?? null, r.path, r.message[lang]];
    })(),
  );
  await workbook.commit();
}
