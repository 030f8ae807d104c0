import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { WorkingHours, type WorkingInterval } from '../calendar/working-hours.js';
import { postCoverage } from '../regulations/ab-post/coverage.js';
import { formatLocal } from '../calendar/instants.js';
import { indexRoster } from '../regulations/roster/roster-index.js';
import { parseWith } from '../schema/parse.js';
import { rosterSnapshotSchema, type RosterSnapshotInput } from '../schema/roster.js';
import { loadProfile } from './profiles.js';

export interface Vacancy {
  post: string;
  /** Local start and end, `YYYY-MM-DD HH:mm`. */
  from: string;
  to: string;
  minutes: number;
  /** Everyone assigned to the post (A, then Bs in order); none was on it. */
  absent: readonly string[];
  /** The first B in order not on leave when the vacancy began, or null. */
  standIn: string | null;
}

export interface PostCoverage {
  post: string;
  vacancyMinutes: number;
  vacancies: Vacancy[];
}

/**
 * Each post's vacancies within working hours over the roster's period: the arithmetic behind AB-COVERAGE,
 * for dashboards that want the spans rather than findings. A vacancy is a span with neither the A nor a B on
 * the post; a brief absence under a complete whereabouts sign (reason, destination, contact) counts as covered
 * unless `signsCover` is false (county-10 allows such signs; citizen-home 第二十八条 asks for the B instead).
 * Every span is listed, however short: the findings report only those longer than the profile's
 * `vacancyToleranceMinutes`. Working hours come from `workingHours` or the profile (national-baseline by
 * default); days from the calendar, so make-up Saturdays count.
 */
export function rosterCoverage(
  roster: RosterSnapshotInput,
  options: { profile?: string; workingHours?: readonly WorkingInterval[]; calendar?: WorkCalendar; signsCover?: boolean } = {},
): PostCoverage[] {
  const parsed = parseWith(rosterSnapshotSchema, roster, 'rosterCoverage(roster)');
  const calendar = options.calendar ?? cnMainlandCalendar();
  const intervals = options.workingHours ?? loadProfile(options.profile ?? 'national-baseline', { on: parsed.period.from }).workingHours;
  const zone = calendar.timeZone;
  return postCoverage(indexRoster(parsed, zone), calendar, new WorkingHours(calendar, intervals), { signsCover: options.signsCover ?? true }).map((post) => ({
    post: post.post,
    vacancyMinutes: post.vacancyMinutes,
    vacancies: post.vacancies.map((v) => ({ post: v.post, from: formatLocal(v.from, zone), to: formatLocal(v.to, zone), minutes: v.minutes, absent: v.absent, standIn: v.standIn })),
  }));
}
