import type { RosterSnapshot } from '../../schema/roster.js';
import type { CaseContext, Derived, EvaluationContext, FactCatalogue, ScopeItem } from '../context.js';
import { formatLocal, instantMs, yearsBetween } from '../../calendar/instants.js';
import type { RosterIndex } from '../roster/roster-index.js';
import { indexRoster } from '../roster/roster-index.js';
import { covers, intersect, subtract, union } from '../spans.js';
import { attendanceIssues, describeAttendance } from './attendance.js';
import { postCoverage, sessionsOf, watchedAbsences } from './coverage.js';

export const AB_POST_FACTS: FactCatalogue = {
  'ab.post.id': { zh: '岗位', en: 'post' },
  'ab.post.department': { zh: '岗位所属部门', en: 'department of the post' },
  'ab.post.a': { zh: 'A岗', en: 'A post holder' },
  'ab.post.hasA': { zh: '是否确定A岗', en: 'whether the post has an A' },
  'ab.post.bCount': { zh: 'B岗人数', en: 'number of Bs' },
  'ab.post.bs': { zh: 'B岗（按顶岗顺序）', en: 'Bs in substitution order' },
  'ab.post.vacancyMinutes': { zh: '工作时间内空岗分钟数', en: 'vacant minutes within working hours' },
  'ab.post.vacancyCount': { zh: '空岗时段数', en: 'number of vacant spans' },
  'ab.post.vacancies': { zh: '空岗时段（缺岗人员、应顶岗的B岗）', en: 'vacant spans (who was absent, which B should have stood in)' },
  'ab.post.singleStaff': { zh: '是否一人窗口', en: 'whether the window has a single staff member' },
  'ab.post.leavesWithoutHandover': { zh: 'A岗未移交即离岗的请假', en: 'planned leave of the A without a handover' },
  'ab.post.leavesWithoutHandoverCount': { zh: '未移交的请假数', en: 'number of leaves without a handover' },
  'ab.post.unsignedAbsences': { zh: '未摆放去向牌或未托付周边窗口的临时离岗', en: 'brief absences without a complete sign and a neighbour watching' },
  'ab.post.unsignedAbsenceCount': { zh: '此类临时离岗次数', en: 'number of such absences' },
};

export const AB_LEAVE_FACTS: FactCatalogue = {
  'ab.leave.staff': { zh: '请假人', en: 'staff member on leave' },
  'ab.leave.from': { zh: '请假开始', en: 'leave starts' },
  'ab.leave.days': { zh: '请假天数', en: 'days of leave' },
  'ab.leave.approvedByLeaderInCharge': { zh: '是否经分管领导准假', en: 'approved by the leader in charge' },
  'ab.leave.approvedByPrincipal': { zh: '是否经主要领导准假', en: 'approved by the principal leader' },
};

export const AB_STAFF_FACTS: FactCatalogue = {
  'ab.staff.id': { zh: '人员', en: 'staff member' },
  'ab.staff.department': { zh: '所属部门', en: 'department' },
  'ab.staff.holdsAPost': { zh: '是否A岗', en: 'whether the person holds an A post' },
  'ab.staff.windowTermYears': { zh: '在窗口工作年限（已离开窗口者）', en: 'years served at the window (for those who left it)' },
  'ab.staff.attendanceIssues': { zh: '考勤问题', en: 'attendance issues' },
  'ab.staff.attendanceIssueCount': { zh: '考勤问题数', en: 'number of attendance issues' },
};

export const DEPARTMENT_FACTS: FactCatalogue = {
  'dept.id': { zh: '部门', en: 'department' },
  'dept.hasChiefRepresentative': { zh: '是否派驻首席代表', en: 'whether the department has a chief representative' },
  'dept.aPostStaff': { zh: 'A岗人数', en: 'A-post staff' },
  'dept.bPostStaff': { zh: 'B岗人数', en: 'B-post staff' },
};

