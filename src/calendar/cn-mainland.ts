import cnMainlandData from '../../rules/calendars/cn-mainland.json';
import type { CalendarData } from '../schema/calendar-data.js';
import { WorkCalendar, type CalendarOptions } from './work-calendar.js';

let shared: WorkCalendar | undefined;

/** The official mainland-China working-day calendar (State Council notices 2018–2026), in Asia/Shanghai. */
export function cnMainlandCalendar(options?: CalendarOptions): WorkCalendar {
  if (options === undefined) return (shared ??= new WorkCalendar(cnMainlandData as CalendarData));
  return new WorkCalendar(cnMainlandData as CalendarData, options);
}

/** The bundled data, as a copy a caller may change and pass to createCalendar. */
export function cnMainlandCalendarData(): CalendarData {
  return structuredClone(cnMainlandData) as CalendarData;
}
