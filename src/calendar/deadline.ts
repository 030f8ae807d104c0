import { DateTime } from 'luxon';
import { z } from 'zod';
import { issue, ValidationError } from '../errors.js';
import { parseWith } from '../schema/parse.js';
import { formatDayNumber, toInstant, type DayNumber } from './dates.js';
import type { WorkCalendar } from './work-calendar.js';
import { WorkingHours, workingHoursSchema } from './working-hours.js';

/**
 * How a period in working days is counted.
 * - startDay 'next-day' (default, 民法典 第二百零一条 "开始的当日不计入，自下一日开始计算"): the day of the start
 *   is not counted; 'same-day': it is, when it is a working day.
 * - dueAt 'end-of-day' (default, 第二百零三条 "截止时间为二十四时"): the period ends at 24:00 of its last day;
 *   'close-of-business' ("有业务时间的，停止业务活动的时间为截止时间"): at the end of that day's working hours.
 */
export const countingConventionSchema = z.strictObject({
  startDay: z.enum(['next-day', 'same-day']).default('next-day'),
  dueAt: z.enum(['end-of-day', 'close-of-business']).default('end-of-day'),
});

export type CountingConvention = z.output<typeof countingConventionSchema>;

const when = z.string().min(1);

export const deadlineInputSchema = z.strictObject({
  /** When the period starts: the acceptance instant (or date). */
  start: when,
  /** The limit in working days; 0 means "the same working day". */
  workingDays: z.int().nonnegative(),
  /**
   * Periods that do not count (suspensions: hearing, inspection, expert review…). The clock stops on the day
   * `from` falls and restarts the day after `to`, mirroring the start-day rule: days in (from, to] are excluded.
   * An exclusion without `to` is still open: the clock is stopped at `asOf`.
   */
  exclusions: z.array(z.strictObject({ from: when, to: when.optional() })).default([]),
  /** A valid extension, in working days, added to the limit. */
  extensionWorkingDays: z.int().nonnegative().default(0),
  /** The moment to measure elapsed and remaining working days at. */
  asOf: when.optional(),
  convention: countingConventionSchema.default({ startDay: 'next-day', dueAt: 'end-of-day' }),
  /** Needed when convention.dueAt is 'close-of-business'. */
  workingHours: workingHoursSchema.optional(),
});

export type DeadlineInput = z.input<typeof deadlineInputSchema>;

export interface Deadline {
  /** The date the period starts from (local date of `start`). */
  startDate: string;
  limitWorkingDays: number;
  extensionWorkingDays: number;
  /** Working days excluded by suspensions that began on or before the (moving) due date. */
  excludedWorkingDays: number;
  /** The last day of the period. */
  dueDate: string;
  /** The last instant of the period (inclusive), with offset. */
  due: string;
  /** Milliseconds since the epoch of `due`, for comparisons. */
  dueMillis: number;
  /** True when an exclusion is still open at asOf: the due date moves on while it stays open. */
  clockStopped: boolean;
  /** Working days counted up to and including asOf's date (only with asOf). */
  elapsedWorkingDays?: number;
  /** limit + extension − elapsed; negative once overdue (only with asOf). */
  remainingWorkingDays?: number;
}

