import type { Bilingual } from '../../errors.js';
import { defineFacts, factType as F } from '../context.js';
import type { TimedEvent } from '../case-timeline.js';
import type { CaseContext, Derived, ScopeItem } from '../context.js';
import { formatLocal } from '../../calendar/instants.js';
import { trackDeadline } from '../track-deadline.js';

export const REGULATION = 'parallel-approval';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const CITY_SCOPE = { document: 'city-12/parallel-approval', article: '第二条', text: '凡在景德镇市本级审批权限内的投资项目,在企业注册、立项可研、用地批准、设计方案审核、施工许可、竣工验收等各阶段各环节涉及两个或两个以上部门的审批事项,均纳入并联审批范围。' };
const CITY_MEETING = { document: 'city-12/parallel-approval', article: '第三条', text: '相关部门必须委派分管审批的负责人和窗口首席代表参加,必要时由部门主要负责人参加。' };
const CITY_IN_PARALLEL = { document: 'city-12/parallel-approval', article: '第五条', text: '并联审批按照“统一受理、抄告相关、同步审批、限时办结”的工作要求开展。' };
const CITY_LEAD_AND_CO_DUTIES = { document: 'city-12/parallel-approval', article: '第五条', text: '牵头部门负责有关并联审批事项的受理、抄告、催办、汇总和咨询工作,协办部门负责所涉及事项的审批及意见反馈工作。' };
const CITY_UNIFIED_ACCEPTANCE = { document: 'city-12/parallel-approval', article: '第五条 (一)', text: '受理登记后,向申请人出具受理通知书,同时负责提供并联审批须知,并做好咨询服务工作。' };
const CITY_COPIED = { document: 'city-12/parallel-approval', article: '第五条 (二)', text: '由牵头部门审查申请内容,并根据项目实际情况确定相关协办审批部门,向相关协办部门转发意见联系单' };
const COUNTY_CO_OPINION_IN_TIME = { document: 'county-10/handling', article: '(二)办理制度。 3.联合办理制', text: '交由协办部门在规定时限内分别提出审核意见' };
const COUNTY_DECIDED_ON_ALL_OPINIONS = { document: 'county-10/handling', article: '(二)办理制度。 3.联合办理制', text: '主办部门汇总各协办部门审核意见后,在承诺时限内做出决定' };
const TOWNSHIP_ADVERSE_TOLD = { document: 'township', article: '四、运行方式 联办件', text: '不能办理或需要服务对象补充申报材料的,要及时将意见反馈给服务对象和主办窗口' };
const PLAN_6_CENTER_RULES = { document: 'plans-11/6', article: '5、', text: '联办部门在办理审批事项过程中,有意见分歧时,由市政务中心进行裁决。' };

