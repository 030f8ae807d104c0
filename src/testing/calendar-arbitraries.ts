import fc from 'fast-check';
import { formatDayNumber, tryParseDate } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';

/**
 * Dates inside a calendar's coverage. Half of them are drawn next to days off (within a week of a holiday
 * or make-up day) so that long runs of days off, such as the 10-day Spring Festival of 2020, are reached often.
 * `margin` keeps the dates that many days away from both ends of the coverage.
 */
export function calendarDate(calendar: WorkCalendar, options: { margin?: number } = {}): fc.Arbitrary<string> {
  const margin = options.margin ?? 0;
  const first = tryParseDate(calendar.coverage.from)! + margin;
  const last = tryParseDate(calendar.coverage.to)! - margin;
  const special: number[] = [];
  for (let day = first; day <= last; day++) {
    const kind = calendar.dayInfo(formatDayNumber(day)).kind;
    if (kind === 'holiday' || kind === 'make-up-workday' || kind === 'closure') special.push(day);
  }
  const uniform = fc.integer({ min: first, max: last });
  const nearDaysOff =
    special.length === 0
      ? uniform
      : fc
          .tuple(fc.constantFrom(...special), fc.integer({ min: -7, max: 7 }))
          .map(([day, shift]) => Math.min(last, Math.max(first, day + shift)));
  return fc.oneof(uniform, nearDaysOff).map(formatDayNumber);
}

/** Instants (with +08:00 offset) on calendar dates, at any minute of the day. */
export function calendarInstant(calendar: WorkCalendar, options: { margin?: number } = {}): fc.Arbitrary<string> {
  return fc
    .tuple(calendarDate(calendar, options), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([date, h, m]) => `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`);
}
