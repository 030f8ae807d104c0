// Reading the values of exported case records: the date-time shapes the national standard, the exchange tables and
// the provincial databases write, and time limits in both unit encodings. Plain arithmetic, no clock, no locale.
import type { Bilingual } from '../errors.js';

const HOUR_MS = 3_600_000;
/** Mainland China keeps UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** A date-time read from a record: the instant in the case schema's shape (+08:00) and its Shanghai calendar date. */
export interface SourceInstant {
  /** ISO 8601 with +08:00, e.g. 2025-10-09T09:30:00+08:00; milliseconds only when the record had them. */
  instant: string;
  /** The Asia/Shanghai calendar date of the instant, YYYY-MM-DD. */
  date: string;
  /** False for a bare date (read as that day's 00:00 in Shanghai). */
  hasTime: boolean;
}

// YYYYMMDD, YYYYMMDDhhmmss, YYYYMMDDThhmmss, YYYYMMDDhh:mm:ss, YYYYMMDD hh:mm:ss.
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2}):?(\d{2}):?(\d{2}))?$/;
// YYYY-MM-DD, YYYY-MM-DD HH:mm[:ss[.S…]] (or with T), optionally with Z / ±HH:mm / ±HHmm.
const DASHED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Shanghai-local rendering of epoch milliseconds: `YYYY-MM-DDTHH:mm:ss[.SSS]+08:00`. */
export function shanghaiInstant(ms: number): string {
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  const millis = local.getUTCMilliseconds();
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${millis ? `.${pad(millis, 3)}` : ''}+08:00`;
}

/**
 * A date-time in any shape the formats use, read in Asia/Shanghai unless it carries its own offset; undefined when
 * it is none of them or names a day or time that does not exist (20250230, 25:00).
 */
export function parseSourceInstant(text: string): SourceInstant | undefined {
  const value = text.trim();
  let parts: { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; offsetMin: number; hasTime: boolean } | undefined;
  const compact = COMPACT.exec(value);
  if (compact) {
    parts = {
      y: Number(compact[1]), mo: Number(compact[2]), d: Number(compact[3]),
      h: Number(compact[4] ?? 0), mi: Number(compact[5] ?? 0), s: Number(compact[6] ?? 0), ms: 0,
      offsetMin: 480, hasTime: compact[4] !== undefined,
    };
  } else {
    const dashed = DASHED.exec(value);
    if (!dashed) return undefined;
    const sign = dashed[9] === '-' ? -1 : 1;
    parts = {
      y: Number(dashed[1]), mo: Number(dashed[2]), d: Number(dashed[3]),
      h: Number(dashed[4] ?? 0), mi: Number(dashed[5] ?? 0), s: Number(dashed[6] ?? 0),
      ms: dashed[7] === undefined ? 0 : Math.floor(Number(`0.${dashed[7]}`) * 1000),
      offsetMin: dashed[8] ? 0 : dashed[9] ? sign * (Number(dashed[10]) * 60 + Number(dashed[11])) : 480,
      hasTime: dashed[4] !== undefined,
    };
    if (Number(dashed[10] ?? 0) > 23 || Number(dashed[11] ?? 0) > 59) return undefined;
  }
  const { y, mo, d, h, mi, s, ms, offsetMin, hasTime } = parts;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC rolls 02-30 over into March: a day that does not exist is refused, not moved.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1000 || check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  const epoch = utc - offsetMin * 60_000;
  const instant = shanghaiInstant(epoch);
  return { instant, date: instant.slice(0, 10), hasTime };
}

/** The units a time limit can be written in, once its code is read. */
export const limitUnits = ['working-days', 'natural-days', 'hours', 'minutes', 'months', 'years'] as const;
export type LimitUnit = (typeof limitUnits)[number];

/** A time limit as the library can count it: working days, or natural days (years and months converted). */
export type TimeLimit =
  | { unit: 'working-days'; days: number }
  | { unit: 'natural-days'; days: number; written: { value: number; unit: LimitUnit } }
  | { unit: 'hours' | 'minutes'; amount: number };

/**
 * A limit from its number and its (already decoded) unit. Months and years become natural days by the exchange
 * specification's convention (1 月 = 30 天, 1 年 = 365 天). Undefined when the number is not a non-negative integer.
 */
export function readLimit(valueText: string, unit: LimitUnit): TimeLimit | undefined {
  const value = valueText.trim();
  if (!/^\d{1,6}(?:\.0+)?$/.test(value)) return undefined;
  const n = Math.trunc(Number(value));
  switch (unit) {
    case 'working-days':
      return { unit, days: n };
    case 'natural-days':
      return { unit, days: n, written: { value: n, unit } };
    case 'months':
      return { unit: 'natural-days', days: n * 30, written: { value: n, unit } };
    case 'years':
      return { unit: 'natural-days', days: n * 365, written: { value: n, unit } };
    case 'hours':
    case 'minutes':
      return { unit, amount: n };
  }
}

/** Why a limit the case snapshot cannot state stops the case, in both languages. */
export function uncountableLimit(limit: Exclude<TimeLimit, { unit: 'working-days' }>): Bilingual {
  if (limit.unit === 'natural-days') {
    return {
      zh: `自然日时限（${limit.days} 个自然日）尚不能计算：案件快照只能表达工作日时限，不能把自然日当作工作日`,
      en: `natural-day limits are not yet counted (${limit.days} natural days): the case snapshot states limits in working days only, and natural days are not working days`,
    };
  }
  const zhUnit = limit.unit === 'hours' ? '小时' : '分钟';
  return {
    zh: `以${zhUnit}计的时限（${limit.amount} ${zhUnit}）尚不能计算：案件快照只能表达工作日时限`,
    en: `limits in ${limit.unit} are not yet counted (${limit.amount} ${limit.unit}): the case snapshot states limits in working days only`,
  };
}
