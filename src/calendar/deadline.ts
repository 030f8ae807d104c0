import { z } from 'zod';
import { issue, ValidationError } from '../errors.js';
import { parseWith } from '../schema/parse.js';
import type { DeadlineStatus } from '../schema/vocabulary.js';
import { formatDayNumber, tryParseDate, type DayNumber } from './dates.js';
import { endOfLocalDayMs, formatInstant, parseInstantMs, toInstantMs } from './instants.js';
import { requireCalendar, type WorkCalendar } from './work-calendar.js';
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
  /**
   * Which days a suspension (time not counted, 行政许可法 第四十五条) excludes. 'start-day-counts' (default): the day it
   * begins counts as used and the clock restarts the day after it ends, as a period does under 第二百零一条, so each
   * day is counted once whatever the hour of either event — the working days in (from, to]. 'whole-days': every
   * working day on which no working time was left to the clock is excluded — the day it begins when it begins before
   * opening time, and the day it ends only when it lasts to close of business (needs working hours). A review that
   * begins before opening on day D and lasts to close on the fifth working day (D included) excludes five working
   * days under 'whole-days', four under 'start-day-counts'.
   */
  suspension: z.enum(['start-day-counts', 'whole-days']).default('start-day-counts'),
});

export type CountingConvention = z.output<typeof countingConventionSchema>;

const when = z.string().min(1);

