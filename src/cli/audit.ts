import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { evaluate, type Report } from '../engine/evaluate.js';
import { CalendarCoverageError, clip, showValue, ValidationError } from '../errors.js';
import type { Citation } from '../schema/rule-file.js';
import type { CaseSnapshotInput } from '../schema/case.js';
import type { ProfileInput } from '../schema/profile.js';
import { compareSourceDue } from '../interchange/source-due.js';
import { supervisionRecords } from '../interchange/supervision.js';
import type { SourceInstant } from '../interchange/values.js';
import type { LogLine } from './lines.js';
import { caseRecord, deadlineKind, deadlineKinds, deadlineStatuses, type AuditRecord, type CaseRecord, type DeadlineKind } from './report/case-record.js';
import { addFigures, caseFigures, emptyFigures, type Figures } from './report/figures.js';
import { compareCodePoints, compareNames } from './text.js';

/** Lines longer than this are reported as errors and skipped: one runaway line must not exhaust memory. */
export const MAX_LINE_BYTES = 1_000_000;

/**
 * A report's size does not grow with what the log's text holds. Names from the log (departments, windows, case
 * ids) are kept to this many characters: a longer one is cut (ending in `...`) and counted under the cut text…
 */
export const MAX_NAME_CHARS = 200;
/** …and so are the messages of errors and rules. */
export const MAX_MESSAGE_CHARS = 1000;
/**
 * At most this many departments, and this many windows, are listed (those met first in the log, batch by batch);
 * the cases of any further ones are summed in `otherDepartments` / `otherWindows`.
 */
export const MAX_NAMES_LISTED = 10_000;

export interface AuditError {
  line: number;
  caseId?: string;
  path: string;
  /** What was wrong, without the path (English). */
  message: string;
  /** The same in Chinese. */
  messageZh: string;
}

export interface AuditSummary {
  profile: string;
  asOf: string;
  cases: number;
  evaluated: number;
  errors: AuditError[];
  /** Errors beyond the first `maxErrorsListed` are counted but not listed. */
  errorCount: number;
  findingsBySeverity: Record<string, number>;
  /**
   * Per rule as it fired (`rule`: the id, or id/variant) and severity: its findings (`count`) and the cases with at
   * least one of them (`cases`). Variants are apart, because each has its own title, sentence and severity.
   */
  rules: RuleTally[];
  /** The figures centers publish, for the whole log. */
  figures: Figures;
  departments: Array<{ department: string } & Tally>;
  windows: Array<{ window: string } & Tally>;
  /** Per month of receipt (YYYY-MM). */
  months: Array<{ month: string } & Tally>;
  /** The cases of the departments beyond the first `maxNamesListed`, summed; only when there were such. */
  otherDepartments?: Tally;
  /** The same for windows. */
  otherWindows?: Tally;
  /** Deadlines by what they are about (completion, delivery, notice…), each by status. */
  deadlines: Array<{ kind: DeadlineKind; counts: Record<string, number> }>;
  worstOverdue: Array<{ caseId: string; deadline: string; dueDate: string; overdueWorkingDays: number; department: string }>;
  /**
   * Only for an import of a platform's export: the cases whose completion due date in the source system (承诺办结时间)
   * falls on another date than ours, counted, and the first `maxErrorsListed` listed with the days that explain it.
   */
  sourceDue?: { compared: number; disagreements: number; cases: SourceDueRow[] };
  /** Only for an import: what the format does not record, and the rules that did not run because of it. */
  notRecorded?: Array<{ rules: string[]; because: { zh: string; en: string } }>;
}

/** The findings of one rule (or variant) at one severity. */
export interface RuleTally {
  ruleId: string;
  rule: string;
  severity: string;
  count: number;
  cases: number;
  citation?: Citation;
  message: string;
}

/** A case whose source system counts its completion due date differently from us, and why. */
export interface SourceDueRow {
  caseId: string;
  department: string;
  ours: string;
  theirs: string;
  /** Working days from our due date to theirs (positive: theirs is later). */
  workingDays: number;
  message: { zh: string; en: string };
}