export const AB_CASE_FACTS: FactCatalogue = {
  'ab.rosterGiven': { zh: '是否提供了同期人员名册', en: 'whether a roster of the period was given' },
  'ab.unauthorisedActs': { zh: '非A岗、非顶岗B岗人员的办件行为', en: 'acts on the case by someone neither A nor a substituting B' },
  'ab.unauthorisedActCount': { zh: '此类行为数', en: 'number of such acts' },
};

/** The roster's items for the A/B rules: each post, leave request, staff member and department. */
export function abRosterItems(index: RosterIndex, ctx: EvaluationContext): Partial<Record<'roster/post' | 'roster/leave' | 'roster/staff' | 'roster/department', ScopeItem[]>> {
  const { roster } = index;
  const zone = ctx.calendar.timeZone;
  const coverage = new Map(postCoverage(index, ctx.calendar, ctx.hours).map((c) => [c.post, c]));
  const name = (staff: string) => index.staffById.get(staff)?.name ?? staff;

  const posts = roster.posts.map((post): ScopeItem => {
    const cov = coverage.get(post.id)!;
    const vacancies = cov.vacancies.map((v) => `${formatLocal(v.from, zone)}–${formatLocal(v.to, zone).slice(11)} ${v.minutes}′ (${v.absent.map(name).join('/') || '—'} ✗; B → ${v.standIn ? name(v.standIn) : '—'})`);
    const aLeaves = post.a ? roster.leave.filter((l) => l.staff === post.a && !l.unplanned) : [];
    const withoutHandover = aLeaves
      .filter((l) => !roster.handovers.some((h) => h.post === post.id && h.from === post.a && Date.parse(h.at) <= Date.parse(l.from)))
      .map((l) => `${formatLocal(instantMs(l.from), zone)} ${name(l.staff)}`);
    const unsigned = post.singleStaff && post.a ? briefAbsences(index, post, ctx).map(([from, to]) => `${formatLocal(from, zone)}–${formatLocal(to, zone).slice(11)}`) : [];
    return {
      key: post.id,
      ...(post.name ? { label: post.name } : {}),
      facts: {
        'ab.post.id': post.id,
        'ab.post.department': post.department,
        'ab.post.a': post.a ?? null,
        'ab.post.hasA': post.a !== undefined,
        'ab.post.bCount': post.bs.length,
        'ab.post.bs': post.bs,
        'ab.post.vacancyMinutes': cov.vacancyMinutes,
        'ab.post.vacancyCount': cov.vacancies.length,
        'ab.post.vacancies': vacancies,
        'ab.post.singleStaff': post.singleStaff,
        'ab.post.leavesWithoutHandover': withoutHandover,
        'ab.post.leavesWithoutHandoverCount': withoutHandover.length,
        'ab.post.unsignedAbsences': unsigned,
        'ab.post.unsignedAbsenceCount': unsigned.length,
      },
    };
  });

  const leave = roster.leave.map((l, i): ScopeItem => ({
    key: `${l.staff}@${l.from}`,
    label: `$.leave[${i}]`,
    facts: {
      'ab.leave.staff': l.staff,
      'ab.leave.from': l.from,
      'ab.leave.days': l.days,
      'ab.leave.approvedByLeaderInCharge': l.approvals.some((a) => a.role === 'leader-in-charge'),
      'ab.leave.approvedByPrincipal': l.approvals.some((a) => a.role === 'principal-leader'),
    },
  }));

  const aHolders = new Set(roster.posts.flatMap((p) => (p.a ? [p.a] : [])));
  const staff = roster.staff.map((s): ScopeItem => {
    const issues = ctx.params.attendanceRulesApply && aHolders.has(s.id) ? attendanceIssues(index, s.id, ctx) : [];
    return {
      key: s.id,
      ...(s.name ? { label: s.name } : {}),
      facts: {
        'ab.staff.id': s.id,
        'ab.staff.department': s.department,
        'ab.staff.holdsAPost': aHolders.has(s.id),
        'ab.staff.windowTermYears': s.windowTermStart && s.windowTermEnd ? yearsBetween(s.windowTermStart, s.windowTermEnd) : null,
        'ab.staff.attendanceIssues': issues.map((issue) => describeAttendance(issue, zone)),
        'ab.staff.attendanceIssueCount': issues.length,
      },
    };
  });

  return { 'roster/post': posts, 'roster/leave': leave, 'roster/staff': staff, 'roster/department': departmentItems(roster) };
}

