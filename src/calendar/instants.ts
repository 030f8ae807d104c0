// Instants as epoch milliseconds. Parsing and the Asia/Shanghai conversions are plain arithmetic: an audit reads
// millions of timestamps and luxon's zone machinery costs microseconds each. Other zones still go through luxon.
import { DateTime } from 'luxon';
import { issue, ValidationError } from '../errors.js';
import { dayNumberFromParts, dayTable, daysInMonth, formatDayNumber, tryParseDate, type DayNumber } from './dates.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// China has kept UTC+8 without daylight saving since 1991-09-16 (the last DST period ended the day before).
const SHANGHAI_FIXED_FROM_MS = Date.UTC(1991, 8, 16);

// An instant must say its offset: a local time without one is ambiguous.
const INSTANT_PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

const isFixedShanghai = (zone: string, ms: number) => zone === 'Asia/Shanghai' && ms >= SHANGHAI_FIXED_FROM_MS;

/**
 * The epoch milliseconds of an ISO 8601 instant with offset (`2025-10-09T09:30:00+08:00`, `…Z`, `…+0800`),
 * or undefined when it is not one or names a day or time that does not exist (2025-02-30, 24:01, 23:59:60).
 * `T24:00` is the next day's midnight.
 * Fractions of a millisecond are truncated, as luxon does.
 */
export function parseInstantMs(text: string): number | undefined {
  return text.length === 25 ? parseCommonInstant(text) ?? parseAnyInstant(text) : parseAnyInstant(text);
}

const digit = (text: string, at: number) => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
};
const twoDigits = (text: string, at: number) => digit(text, at) * 10 + digit(text, at + 1);

/** The common shape `YYYY-MM-DDTHH:mm:ss±HH:mm`, read by character codes: no regex, no allocation. */
function parseCommonInstant(text: string): number | undefined {
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[22] !== ':') return undefined;
  const sign = text[19] === '+' ? 1 : text[19] === '-' ? -1 : 0;
  if (sign === 0) return undefined;
  // A non-digit reads as NaN, which fails every check in instantFromParts.
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  return instantFromParts(year, twoDigits(text, 5), twoDigits(text, 8), twoDigits(text, 11), twoDigits(text, 14), twoDigits(text, 17), 0, sign, twoDigits(text, 20), twoDigits(text, 23));
}

function parseAnyInstant(text: string): number | undefined {
  const m = INSTANT_PARTS.exec(text);
  if (!m) return undefined;
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const sign = m[8] === '-' ? -1 : 1;
  const offsetHours = m[8] === undefined ? 0 : Number(m[9]);
  const offsetMins = m[8] === undefined ? 0 : Number(m[10]);
  return instantFromParts(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), second, millis, sign, offsetHours, offsetMins);
}

