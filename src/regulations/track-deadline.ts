import { computeDeadline, deadlineStatus, type Deadline } from '../calendar/deadline.js';
import type { Bilingual } from '../errors.js';
import type { DeadlineEntry, EvaluationContext } from './context.js';

export interface TrackedDeadline {
  entry: DeadlineEntry;
  deadline: Deadline;
  /** Missed (completed after the due instant) or overdue (still open past it). */
  late: boolean;
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
  const deadline = computeDeadline(ctx.calendar, {
    start: spec.start,
    workingDays: spec.workingDays,
    exclusions: spec.exclusions ?? [],
    extensionWorkingDays: spec.extensionWorkingDays ?? 0,
    asOf: spec.completedAt ?? ctx.asOf,
    convention: ctx.counting,
    workingHours: [...ctx.hours.intervals],
  });
  const status = deadlineStatus(
    deadline,
    spec.completedAt === undefined ? { asOf: ctx.asOf } : { asOf: ctx.asOf, completedAt: spec.completedAt },
    { warnWorkingDays: ctx.params.warnWorkingDays, warnElapsedRatio: ctx.params.warnElapsedRatio },
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
