import type { Bilingual } from '../../errors.js';
import type { RosterSnapshot } from '../../schema/roster.js';
import { defineFacts, factType as F } from '../context.js';
import type { CaseContext, Derived, EvaluationContext, ScopeItem } from '../context.js';
import { tryParseDate } from '../../calendar/dates.js';
import { formatLocal, instantMs, localDay, yearsBetween } from '../../calendar/instants.js';
import type { RosterIndex } from '../roster/roster-index.js';
import { indexRoster } from '../roster/roster-index.js';
import { covers, intersect, subtract, union, type Span } from '../spans.js';
import { attendanceIssues, describeAttendance } from './attendance.js';
import { postCoverage, sessionsOf, watchedAbsences, type PostCoverage } from './coverage.js';
import { EVENT_WORDS, same } from '../words.js';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const COUNTY_AB_DESIGNATED = { document: 'county-10/ab-post', article: '四、 1、', text: '各股室、窗口各岗位都要确定AB岗,避免出现脱岗现象。' };
const COUNTY_NO_VACANT_POST = { document: 'county-10/ab-post', article: '三、', text: '实行AB岗工作制的目的是不因某工作人员的缺位、空岗,导致该办的服务事项缓办,急办的服务事项延误' };
const COUNTY_B_ACTS_FOR_A = { document: 'county-10/ab-post', article: '四、 2、', text: 'B岗责任人在顶岗期间,应认真负责做好A岗工作,享有A岗责任人的职责权利,并对执行A岗工作结果负相应责任。' };
const COUNTY_HANDOVER = { document: 'county-10/ab-post', article: '四、 3、', text: 'A岗责任人离岗前,必须提前做好工作移交' };
const COUNTY_SINGLE_STAFF_SIGN = { document: 'county-10/ab-post', article: '四、 6、', text: '只有一名工作人员的窗口,工作人员因事短时间临时离岗应摆放去向告知牌,并托付周边窗口工作人员照看联络。' };
const COUNTY_LEAVE_APPROVAL = { document: 'county-10/attendance', article: '6、', text: '各股室工作人员请假在半天之内由分管领导准假;超过一天的分管领导批准后须向主要领导准假。' };
const HOME_STAND_IN = { document: 'citizen-home', article: '第二十八条', text: '主办人员不在岗时,协办人员应及时顶岗,保证服务不间断。' };
const HOME_TWO_YEARS_AT_WINDOW = { document: 'citizen-home', article: '第二十八条', text: '为确保服务窗口工作的连续性,进驻人员在服务窗口的工作时间不得少于两年。' };
const PLAN_1_LATE_AND_EARLY = { document: 'plans-11/1', article: '(五)考勤制度 2.', text: '规定时间超过15分钟上班为迟到,提前下班超过15分钟为早退,超过30—60分钟下班记脱岗处理。' };
const CITY_CHIEF_REP_STAFFING = { document: 'city-12/stationing', article: '第四条 (一)', text: '设立首席代表进驻的部门应至少配备常驻窗口人员(A岗)2人,另配备B岗人员1人' };
const CITY_CHIEF_REP_APPOINTED = { document: 'city-12/chief-representative', article: '第二条', text: '各单位要在派驻行政服务中心的工作人员中,委任一人为本单位驻中心窗口首席代表。' };

