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
