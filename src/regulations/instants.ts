import { DateTime } from 'luxon';
import type { DayNumber } from '../calendar/dates.js';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// China has kept UTC+8 without daylight saving since 1991, so a Shanghai date is plain arithmetic on the
// epoch milliseconds; other zones go through luxon.
const SHANGHAI_FIXED_FROM_MS = Date.UTC(1991, 8, 16);

export function instantMs(text: string): number {
  return Date.parse(text);
}

/** The local calendar date (as a day number) of an instant, in `zone`. */
export function localDay(ms: number, zone: string): DayNumber {
  if (zone === 'Asia/Shanghai' && ms >= SHANGHAI_FIXED_FROM_MS) return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
  const local = DateTime.fromMillis(ms, { zone });
  return Math.floor(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
}

const MINUTE_MS = 60_000;

/** The instant of a local day and minute of the day, in `zone`. */
export function localMs(day: DayNumber, minute: number, zone: string): number {
  const ms = day * DAY_MS + minute * MINUTE_MS - SHANGHAI_OFFSET_MS;
  if (zone === 'Asia/Shanghai' && ms >= SHANGHAI_FIXED_FROM_MS) return ms;
  const date = new Date(day * DAY_MS);
  return DateTime.fromObject(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(minute / 60), minute: minute % 60 },
    { zone },
  ).toMillis();
}

/** An instant as local `YYYY-MM-DD HH:mm`, for evidence people read. */
export function formatLocal(ms: number, zone: string): string {
  if (zone === 'Asia/Shanghai' && ms >= SHANGHAI_FIXED_FROM_MS) return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** Years between two ISO dates, to two decimals (a year being 365.2425 days). */
export function yearsBetween(from: string, to: string): number {
  return Math.round(((Date.parse(to) - Date.parse(from)) / (365.2425 * DAY_MS)) * 100) / 100;
}