export const PA_FACTS = defineFacts({
  'pa.departmentsInvolved': { type: F.number, implements: CITY_SCOPE, zh: '涉及部门数', en: 'departments involved' },
  'pa.isJoint': { type: F.flag, zh: '是否作为联办件办理（确定牵头部门）', en: 'whether handled as a joint case with a lead department' },
  'pa.lead': { type: F.text.nullable(), zh: '牵头部门', en: 'lead department' },
  'pa.accepted': { type: F.flag, zh: '是否已受理', en: 'whether accepted' },
  'pa.notAccepted': { type: F.flag, zh: '是否在窗口不予受理或退回（未进入审批）', en: 'whether the application was not accepted or returned at the window (never reviewed)' },
  'pa.acceptanceProblems': { type: F.labels, implements: CITY_UNIFIED_ACCEPTANCE, zh: '统一受理缺少的内容', en: 'what unified acceptance lacked' },
  'pa.acceptanceProblemCount': { type: F.count, implements: CITY_UNIFIED_ACCEPTANCE, zh: '统一受理缺项数', en: 'number of items unified acceptance lacked' },
  'pa.lateCopies': { type: F.labels, implements: CITY_COPIED, params: ['copyWithinWorkingDays'], zh: '未按时抄告的协办部门', en: 'co-departments not copied in time' },
  'pa.lateCopyCount': { type: F.count, implements: CITY_COPIED, params: ['copyWithinWorkingDays'], zh: '未按时抄告的部门数', en: 'number of co-departments not copied in time' },
  'pa.serialCopies': { type: F.list, implements: CITY_IN_PARALLEL, zh: '在其他部门出具意见后才抄告的协办部门（串联审批；根据项目实际情况后增的协办部门除外）', en: 'co-departments copied only after another gave its opinion (serial review), other than those added later as the project required' },
  'pa.serialCopyCount': { type: F.count, implements: CITY_IN_PARALLEL, zh: '串联审批的部门数', en: 'number of serially reviewed co-departments' },
  'pa.decided': { type: F.flag, zh: '是否已作出决定', en: 'whether decided' },
  'pa.opinionsMissingAtDecision': { type: F.list, implements: COUNTY_DECIDED_ON_ALL_OPINIONS, zh: '决定时尚未反馈意见的协办部门', en: 'co-departments without an opinion at the decision' },
  'pa.opinionsMissingAtDecisionCount': { type: F.count, implements: COUNTY_DECIDED_ON_ALL_OPINIONS, zh: '此类部门数', en: 'number of such co-departments' },
  'pa.unresolvedConflictAtDecision': { type: F.flag, implements: PLAN_6_CENTER_RULES, zh: '决定时是否存在未经裁决或联审的意见分歧（决定与不同意意见相反，或记录在案的分歧）', en: 'whether a disagreement stood unresolved at the decision (an approval over a rejection, or a dispute on record)' },
  'pa.conflictingDepartments': { type: F.list, zh: '未经裁决或联审的意见分歧所涉部门', en: 'departments in an unresolved disagreement' },
  'pa.overruledDepartments': { type: F.list, implements: CITY_LEAD_AND_CO_DUTIES, zh: '决定准予、却与其不同意意见相反，且决定前无裁决或联审的协办部门', en: 'co-departments whose rejection the approval went against, with no ruling or joint review before the decision' },
  'pa.overruledCount': { type: F.count, implements: CITY_LEAD_AND_CO_DUTIES, zh: '此类部门数', en: 'number of such co-departments' },
  'pa.centerRules': { type: F.flag, zh: '是否有文件规定意见分歧由中心裁决（玉林方案 篇六）', en: 'whether a document in force has the center rule on disputes (the Yulin plan)' },
  'pa.investmentProject': { type: F.flag, zh: '是否为本级审批权限内的投资项目', en: 'whether the matter is an investment project within the center’s own approval power' },
  'pa.meetingProblems': { type: F.labels, implements: CITY_MEETING, zh: '联审会议出席问题', en: 'joint review meeting attendance problems' },
  'pa.meetingProblemCount': { type: F.count, implements: CITY_MEETING, zh: '联审会议出席问题数', en: 'number of meeting attendance problems' },
});

export const PA_CO_FACTS = defineFacts({
  'pa.co.department': { type: F.text, zh: '协办部门', en: 'co-department' },
  'pa.co.copied': { type: F.flag, zh: '是否已抄告', en: 'whether copied' },
  'pa.co.limitWorkingDays': { type: F.number, zh: '协办时限（工作日）', en: 'co-department limit (working days)' },
  'pa.co.dueDate': { type: F.date.nullable(), implements: COUNTY_CO_OPINION_IN_TIME, zh: '意见反馈截止日', en: 'opinion due date' },
  'pa.co.status': { type: F.text.nullable(), zh: '协办时限状态', en: 'status of the co-department deadline' },
  'pa.co.late': { type: F.flag, implements: COUNTY_CO_OPINION_IN_TIME, zh: '是否超时', en: 'whether late' },
  'pa.co.opinion': { type: F.label.nullable(), zh: '协办意见', en: 'opinion' },
  'pa.co.adverseNotTold': { type: F.flag, implements: TOWNSHIP_ADVERSE_TOLD, zh: '不能办理或需补充材料时未及时反馈申请人和牵头部门', en: 'an adverse opinion not told at once to the applicant and the lead' },
  'pa.co.urged': { type: F.flag, implements: CITY_LEAD_AND_CO_DUTIES, zh: '牵头部门是否已催办', en: 'whether the lead urged it' },
  'pa.co.needsUrging': { type: F.flag, zh: '是否临近或超过时限且未出具意见', en: 'whether due soon or overdue without an opinion' },
});

