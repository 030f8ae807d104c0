import type { Bilingual } from '../../errors.js';
import type { EvaluationContext } from '../context.js';
import { formatLocal, instantMs } from '../../calendar/instants.js';
import type { RosterIndex } from '../roster/roster-index.js';
import { covers, minutesOf, subtract, union } from '../spans.js';
import { sessionsOf } from './coverage.js';

const MINUTE_MS = 60_000;

export interface AttendanceIssue {
  kind: 'late' | 'early' | 'off-post' | 'half-day-absent' | 'absent-day';
  at: number;
  minutes: number;
}

/**
 * plans-11 篇一 attendance, for one staff member holding an A post: late or early beyond the tolerance,
 * unexplained gaps of off-post length, and gaps long enough to count as half a day. Time on leave or
 * under a whereabouts sign is explained, so it is not counted.
 */
export function attendanceIssues(index: RosterIndex, staff: string, ctx: EvaluationContext): AttendanceIssue[] {
  const { calendar, hours, params } = ctx;
  const presence = index.presenceOf(staff);
  const explained = union([
    ...index.leaveOf(staff),
    ...index.roster.signs.filter((s) => s.staff === staff).map((s) => [instantMs(s.from), instantMs(s.to)] as const),
  ]);
  const issues: AttendanceIssue[] = [];
  for (let day = index.fromDay; day <= index.toDay; day++) {
    const sessions = sessionsOf(day, calendar, hours);
    if (sessions.length === 0) continue;
    const dayStart = sessions[0]![0];
    const dayEnd = sessions[sessions.length - 1]![1];
    const present = presence.filter(([from, to]) => to > dayStart && from < dayEnd);
    const unexplained = subtract(sessions, union([...presence, ...explained]));
    if (present.length === 0) {
      if (unexplained.length > 0 && !covers(explained, dayStart)) issues.push({ kind: 'absent-day', at: dayStart, minutes: minutesOf(unexplained) });
      continue;
    }
    const arrival = present[0]![0];
    const departure = present[present.length - 1]![1];
    const lateBy = (arrival - dayStart) / MINUTE_MS;
    const earlyBy = (dayEnd - departure) / MINUTE_MS;
    if (lateBy > params.lateToleranceMinutes && !covers(explained, dayStart)) issues.push({ kind: 'late', at: arrival, minutes: Math.round(lateBy) });
    if (earlyBy > params.lateToleranceMinutes && !covers(explained, departure)) issues.push({ kind: 'early', at: departure, minutes: Math.round(earlyBy) });
    // Gaps between arrival and departure: the start and end of the day are judged as late or early.
    for (const [from, to] of unexplained) {
      if (from < arrival || to > departure) continue;
      const minutes = (to - from) / MINUTE_MS;
      if (minutes >= params.halfDayAbsenceMinutes) issues.push({ kind: 'half-day-absent', at: from, minutes: Math.round(minutes) });
      else if (minutes >= params.offPostMinutes) issues.push({ kind: 'off-post', at: from, minutes: Math.round(minutes) });
    }
  }
  return issues;
}

const LABELS: Record<AttendanceIssue['kind'], Bilingual> = {
  late: { zh: '迟到', en: 'late' },
  early: { zh: '早退', en: 'early' },
  'off-post': { zh: '脱岗', en: 'off post' },
  'half-day-absent': { zh: '旷工半天', en: 'absent half a day' },
  'absent-day': { zh: '缺勤', en: 'absent all day' },
};

export function describeAttendance(issue: AttendanceIssue, zone: string): Bilingual {
  const at = formatLocal(issue.at, zone);
  return { zh: `${at} ${LABELS[issue.kind].zh} ${issue.minutes}′`, en: `${at} ${LABELS[issue.kind].en} ${issue.minutes}′` };
}