/** The instant of local date-time parts at an offset, or undefined when a part names nothing that exists. */
function instantFromParts(
  year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number,
  sign: number, offsetHours: number, offsetMins: number,
): number | undefined {
  // 24:00 is the end of the day (截止时间为二十四时): the next day's midnight, as ISO 8601 and luxon read it.
  const endOfDay = hour === 24 && minute === 0 && second === 0 && millis === 0;
  const valid =
    year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    (hour <= 23 || endOfDay) && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMins <= 59;
  if (!valid) return undefined;
  const offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  return dayNumberFromParts(year, month, day) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/**
 * Instants already read during evaluation: a case's derivations ask for the same few instants (its events', the
 * as-of instant) several times each. Bounded: cleared when full, so a long audit never grows it.
 */
const readInstants = new Map<string, number>();
const READ_INSTANTS_LIMIT = 4096;

/** The epoch milliseconds of an instant the schemas have already accepted (NaN if it was not one). */
export function instantMs(text: string): number {
  let ms = readInstants.get(text);
  if (ms === undefined) {
    ms = parseInstantMs(text) ?? Number.NaN;
    if (readInstants.size >= READ_INSTANTS_LIMIT) readInstants.clear();
    readInstants.set(text, ms);
  }
  return ms;
}

/** The local calendar date (as a day number) of an instant, in `zone`. */
export function localDay(ms: number, zone: string): DayNumber {
  if (isFixedShanghai(zone, ms)) return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
  const local = DateTime.fromMillis(ms, { zone });
  return dayNumberFromParts(local.year, local.month, local.day);
}

/** Minutes since local midnight (with fractions) of an instant, in `zone`. */
export function localMinuteOfDay(ms: number, zone: string): number {
  if (isFixedShanghai(zone, ms)) return (((ms + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / MINUTE_MS;
  const local = DateTime.fromMillis(ms, { zone });
  return local.hour * 60 + local.minute + local.second / 60 + local.millisecond / MINUTE_MS;
}

/**
 * The instant of a local day and minute of the day, in `zone`: wall-clock time, so 08:00 is 08:00 on a day when
 * the clocks change too. A time that the change skips (02:30 when clocks jump from 02:00 to 03:00) reads as
 * the same span after the jump (03:30), as luxon does. Minute 1440 is the next day's midnight.
 */
export function localMs(day: DayNumber, minute: number, zone: string): number {
  const ms = day * DAY_MS + minute * MINUTE_MS - SHANGHAI_OFFSET_MS;
  if (isFixedShanghai(zone, ms)) return ms;
  const whole = Math.floor(minute);
  const date = new Date((day + Math.floor(whole / 1440)) * DAY_MS);
  const inDay = whole % 1440;
  const millis = Math.round((minute - whole) * MINUTE_MS);
  return DateTime.fromObject(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(inDay / 60), minute: inDay % 60, second: Math.floor(millis / 1000), millisecond: millis % 1000 },
    { zone },
  ).toMillis();
}

/** An instant as ISO 8601 with the zone's offset, milliseconds shown only when not zero. */
export function formatInstant(ms: number, zone: string): string {
  if (isFixedShanghai(zone, ms)) {
    const local = ms + SHANGHAI_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const inDay = local - day * DAY_MS;
    if (inDay === DAY_MS - 1) return shanghaiEndOfDay(day);
    const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
    const millis = inDay % 1000;
    const time = `${pad(Math.floor(inDay / 3_600_000))}:${pad(Math.floor(inDay / MINUTE_MS) % 60)}:${pad(Math.floor(inDay / 1000) % 60)}`;
    return `${formatDayNumber(day)}T${time}${millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`}+08:00`;
  }
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** The last millisecond of a day in Shanghai, as formatInstant writes it (24:00 less a millisecond: 截止时间为二十四时). */
const shanghaiEndOfDay = dayTable((day) => `${formatDayNumber(day)}T23:59:59.999+08:00`);

/** An instant as local `YYYY-MM-DD HH:mm`, for evidence people read. */
export function formatLocal(ms: number, zone: string): string {
  return formatInstant(ms, zone).slice(0, 16).replace('T', ' ');
}

/** The last instant (inclusive) of a local day: 23:59:59.999 there. */
export function endOfLocalDayMs(day: DayNumber, zone: string): number {
  return localMs(day + 1, 0, zone) - 1;
}

/** Years between two ISO dates, to two decimals (a year being 365.2425 days). */
export function yearsBetween(from: string, to: string): number {
  return Math.round(((Date.parse(to) - Date.parse(from)) / (365.2425 * DAY_MS)) * 100) / 100;
}

/** Whether a text is an instant with offset; read through the same memo as `instantMs`, so validating a case's instants spares its derivations reading them again. */
export function isInstantString(text: string): boolean {
  return !Number.isNaN(instantMs(text));
}

const EXPECTED_DATE = 'an ISO date (YYYY-MM-DD) or an ISO instant with offset';
const EXPECTED_DATE_ZH = 'ISO 日期（YYYY-MM-DD）或带时区偏移的 ISO 时刻';

/** Reads a date argument: a calendar date, or the local date (in `zone`) of an instant with offset. */
export function toDayNumber(value: unknown, zone: string, where: string, argument: string): DayNumber {
  if (typeof value === 'string') {
    // A date is ten characters, an instant more: try the likely reading first.
    const day = value.length === 10 ? tryParseDate(value) : undefined;
    if (day !== undefined) return day;
    const ms = instantMs(value);
    if (!Number.isNaN(ms)) return localDay(ms, zone);
  }
  throw new ValidationError(where, [issue(argument, value, EXPECTED_DATE, EXPECTED_DATE_ZH)]);
}

/** Reads an instant argument (ISO with offset) as epoch milliseconds. */
export function toInstantMs(value: unknown, where: string, argument: string): number {
  const ms = typeof value === 'string' ? parseInstantMs(value) : undefined;
  if (ms !== undefined) return ms;
  throw new ValidationError(where, [
    issue(argument, value, 'an ISO instant with offset, e.g. 2025-10-09T09:30:00+08:00', '带时区偏移的 ISO 时刻，如 2025-10-09T09:30:00+08:00'),
  ]);
}
