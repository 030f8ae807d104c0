import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { evaluate, type Report } from '../engine/evaluate.js';
import { ValidationError, CalendarCoverageError } from '../errors.js';
import type { Citation } from '../schema/rule-file.js';
import type { ProfileInput } from '../schema/profile.js';

/** Lines longer than this are reported as errors and skipped: one runaway line must not exhaust memory. */
export const MAX_LINE_CHARS = 1_000_000;

export interface AuditError {
  line: number;
  caseId?: string;
  path: string;
  message: string;
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
  rules: Array<{ ruleId: string; severity: string; count: number; citation?: Citation; message: string }>;
  departments: Array<{ department: string; cases: number; violations: number; warnings: number }>;
  windows: Array<{ window: string; cases: number; violations: number; warnings: number }>;
  deadlineStatus: Record<string, number>;
  /** Deadlines due per month (YYYY-MM) by status, for the chart of status over time. */
  deadlinesByMonth: Array<{ month: string; counts: Record<string, number> }>;
  worstOverdue: Array<{ caseId: string; deadline: string; dueDate: string; overdueWorkingDays: number; department: string }>;
}

export interface AuditOptions {
  profile: string | ProfileInput;
  asOf: string;
  /** The bundled mainland calendar unless given (e.g. extended with next year's notice). */
  calendar?: WorkCalendar;
  /** Called after each line, for a progress display. */
  onProgress?: (state: { cases: number; errors: number }) => void;
  maxErrorsListed?: number;
  worstOverdueCount?: number;
}

interface Tally {
  cases: number;
  violations: number;
  warnings: number;
}

/** Accumulates reports one at a time, keeping only counts and a bounded list of the worst cases. */
export class AuditAccumulator {
  readonly #options: AuditOptions;
  #cases = 0;
  #evaluated = 0;
  #errorCount = 0;
  readonly #errors: AuditError[] = [];
  readonly #severity = new Map<string, number>();
  readonly #rules = new Map<string, { ruleId: string; severity: string; count: number; citation?: Citation; message: string }>();
  readonly #departments = new Map<string, Tally>();
  readonly #windows = new Map<string, Tally>();
  readonly #status = new Map<string, number>();
  readonly #months = new Map<string, Map<string, number>>();
  #worst: AuditSummary['worstOverdue'] = [];

  constructor(options: AuditOptions) {
    this.#options = options;
  }

