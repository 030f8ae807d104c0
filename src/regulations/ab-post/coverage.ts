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

/** Spans where a single-staff window was left with a complete whereabouts sign and a neighbour watching. */
export function watchedAbsences(roster: RosterSnapshot, post: RosterSnapshot['posts'][number]): Span[] {
  if (!post.singleStaff) return [];
  const signs = union(
    roster.signs
      .filter((s) => s.post === post.id && s.reason && s.destination && s.contact)
      .map((s) => [instantMs(s.from), instantMs(s.to)] as const),
  );
  const watches = union(roster.neighbourWatches.filter((w) => w.post === post.id).map((w) => [instantMs(w.from), instantMs(w.to)] as const));
  return intersect(signs, watches);
}

/**
 * Vacancies of each post: working-hour spans in which neither the A nor any B was on the post (a
 * single-staff window watched by a neighbour under a complete sign is not vacant). Lunch breaks and
 * days off are outside working hours, so they are never vacancies.
 */
export function postCoverage(index: RosterIndex, calendar: WorkCalendar, hours: WorkingHours): PostCoverage[] {
  const sessions = periodSessions(index, calendar, hours);
  return index.roster.posts.map((post) => {
    const assigned = [...(post.a ? [post.a] : []), ...post.bs];
    const covered = union([
      ...assigned.flatMap((staff) => index.presenceOnPost(staff, post.id)),
      ...watchedAbsences(index.roster, post),
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
