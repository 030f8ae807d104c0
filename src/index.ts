// The public API of service-center-rules, and nothing else.
export { CalendarCoverageError, ValidationError } from './errors.js';
export type { Bilingual, Coverage, ValidationIssue } from './errors.js';

export { cnMainlandCalendar, cnMainlandCalendarData } from './calendar/cn-mainland.js';
export { createCalendar, WorkCalendar } from './calendar/work-calendar.js';
export type { CalendarOptions, Closure, DayInfo, DayKind } from './calendar/work-calendar.js';
export type { CalendarData, CalendarYear } from './schema/calendar-data.js';
export { WorkingHours } from './calendar/working-hours.js';
export type { WorkingInterval } from './calendar/working-hours.js';
export { computeDeadline, deadlineStatus } from './calendar/deadline.js';
export type { CountingConvention, Deadline, DeadlineInput, DeadlineStatus, WarningThresholds } from './calendar/deadline.js';
