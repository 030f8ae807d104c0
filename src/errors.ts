import { z } from 'zod';

/** A text shown to people, in both languages the library speaks: messages, labels, fact values that are words. */
export const bilingualSchema = z.strictObject({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;

/** One problem in an input: where it is (a JSON path or an argument name), what was there, what was expected. */
export interface ValidationIssue {
  path: string;
  value: unknown;
  expected: string;
  message: Bilingual;
}

/** How much of a value an error shows: characters of the whole rendering, and levels of nesting. */
export const SHOWN_VALUE_LIMITS = { length: 80, depth: 4 } as const;

/**
 * A text cut to at most `length` characters (ending in `...` when cut), e.g. an exception's message echoed in
 * another. A cut never falls inside a surrogate pair, so the result is well-formed text.
 */
export function clip(text: string, length: number = SHOWN_VALUE_LIMITS.length): string {
  if (text.length <= length) return text;
  let end = Math.max(0, length - 3);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}...`;
}

/** Raised inside `showValue` once the rendering has reached its length; never escapes it. */
const FULL = Symbol('full');

/**
 * A value as an error shows it: JSON for JSON data (`"yes"`, `5`, `{"a":1}`), `undefined`, `NaN`, `Infinity`,
 * and a short tag for anything else (`[function]`, `Map(2)`, `12n`). The one printer for input values in
 * messages: it stops at `length` characters (ending in `...`) and at `depth` levels (`[…]`, `{…}`), reads no
 * more of a huge string or array than it shows, calls no `toString` or `toJSON` of the input, and never throws,
 * whatever the value (deep nesting, a Proxy, throwing getters, cycles).
 */
export function showValue(value: unknown, limits: { length?: number; depth?: number } = {}): string {
  const maxLength = Math.max(4, limits.length ?? SHOWN_VALUE_LIMITS.length);
  const maxDepth = Math.max(0, limits.depth ?? SHOWN_VALUE_LIMITS.depth);
  let out = '';
  const put = (text: string) => {
    out += text;
    if (out.length > maxLength) throw FULL;
  };
  const seen = new Set<object>();
  const scalar = (v: unknown, top: boolean): string | undefined => {
    switch (typeof v) {
      case 'string':
        // Only what can be shown is quoted: a 100 MB string costs no more than an 80-character one.
        return JSON.stringify(v.length > maxLength ? v.slice(0, maxLength) : v).slice(0, v.length > maxLength ? -1 : undefined);
      case 'number':
        return Number.isFinite(v) ? JSON.stringify(v) : top ? `${v}` : 'null';
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return `${v}n`;
      case 'undefined':
        return top ? 'undefined' : undefined;
      case 'symbol':
        return top ? '[symbol]' : undefined;
      case 'function':
        return top ? '[function]' : undefined;
      default:
        return v === null ? 'null' : undefined;
    }
  };
  const walk = (v: unknown, depth: number, top: boolean): void => {
    if (typeof v !== 'object' || v === null) {
      put(scalar(v, top) ?? 'null');
      return;
    }
    if (v instanceof Date) {
      put(Number.isNaN(v.getTime()) ? 'null' : JSON.stringify(v.toISOString()));
      return;
    }
    if (v instanceof Map || v instanceof Set) {
      put(`${v instanceof Map ? 'Map' : 'Set'}(${v.size})`);
      return;
    }
    const isArray = Array.isArray(v);
    if (depth >= maxDepth || seen.has(v)) {
      put(isArray ? '[…]' : '{…}');
      return;
    }
    seen.add(v);
    if (isArray) {
      put('[');
      for (let i = 0; i < v.length; i++) {
        if (i) put(',');
        walk(v[i], depth + 1, false);
      }
      put(']');
    } else {
      put('{');
      let first = true;
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (typeof item !== 'object' && scalar(item, false) === undefined) continue;
        if (!first) put(',');
        first = false;
        put(`${scalar(key, false)}:`);
        walk(item, depth + 1, false);
      }
      put('}');
    }
    seen.delete(v);
  };
  try {
    walk(value, 0, true);
    return out;
  } catch (error) {
    if (error === FULL) return clip(out, maxLength);
    // A Proxy or a getter that throws: say what kind of value it was, nothing more.
    return Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : `[${typeof value}]`;
  }
}

export function issue(path: string, value: unknown, expected: string, zhExpected: string = expected): ValidationIssue {
  const shown = showValue(value);
  return {
    path,
    value,
    expected,
    message: {
      zh: `${path}：应为${zhExpected}，实际为 ${shown}`,
      en: `${path}: expected ${expected}, got ${shown}`,
    },
  };
}

/** Issues a `ValidationError` lists at most; the rest are counted in `issueCount`. */
export const MAX_LISTED_ISSUES = 100;

/**
 * Thrown when an input does not have the expected shape. Lists every problem found, not just the first, up to
 * `MAX_LISTED_ISSUES`; `issueCount` says how many there were in all.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];
  readonly where: string;
  /** How many problems were found; more than `issues.length` when the list was cut short. */
  readonly issueCount: number;

  constructor(where: string, issues: readonly ValidationIssue[], issueCount: number = issues.length) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    const count = Math.max(issueCount, listed.length);
    const lines = listed.map((i) => `  - ${i.message.en}`).join('\n');
    const cut = count > listed.length ? `; the first ${listed.length} listed` : '';
    super(`${where}: invalid input (${count} problem${count === 1 ? '' : 's'}${cut})\n${lines}`);
    this.where = where;
    this.issues = listed;
    this.issueCount = count;
  }

  /** The same report in Chinese. */
  get messageZh(): string {
    const cut = this.issueCount > this.issues.length ? `，列出前 ${this.issues.length} 处` : '';
    return `${this.where}：输入无效（${this.issueCount} 处${cut}）\n${this.issues.map((i) => `  - ${i.message.zh}`).join('\n')}`;
  }
}

export interface Coverage {
  from: string;
  to: string;
}

/**
 * Thrown when a date lies outside the years the calendar has official data for.
 * Guessing weekdays there would silently misplace every deadline that crosses a holiday.
 */
export class CalendarCoverageError extends Error {
  override readonly name = 'CalendarCoverageError';
  readonly date: string;
  readonly coverage: Coverage;
  readonly messageZh: string;

  constructor(date: string, coverage: Coverage, unpublishedYears: readonly number[] = []) {
    const pending = unpublishedYears.length ? ` Not yet published: ${unpublishedYears.join(', ')}.` : '';
    const pendingZh = unpublishedYears.length ? `尚未发布：${unpublishedYears.join('、')}年。` : '';
    super(
      `${date} is outside the calendar's data (${coverage.from} to ${coverage.to}).${pending} ` +
        `Add the year's State Council holiday notice with calendar.extend({ years: { … } }) ` +
        `or createCalendar(data); or opt in to outsideCoverage: 'weekends-only'.`,
    );
    this.date = date;
    this.coverage = coverage;
    this.messageZh =
      `${date} 超出日历数据范围（${coverage.from} 至 ${coverage.to}）。${pendingZh}` +
      `请用 calendar.extend({ years: { … } }) 或 createCalendar(data) 补充该年度国务院办公厅放假安排通知；` +
      `或明确指定 outsideCoverage: 'weekends-only'。`;
  }
}

/** Edit distance between two texts (insertions, deletions, substitutions and swaps of neighbours), case ignored. */
function editDistance(a: string, b: string): number {
  const x = [...a.toLowerCase()];
  const y = [...b.toLowerCase()];
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * The valid name a misspelt one most likely meant: the nearest by edit distance, if it is near enough to be a
 * typo (at most a third of the name's length, and at least 1, 2 from six characters) and no other is as near.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length === 0 || name.length > 200) return undefined;
  const allowed = Math.max(1, Math.min(name.length >= 6 ? 3 : 2, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of new Set(candidates)) {
    if (candidate === name) return undefined;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance, tie] = [candidate, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= allowed && !tie ? best : undefined;
}

/** ` (did you mean "x"?)` and `（是否应为 "x"？）`, or nothing when no valid name is near. */
export function didYouMean(name: unknown, candidates: Iterable<string>): Bilingual {
  const nearest = typeof name === 'string' ? nearestName(name, candidates) : undefined;
  return nearest === undefined ? { zh: '', en: '' } : { zh: `（是否应为 ${JSON.stringify(nearest)}？）`, en: ` (did you mean ${JSON.stringify(nearest)}?)` };
}