/** What evaluating a batch needs; plain data, so it can be sent to a worker thread. */
export interface BatchOptions {
  profile: string | ProfileInput;
  asOf: string;
  /** Additions to the bundled mainland calendar (next year's notice, closures), in `extend`'s format. */
  calendarAdditions?: CalendarAdditions;
  maxErrorsListed?: number;
  /** Departments, and windows, listed at most (default `MAX_NAMES_LISTED`). */
  maxNamesListed?: number;
  worstOverdueCount?: number;
  /** Produce each case's record (for `--cases`, `--format ndjson|xlsx|html`). */
  records?: boolean;
  /** Produce the GB/T 39046 电子监察 records of each case's findings (for `--format supervision`). */
  supervision?: boolean;
  /**
   * Each line is an imported case, `{ "case": snapshot, "sourceDue": instant? }` (see `interchangeLines`): its
   * source system's own due date is compared with ours.
   */
  imported?: boolean;
}

export interface AuditOptions extends BatchOptions {
  /** Worker threads; 1 evaluates in this thread. Default: the machine's available parallelism. */
  workers?: number;
  /** Called after each batch, for a progress display. */
  onProgress?: (state: { cases: number; errors: number }) => void;
  /** Write every case's record, as NDJSON in log order, to this file (created or emptied). */
  casesFile?: string;
  /** Write the 电子监察 records of every finding, as NDJSON in log order, to this file (created or emptied). */
  supervisionFile?: string;
  /** @internal The old-generation heap of each worker thread in MB (default `WORKER_HEAP_MB`); tests lower it. */
  workerHeapMb?: number;
}

export type CalendarAdditions = Parameters<WorkCalendar['extend']>[0];

export interface Tally {
  cases: number;
  violations: number;
  warnings: number;
  /** Cases with at least one finding of each rule, by rule id. */
  rules: Record<string, number>;
  figures: Figures;
}

/** What one batch of lines gives: its summary and, when asked for, its records as NDJSON text in log order. */
export interface BatchResult {
  summary: AuditSummary;
  records: string;
  /** Its supervision records as NDJSON text, in log order, when asked for. */
  supervision: string;
}

const ruleKey = (rule: string, severity: string) => `${rule}\u0000${severity}`;

function increment(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * A tally as it accumulates, added to in place: its rule counts in a Map. (A new tally per case and name, with the
 * rules spread into a new object, made the tallies about 15 % of an audit's time; rule ids as the keys of a plain
 * object made every addition a dictionary lookup.)
 */
interface TallyRow {
  cases: number;
  violations: number;
  warnings: number;
  rules: Map<string, number>;
  figures: Figures;
}

/** One case's part of the tallies: the rule ids it has findings of, each once. */
interface CaseTally {
  violations: number;
  warnings: number;
  ruleIds: readonly string[];
  figures: Figures;
}

const emptyRow = (): TallyRow => ({ cases: 0, violations: 0, warnings: 0, rules: new Map(), figures: emptyFigures() });

function addCase(row: TallyRow, by: CaseTally): void {
  row.cases++;
  row.violations += by.violations;
  row.warnings += by.warnings;
  for (const id of by.ruleIds) row.rules.set(id, (row.rules.get(id) ?? 0) + 1);
  addFigures(row.figures, by.figures);
}

/** Adds a batch's tally (from its summary). */
function addTally(row: TallyRow, by: Tally): void {
  row.cases += by.cases;
  row.violations += by.violations;
  row.warnings += by.warnings;
  for (const [id, n] of Object.entries(by.rules)) row.rules.set(id, (row.rules.get(id) ?? 0) + n);
  addFigures(row.figures, by.figures);
}

/** The row kept under `key`, made when there is none yet. */
function rowUnder(rows: Map<string, TallyRow>, key: string): TallyRow {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = emptyRow()));
  return row;
}

/** A row as the summary shows it: rule ids in code-point order, so it prints the same whatever order its cases came in. */
const tallyOf = (row: TallyRow): Tally => ({
  cases: row.cases,
  violations: row.violations,
  warnings: row.warnings,
  rules: Object.fromEntries([...row.rules].sort(([a], [b]) => compareCodePoints(a, b))),
  figures: row.figures,
});