export const AB_POST_FACTS = defineFacts({
  'ab.post.id': { type: F.text, zh: '岗位', en: 'post' },
  'ab.post.department': { type: F.text, zh: '岗位所属部门', en: 'department of the post' },
  'ab.post.a': { type: F.text, zh: 'A岗', en: 'A post holder' },
  'ab.post.hasA': { type: F.flag, implements: COUNTY_AB_DESIGNATED, zh: '是否确定A岗', en: 'whether the post has an A' },
  'ab.post.bCount': { type: F.count, implements: COUNTY_AB_DESIGNATED, zh: 'B岗人数', en: 'number of Bs' },
  'ab.post.bs': { type: F.list, zh: 'B岗（按顶岗顺序）', en: 'Bs in substitution order' },
  'ab.post.vacancyMinutes': { type: F.number, implements: COUNTY_NO_VACANT_POST, params: ['workingHours'], zh: '工作时间内空岗分钟数（A、B岗均不在岗，也无完整离岗告示牌）', en: 'vacant minutes within working hours (neither the A nor a B on the post, and no complete whereabouts sign out)' },
  'ab.post.longestVacancyMinutes': { type: F.number, implements: COUNTY_NO_VACANT_POST, params: ['workingHours'], zh: '最长一段空岗的分钟数', en: 'minutes of the longest vacant span' },
  'ab.post.vacancyCount': { type: F.count, params: ['vacancyToleranceMinutes', 'workingHours'], zh: '超过容许分钟数的空岗时段数', en: 'number of vacant spans longer than the tolerance' },
  'ab.post.vacancies': { type: F.labels, implements: COUNTY_NO_VACANT_POST, params: ['vacancyToleranceMinutes', 'workingHours'], zh: '超过容许分钟数的空岗时段（缺岗人员、应顶岗的B岗）', en: 'vacant spans longer than the tolerance (who was absent, which B should have stood in)' },
  'ab.post.unstaffedMinutes': { type: F.number, implements: HOME_STAND_IN, params: ['workingHours'], zh: '工作时间内A、B岗均不在岗的分钟数（不论是否摆放告示牌）', en: 'minutes within working hours with neither the A nor a B on the post, sign or no sign' },
  'ab.post.longestUnstaffedMinutes': { type: F.number, implements: HOME_STAND_IN, params: ['workingHours'], zh: '最长一段A、B岗均不在岗的分钟数', en: 'minutes of the longest span with neither the A nor a B on the post' },
  'ab.post.unstaffed': { type: F.labels, implements: HOME_STAND_IN, params: ['vacancyToleranceMinutes', 'workingHours'], zh: '超过容许分钟数、A、B岗均不在岗的时段', en: 'spans longer than the tolerance with neither the A nor a B on the post' },
  'ab.post.singleStaff': { type: F.flag, zh: '是否一人窗口', en: 'whether the window has a single staff member' },
  'ab.post.leavesWithoutHandover': { type: F.list, implements: COUNTY_HANDOVER, zh: 'A岗未移交即离岗的请假（只计含工作时间的请假）', en: 'planned leave of the A, over working hours, without a handover before it' },
  'ab.post.leavesWithoutHandoverCount': { type: F.count, implements: COUNTY_HANDOVER, zh: '未移交的请假数', en: 'number of leaves without a handover' },
  'ab.post.unsignedAbsences': { type: F.list, implements: COUNTY_SINGLE_STAFF_SIGN, zh: '未摆放去向牌或未托付周边窗口的临时离岗', en: 'brief absences without a complete sign and a neighbour watching' },
  'ab.post.unsignedAbsenceCount': { type: F.count, implements: COUNTY_SINGLE_STAFF_SIGN, zh: '此类临时离岗次数', en: 'number of such absences' },
});

export const AB_LEAVE_FACTS = defineFacts({
  'ab.leave.staff': { type: F.text, zh: '请假人', en: 'staff member on leave' },
  'ab.leave.from': { type: F.text, zh: '请假开始', en: 'leave starts' },
  'ab.leave.days': { type: F.number, zh: '请假天数', en: 'days of leave' },
  'ab.leave.approvedByLeaderInCharge': { type: F.flag, implements: COUNTY_LEAVE_APPROVAL, zh: '是否经分管领导准假', en: 'approved by the leader in charge' },
  'ab.leave.approvedByPrincipal': { type: F.flag, implements: COUNTY_LEAVE_APPROVAL, zh: '是否经主要领导准假', en: 'approved by the principal leader' },
});

export const AB_STAFF_FACTS = defineFacts({
  'ab.staff.id': { type: F.text, zh: '人员', en: 'staff member' },
  'ab.staff.department': { type: F.text, zh: '所属部门', en: 'department' },
  'ab.staff.holdsAPost': { type: F.flag, zh: '是否A岗', en: 'whether the person holds an A post' },
  'ab.staff.windowTermYears': { type: F.number.nullable(), implements: HOME_TWO_YEARS_AT_WINDOW, zh: '在窗口工作年限（已离开窗口者）', en: 'years served at the window (for those who left it)' },
  'ab.staff.replacedAsUnfit': { type: F.flag, zh: '是否因经考评不能胜任而被派驻单位调换', en: 'whether the sending unit replaced the person as found unfit after assessment' },
  'ab.staff.attendanceIssues': { type: F.labels, implements: PLAN_1_LATE_AND_EARLY, params: ['lateToleranceMinutes', 'offPostMinutes', 'halfDayAbsenceMinutes', 'workingHours'], zh: '考勤问题', en: 'attendance issues' },
  'ab.staff.attendanceIssueCount': { type: F.count, implements: PLAN_1_LATE_AND_EARLY, params: ['lateToleranceMinutes', 'offPostMinutes', 'halfDayAbsenceMinutes', 'workingHours'], zh: '考勤问题数', en: 'number of attendance issues' },
});

