import { issue, ValidationError } from '../errors.js';

/**
 * Days are handled as integers (days since 1970-01-01 in the proleptic Gregorian calendar) so that
 * the hot paths never allocate Date objects or depend on the host time zone.
 */
export type DayNumber = number;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil). */
export function dayNumberFromParts(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days 2000-01-01 to 2099-12-31: the range whose day strings are kept in tables once made. */
const TABLE_FIRST_DAY = 10_957; // 2000-01-01
const TABLE_DAYS = 36_525;

/**
 * A string made from a day (in 2000–2099) kept in a table of its own once made; days outside the range are made each
 * time. `make` must depend on the day alone. An audit formats the same few hundred dates (and end-of-day instants)
 * millions of times.
 */
export function dayTable(make: (day: DayNumber) => string): (day: DayNumber) => string {
  const table: Array<string | undefined> = new Array<string | undefined>(TABLE_DAYS).fill(undefined);
  return (day) => {
    const at = day - TABLE_FIRST_DAY;
    if (at >= 0 && at < TABLE_DAYS && Number.isInteger(at)) return (table[at] ??= make(day));
    return make(day);
  };
}

const dayStrings = dayTable(computeDayString);

export function formatDayNumber(day: DayNumber): string {
  return dayStrings(day);
}

function computeDayString(day: DayNumber): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Parses `YYYY-MM-DD` strictly (no 2025-02-30); returns undefined when it is not such a date. */
export function tryParseDate(text: string): DayNumber | undefined {
  const match = DATE_RE.exec(text);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1) return undefined;
  if (d > daysInMonth(y, m)) return undefined;
  return dayNumberFromParts(y, m, d);
}

export function toInteger(value: unknown, where: string, argument: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new ValidationError(where, [issue(argument, value, 'an integer', '整数')]);
}