const OPINION_WORDS = {
  approve: { zh: '同意', en: 'approve' },
  reject: { zh: '不同意', en: 'reject' },
  'needs-materials': { zh: '需补充材料', en: 'more materials needed' },
} as const satisfies Record<string, Bilingual>;

/** What a joint review meeting lacked of a convened department. */
const MEETING_LACKS = {
  leader: { zh: '分管审批负责人', en: 'leader in charge' },
  chiefRepresentative: { zh: '首席代表', en: 'chief representative' },
  signingAuthority: { zh: '签发权', en: 'authority to sign' },
} as const satisfies Record<string, Bilingual>;

/** The facts of a case not handled jointly (a function, not a spread of a constant: most cases take this path). */
const notJointFacts = (departmentsInvolved: number, investmentProject: boolean, notAccepted: boolean): Derived<typeof PA_FACTS>['facts'] => ({
  'pa.departmentsInvolved': departmentsInvolved,
  'pa.investmentProject': investmentProject,
  'pa.notAccepted': notAccepted,
  'pa.centerRules': false,
  'pa.isJoint': false,
  'pa.lead': null,
  'pa.accepted': false,
  'pa.acceptanceProblems': [],
  'pa.acceptanceProblemCount': 0,
  'pa.lateCopies': [],
  'pa.lateCopyCount': 0,
  'pa.serialCopies': [],
  'pa.serialCopyCount': 0,
  'pa.decided': false,
  'pa.opinionsMissingAtDecision': [],
  'pa.opinionsMissingAtDecisionCount': 0,
  'pa.unresolvedConflictAtDecision': false,
  'pa.conflictingDepartments': [],
  'pa.overruledDepartments': [],
  'pa.overruledCount': 0,
  'pa.meetingProblems': [],
  'pa.meetingProblemCount': 0,
});

type PaFacts = Derived<typeof PA_FACTS>['facts'];
type CopyEvent = TimedEvent<'copied-to-co-department'>;
type OpinionEvent = TimedEvent<'opinion'>;

/** A joint case's copies, opinions and urgings, indexed by department once, so that many co-departments stay linear. */
function coDepartmentRecords(ctx: CaseContext) {
  const tl = ctx.timeline;
  const firstCopy = new Map<string, CopyEvent>();
  for (const copy of tl.all('copied-to-co-department')) if (!firstCopy.has(copy.department)) firstCopy.set(copy.department, copy);
  const opinionsOf = new Map<string, OpinionEvent[]>();
  for (const opinion of tl.all('opinion')) {
    const list = opinionsOf.get(opinion.department);
    if (list) list.push(opinion);
    else opinionsOf.set(opinion.department, [opinion]);
  }
  const urged = new Set(tl.all('urged').map((u) => u.department));
  // The first opinion of each department, earliest first: a copy sent after another department's earliest answer came
  // only once that department had finished (串联).
  const firstOpinions = [...opinionsOf.values()].map((list) => list[0]!).sort((a, b) => a.ms - b.ms);
  return { firstCopy, opinionsOf, urged, firstOpinions };
}

type CoDepartmentRecords = ReturnType<typeof coDepartmentRecords>;
type CoDepartment = NonNullable<CaseContext['timeline']['snapshot']['joint']>['coDepartments'][number];