  error(error: AuditError): void {
    this.#cases++;
    this.#errorCount++;
    if (this.#errors.length < (this.#options.maxErrorsListed ?? 1000)) this.#errors.push(error);
  }

  add(report: Report, department: string, window: string | undefined): void {
    this.#cases++;
    this.#evaluated++;
    let violations = 0;
    let warnings = 0;
    for (const finding of report.findings) {
      this.#severity.set(finding.severity, (this.#severity.get(finding.severity) ?? 0) + 1);
      const key = finding.ruleId;
      const rule = this.#rules.get(key);
      if (rule) rule.count++;
      else this.#rules.set(key, { ruleId: key, severity: finding.severity, count: 1, ...(finding.citation ? { citation: finding.citation } : {}), message: finding.message.zh });
      if (finding.severity === 'violation') violations++;
      if (finding.severity === 'warning') warnings++;
    }
    const tally = (map: Map<string, Tally>, name: string) => {
      const t = map.get(name) ?? { cases: 0, violations: 0, warnings: 0 };
      t.cases++;
      t.violations += violations;
      t.warnings += warnings;
      map.set(name, t);
    };
    tally(this.#departments, department);
    tally(this.#windows, window ?? '—');
    for (const deadline of report.deadlines) {
      this.#status.set(deadline.status, (this.#status.get(deadline.status) ?? 0) + 1);
      const month = deadline.dueDate.slice(0, 7);
      const counts = this.#months.get(month) ?? new Map<string, number>();
      counts.set(deadline.status, (counts.get(deadline.status) ?? 0) + 1);
      this.#months.set(month, counts);
      if (deadline.status === 'overdue') {
        this.#worst.push({ caseId: report.subject.id, deadline: deadline.id, dueDate: deadline.dueDate, overdueWorkingDays: deadline.elapsedWorkingDays - deadline.limitWorkingDays, department });
        const keep = this.#options.worstOverdueCount ?? 10;
        if (this.#worst.length > keep * 4) this.#trimWorst(keep);
      }
    }
    this.#options.onProgress?.({ cases: this.#cases, errors: this.#errorCount });
  }

  #trimWorst(keep: number): void {
    this.#worst.sort((a, b) => b.overdueWorkingDays - a.overdueWorkingDays || a.caseId.localeCompare(b.caseId) || a.deadline.localeCompare(b.deadline));
    this.#worst = this.#worst.slice(0, keep);
  }

  summary(): AuditSummary {
    this.#trimWorst(this.#options.worstOverdueCount ?? 10);
    const byName = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
    const rows = (map: Map<string, Tally>, key: 'department' | 'window') =>
      byName(map).map(([name, t]) => ({ [key]: name, ...t }) as { department: string } & { window: string } & Tally);
    return {
      profile: typeof this.#options.profile === 'string' ? this.#options.profile : this.#options.profile.id,
      asOf: this.#options.asOf,
      cases: this.#cases,
      evaluated: this.#evaluated,
      errors: this.#errors,
      errorCount: this.#errorCount,
      findingsBySeverity: Object.fromEntries(byName(this.#severity)),
      rules: [...this.#rules.values()].sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
      departments: rows(this.#departments, 'department'),
      windows: rows(this.#windows, 'window'),
      deadlineStatus: Object.fromEntries(byName(this.#status)),
      deadlinesByMonth: byName(this.#months).map(([month, counts]) => ({ month, counts: Object.fromEntries(byName(counts)) })),
      worstOverdue: this.#worst,
    };
  }
}

function describe(error: unknown): { path: string; message: string; caseId?: string } {
  if (error instanceof ValidationError) {
    const first = error.issues[0];
    const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
    return { path: first?.path ?? '$', message: `${first?.message.en ?? error.message}${more}` };
  }
  if (error instanceof CalendarCoverageError) return { path: '$', message: error.message.split('\n')[0]! };
  return { path: '$', message: (error as Error).message };
}

/** Evaluates one line of a case log into the accumulator; a bad line becomes an error entry, never an exception. */
export function auditLine(acc: AuditAccumulator, text: string, line: number, options: AuditOptions): void {
  if (text.trim() === '') return;
  if (text.length > MAX_LINE_CHARS) {
    acc.error({ line, path: '$', message: `line of ${text.length} characters exceeds the limit of ${MAX_LINE_CHARS}; skipped` });
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    acc.error({ line, path: '$', message: `not valid JSON (${(error as Error).message})` });
    return;
  }
  const caseId = typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : undefined;
  try {
    const report = evaluate(data as never, { profile: options.profile, asOf: options.asOf, trace: false, ...(options.calendar ? { calendar: options.calendar } : {}) });
    const matter = (data as { matter: { department: string; window?: string } }).matter;
    acc.add(report, matter.department, matter.window);
  } catch (error) {
    acc.error({ line, ...(caseId ? { caseId } : {}), ...describe(error) });
  }
}

/**
 * Audits a case log: NDJSON read line by line (memory does not grow with the number of cases), or a JSON
 * array. Malformed lines are listed with their line number and JSON path, and the rest of the log goes on.
 */
export async function auditStream(input: Readable, options: AuditOptions, format: 'ndjson' | 'json' = 'ndjson'): Promise<AuditSummary> {
  const acc = new AuditAccumulator(options);
  if (format === 'json') {
    let text = '';
    for await (const chunk of input) text += chunk;
    let cases: unknown;
    try {
      cases = JSON.parse(text);
    } catch (error) {
      acc.error({ line: 1, path: '$', message: `not valid JSON (${(error as Error).message})` });
      return acc.summary();
    }
    if (!Array.isArray(cases)) acc.error({ line: 1, path: '$', message: 'a JSON array of case snapshots' });
    else cases.forEach((c, i) => auditLine(acc, JSON.stringify(c), i + 1, options));
    return acc.summary();
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) auditLine(acc, text, ++line, options);
  return acc.summary();
}

export function auditFile(path: string, options: AuditOptions): Promise<AuditSummary> {
  return auditStream(createReadStream(path, 'utf8'), options, path.endsWith('.json') ? 'json' : 'ndjson');
}