export const deadlineInputSchema = z.strictObject({
  /** When the period starts: the acceptance instant (or date). */
  start: when,
  /** The limit in working days; 0 means "the same working day". */
  workingDays: z.int().nonnegative(),
  /**
   * Periods that do not count (suspensions: hearing, inspection, expert review…). Under the default
   * convention.suspension 'start-day-counts' the clock stops on the day `from` falls and restarts the day after `to`,
   * mirroring the start-day rule: days in (from, to] are excluded. Under 'whole-days' only the working days wholly
   * inside [from, to] (opening to close) are excluded; a date without a time is read as its midnight (see
   * CountingConvention).
   * An exclusion without `to` is still open: the clock is stopped at `asOf`.
   */
  exclusions: z.array(z.strictObject({ from: when, to: when.optional() })).default([]),
  /** A valid extension, in working days, added to the limit. */
  extensionWorkingDays: z.int().nonnegative().default(0),
  /** The moment to measure elapsed and remaining working days at. */
  asOf: when.optional(),
  convention: countingConventionSchema.default({ startDay: 'next-day', dueAt: 'end-of-day', suspension: 'start-day-counts' }),
  /**
   * Needed when convention.dueAt is 'close-of-business' or convention.suspension is 'whole-days': the daily intervals,
   * or a `WorkingHours` already made from them (its intervals are applied to this calendar).
   */
  workingHours: z.union([workingHoursSchema, z.instanceof(WorkingHours, { message: 'working hours: a list of { from, to } or a WorkingHours' })]).optional(),
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
  requireCalendar(calendar, 'computeDeadline');
  const spec = parseWith(deadlineInputSchema, input, 'computeDeadline');
  const where = 'computeDeadline';
  const asOfDay = spec.asOf === undefined ? undefined : calendar.dayOf(spec.asOf, where, 'asOf');
  const needsHours = spec.convention.dueAt === 'close-of-business' ? 'dueAt' : spec.convention.suspension === 'whole-days' ? 'suspension' : undefined;
  if (needsHours && !spec.workingHours) {
    throw new ValidationError(where, [issue('workingHours', undefined, `working hours, because convention.${needsHours} is '${spec.convention[needsHours]}'`)]);
  }
  // Hours made for another calendar (say, without the center's closures) are re-applied to the one given here.
  const hours = spec.workingHours ? new WorkingHours(calendar, spec.workingHours instanceof WorkingHours ? spec.workingHours.intervals : spec.workingHours) : undefined;
  for (const [index, exclusion] of spec.exclusions.entries()) {
    if (exclusion.to === undefined && asOfDay === undefined) throw new ValidationError(where, [issue(`exclusions[${index}].to`, undefined, 'an end, or asOf for an exclusion still open')]);
    if (exclusion.to !== undefined && calendar.dayOf(exclusion.to, where, `exclusions[${index}].to`) < calendar.dayOf(exclusion.from, where, `exclusions[${index}].from`)) {
      throw new ValidationError(where, [issue(`exclusions[${index}].to`, exclusion.to, `a time not before exclusions[${index}].from`)]);
    }
  }
  const exclusions = suspensionDays(calendar, spec.exclusions, spec.convention, hours, where);
  return deadlineOnDays(calendar, {
    startDay: calendar.dayOf(spec.start, where, 'start'),
    workingDays: spec.workingDays,
    extensionWorkingDays: spec.extensionWorkingDays,
    exclusions,
    asOfDay,
    convention: spec.convention,
    hours,
  });
}

/**
 * @internal Suspensions as the day ranges (from, to] whose working days they exclude, under the convention, each with
 * `began`, the day it began (one that begins after the due date does not move it). With 'whole-days', a suspension
 * that begins before opening time also excludes its first day, and one that ends before close of business gives its
 * last day back to the clock; a bare date is read as its midnight (before opening, whether it begins or ends).
 */
export function suspensionDays(
  calendar: WorkCalendar,
  exclusions: ReadonlyArray<{ from: string; to?: string | undefined }>,
  convention: CountingConvention,
  hours: WorkingHours | undefined,
  where: string,
): Array<{ from: DayNumber; to: DayNumber | undefined; began: DayNumber }> {
  return exclusions.map((exclusion, index) => {
    const began = calendar.dayOf(exclusion.from, where, `exclusions[${index}].from`);
    const end = exclusion.to === undefined ? undefined : calendar.dayOf(exclusion.to, where, `exclusions[${index}].to`);
    if (convention.suspension !== 'whole-days') return { from: began, to: end, began };
    if (!hours) throw new ValidationError(where, [issue('workingHours', undefined, "working hours, because convention.suspension is 'whole-days'")]);
    const msOf = (text: string): number | undefined => (tryParseDate(text) !== undefined ? undefined : parseInstantMs(text));
    const startMs = msOf(exclusion.from);
    const opening = hours.openingMs(began);
    // Its first day is out when no working time of that day was left to the clock.
    const from = opening === null || startMs === undefined || startMs <= opening ? began - 1 : began;
    if (end === undefined) return { from, to: undefined, began };
    const endMs = msOf(exclusion.to!);
    const close = hours.closeOfBusinessMs(end);
    // Its last day is out only when the suspension lasted to close of business.
    const to = close === null || (endMs !== undefined && endMs >= close) ? end : end - 1;
    return { from, to: Math.max(to, from), began };
  });
}

/** @internal A deadline's inputs as day numbers, already checked: evaluation's fast path skips re-validation. */
export interface DayDeadlineSpec {
  startDay: DayNumber;
  workingDays: number;
  extensionWorkingDays: number;
  /**
   * Working days in (from, to] are excluded (see suspensionDays). `to` undefined: still open, so the clock is stopped
   * at asOfDay (which must then be given). `began` (default `from`): the day the suspension began; one that began
   * after the due date does not move it.
   */
  exclusions: ReadonlyArray<{ from: DayNumber; to: DayNumber | undefined; began?: DayNumber }>;
  asOfDay: DayNumber | undefined;
  convention: CountingConvention;
  /** Needed when convention.dueAt is 'close-of-business'. */
  hours: WorkingHours | undefined;
}

/** @internal The arithmetic of computeDeadline, on day numbers. */
export function deadlineOnDays(calendar: WorkCalendar, spec: DayDeadlineSpec): Deadline {
  const { startDay, asOfDay } = spec;
  const sameDay = spec.convention.startDay === 'same-day';
  // Counted days are the working days in (anchor, …]; with 'same-day' the start day itself is inside.
  const anchor = sameDay ? startDay - 1 : startDay;
  const dueFor = (workingDays: number): DayNumber =>
    workingDays === 0 ? calendar.addWorkingDayNumbers(startDay, 0) : calendar.addWorkingDayNumbers(anchor, workingDays);

  const total = spec.workingDays + spec.extensionWorkingDays;
  let clockStopped = false;
  // Most deadlines have no suspension: their due day is the limit counted from the anchor, no lists made.
  if (spec.exclusions.length === 0) return dayDeadline(calendar, spec, anchor, dueFor(total), 0, clockStopped, NO_RANGES);
  const ranges: Array<[DayNumber, DayNumber, DayNumber]> = [];
  for (const exclusion of spec.exclusions) {
    let to = exclusion.to;
    if (to === undefined) {
      to = Math.max(asOfDay!, exclusion.from);
      clockStopped = true;
    }
    ranges.push([Math.max(exclusion.from, anchor), Math.max(to, exclusion.from, anchor), exclusion.began ?? exclusion.from]);
  }
  const merged = ranges.length > 1 ? mergeRanges(ranges) : ranges;

  let due = dueFor(total);
  let excluded = 0;
  const counted: Array<[DayNumber, DayNumber, DayNumber]> = [];
  for (const [from, to, began] of merged) {
    if (from > due || began > due) break;
    counted.push([from, to, began]);
    excluded += calendar.countWorkingDays(from, to);
    due = dueFor(total + excluded);
  }

  return dayDeadline(calendar, spec, anchor, due, excluded, clockStopped, counted);
}

const NO_RANGES: ReadonlyArray<readonly [DayNumber, DayNumber, DayNumber]> = [];

/** The deadline once its due day is known: the due instant, and the working days elapsed at asOf outside the counted suspensions. */
function dayDeadline(
  calendar: WorkCalendar,
  spec: DayDeadlineSpec,
  anchor: DayNumber,
  due: DayNumber,
  excluded: number,
  clockStopped: boolean,
  counted: ReadonlyArray<readonly [DayNumber, DayNumber, DayNumber]>,
): Deadline {
  const { startDay, asOfDay } = spec;
  const total = spec.workingDays + spec.extensionWorkingDays;
  const zone = calendar.timeZone;
  const dueMillis = spec.convention.dueAt === 'close-of-business' ? spec.hours!.closeOfBusinessMs(due)! : endOfLocalDayMs(due, zone);
  const deadline: Deadline = {
    startDate: formatDayNumber(startDay),
    limitWorkingDays: spec.workingDays,
    extensionWorkingDays: spec.extensionWorkingDays,
    excludedWorkingDays: excluded,
    dueDate: formatDayNumber(due),
    due: formatInstant(dueMillis, zone),
    dueMillis,
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

/** Overlapping (from, to] ranges joined; a joined range began when its earliest part did. */
function mergeRanges(ranges: Array<[DayNumber, DayNumber, DayNumber]>): Array<[DayNumber, DayNumber, DayNumber]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[DayNumber, DayNumber, DayNumber]> = [];
  for (const [from, to, began] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) {
      last[1] = Math.max(last[1], to);
      last[2] = Math.min(last[2], began);
    } else merged.push([from, to, began]);
  }
  return merged;
}

export type { DeadlineStatus };

export const warningThresholdsSchema = z.strictObject({
  /** Due soon when this many working days or fewer are left. */
  warnWorkingDays: z.int().nonnegative().default(1),
  /** Due soon once this share of the period has elapsed. */
  warnElapsedRatio: z.number().min(0).max(1).default(0.8),
});

export type WarningThresholds = z.input<typeof warningThresholdsSchema>;

/** What deadlineStatus reads of a Deadline (as computeDeadline returns it). */
const deadlineShape = z.looseObject({
  dueMillis: z.number().finite(),
  limitWorkingDays: z.number().finite(),
  extensionWorkingDays: z.number().finite(),
  elapsedWorkingDays: z.number().finite().optional(),
  remainingWorkingDays: z.number().finite().optional(),
});
const statusAtShape = z.strictObject({ asOf: z.string(), completedAt: z.string().optional() });

/**
 * The e-supervision colour of a deadline at asOf (city-12 网上办理 第五条(五) "及时预警"):
 * met / missed once completed, else overdue (red) after the due instant, due-soon (yellow) near it, on-track.
 */
export function deadlineStatus(
  deadline: Deadline,
  at: { asOf: string; completedAt?: string },
  thresholds: WarningThresholds = {},
): DeadlineStatus {
  parseWith(deadlineShape, deadline, 'deadlineStatus(deadline)');
  parseWith(statusAtShape, at, 'deadlineStatus(at)');
  const { warnWorkingDays, warnElapsedRatio } = parseWith(warningThresholdsSchema, thresholds, 'deadlineStatus(thresholds)');
  const asOfMs = toInstantMs(at.asOf, 'deadlineStatus', 'asOf');
  const completedMs = at.completedAt === undefined ? undefined : toInstantMs(at.completedAt, 'deadlineStatus', 'completedAt');
  return statusAt(deadline, asOfMs, completedMs, warnWorkingDays, warnElapsedRatio);
}

/** @internal deadlineStatus on epoch milliseconds and checked thresholds. */
export function statusAt(deadline: Deadline, asOfMs: number, completedMs: number | undefined, warnWorkingDays: number, warnElapsedRatio: number): DeadlineStatus {
  if (completedMs !== undefined) return completedMs <= deadline.dueMillis ? 'met' : 'missed';
  if (asOfMs > deadline.dueMillis) return 'overdue';
  const total = deadline.limitWorkingDays + deadline.extensionWorkingDays;
  const remaining = deadline.remainingWorkingDays;
  const elapsed = deadline.elapsedWorkingDays;
  if (remaining !== undefined && remaining <= warnWorkingDays) return 'due-soon';
  if (elapsed !== undefined && total > 0 && elapsed / total >= warnElapsedRatio) return 'due-soon';
  return 'on-track';
}