/** Unified acceptance (city-12 并联审批 第五条(一)): the acceptance notice and the parallel-approval guide handed out with it. */
function acceptanceProblemsOf(ctx: CaseContext): Bilingual[] {
  const acceptance = ctx.timeline.acceptance;
  if (!acceptance) return [];
  return [
    ...(acceptance.acceptanceNotice ? [] : [{ zh: '受理通知书', en: 'acceptance notice' }]),
    ...(acceptance.parallelGuide ? [] : [{ zh: '并联审批须知', en: 'parallel-approval guide' }]),
  ];
}

/**
 * One co-department (city-12 并联审批 第五条(二); county-10 联合办理制; township 联办件): copied in time, copied at once
 * rather than after another's answer, its opinion within its own limit, urged by the lead while it is due. Adds its
 * opinion deadline, and the lead's obligation to urge it while no opinion and no decision has come.
 */
function coDepartmentOf(ctx: CaseContext, co: CoDepartment, records: CoDepartmentRecords, out: Pick<Derived, 'deadlines' | 'obligations'>) {
  const tl = ctx.timeline;
  const acceptance = tl.acceptance;
  const copy = records.firstCopy.get(co.department);
  let lateCopy: Bilingual | undefined;
  // A co-department brought in later, as the project required, is due its copy from when it was added.
  const addedAt = co.added && acceptance && Date.parse(co.added.at) > acceptance.ms ? co.added.at : acceptance?.at;
  if (acceptance && addedAt) {
    const copyDeadline = trackDeadline(ctx, {
      id: `pa-copy:${co.department}`,
      regulation: REGULATION,
      label: { zh: `抄告 ${co.department}`, en: `copy ${co.department}` },
      start: addedAt,
      workingDays: ctx.params.copyWithinWorkingDays,
      ...(copy ? { completedAt: copy.at } : {}),
    });
    if (copyDeadline.late) {
      const copied = copy ? formatLocal(copy.ms, ctx.calendar.timeZone) : undefined;
      lateCopy = { zh: `${co.department}（${copied ?? '未抄告'}）`, en: `${co.department} (${copied ?? 'not copied'})` };
    }
  }
  // Copied only after another co-department had answered: the reviews ran one after another — unless the lead
  // brought the department in later as the project required (第五条(二) 根据项目实际情况确定相关协办审批部门).
  const { firstOpinions } = records;
  const earliestOther = firstOpinions[0]?.department === co.department ? firstOpinions[1] : firstOpinions[0];
  const serial = copy !== undefined && !co.added && earliestOther !== undefined && earliestOther.ms < copy.ms;

  const own = records.opinionsOf.get(co.department) ?? [];
  let opinion: OpinionEvent | undefined;
  for (let i = own.length - 1; i >= 0 && !opinion; i--) if (!copy || own[i]!.ms >= copy.ms) opinion = own[i];
  const facts: Derived['facts'] = {
    'pa.co.department': co.department,
    'pa.co.copied': copy !== undefined,
    'pa.co.limitWorkingDays': co.limitWorkingDays,
    'pa.co.dueDate': null,
    'pa.co.status': null,
    'pa.co.late': false,
    'pa.co.opinion': opinion ? OPINION_WORDS[opinion.opinion] : null,
    'pa.co.adverseNotTold': opinion !== undefined && opinion.opinion !== 'approve' && !(opinion.toldApplicant && opinion.toldLead),
    'pa.co.urged': records.urged.has(co.department),
    'pa.co.needsUrging': false,
  };
  if (copy) {
    const tracked = trackDeadline(ctx, {
      id: `pa-co:${co.department}`,
      regulation: REGULATION,
      label: { zh: `${co.department} 出具协办意见`, en: `opinion of ${co.department}` },
      start: copy.at,
      workingDays: co.limitWorkingDays,
      ...(opinion ? { completedAt: opinion.at } : {}),
    });
    out.deadlines.push(tracked.entry);
    const open = !opinion && !tl.decision;
    facts['pa.co.dueDate'] = tracked.entry.dueDate;
    facts['pa.co.status'] = tracked.entry.status;
    facts['pa.co.late'] = tracked.late;
    facts['pa.co.needsUrging'] = open && (tracked.entry.status === 'due-soon' || tracked.entry.status === 'overdue');
    if (open) {
      out.obligations.push({
        id: `pa-urge:${co.department}`,
        regulation: REGULATION,
        owedBy: 'lead-department',
        what: { zh: `催办 ${co.department} 在 ${tracked.entry.dueDate} 前出具意见`, en: `urge ${co.department} to give its opinion by ${tracked.entry.dueDate}` },
        due: tracked.entry.due,
      });
    }
  }
  return { item: { key: co.department, facts } satisfies ScopeItem, lateCopy, serial };
}