/** Computes a deadline in working days; see DeadlineInput and CountingConvention for the rules. */
export function computeDeadline(calendar: WorkCalendar, input: DeadlineInput): Deadline {
  const spec = parseWith(deadlineInputSchema, input, 'computeDeadline');
  const where = 'computeDeadline';
  const startDay = calendar.dayOf(spec.start, where, 'start');
  const asOfDay = spec.asOf === undefined ? undefined : calendar.dayOf(spec.asOf, where, 'asOf');
  const sameDay = spec.convention.startDay === 'same-day';
  // Counted days are the working days in (anchor, …]; with 'same-day' the start day itself is inside.
  const anchor = sameDay ? startDay - 1 : startDay;
  const dueFor = (workingDays: number): DayNumber =>
    workingDays === 0 ? calendar.addWorkingDayNumbers(startDay, 0) : calendar.addWorkingDayNumbers(anchor, workingDays);

  const total = spec.workingDays + spec.extensionWorkingDays;
  let clockStopped = false;
  const ranges: Array<[DayNumber, DayNumber]> = [];
  spec.exclusions.forEach((exclusion, index) => {
    const from = calendar.dayOf(exclusion.from, where, `exclusions[${index}].from`);
    let to: DayNumber;
    if (exclusion.to !== undefined) to = calendar.dayOf(exclusion.to, where, `exclusions[${index}].to`);
    else if (asOfDay !== undefined) {
      to = Math.max(asOfDay, from);
      clockStopped = true;
    } else throw new ValidationError(where, [issue(`exclusions[${index}].to`, undefined, 'an end, or asOf for an exclusion still open')]);
    if (to < from) throw new ValidationError(where, [issue(`exclusions[${index}].to`, exclusion.to, `a time not before exclusions[${index}].from`)]);
    ranges.push([Math.max(from, anchor), Math.max(to, anchor)]);
  });
  const merged = mergeRanges(ranges);

  let due = dueFor(total);
  let excluded = 0;
  const counted: Array<[DayNumber, DayNumber]> = [];
  for (const [from, to] of merged) {
    if (from > due) break;
    counted.push([from, to]);
    excluded += calendar.countWorkingDays(from, to);
    due = dueFor(total + excluded);
  }

  const dueDate = formatDayNumber(due);
  const dueInstant = dueInstantOf(calendar, dueDate, spec.convention, spec.workingHours);
  const deadline: Deadline = {
    startDate: formatDayNumber(startDay),
    limitWorkingDays: spec.workingDays,
    extensionWorkingDays: spec.extensionWorkingDays,
    excludedWorkingDays: excluded,
    dueDate,
    due: dueInstant.toISO({ suppressMilliseconds: true })!,
    dueMillis: dueInstant.toMillis(),
    clockStopped,
  };
  if (asOfDay !== undefined) {
    let elapsed = Math.max(0, calendar.countWorkingDays(anchor, Math.max(asOfDay, anchor)));
    for (const [from, to] of counted) if (asOfDay > from) elapsed -= calendar.countWorkingDays(from, Math.min(to, asOfDay));
    deadline.elapsedWorkingDays = elapsed;
    deadline.remainingWorkingDays = total - elapsed;
  }
  return deadline;
}

function mergeRanges(ranges: Array<[DayNumber, DayNumber]>): Array<[DayNumber, DayNumber]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[DayNumber, DayNumber]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function dueInstantOf(
  calendar: WorkCalendar,
  dueDate: string,
  convention: CountingConvention,
  hours: z.output<typeof workingHoursSchema> | undefined,
): DateTime {
  if (convention.dueAt === 'close-of-business') {
    if (!hours) throw new ValidationError('computeDeadline', [issue('workingHours', undefined, "working hours, because convention.dueAt is 'close-of-business'")]);
    return DateTime.fromISO(new WorkingHours(calendar, hours).closeOfBusiness(dueDate)!, { zone: calendar.timeZone });
  }
  return DateTime.fromISO(dueDate, { zone: calendar.timeZone }).endOf('day');
}

export type DeadlineStatus = 'on-track' | 'due-soon' | 'overdue' | 'met' | 'missed';

export const warningThresholdsSchema = z.strictObject({
  /** Due soon when this many working days or fewer are left. */
  warnWorkingDays: z.int().nonnegative().default(1),
  /** Due soon once this share of the period has elapsed. */
  warnElapsedRatio: z.number().min(0).max(1).default(0.8),
});

export type WarningThresholds = z.input<typeof warningThresholdsSchema>;

/**
 * The e-supervision colour of a deadline at asOf (city-12 网上办理 第五条(五) "及时预警"):
 * met / missed once completed, else overdue (red) after the due instant, due-soon (yellow) near it, on-track.
 */
export function deadlineStatus(
  deadline: Deadline,
  at: { asOf: string; completedAt?: string },
  thresholds: WarningThresholds = {},
): DeadlineStatus {
  const { warnWorkingDays, warnElapsedRatio } = parseWith(warningThresholdsSchema, thresholds, 'deadlineStatus(thresholds)');
  // Only the instants' order matters here, so any zone reads them the same.
  const zone = 'UTC';
  if (at.completedAt !== undefined) {
    return toInstant(at.completedAt, zone, 'deadlineStatus', 'completedAt').toMillis() <= deadline.dueMillis ? 'met' : 'missed';
  }
  if (toInstant(at.asOf, zone, 'deadlineStatus', 'asOf').toMillis() > deadline.dueMillis) return 'overdue';
  const total = deadline.limitWorkingDays + deadline.extensionWorkingDays;
  const remaining = deadline.remainingWorkingDays;
  const elapsed = deadline.elapsedWorkingDays;
  if (remaining !== undefined && remaining <= warnWorkingDays) return 'due-soon';
  if (elapsed !== undefined && total > 0 && elapsed / total >= warnElapsedRatio) return 'due-soon';
  return 'on-track';
}
