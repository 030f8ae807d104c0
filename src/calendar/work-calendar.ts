import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CalendarCoverageError, issue, ValidationError, type Bilingual, type Coverage } from '../errors.js';
import { calendarDataSchema, isoDate, type CalendarData, type CalendarYear } from '../schema/calendar-data.js';
import { parseWith } from '../schema/parse.js';
import { checkPublishedYear } from './check-data.js';
import { formatDayNumber, toInteger, tryParseDate, weekdayOf, type DayNumber } from './dates.js';
import { toDayNumber } from './instants.js';
import { englishHolidayName } from './holiday-names.js';

/**
 * A `__proto__` key among the years (as JSON.parse makes from `{"years":{"__proto__":…}}`) is refused: a record
 * would otherwise take it as the object's prototype and the year would vanish without a word.
 */
function refuseProtoYear(years: unknown, path: string, where: string): void {
  if (years !== null && typeof years === 'object' && Object.hasOwn(years, '__proto__')) {
    throw new ValidationError(where, [issue(`${path}.__proto__`, '__proto__', 'a four-digit year', '四位数年份')]);
  }
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up-workday' | 'closure';

export interface DayInfo {
  date: string;
  kind: DayKind;
  isWorkingDay: boolean;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** The holiday a day off or make-up working day belongs to. */
  holiday?: Bilingual;
  /** The State Council notice that fixed this day. */
  notice?: string;
  /** Why a center closed on a day that would otherwise be a working day. */
  closure?: string;
  /** True when the day lies outside the data and was classified by weekday only, as the caller asked. */
  guessed?: boolean;
}

export interface Closure {
  date: string;
  reason: string;
}

const closureSchema = z.strictObject({ date: isoDate, reason: z.string().min(1) });

export const calendarOptionsSchema = z.strictObject({
  /** Center-specific days off (e.g. a closure for relocation); they never turn a day off into a working day. */
  closures: z.array(closureSchema).optional(),
  /**
   * What to do with a date outside the data. The default, 'error', throws CalendarCoverageError;
   * 'weekends-only' treats such dates as plain Monday–Friday weeks, which a caller must ask for by name.
   */
  outsideCoverage: z.enum(['error', 'weekends-only']).optional(),
});

export type CalendarOptions = z.input<typeof calendarOptionsSchema>;

const KIND_CODES: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'make-up-workday', 'closure'];
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKE_UP = 3;
const CLOSURE = 4;

// With 'weekends-only' the index spans these years so that arithmetic stays O(1) outside the data.
const FALLBACK_FROM = tryParseDate('1950-01-01')!;
const FALLBACK_TO = tryParseDate('2199-12-31')!;

interface Annotation {
  holiday?: string;
  notice?: string;
  closure?: string;
}

/**
 * A working-day calendar over official data. Every query is answered from a precomputed index
 * (the rank of each day among working days), so adding 250 working days costs what adding 5 does.
 */
export class WorkCalendar {
  readonly region: string;
  readonly timeZone: string;
  /** The dates the official data covers; outside it a query throws CalendarCoverageError. */
  readonly coverage: Coverage;
  /** Years listed as not yet published by the State Council. */
  readonly unpublishedYears: readonly number[];

  readonly #data: CalendarData;
  readonly #options: CalendarOptions;
  readonly #first: DayNumber;
  readonly #last: DayNumber;
  readonly #dataFirst: DayNumber;
  readonly #dataLast: DayNumber;
  readonly #kinds: Uint8Array;
  /** #rank[i]: working days in [first, first + i]. */
  readonly #rank: Int32Array;
  /** #workingDays[k]: offset from #first of the (k+1)th working day. */
  readonly #workingDays: Int32Array;
  readonly #annotations: Map<DayNumber, Annotation>;

