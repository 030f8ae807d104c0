import { z } from 'zod';
import { parseWith } from '../schema/parse.js';
import type { DayNumber } from './dates.js';
import { formatInstant, localDay, localMinuteOfDay, localMs, toInstantMs } from './instants.js';
import { requireCalendar, type WorkCalendar } from './work-calendar.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time HH:mm between 00:00 and 24:00');

export const workingIntervalSchema = z.strictObject({ from: clock, to: clock });

export const workingHoursSchema = z
  .array(workingIntervalSchema)
  .min(1)
  .superRefine((intervals, ctx) => {
    let previousEnd = -1;
    intervals.forEach((interval, index) => {
      const from = clockMinutes(interval.from);
      const to = clockMinutes(interval.to);
      if (to <= from) ctx.addIssue({ code: 'custom', path: [index, 'to'], message: `a time after ${interval.from}` });
      if (from < previousEnd) ctx.addIssue({ code: 'custom', path: [index, 'from'], message: 'intervals in order, not overlapping' });
      previousEnd = to;
    });
  });

/** Daily working intervals in local time, e.g. [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }]. */
export type WorkingInterval = z.infer<typeof workingIntervalSchema>;

/** Minutes since midnight of an HH:mm clock time. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Working hours applied to a calendar: days come from the calendar, hours from the center's profile. */
export class WorkingHours {
  readonly intervals: readonly WorkingInterval[];
  readonly minutesPerDay: number;
  readonly #calendar: WorkCalendar;
  readonly #spans: ReadonlyArray<readonly [number, number]>;

  constructor(calendar: WorkCalendar, intervals: readonly WorkingInterval[]) {
    requireCalendar(calendar, 'WorkingHours(calendar)');
    this.intervals = parseWith(workingHoursSchema, intervals, 'workingHours(intervals)');
    this.#calendar = calendar;
    this.#spans = this.intervals.map((i) => [clockMinutes(i.from), clockMinutes(i.to)] as const);
    this.minutesPerDay = this.#spans.reduce((sum, [from, to]) => sum + to - from, 0);
  }

  #local(instant: string, where: string, argument: string): { day: DayNumber; minute: number } {
    const ms = toInstantMs(instant, where, argument);
    const zone = this.#calendar.timeZone;
    return { day: localDay(ms, zone), minute: localMinuteOfDay(ms, zone) };
  }

  /** Working minutes of a working day that lie before `minute` (local time). */
  #minutesBefore(minute: number): number {
    let total = 0;
    for (const [from, to] of this.#spans) total += Math.max(0, Math.min(minute, to) - from);
    return total;
  }

  /** True when the instant falls on a working day inside one of the day's working intervals [from, to). */
  isWithinWorkingHours(instant: string): boolean {
    const { day, minute } = this.#local(instant, 'isWithinWorkingHours', 'instant');
    return this.#calendar.isWorkingDayNumber(day) && this.#spans.some(([from, to]) => minute >= from && minute < to);
  }

  /** Working minutes in [a, b); negative when b is before a. Lunch breaks and days off do not count. */
  workingMinutesBetween(a: string, b: string): number {
    const start = this.#local(a, 'workingMinutesBetween', 'a');
    const end = this.#local(b, 'workingMinutesBetween', 'b');
    return this.#minutesSince(start.day, end.day, end.minute) - this.#minutesSince(start.day, start.day, start.minute);
  }

  /** Working minutes from the start of `anchor` (a day) to `minute` on `day`; negative when `day` is before `anchor`. */
  #minutesSince(anchor: DayNumber, day: DayNumber, minute: number): number {
    const cal = this.#calendar;
    // Working days in [anchor, day): the (anchor, day] count shifted by one day at each end.
    const wholeDays = cal.countWorkingDays(anchor, day) - (cal.isWorkingDayNumber(day) ? 1 : 0) + (cal.isWorkingDayNumber(anchor) ? 1 : 0);
    const partial = cal.isWorkingDayNumber(day) ? this.#minutesBefore(minute) : 0;
    return wholeDays * this.minutesPerDay + partial;
  }

  /** The instant of a minute of the day on a working day; null on a day that is not one. */
  #msOn(day: DayNumber, minutes: number): number | null {
    return this.#calendar.isWorkingDayNumber(day) ? localMs(day, minutes, this.#calendar.timeZone) : null;
  }

  #timeOn(date: string, minutes: number, where: string): string | null {
    const ms = this.#msOn(this.#calendar.dayOf(date, where, 'date'), minutes);
    return ms === null ? null : formatInstant(ms, this.#calendar.timeZone);
  }

  /** @internal The instant a working day starts, or null on a day that is not a working day. */
  openingMs(day: DayNumber): number | null {
    return this.#msOn(day, this.#spans[0]![0]);
  }

  /** @internal The instant a working day ends, or null on a day that is not a working day. */
  closeOfBusinessMs(day: DayNumber): number | null {
    return this.#msOn(day, this.#spans[this.#spans.length - 1]![1]);
  }

  /** When the working day ends (the end of its last interval), or null on a day that is not a working day. */
  closeOfBusiness(date: string): string | null {
    return this.#timeOn(date, this.#spans[this.#spans.length - 1]![1], 'closeOfBusiness');
  }

  /** When the working day starts, or null on a day that is not a working day. */
  openingTime(date: string): string | null {
    return this.#timeOn(date, this.#spans[0]![0], 'openingTime');
  }
}
