import type { DayNumber } from '../../calendar/dates.js';
import type { WorkCalendar } from '../../calendar/work-calendar.js';
import { clockMinutes, type WorkingHours } from '../../calendar/working-hours.js';
import type { RosterSnapshot } from '../../schema/roster.js';
import { instantMs, localMs } from '../../calendar/instants.js';
import type { RosterIndex } from '../roster/roster-index.js';
import { covers, intersect, minutesOf, subtract, union, type Span } from '../spans.js';

export interface Vacancy {
  post: string;
  from: number;
  to: number;
  minutes: number;
  /** Everyone assigned to the post, none of whom was on it. */
  absent: readonly string[];
  /** The first B in order who was not on leave when the vacancy began: who should have stood in. */
  standIn: string | null;
}

export interface PostCoverage {
  post: string;
  vacancies: Vacancy[];
  vacancyMinutes: number;
}

export interface CoverageOptions {
  /**
   * Whether a brief absence under a complete whereabouts sign (reason, destination, contact) counts as covered, at
   * any post: county-10 第五篇(一)4 离岗告示 and (十)4 let staff leave a post with such a sign. A document that only
   * asks the B to stand in (citizen-home 第二十八条) knows no such sign, so there the span is unstaffed.
   */
  signsCover: boolean;
}

/** The working-hour sessions of one day as spans; none on a day off. Make-up Saturdays are working days. */
export function sessionsOf(day: DayNumber, calendar: WorkCalendar, hours: WorkingHours): Span[] {
  if (!calendar.isWorkingDayNumber(day)) return [];
  return hours.intervals.map((i) => [localMs(day, clockMinutes(i.from), calendar.timeZone), localMs(day, clockMinutes(i.to), calendar.timeZone)] as const);
}

/** Every working-hour span of the roster's period. */
export function periodSessions(index: RosterIndex, calendar: WorkCalendar, hours: WorkingHours): Span[] {
  const out: Span[] = [];
  for (let day = index.fromDay; day <= index.toDay; day++) out.push(...sessionsOf(day, calendar, hours));
  return out;
}

/** A sign that says why, where and how to reach the person (离岗原因、去向和联系方式). */
function complete(sign: RosterSnapshot['signs'][number]): boolean {
  return Boolean(sign.reason && sign.destination && sign.contact);
}

/**
 * Spans where someone assigned to the post (its A or a B) was away from it under a complete whereabouts sign,
 * less any time that person was on leave: leave is not a brief absence, and the A's leave must be covered by a B
 * (county-10 第五篇(一)4 "A岗有事请假必须由B岗顶替").
 */
export function signedAbsences(index: RosterIndex, post: RosterSnapshot['posts'][number]): Span[] {
  const assigned = new Set([...(post.a ? [post.a] : []), ...post.bs]);
  const spans = index.roster.signs
    .filter((s) => s.post === post.id && assigned.has(s.staff) && complete(s))
    .flatMap((s) => subtract([[instantMs(s.from), instantMs(s.to)]], index.leaveOf(s.staff)));
  return union(spans);
}

/** Spans where a single-staff window was left with a complete whereabouts sign and a neighbour watching (county-10 (九)四.6). */
export function watchedAbsences(roster: RosterSnapshot, post: RosterSnapshot['posts'][number]): Span[] {
  if (!post.singleStaff) return [];
  const signs = union(roster.signs.filter((s) => s.post === post.id && complete(s)).map((s) => [instantMs(s.from), instantMs(s.to)] as const));
  const watches = union(roster.neighbourWatches.filter((w) => w.post === post.id).map((w) => [instantMs(w.from), instantMs(w.to)] as const));
  return intersect(signs, watches);
}

/**
 * Vacancies of each post: working-hour spans in which neither the A nor any B was on the post (nor, with
 * `signsCover`, away from it under a complete sign). Lunch breaks and days off are outside working hours, so they
 * are never vacancies.
 */
export function postCoverage(index: RosterIndex, calendar: WorkCalendar, hours: WorkingHours, options: CoverageOptions = { signsCover: true }): PostCoverage[] {
  const sessions = periodSessions(index, calendar, hours);
  return index.roster.posts.map((post) => {
    const assigned = [...(post.a ? [post.a] : []), ...post.bs];
    const covered = union([
      ...assigned.flatMap((staff) => index.presenceOnPost(staff, post.id)),
      ...(options.signsCover ? signedAbsences(index, post) : []),
    ]);
    const vacant = subtract(sessions, covered);
    const vacancies = vacant.map(([from, to]): Vacancy => ({
      post: post.id,
      from,
      to,
      minutes: minutesOf([[from, to]]),
      absent: assigned,
      standIn: post.bs.find((b) => !covers(index.leaveOf(b), from)) ?? null,
    }));
    // Rounded once over the whole, so that splitting a vacancy never changes the total.
    return { post: post.id, vacancies, vacancyMinutes: minutesOf(vacant) };
  });
}