/** Departments named by the roster's staff, posts and chief representatives, in first-seen order. */
export function departmentItems(roster: RosterSnapshot): ScopeItem[] {
  const departments = [...new Set([...roster.staff.map((s) => s.department), ...roster.posts.map((p) => p.department), ...roster.chiefRepresentatives.map((c) => c.department)])];
  return departments.map((department) => {
    const posts = roster.posts.filter((p) => p.department === department);
    const as = new Set(posts.flatMap((p) => (p.a ? [p.a] : [])));
    const bs = new Set(posts.flatMap((p) => p.bs).filter((b) => !as.has(b)));
    return {
      key: department,
      facts: {
        'dept.id': department,
        'dept.hasChiefRepresentative': roster.chiefRepresentatives.some((c) => c.department === department),
        'dept.aPostStaff': as.size,
        'dept.bPostStaff': bs.size,
      },
    };
  });
}

/** Gaps in the A's own presence on a single-staff post, inside one working day, not under a sign with a neighbour watching. */
function briefAbsences(index: RosterIndex, post: RosterSnapshot['posts'][number], ctx: EvaluationContext) {
  const presence = index.presenceOnPost(post.a!, post.id);
  const explained = union([...watchedAbsences(index.roster, post), ...index.leaveOf(post.a!)]);
  const gaps: Array<readonly [number, number]> = [];
  for (let day = index.fromDay; day <= index.toDay; day++) {
    const sessions = sessionsOf(day, ctx.calendar, ctx.hours);
    if (sessions.length === 0) continue;
    const today = presence.filter(([from, to]) => to > sessions[0]![0] && from < sessions[sessions.length - 1]![1]);
    if (today.length < 2) continue;
    const between = subtract([[today[0]![1], today[today.length - 1]![0]]], today);
    gaps.push(...subtract(intersect(between, sessions), explained));
  }
  return gaps;
}

// Acts a window performs on a case; an applicant's objection or a co-department's opinion is not one.
const WINDOW_ACTS = new Set(['materials-checked', 'deficiency-notice', 'accepted', 'entered-into-system', 'suspended', 'resumed', 'extension', 'decided', 'refusal-registered', 'result-notified']);

/**
 * AB-SUBSTITUTE-AUTHORITY needs the case and the roster of its period: each act on the case by a named
 * person is checked against the posts serving the case's window (or department) at that moment.
 */
export function deriveAbCase(ctx: CaseContext): Derived {
  const facts = { 'ab.rosterGiven': ctx.roster !== undefined, 'ab.unauthorisedActs': [] as string[], 'ab.unauthorisedActCount': 0 };
  if (!ctx.roster) return { facts, deadlines: [], obligations: [] };
  const index = indexRoster(ctx.roster, ctx.calendar.timeZone);
  const matter = ctx.timeline.snapshot.matter;
  const serving = ctx.roster.posts.filter((p) => (matter.window ? p.window === matter.window : p.department === matter.department));
  if (serving.length === 0) return { facts, deadlines: [], obligations: [] };
  const unauthorised: string[] = [];
  for (const event of ctx.timeline.events) {
    if (!event.by || !WINDOW_ACTS.has(event.type)) continue;
    const by = event.by;
    const authorised = serving.some(
      (post) => post.a === by || (post.bs.includes(by) && (!post.a || !covers(index.presenceOnPost(post.a, post.id), event.ms))),
    );
    if (!authorised) unauthorised.push(`${event.type} ${formatLocal(event.ms, ctx.calendar.timeZone)} ${index.staffById.get(by)?.name ?? by}`);
  }
  facts['ab.unauthorisedActs'] = unauthorised;
  facts['ab.unauthorisedActCount'] = unauthorised.length;
  return { facts, deadlines: [], obligations: [] };
}