  /** Use createCalendar or cnMainlandCalendar. */
  constructor(data: CalendarData, options: CalendarOptions = {}) {
    refuseProtoYear((data as { years?: unknown } | null)?.years, '$.years', 'createCalendar(data)');
    const parsed = parseWith(calendarDataSchema, data, 'createCalendar(data)');
    const opts = parseWith(calendarOptionsSchema, options, 'createCalendar(options)');
    this.#data = data;
    this.#options = options;
    this.region = parsed.region;
    this.timeZone = parsed.timeZone;

    const problems = [];
    // An unknown zone would make every date NaN; luxon knows the IANA zones of the host's ICU.
    if (!IANAZone.isValidZone(parsed.timeZone)) problems.push(issue('$.timeZone', parsed.timeZone, 'an IANA time zone, e.g. Asia/Shanghai', 'IANA 时区，如 Asia/Shanghai'));
    const published: number[] = [];
    const unpublished: number[] = [];
    for (const [year, entry] of Object.entries(parsed.years)) {
      if (entry.status === 'published') {
        published.push(Number(year));
        problems.push(...checkPublishedYear(year, entry));
      } else unpublished.push(Number(year));
    }
    published.sort((a, b) => a - b);
    unpublished.sort((a, b) => a - b);
    if (published.length === 0) problems.push(issue('$.years', data.years, 'at least one published year'));
    published.forEach((year, i) => {
      if (i > 0 && year !== published[i - 1]! + 1) {
        problems.push(issue(`$.years.${year}`, year, `consecutive published years, but ${published[i - 1]! + 1} is missing`));
      }
    });
    if (problems.length) throw new ValidationError('createCalendar(data)', problems);
    this.unpublishedYears = unpublished;

    this.#dataFirst = tryParseDate(`${published[0]}-01-01`)!;
    this.#dataLast = tryParseDate(`${published[published.length - 1]}-12-31`)!;
    this.coverage = { from: formatDayNumber(this.#dataFirst), to: formatDayNumber(this.#dataLast) };
    const fallback = opts.outsideCoverage === 'weekends-only';
    this.#first = fallback ? Math.min(FALLBACK_FROM, this.#dataFirst) : this.#dataFirst;
    this.#last = fallback ? Math.max(FALLBACK_TO, this.#dataLast) : this.#dataLast;

    const length = this.#last - this.#first + 1;
    const kinds = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const w = weekdayOf(this.#first + i);
      kinds[i] = w === 0 || w === 6 ? WEEKEND : WORKDAY;
    }
    this.#annotations = new Map();
    for (const [year, entry] of Object.entries(parsed.years)) {
      if (entry.status !== 'published') continue;
      const notice = entry.notice + (entry.amendedBy?.length ? `；${entry.amendedBy.join('；')}` : '');
      for (const { date, holiday } of entry.daysOff) this.#mark(kinds, date, HOLIDAY, { holiday, notice });
      for (const { date, holiday } of entry.makeUpWorkdays) this.#mark(kinds, date, MAKE_UP, { holiday, notice });
    }
    for (const { date, reason } of opts.closures ?? []) {
      const at = tryParseDate(date)! - this.#first;
      if (at < 0 || at >= length) throw new CalendarCoverageError(date, this.coverage, this.unpublishedYears);
      if (kinds[at] === WORKDAY || kinds[at] === MAKE_UP) {
        kinds[at] = CLOSURE;
        this.#annotations.set(tryParseDate(date)!, { ...this.#annotations.get(tryParseDate(date)!), closure: reason });
      }
    }

    this.#kinds = kinds;
    this.#rank = new Int32Array(length);
    let working = 0;
    for (let i = 0; i < length; i++) {
      if (kinds[i] === WORKDAY || kinds[i] === MAKE_UP) working++;
      this.#rank[i] = working;
    }
    this.#workingDays = new Int32Array(working);
    for (let i = 0, k = 0; i < length; i++) if (kinds[i] === WORKDAY || kinds[i] === MAKE_UP) this.#workingDays[k++] = i;
  }

  #mark(kinds: Uint8Array, date: string, kind: number, note: Annotation): void {
    const day = tryParseDate(date)!;
    const at = day - this.#first;
    // Late-December days of next year's notice can fall before the first covered year; they are outside the index.
    if (at < 0 || at >= kinds.length) return;
    kinds[at] = kind;
    this.#annotations.set(day, note);
  }

  /** A new calendar with more years (e.g. next year's notice) and/or center closures added. */
  extend(additions: { years?: Record<string, CalendarYear>; closures?: Closure[] }): WorkCalendar {
    refuseProtoYear((additions as { years?: unknown } | null)?.years, '$.years', 'extend');
    const extra = parseWith(
      z.strictObject({ years: z.record(z.string(), z.unknown()).optional(), closures: z.array(closureSchema).optional() }),
      additions,
      'extend',
    );
    try {
      return new WorkCalendar(
        { ...this.#data, years: { ...this.#data.years, ...(extra.years as Record<string, CalendarYear>) } },
        { ...this.#options, closures: [...(this.#options.closures ?? []), ...(extra.closures ?? [])] },
      );
    } catch (error) {
      // A year of the additions is checked with the rest of the data (its path, $.years.…, is the same in both);
      // the error is extend's, as the caller called it.
      if (error instanceof ValidationError) throw new ValidationError('extend', error.issues, error.issueCount);
      throw error;
    }
  }

  // ---- day-number API, used by deadlines and evaluation (no string parsing in the loop) ----

  /** @internal Index of a day, or a CalendarCoverageError. */
  offsetOf(day: DayNumber, shown?: string): number {
    const at = day - this.#first;
    if (at < 0 || day > this.#last) throw new CalendarCoverageError(shown ?? formatDayNumber(day), this.coverage, this.unpublishedYears);
    return at;
  }

  /** @internal */
  dayOf(value: unknown, where: string, argument: string): DayNumber {
    return toDayNumber(value, this.timeZone, where, argument);
  }

  /** @internal */
  isWorkingDayNumber(day: DayNumber): boolean {
    const kind = this.#kinds[this.offsetOf(day)];
    return kind === WORKDAY || kind === MAKE_UP;
  }

  /** @internal Working days in (from, to]; negative when to < from. */
  countWorkingDays(from: DayNumber, to: DayNumber): number {
    return this.#rank[this.offsetOf(to)]! - this.#rank[this.offsetOf(from)]!;
  }

  /** @internal See addWorkingDays. */
  addWorkingDayNumbers(day: DayNumber, n: number): DayNumber {
    const at = this.offsetOf(day);
    const rank = this.#rank[at]!;
    const isWorking = this.#kinds[at] === WORKDAY || this.#kinds[at] === MAKE_UP;
    // Index into #workingDays of the answer: the (rank + n)th working day counted from the start.
    let target: number;
    if (n > 0) target = rank + n - 1;
    else if (n === 0) target = isWorking ? rank - 1 : rank;
    else target = rank - (isWorking ? 1 : 0) + n;
    if (target < 0 || target >= this.#workingDays.length) {
      const edge = target < 0 ? this.coverage.from : this.coverage.to;
      throw new CalendarCoverageError(`${formatDayNumber(day)} ${n >= 0 ? '+' : '−'} ${Math.abs(n)} working days (beyond ${edge})`, this.coverage, this.unpublishedYears);
    }
    return this.#first + this.#workingDays[target]!;
  }

  // ---- public, string API ----

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(this.dayOf(date, 'isWorkingDay', 'date'));
  }

  dayInfo(date: string): DayInfo {
    const day = this.dayOf(date, 'dayInfo', 'date');
    const kind = KIND_CODES[this.#kinds[this.offsetOf(day)]!]!;
    const note = this.#annotations.get(day);
    const info: DayInfo = {
      date: formatDayNumber(day),
      kind,
      isWorkingDay: kind === 'workday' || kind === 'make-up-workday',
      weekday: weekdayOf(day) || 7,
    };
    if (note?.holiday) info.holiday = { zh: note.holiday, en: englishHolidayName(note.holiday) };
    if (note?.notice) info.notice = note.notice;
    if (note?.closure) info.closure = note.closure;
    if (day < this.#dataFirst || day > this.#dataLast) info.guessed = true;
    return info;
  }

  /**
   * n ≥ 1: the nth working day strictly after `date`; n = 0: `date` if it is a working day, else the next one;
   * n < 0: the |n|th working day strictly before `date`.
   */
  addWorkingDays(date: string, n: number): string {
    const day = this.dayOf(date, 'addWorkingDays', 'date');
    return formatDayNumber(this.addWorkingDayNumbers(day, toInteger(n, 'addWorkingDays', 'n')));
  }

  /** Working days in (from, to]: `from` itself is not counted, `to` is. Negative when to < from. */
  workingDaysBetween(from: string, to: string): number {
    return this.countWorkingDays(this.dayOf(from, 'workingDaysBetween', 'from'), this.dayOf(to, 'workingDaysBetween', 'to'));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return formatDayNumber(this.addWorkingDayNumbers(this.dayOf(date, 'nextWorkingDay', 'date'), 1));
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: string): string {
    return formatDayNumber(this.addWorkingDayNumbers(this.dayOf(date, 'previousWorkingDay', 'date'), -1));
  }
}

/** Builds a calendar from your own data (another region, or mainland data with years you added). */
/** A ValidationError unless `calendar` is a WorkCalendar (cnMainlandCalendar() or createCalendar(…)). */
export function requireCalendar(calendar: unknown, where: string): asserts calendar is WorkCalendar {
  if (!(calendar instanceof WorkCalendar)) {
    throw new ValidationError(where, [issue('calendar', calendar, 'a WorkCalendar (cnMainlandCalendar() or createCalendar(…))', '工作日历（cnMainlandCalendar() 或 createCalendar(…)）')]);
  }
}

export function createCalendar(data: CalendarData, options: CalendarOptions = {}): WorkCalendar {
  return new WorkCalendar(data, options);
}