/** Counts per name (department or window): names cut to `MAX_NAME_CHARS`, at most `limit` of them, the rest summed. */
class NameTallies {
  readonly #limit: number;
  readonly #rows = new Map<string, TallyRow>();
  #other: TallyRow | undefined;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The row to add a name's counts to: its own, or the row of the names beyond the limit. */
  rowOf(name: string): TallyRow {
    const key = clip(name, MAX_NAME_CHARS);
    const row = this.#rows.get(key);
    if (row) return row;
    return this.#rows.size < this.#limit ? rowUnder(this.#rows, key) : this.otherRow();
  }

  otherRow(): TallyRow {
    return (this.#other ??= emptyRow());
  }

  /** The names in Chinese collation, ties by code point (never the host locale's order). */
  rows(): Array<[string, Tally]> {
    return [...this.#rows.entries()].sort(([a], [b]) => compareNames(a, b)).map(([name, row]) => [name, tallyOf(row)]);
  }

  get other(): Tally | undefined {
    return this.#other && tallyOf(this.#other);
  }
}

/** A kind's deadline counts by status. */
function kindCounts(kinds: Map<string, Map<string, number>>, kind: string): Map<string, number> {
  let counts = kinds.get(kind);
  if (!counts) kinds.set(kind, (counts = new Map()));
  return counts;
}

/** Accumulates reports one at a time, keeping only counts and a bounded list of the worst cases. */
export class AuditAccumulator {
  readonly #options: BatchOptions;
  #cases = 0;
  #evaluated = 0;
  #errorCount = 0;
  readonly #errors: AuditError[] = [];
  readonly #severity = new Map<string, number>();
  readonly #rules = new Map<string, RuleTally>();
  readonly #figures = emptyFigures();
  readonly #departments: NameTallies;
  readonly #windows: NameTallies;
  readonly #months = new Map<string, TallyRow>();
  readonly #kinds = new Map<string, Map<string, number>>();
  #worst: AuditSummary['worstOverdue'] = [];
  readonly #sourceDue: AuditSummary['sourceDue'];

  constructor(options: BatchOptions) {
    this.#options = options;
    this.#departments = new NameTallies(options.maxNamesListed ?? MAX_NAMES_LISTED);
    this.#windows = new NameTallies(options.maxNamesListed ?? MAX_NAMES_LISTED);
    if (options.imported) this.#sourceDue = { compared: 0, disagreements: 0, cases: [] };
  }

  get cases(): number {
    return this.#cases;
  }

  get errorCount(): number {
    return this.#errorCount;
  }

  error(error: AuditError): void {
    this.#cases++;
    this.#errorCount++;
    if (this.#errors.length >= (this.#options.maxErrorsListed ?? 1000)) return;
    const { line, caseId, path, message, messageZh } = error;
    this.#errors.push({
      line,
      ...(caseId === undefined ? {} : { caseId: clip(caseId, MAX_NAME_CHARS) }),
      path: clip(path, MAX_MESSAGE_CHARS),
      message: clip(message, MAX_MESSAGE_CHARS),
      messageZh: clip(messageZh, MAX_MESSAGE_CHARS),
    });
  }

  /** Notes the comparison of a case's due date with its source system's (undefined: the dates agree). */
  sourceDue(row: SourceDueRow | undefined): void {
    const tally = this.#sourceDue!;
    tally.compared++;
    if (!row) return;
    tally.disagreements++;
    if (tally.cases.length < (this.#options.maxErrorsListed ?? 1000)) tally.cases.push(row);
  }

  add(report: Report, record: CaseRecord): void {
    this.#cases++;
    this.#evaluated++;
    const { department, window } = record;
    let violations = 0;
    let warnings = 0;
    // Cases per rule id (the department and window tables), and per variant and severity (the rules table).
    const ruleIds: string[] = [];
    const tallied = new Set<string>();
    for (const finding of report.findings) {
      increment(this.#severity, finding.severity);
      const key = ruleKey(finding.rule, finding.severity);
      const rule = this.#rules.get(key);
      if (rule) {
        rule.count++;
        if (!tallied.has(key)) rule.cases++;
      } else this.#rules.set(key, { ruleId: finding.ruleId, rule: finding.rule, severity: finding.severity, count: 1, cases: 1, ...(finding.citation ? { citation: finding.citation } : {}), message: clip(finding.message.zh, MAX_MESSAGE_CHARS) });
      tallied.add(key);
      if (!ruleIds.includes(finding.ruleId)) ruleIds.push(finding.ruleId);
      if (finding.severity === 'violation') violations++;
      if (finding.severity === 'warning') warnings++;
    }
    const figures = caseFigures(record);
    addFigures(this.#figures, figures);
    const caseTally: CaseTally = { violations, warnings, ruleIds, figures };
    addCase(this.#departments.rowOf(department), caseTally);
    addCase(this.#windows.rowOf(window ?? '—'), caseTally);
    addCase(rowUnder(this.#months, record.month ?? '—'), caseTally);
    for (const deadline of report.deadlines) {
      increment(kindCounts(this.#kinds, deadlineKind(deadline.id)), deadline.status);
      if (deadline.status === 'overdue') {
        this.#worst.push({
          caseId: clip(report.subject.id, MAX_NAME_CHARS),
          deadline: deadline.id,
          dueDate: deadline.dueDate,
          overdueWorkingDays: deadline.elapsedWorkingDays - deadline.limitWorkingDays,
          department: clip(department, MAX_NAME_CHARS),
        });
        const keep = this.#options.worstOverdueCount ?? 10;
        if (this.#worst.length > keep * 4) this.#trimWorst(keep);
      }
    }
  }

  /** Folds in the summary of a later batch: the same result as adding its lines here, in order. */
  absorb(part: AuditSummary): void {
    this.#cases += part.cases;
    this.#evaluated += part.evaluated;
    this.#errorCount += part.errorCount;
    for (const error of part.errors) if (this.#errors.length < (this.#options.maxErrorsListed ?? 1000)) this.#errors.push(error);
    for (const [severity, count] of Object.entries(part.findingsBySeverity)) increment(this.#severity, severity, count);
    for (const rule of part.rules) {
      const known = this.#rules.get(ruleKey(rule.rule, rule.severity));
      if (known) {
        known.count += rule.count;
        known.cases += rule.cases;
      } else this.#rules.set(ruleKey(rule.rule, rule.severity), { ...rule });
    }
    addFigures(this.#figures, part.figures);
    for (const { month, ...tally } of part.months) addTally(rowUnder(this.#months, month), tally);
    // Parts come in log order, so the names listed are the same for any number of threads.
    for (const d of part.departments) addTally(this.#departments.rowOf(d.department), d);
    for (const w of part.windows) addTally(this.#windows.rowOf(w.window), w);
    if (part.otherDepartments) addTally(this.#departments.otherRow(), part.otherDepartments);
    if (part.otherWindows) addTally(this.#windows.otherRow(), part.otherWindows);
    for (const { kind, counts } of part.deadlines) {
      const known = kindCounts(this.#kinds, kind);
      for (const [status, count] of Object.entries(counts)) increment(known, status, count);
    }
    this.#worst.push(...part.worstOverdue);
    this.#trimWorst(this.#options.worstOverdueCount ?? 10);
    if (this.#sourceDue && part.sourceDue) {
      this.#sourceDue.compared += part.sourceDue.compared;
      this.#sourceDue.disagreements += part.sourceDue.disagreements;
      for (const row of part.sourceDue.cases) if (this.#sourceDue.cases.length < (this.#options.maxErrorsListed ?? 1000)) this.#sourceDue.cases.push(row);
    }
  }

  #trimWorst(keep: number): void {
    this.#worst.sort((a, b) => b.overdueWorkingDays - a.overdueWorkingDays || compareCodePoints(a.caseId, b.caseId) || compareCodePoints(a.deadline, b.deadline));
    this.#worst = this.#worst.slice(0, keep);
  }

  summary(): AuditSummary {
    this.#trimWorst(this.#options.worstOverdueCount ?? 10);
    // One order on every host (never the host locale's): names in Chinese collation, codes by code point.
    const byCode = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => compareCodePoints(a, b));
    const rows = (tallies: NameTallies, key: 'department' | 'window') =>
      tallies.rows().map(([name, t]) => ({ [key]: name, ...t }) as { department: string } & { window: string } & Tally);
    const { other: otherDepartments } = this.#departments;
    const { other: otherWindows } = this.#windows;
    return {
      profile: typeof this.#options.profile === 'string' ? this.#options.profile : this.#options.profile.id,
      asOf: this.#options.asOf,
      cases: this.#cases,
      evaluated: this.#evaluated,
      errors: this.#errors,
      errorCount: this.#errorCount,
      findingsBySeverity: Object.fromEntries(byCode(this.#severity)),
      rules: [...this.#rules.values()].sort((a, b) => b.count - a.count || compareCodePoints(a.rule, b.rule) || compareCodePoints(a.severity, b.severity)),
      figures: this.#figures,
      departments: rows(this.#departments, 'department'),
      windows: rows(this.#windows, 'window'),
      months: byCode(this.#months).map(([month, row]) => ({ month, ...tallyOf(row) })),
      ...(otherDepartments ? { otherDepartments } : {}),
      ...(otherWindows ? { otherWindows } : {}),
      // Kinds in the order of the case's course (completion first), statuses in a fixed order.
      deadlines: deadlineKinds
        .filter((kind) => this.#kinds.has(kind))
        .map((kind) => ({ kind, counts: Object.fromEntries(deadlineStatuses.filter((st) => this.#kinds.get(kind)!.has(st)).map((st) => [st, this.#kinds.get(kind)!.get(st)!])) })),
      worstOverdue: this.#worst,
      ...(this.#sourceDue ? { sourceDue: this.#sourceDue } : {}),
    };
  }
}

/** An issue's message without its leading path, which the report shows in its own column. */
const withoutPath = (text: string, path: string) => (text.startsWith(path) ? text.slice(path.length).replace(/^[:：]\s*/, '') : text);

function describe(error: unknown): { path: string; message: string; messageZh: string } {
  if (error instanceof ValidationError) {
    const first = error.issues[0];
    if (!first) return { path: '$', message: error.message, messageZh: error.messageZh };
    const more = error.issueCount > 1 ? [` (+${error.issueCount - 1} more)`, `（另有 ${error.issueCount - 1} 处）`] : ['', ''];
    return { path: first.path, message: withoutPath(first.message.en, first.path) + more[0], messageZh: withoutPath(first.message.zh, first.path) + more[1] };
  }
  if (error instanceof CalendarCoverageError) return { path: '$', message: error.message.split('\n')[0]!, messageZh: error.messageZh.split('\n')[0]! };
  const message = error instanceof Error ? clip(error.message.split('\n')[0]!, 200) : showValue(error);
  return { path: '$', message, messageZh: message };
}

const calendars = new Map<string, WorkCalendar>();

/** The bundled calendar with the audit's additions, built once per thread. */
function calendarFor(additions: CalendarAdditions | undefined): WorkCalendar {
  const key = additions ? JSON.stringify(additions) : '';
  let calendar = calendars.get(key);
  if (!calendar) calendars.set(key, (calendar = additions ? cnMainlandCalendar().extend(additions) : cnMainlandCalendar()));
  return calendar;
}

/** An error's record for the per-case NDJSON: the same fields the summary lists, never capped in number. */
function errorRecord(error: AuditError): AuditRecord {
  return {
    kind: 'error',
    line: error.line,
    ...(error.caseId === undefined ? {} : { caseId: clip(error.caseId, MAX_NAME_CHARS) }),
    path: clip(error.path, MAX_MESSAGE_CHARS),
    message: { zh: clip(error.messageZh, MAX_MESSAGE_CHARS), en: clip(error.message, MAX_MESSAGE_CHARS) },
  };
}

/** Where a batch's outputs go, as JSON texts in log order: case records and supervision records, each when asked for. */
interface Sinks {
  records?: string[];
  supervision?: string[];
}

const sinksFor = (options: BatchOptions): Sinks => ({ ...(options.records ? { records: [] } : {}), ...(options.supervision ? { supervision: [] } : {}) });
const ndjson = (texts: string[] | undefined) => (texts?.length ? `${texts.join('\n')}\n` : '');
const resultOf = (acc: AuditAccumulator, sinks: Sinks): BatchResult => ({ summary: acc.summary(), records: ndjson(sinks.records), supervision: ndjson(sinks.supervision) });

/** Notes an error in the accumulator and, when records are kept, as a record. */
function failLine(acc: AuditAccumulator, sinks: Sinks, error: AuditError): void {
  acc.error(error);
  sinks.records?.push(JSON.stringify(errorRecord(error)));
}

/** Evaluates one line of a case log into the accumulator; a bad line becomes an error entry, never an exception. */
function auditLine(acc: AuditAccumulator, sinks: Sinks, entry: LogLine, options: BatchOptions, calendar: WorkCalendar): void {
  const { line } = entry;
  if ('oversizedBytes' in entry) {
    failLine(acc, sinks, { line, path: '$', message: `line of ${entry.oversizedBytes} bytes exceeds the limit of ${MAX_LINE_BYTES}; skipped`, messageZh: `该行 ${entry.oversizedBytes} 字节，超过上限 ${MAX_LINE_BYTES}，已跳过` });
    return;
  }
  if ('problem' in entry) {
    failLine(acc, sinks, { line, ...(entry.caseId === undefined ? {} : { caseId: entry.caseId }), path: '$', message: entry.problem.en, messageZh: entry.problem.zh });
    return;
  }
  const text = entry.text;
  // A line that opens an object is not blank: only other lines are trimmed to see (a case is about 1 KB of text).
  if (text.charCodeAt(0) !== 0x7b && text.trim() === '') return;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8's words are English; the Chinese message keeps only where the text went wrong.
    const reason = (error as Error).message;
    const at = /position (\d+)/.exec(reason)?.[1];
    failLine(acc, sinks, { line, path: '$', message: `not valid JSON (${reason})`, messageZh: at === undefined ? '不是有效的 JSON' : `不是有效的 JSON（第 ${Number(at) + 1} 个字符处）` });
    return;
  }
  // An imported case comes with its source system's due instant beside the snapshot.
  let sourceDue: SourceInstant | undefined;
  if (options.imported && typeof data === 'object' && data !== null) ({ case: data, sourceDue } = data as { case: unknown; sourceDue?: SourceInstant });
  const caseId = typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : undefined;
  let report: Report;
  let record: CaseRecord;
  try {
    report = evaluate(data as never, { profile: options.profile, asOf: options.asOf, trace: false, calendar });
    // The snapshot passed validation inside evaluate, so the fields the record reads are there.
    record = caseRecord(line, data as Parameters<typeof caseRecord>[1], report, calendar);
  } catch (error) {
    failLine(acc, sinks, { line, ...(caseId ? { caseId } : {}), ...describe(error) });
    return;
  }
  // The snapshot passed validation: it is a case snapshot.
  const snapshot = data as CaseSnapshotInput;
  if (options.imported) {
    const differs = compareSourceDue(report, sourceDue, { snapshot, calendar });
    const row = differs && {
      caseId: clip(differs.caseId, MAX_NAME_CHARS),
      department: record.department,
      ours: differs.ours,
      theirs: differs.theirs,
      workingDays: differs.workingDays,
      message: { zh: clip(differs.message.zh, MAX_MESSAGE_CHARS), en: clip(differs.message.en, MAX_MESSAGE_CHARS) },
    };
    acc.sourceDue(row);
    // Every disagreement is in the case's own record too, however many the summary lists.
    if (row) record = { ...record, sourceDue: { ours: row.ours, theirs: row.theirs, workingDays: row.workingDays, message: row.message } };
  }
  acc.add(report, record);
  sinks.records?.push(JSON.stringify(record));
  if (sinks.supervision) for (const row of supervisionRecords(report, { snapshot })) sinks.supervision.push(JSON.stringify(row));
}

/** The summary of one batch of lines, and its records when asked for: what a worker thread returns. */
export function auditBatch(lines: readonly LogLine[], options: BatchOptions): BatchResult {
  // A custom profile frozen all the way down is resolved once and then known by identity, instead of written out as
  // JSON for every case to see whether it changed (a worker receives its own copy of the options with each chunk).
  freezeDeeply(options.profile);
  const acc = new AuditAccumulator(options);
  const calendar = calendarFor(options.calendarAdditions);
  const sinks = sinksFor(options);
  for (const entry of lines) auditLine(acc, sinks, entry, options, calendar);
  return resultOf(acc, sinks);
}

function freezeDeeply(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  for (const inner of Object.values(value)) freezeDeeply(inner);
  Object.freeze(value);
}

/** The result of a batch that is one error (a line a worker could not evaluate). */
export function errorBatch(error: AuditError, options: BatchOptions): BatchResult {
  const acc = new AuditAccumulator(options);
  const sinks = sinksFor(options);
  failLine(acc, sinks, error);
  return resultOf(acc, sinks);
}