/**
 * The decision against the opinions (ALL 第二十六条 分别提出意见; city-12 并联审批 第五条; county-10 联合办理制; plans-11 篇六 on
 * the center ruling on disputes). Only a decision on the application itself (approved or refused) combines the
 * opinions; a case not accepted or returned at the window was never copied to anyone. Each department's opinion governs
 * its own part: a refusal that follows a rejection is the lawful outcome, not a disagreement. What needs settling is a
 * decision that goes against a recorded opinion (approving over a co-department's rejection) and, where a document has
 * the center rule on disagreements, a dispute put on record.
 */
function conflictAtDecision(ctx: CaseContext, records: CoDepartmentRecords) {
  const joint = ctx.timeline.snapshot.joint!;
  const decision = ctx.timeline.decision;
  const decided = decision !== undefined && (decision.outcome === 'approved' || decision.outcome === 'refused') ? decision : undefined;
  const latestBefore = (department: string) => {
    const own = (records.opinionsOf.get(department) ?? []).filter((o) => decided !== undefined && o.ms <= decided.ms);
    return own[own.length - 1];
  };
  const missingAtDecision = decided ? joint.coDepartments.map((c) => c.department).filter((d) => !latestBefore(d)) : [];
  const recorded = decided ? joint.disputes.filter((d) => Date.parse(d.raisedAt) <= decided.ms) : [];
  // Settled by a center ruling or joint review meeting on record before the decision: a resolved dispute naming the
  // department (or naming none), or a review meeting, after its rejection, that the department attended or was convened to.
  const settledBefore = (d: (typeof joint.disputes)[number]) => decided !== undefined && d.resolution !== undefined && Date.parse(d.resolution.at) <= decided.ms;
  const reviewedBefore = (department: string, sinceMs: number) =>
    decided !== undefined &&
    (recorded.some((d) => settledBefore(d) && (d.departments.length === 0 || d.departments.includes(department))) ||
      joint.meetings.some((m) => {
        const at = Date.parse(m.at);
        return at >= sinceMs && at <= decided.ms && ((m.convened ?? []).includes(department) || m.attendees.some((a) => a.department === department));
      }));
  const overruled =
    decided?.outcome === 'approved'
      ? joint.coDepartments.map((c) => c.department).filter((d) => {
          const last = latestBefore(d);
          return last?.opinion === 'reject' && !reviewedBefore(d, last.ms);
        })
      : [];
  const openDisputes = recorded.filter((d) => !settledBefore(d));
  const conflicting = [...new Set([...overruled, ...openDisputes.flatMap((d) => d.departments)])];
  return { decided: decided !== undefined, missingAtDecision, overruled, unresolved: overruled.length > 0 || openDisputes.length > 0, conflicting };
}

/**
 * Joint review meetings (city-12 并联审批 第三条): the center convenes the departments a review needs (根据审批需要确定相关部门);
 * each one it convened sends its leader in charge, someone who can sign and, where the chief-representative system is
 * in force, its chief representative.
 */