export const DEPARTMENT_FACTS = defineFacts({
  'dept.id': { type: F.text, zh: '部门', en: 'department' },
  'dept.hasChiefRepresentative': { type: F.flag, zh: '是否派驻首席代表', en: 'whether the department has a chief representative' },
  'dept.center': { type: F.flag, zh: '是否中心自身（如中心派人值班的综合代办窗口）', en: 'whether it is the center’s own office (e.g. the proxy window the center staffs)' },
  'dept.stationsChiefRepresentative': { type: F.flag.nullable(), zh: '部门登记：是否以首席代表方式进驻（整体进驻者为否；未登记为空）', en: 'registry: whether stationed through a chief representative (false when stationed as a whole unit; null when unstated)' },
  'dept.registered': { type: F.flag, zh: '是否在名册的部门登记中（登记了是否为中心自身、是否派驻首席代表）', en: 'whether the roster’s department registry lists the department (as the center itself, or whether it stations a chief representative)' },
  'dept.chiefRepresentativeRequired': { type: F.flag, implements: CITY_CHIEF_REP_APPOINTED, zh: '是否应委任首席代表（派驻单位，除非登记为整体进驻或中心自身）', en: 'whether the department must appoint a chief representative (a sending unit, unless registered as stationed whole or as the center)' },
  'dept.stationedThroughChiefRepresentative': { type: F.flag, zh: '是否设立首席代表进驻（已有首席代表或登记如此）', en: 'whether stationed through a chief representative (has one, or registered so)' },
  'dept.aPostStaff': { type: F.number, implements: CITY_CHIEF_REP_STAFFING, zh: 'A岗人数', en: 'A-post staff' },
  'dept.bPostStaff': { type: F.number, implements: CITY_CHIEF_REP_STAFFING, zh: 'B岗人数', en: 'B-post staff' },
});

export const AB_CASE_FACTS = defineFacts({
  'ab.rosterGiven': { type: F.flag, zh: '是否提供了同期人员名册', en: 'whether a roster of the period was given' },
  'ab.unauthorisedActs': { type: F.labels, implements: COUNTY_B_ACTS_FOR_A, zh: '既非A岗、也非顶岗B岗，又非本部门首席代表、领导或审批人员所作的收件受理行为', en: 'intake acts on the case by someone neither the A, nor a substituting B, nor the department’s chief representative, leader or approver' },
  'ab.unauthorisedActCount': { type: F.count, implements: COUNTY_B_ACTS_FOR_A, zh: '此类行为数', en: 'number of such acts' },
});

/** Vacant spans a finding lists in full; the rest are counted. */
export const LISTED_SPANS = 20;

