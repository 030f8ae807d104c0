import { deadlineOnDays, statusAt, suspensionDays, type Deadline } from '../calendar/deadline.js';
import { instantMs, localDay } from '../calendar/instants.js';
import type { Bilingual } from '../errors.js';
import type { DeadlineEntry, EvaluationContext } from './context.js';

export interface TrackedDeadline {
  entry: DeadlineEntry;
  deadline: Deadline;
  /** Missed (completed after the due instant) or overdue (still open past it). */
  late: boolean;
}

/**
 * A deadline under the profile's counting convention and working hours, measured at `asOf`. The snapshot was
 * validated on entry and this is evaluation's hot path, so the inputs are not parsed again.
 */
export function deadlineIn(
  ctx: EvaluationContext,
  spec: { id: string; start: string; workingDays: number; exclusions?: ReadonlyArray<{ from: string; to?: string | undefined }>; extensionWorkingDays?: number },
  asOf: string,
): Deadline {
  const { calendar } = ctx;
  const where = spec.id;
  return deadlineOnDays(calendar, {
    startDay: calendar.dayOf(spec.start, where, 'start'),
    workingDays: spec.workingDays,
    extensionWorkingDays: spec.extensionWorkingDays ?? 0,
    exclusions: suspensionDays(calendar, spec.exclusions ?? [], ctx.counting, ctx.hours, where),
    // Most deadlines are measured at the evaluation's own as-of instant, already read into the context.
    asOfDay: asOf === ctx.asOf ? localDay(ctx.asOfMs, calendar.timeZone) : calendar.dayOf(asOf, where, 'asOf'),
    convention: ctx.counting,
    hours: ctx.hours,
  });
}

/** A deadline of the case under the profile's counting convention and warning thresholds, measured at asOf. */
export function trackDeadline(
  ctx: EvaluationContext,
  spec: {
    id: string;
    regulation: string;
    label: Bilingual;
    start: string;
    workingDays: number;
    exclusions?: Array<{ from: string; to?: string }>;
    extensionWorkingDays?: number;
    completedAt?: string;
  },
): TrackedDeadline {
  const deadline = deadlineIn(ctx, spec, spec.completedAt ?? ctx.asOf);
  const status = statusAt(
    deadline,
    ctx.asOfMs,
    spec.completedAt === undefined ? undefined : instantMs(spec.completedAt),
    ctx.params.warnWorkingDays,
    ctx.params.warnElapsedRatio,
  );
  const entry: DeadlineEntry = {
    id: spec.id,
    regulation: spec.regulation,
    label: spec.label,
    start: spec.start,
    limitWorkingDays: spec.workingDays + (spec.extensionWorkingDays ?? 0),
    dueDate: deadline.dueDate,
    due: deadline.due,
    status,
    elapsedWorkingDays: deadline.elapsedWorkingDays ?? 0,
    remainingWorkingDays: deadline.remainingWorkingDays ?? 0,
  };
  if (deadline.clockStopped) entry.clockStopped = true;
  return { entry, deadline, late: status === 'missed' || status === 'overdue' };
}