function meetingProblemsOf(ctx: CaseContext): Bilingual[] {
  const chiefRepresentativesInForce = ctx.ruleRuns('CR-APPOINTED');
  const problems: Bilingual[] = [];
  for (const meeting of ctx.timeline.snapshot.joint!.meetings) {
    const date = meeting.at.slice(0, 10);
    const convened = meeting.convened ?? [...new Set(meeting.attendees.map((a) => a.department))];
    for (const department of convened) {
      const attendees = meeting.attendees.filter((a) => a.department === department);
      const lacks = [
        ...(attendees.some((a) => a.role === 'leader-in-charge' || a.role === 'principal-leader') ? [] : [MEETING_LACKS.leader]),
        ...(!chiefRepresentativesInForce || attendees.some((a) => a.role === 'chief-representative') ? [] : [MEETING_LACKS.chiefRepresentative]),
        ...(attendees.some((a) => a.canSign) ? [] : [MEETING_LACKS.signingAuthority]),
      ];
      if (lacks.length) problems.push({ zh: `${date} ${department}：${lacks.map((l) => l.zh).join('、')}`, en: `${date} ${department}: ${lacks.map((l) => l.en).join(', ')}` });
    }
  }
  return problems;
}

/** Parallel approval: unified acceptance, each co-department, the decision against the opinions, review meetings. */
export function deriveParallelApproval(ctx: CaseContext): Derived<typeof PA_FACTS> {
  const tl = ctx.timeline;
  const { matter, joint } = tl.snapshot;
  const departmentsInvolved = 1 + matter.otherDepartments.filter((d) => d !== matter.department).length;
  // Not accepted or returned at the window: the application never reached review, joint or otherwise.
  const notAccepted = matter.class === 'returned' || (tl.decision !== undefined && (tl.decision.outcome === 'not-accepted' || tl.decision.outcome === 'returned'));
  if (!joint || matter.class !== 'joint') {
    return { facts: notJointFacts(departmentsInvolved, matter.investmentProject, notAccepted), deadlines: [], obligations: [], items: { 'case/co-department': [] } };
  }
  const records = coDepartmentRecords(ctx);
  const out: Pick<Derived, 'deadlines' | 'obligations'> = { deadlines: [], obligations: [] };
  const coDepartments = joint.coDepartments.map((co) => coDepartmentOf(ctx, co, records, out));
  const lateCopies = coDepartments.flatMap((co) => (co.lateCopy ? [co.lateCopy] : []));
  const serialCopies = coDepartments.filter((co) => co.serial).map((co) => co.item.key);
  const acceptanceProblems = acceptanceProblemsOf(ctx);
  const conflict = conflictAtDecision(ctx, records);
  const meetingProblems = meetingProblemsOf(ctx);
  const facts: PaFacts = {
    'pa.departmentsInvolved': departmentsInvolved,
    'pa.investmentProject': matter.investmentProject,
    'pa.centerRules': ctx.ruleRuns('PA-DISPUTE/center-ruling'),
    'pa.isJoint': true,
    'pa.lead': joint.lead,
    'pa.accepted': tl.acceptance !== undefined,
    'pa.notAccepted': notAccepted,
    'pa.acceptanceProblems': acceptanceProblems,
    'pa.acceptanceProblemCount': acceptanceProblems.length,
    'pa.lateCopies': lateCopies,
    'pa.lateCopyCount': lateCopies.length,
    'pa.serialCopies': serialCopies,
    'pa.serialCopyCount': serialCopies.length,
    'pa.decided': conflict.decided,
    'pa.opinionsMissingAtDecision': conflict.missingAtDecision,
    'pa.opinionsMissingAtDecisionCount': conflict.missingAtDecision.length,
    'pa.unresolvedConflictAtDecision': conflict.unresolved,
    'pa.overruledDepartments': conflict.overruled,
    'pa.overruledCount': conflict.overruled.length,
    'pa.conflictingDepartments': conflict.conflicting,
    'pa.meetingProblems': meetingProblems,
    'pa.meetingProblemCount': meetingProblems.length,
  };
  return { facts, ...out, items: { 'case/co-department': coDepartments.map((co) => co.item) } };
}