/** The roster's items for the A/B rules: each post, leave request and staff member (departments are shared with chief representatives). */
export function abRosterItems(index: RosterIndex, ctx: EvaluationContext): Partial<Record<'roster/post' | 'roster/leave' | 'roster/staff', ScopeItem[]>> {
  const { roster } = index;
  const zone = ctx.calendar.timeZone;
  const tolerance = ctx.params.vacancyToleranceMinutes;
  const signed = new Map(postCoverage(index, ctx.calendar, ctx.hours, { signsCover: true }).map((c) => [c.post, c]));
  const unsigned = new Map(postCoverage(index, ctx.calendar, ctx.hours, { signsCover: false }).map((c) => [c.post, c]));
  const name = (staff: string) => index.staffById.get(staff)?.name ?? staff;
  const over = (cov: PostCoverage) => cov.vacancies.filter((v) => v.minutes > tolerance);
  // A report stays small however long the period: the first spans in full, then how many more there were.
  const describe = (cov: PostCoverage): Bilingual[] => {
    const spans = over(cov);
    const listed = spans
      .slice(0, LISTED_SPANS)
      .map((v) => same(`${formatLocal(v.from, zone)}–${formatLocal(v.to, zone).slice(11)} ${v.minutes}′ (${v.absent.map(name).join('/') || '—'} ✗; B → ${v.standIn ? name(v.standIn) : '—'})`));
    const more = spans.length - LISTED_SPANS;
    if (more > 0) listed.push({ zh: `…（另有 ${more} 段，共 ${spans.length} 段）`, en: `… (${more} more, ${spans.length} in all)` });
    return listed;
  };
  const longest = (cov: PostCoverage) => cov.vacancies.reduce((most, v) => Math.max(most, v.minutes), 0);

  const posts = roster.posts.map((post): ScopeItem => {
    const vacancy = signed.get(post.id)!;
    const unstaffed = unsigned.get(post.id)!;
    const vacancies = describe(vacancy);
    const aLeaves = post.a ? roster.leave.filter((l) => l.staff === post.a && !l.unplanned) : [];
    // Leave that takes no working hours (a weekend, a holiday) leaves no post: no handover is owed for it. Otherwise
    // the handover is due before the first working moment of the leave (离岗前).
    const withoutHandover = aLeaves.flatMap((l) => {
      const leavesPostAt = firstWorkingMoment([instantMs(l.from), instantMs(l.to)], ctx);
      if (leavesPostAt === undefined) return [];
      const handedOver = roster.handovers.some((h) => h.post === post.id && h.from === post.a && Date.parse(h.at) <= leavesPostAt);
      return handedOver ? [] : [`${formatLocal(instantMs(l.from), zone)} ${name(l.staff)}`];
    });
    const unsignedAbsences = post.singleStaff && post.a ? briefAbsences(index, post, ctx).map(([from, to]) => `${formatLocal(from, zone)}–${formatLocal(to, zone).slice(11)}`) : [];
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
        'ab.post.vacancyMinutes': vacancy.vacancyMinutes,
        'ab.post.longestVacancyMinutes': longest(vacancy),
        'ab.post.vacancyCount': over(vacancy).length,
        'ab.post.vacancies': vacancies,
        'ab.post.unstaffedMinutes': unstaffed.vacancyMinutes,
        'ab.post.longestUnstaffedMinutes': longest(unstaffed),
        'ab.post.unstaffed': describe(unstaffed),
        'ab.post.singleStaff': post.singleStaff,
        'ab.post.leavesWithoutHandover': withoutHandover,
        'ab.post.leavesWithoutHandoverCount': withoutHandover.length,
        'ab.post.unsignedAbsences': unsignedAbsences,
        'ab.post.unsignedAbsenceCount': unsignedAbsences.length,
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
    // Computed for every A; AB-ATTENDANCE runs only where the document that scores attendance is in force.
    const issues = aHolders.has(s.id) ? attendanceIssues(index, s.id, ctx) : [];
    return {
      key: s.id,
      ...(s.name ? { label: s.name } : {}),
      facts: {
        'ab.staff.id': s.id,
        'ab.staff.department': s.department,
        'ab.staff.holdsAPost': aHolders.has(s.id),
        'ab.staff.windowTermYears': s.windowTermStart && s.windowTermEnd ? yearsBetween(s.windowTermStart, s.windowTermEnd) : null,
        'ab.staff.replacedAsUnfit': s.windowTermEndReason === 'replaced-as-unfit',
        'ab.staff.attendanceIssues': issues.map((issue) => describeAttendance(issue, zone)),
        'ab.staff.attendanceIssueCount': issues.length,
      },
    };
  });

  return { 'roster/post': posts, 'roster/leave': leave, 'roster/staff': staff };
}

/** The first instant of working hours inside a span (a leave), or undefined when it takes none. */
function firstWorkingMoment([from, to]: Span, ctx: EvaluationContext): number | undefined {
  const zone = ctx.calendar.timeZone;
  const last = localDay(to, zone);
  for (let day = localDay(from, zone); day <= last; day++) {
    const inside = intersect(sessionsOf(day, ctx.calendar, ctx.hours), [[from, to]]);
    if (inside.length > 0) return inside[0]![0];
  }
  return undefined;
}

/**
 * Departments named by the roster's registry, staff, posts and chief representatives, in first-seen order. A
 * sending unit must appoint a chief representative (city-12 首席代表制 第二条; citizen-home 第二十九条) unless the
 * registry says it is the center itself or is stationed as a whole unit.
 */
export function departmentItems(roster: RosterSnapshot): ScopeItem[] {
  const registry = new Map(roster.departments.map((d) => [d.id, d]));
  const departments = [
    ...new Set([
      ...roster.departments.map((d) => d.id),
      ...roster.staff.map((s) => s.department),
      ...roster.posts.map((p) => p.department),
      ...roster.chiefRepresentatives.map((c) => c.department),
    ]),
  ];
  return departments.map((department) => {
    const posts = roster.posts.filter((p) => p.department === department);
    const as = new Set(posts.flatMap((p) => (p.a ? [p.a] : [])));
    const bs = new Set(posts.flatMap((p) => p.bs).filter((b) => !as.has(b)));
    const entry = registry.get(department);
    const center = entry?.center ?? false;
    const stations = entry?.stationsChiefRepresentative;
    const hasChief = roster.chiefRepresentatives.some((c) => c.department === department);
    return {
      key: department,
      ...(entry?.name ? { label: entry.name } : {}),
      facts: {
        'dept.id': department,
        'dept.hasChiefRepresentative': hasChief,
        'dept.center': center,
        'dept.registered': entry !== undefined,
        'dept.stationsChiefRepresentative': stations ?? null,
        'dept.chiefRepresentativeRequired': !center && stations !== false,
        'dept.stationedThroughChiefRepresentative': !center && (hasChief || stations === true),
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

// The intake acts of a window (收件、审查、告知补正、受理、录入): what an A, or a B standing in, does at the post.
// Deciding, extending or suspending belong to the department's approvers and chief representative, not to a post.
const INTAKE_ACTS = new Set(['materials-checked', 'deficiency-notice', 'accepted', 'entered-into-system']);
const DEPARTMENT_AUTHORITY = new Set(['approver', 'leader-in-charge', 'principal-leader', 'chief-representative']);

/**
 * AB-SUBSTITUTE-AUTHORITY needs the case and the roster of its period: each intake act on the case by a named
 * person is checked against the posts serving the case's window (or department) at that moment. B岗 "享有A岗责任人
 * 的职责权利" while standing in (county-10 (九)四.2); the department's chief representative (who approves in the
 * department's name: city-12 首席代表制 第二条, 第五条(二)), its leaders and its approvers act by their own authority.
 * That nobody else may act is an inference, so the rule is a warning for a person to review.
 */
export function deriveAbCase(ctx: CaseContext): Derived<typeof AB_CASE_FACTS> {
  const facts = { 'ab.rosterGiven': ctx.roster !== undefined, 'ab.unauthorisedActs': [] as Bilingual[], 'ab.unauthorisedActCount': 0 };
  if (!ctx.roster) return { facts, deadlines: [], obligations: [] };
  const roster = ctx.roster;
  const zone = ctx.calendar.timeZone;
  const index = indexRoster(roster, zone);
  const matter = ctx.timeline.snapshot.matter;
  const serving = roster.posts.filter((p) => (matter.window ? p.window === matter.window : p.department === matter.department));
  if (serving.length === 0) return { facts, deadlines: [], obligations: [] };
  const departments = new Set([matter.department, ...serving.map((p) => p.department)]);
  const ownAuthority = (by: string, ms: number) => {
    const person = index.staffById.get(by);
    if (person && departments.has(person.department) && DEPARTMENT_AUTHORITY.has(person.role)) return true;
    const day = localDay(ms, zone);
    return roster.chiefRepresentatives.some((c) => {
      if (c.staff !== by || !departments.has(c.department)) return false;
      const start = tryParseDate(c.termStart)!;
      const end = c.termEnd ? tryParseDate(c.termEnd)! : Number.POSITIVE_INFINITY;
      return start <= day && day <= end;
    });
  };
  const unauthorised: Bilingual[] = [];
  for (const event of ctx.timeline.events) {
    if (!event.by || !INTAKE_ACTS.has(event.type)) continue;
    const by = event.by;
    const onPost = serving.some(
      (post) => post.a === by || (post.bs.includes(by) && (!post.a || !covers(index.presenceOnPost(post.a, post.id), event.ms))),
    );
    if (!onPost && !ownAuthority(by, event.ms)) {
      const when = `${formatLocal(event.ms, zone)} ${index.staffById.get(by)?.name ?? by}`;
      unauthorised.push({ zh: `${EVENT_WORDS[event.type].zh} ${when}`, en: `${EVENT_WORDS[event.type].en} ${when}` });
    }
  }
  facts['ab.unauthorisedActs'] = unauthorised;
  facts['ab.unauthorisedActCount'] = unauthorised.length;
  return { facts, deadlines: [], obligations: [] };
}
