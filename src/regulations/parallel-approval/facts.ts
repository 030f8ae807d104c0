import type { CaseContext, DeadlineEntry, Derived, FactCatalogue, Obligation, ScopeItem } from '../context.js';
import { formatLocal } from '../../calendar/instants.js';
import { trackDeadline } from '../track-deadline.js';

export const REGULATION = 'parallel-approval';

export const PA_FACTS: FactCatalogue = {
  'pa.departmentsInvolved': { zh: '涉及部门数', en: 'departments involved' },
  'pa.isJoint': { zh: '是否作为联办件办理（确定牵头部门）', en: 'whether handled as a joint case with a lead department' },
  'pa.lead': { zh: '牵头部门', en: 'lead department' },
  'pa.accepted': { zh: '是否已受理', en: 'whether accepted' },
  'pa.acceptanceProblems': { zh: '统一受理缺少的内容', en: 'what unified acceptance lacked' },
  'pa.acceptanceProblemCount': { zh: '统一受理缺项数', en: 'number of items unified acceptance lacked' },
  'pa.lateCopies': { zh: '未按时抄告的协办部门', en: 'co-departments not copied in time' },
  'pa.lateCopyCount': { zh: '未按时抄告的部门数', en: 'number of co-departments not copied in time' },
  'pa.serialCopies': { zh: '在其他部门出具意见后才抄告的协办部门（串联审批）', en: 'co-departments copied only after another gave its opinion (serial review)' },
  'pa.serialCopyCount': { zh: '串联审批的部门数', en: 'number of serially reviewed co-departments' },
  'pa.decided': { zh: '是否已作出决定', en: 'whether decided' },
  'pa.opinionsMissingAtDecision': { zh: '决定时尚未反馈意见的协办部门', en: 'co-departments without an opinion at the decision' },
  'pa.opinionsMissingAtDecisionCount': { zh: '此类部门数', en: 'number of such co-departments' },
  'pa.unresolvedConflictAtDecision': { zh: '决定时是否存在未经裁决或联审的意见分歧', en: 'whether conflicting opinions stood unresolved at the decision' },
  'pa.conflictingDepartments': { zh: '意见分歧的部门', en: 'departments in conflict' },
  'pa.meetingProblems': { zh: '联审会议出席问题', en: 'joint review meeting attendance problems' },
  'pa.meetingProblemCount': { zh: '联审会议出席问题数', en: 'number of meeting attendance problems' },
};

export const PA_CO_FACTS: FactCatalogue = {
  'pa.co.department': { zh: '协办部门', en: 'co-department' },
  'pa.co.copied': { zh: '是否已抄告', en: 'whether copied' },
  'pa.co.limitWorkingDays': { zh: '协办时限（工作日）', en: 'co-department limit (working days)' },
  'pa.co.dueDate': { zh: '意见反馈截止日', en: 'opinion due date' },
  'pa.co.status': { zh: '协办时限状态', en: 'status of the co-department deadline' },
  'pa.co.late': { zh: '是否超时', en: 'whether late' },
  'pa.co.opinion': { zh: '协办意见', en: 'opinion' },
  'pa.co.adverseNotTold': { zh: '不能办理或需补充材料时未及时反馈申请人和牵头部门', en: 'an adverse opinion not told at once to the applicant and the lead' },
  'pa.co.urged': { zh: '牵头部门是否已催办', en: 'whether the lead urged it' },
  'pa.co.needsUrging': { zh: '是否临近或超过时限且未出具意见', en: 'whether due soon or overdue without an opinion' },
};

const EMPTY: Derived['facts'] = {
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
  'pa.meetingProblems': [],
  'pa.meetingProblemCount': 0,
};

export function deriveParallelApproval(ctx: CaseContext): Derived {
  const tl = ctx.timeline;
  const { matter, joint } = tl.snapshot;
  const departmentsInvolved = 1 + matter.otherDepartments.filter((d) => d !== matter.department).length;
  if (!joint || matter.class !== 'joint') {
    return { facts: { ...EMPTY, 'pa.departmentsInvolved': departmentsInvolved }, deadlines: [], obligations: [], items: { 'case/co-department': [] } };
  }
  const zone = ctx.calendar.timeZone;
  const acceptance = tl.acceptance;
  const decision = tl.decision;
  const copies = tl.all('copied-to-co-department');
  const opinions = tl.all('opinion');
  const acceptanceProblems = acceptance
    ? [...(acceptance.acceptanceNotice ? [] : ['受理通知书 acceptance notice']), ...(acceptance.parallelGuide ? [] : ['并联审批须知 parallel-approval guide'])]
    : [];

  const deadlines: DeadlineEntry[] = [];
  const obligations: Obligation[] = [];
  const lateCopies: string[] = [];
  const serialCopies: string[] = [];
  const items: ScopeItem[] = [];

  for (const co of joint.coDepartments) {
    const copy = copies.find((c) => c.department === co.department);
    if (acceptance) {
      const copyDeadline = trackDeadline(ctx, {
        id: `pa-copy:${co.department}`,
        regulation: REGULATION,
        label: { zh: `抄告 ${co.department}`, en: `copy ${co.department}` },
        start: acceptance.at,
        workingDays: ctx.params.copyWithinWorkingDays,
        ...(copy ? { completedAt: copy.at } : {}),
      });
      if (copyDeadline.late) lateCopies.push(`${co.department}（${copy ? formatLocal(copy.ms, zone) : '未抄告 not copied'}）`);
    }
    // Copied only after another co-department had answered: the reviews ran one after another.
    if (copy && opinions.some((o) => o.department !== co.department && o.ms < copy.ms)) serialCopies.push(co.department);

    const opinion = [...opinions].reverse().find((o) => o.department === co.department && (!copy || o.ms >= copy.ms));
    const urged = tl.all('urged').some((u) => u.department === co.department);
    const facts: Derived['facts'] = {
      'pa.co.department': co.department,
      'pa.co.copied': copy !== undefined,
      'pa.co.limitWorkingDays': co.limitWorkingDays,
      'pa.co.dueDate': null,
      'pa.co.status': null,
      'pa.co.late': false,
      'pa.co.opinion': opinion?.opinion ?? null,
      'pa.co.adverseNotTold': opinion !== undefined && opinion.opinion !== 'approve' && !(opinion.toldApplicant && opinion.toldLead),
      'pa.co.urged': urged,
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
      deadlines.push(tracked.entry);
      const needsUrging = !opinion && !decision && (tracked.entry.status === 'due-soon' || tracked.entry.status === 'overdue');
      Object.assign(facts, {
        'pa.co.dueDate': tracked.entry.dueDate,
        'pa.co.status': tracked.entry.status,
        'pa.co.late': tracked.late,
        'pa.co.needsUrging': needsUrging,
      });
      if (!opinion && !decision) {
        obligations.push({
          id: `pa-urge:${co.department}`,
          regulation: REGULATION,
          owedBy: 'lead-department',
          what: { zh: `催办 ${co.department} 在 ${tracked.entry.dueDate} 前出具意见`, en: `urge ${co.department} to give its opinion by ${tracked.entry.dueDate}` },
          due: tracked.entry.due,
        });
      }
    }
    items.push({ key: co.department, facts });
  }

  const beforeDecision = decision ? opinions.filter((o) => o.ms <= decision.ms) : [];
  const missingAtDecision = decision ? joint.coDepartments.map((c) => c.department).filter((d) => !beforeDecision.some((o) => o.department === d)) : [];
  const approving = new Set(beforeDecision.filter((o) => o.opinion === 'approve').map((o) => o.department));
  const opposing = new Set(beforeDecision.filter((o) => o.opinion === 'reject').map((o) => o.department));
  const recorded = joint.disputes.filter((d) => !decision || Date.parse(d.raisedAt) <= decision.ms);
  const conflict = (approving.size > 0 && opposing.size > 0) || recorded.length > 0;
  // A conflict is settled only by a center ruling or joint review meeting on record before the decision.
  const settledBefore = (d: (typeof joint.disputes)[number]) => decision !== undefined && d.resolution !== undefined && Date.parse(d.resolution.at) <= decision.ms;
  const resolved = recorded.some(settledBefore) && recorded.every(settledBefore);
  const conflicting = conflict ? [...new Set([...opposing, ...approving, ...recorded.flatMap((d) => d.departments)])] : [];

  const meetingProblems: string[] = [];
  for (const meeting of joint.meetings) {
    const date = meeting.at.slice(0, 10);
    for (const department of [joint.lead, ...joint.coDepartments.map((c) => c.department)]) {
      const attendees = meeting.attendees.filter((a) => a.department === department);
      const lacks = [
        ...(attendees.some((a) => a.role === 'leader-in-charge' || a.role === 'principal-leader') ? [] : ['分管审批负责人 leader in charge']),
        ...(attendees.some((a) => a.role === 'chief-representative') ? [] : ['首席代表 chief representative']),
        ...(attendees.some((a) => a.canSign) ? [] : ['签发权 authority to sign']),
      ];
      if (lacks.length) meetingProblems.push(`${date} ${department}: ${lacks.join('、')}`);
    }
  }

  return {
    facts: {
      'pa.departmentsInvolved': departmentsInvolved,
      'pa.isJoint': true,
      'pa.lead': joint.lead,
      'pa.accepted': acceptance !== undefined,
      'pa.acceptanceProblems': acceptanceProblems,
      'pa.acceptanceProblemCount': acceptanceProblems.length,
      'pa.lateCopies': lateCopies,
      'pa.lateCopyCount': lateCopies.length,
      'pa.serialCopies': serialCopies,
      'pa.serialCopyCount': serialCopies.length,
      'pa.decided': decision !== undefined,
      'pa.opinionsMissingAtDecision': missingAtDecision,
      'pa.opinionsMissingAtDecisionCount': missingAtDecision.length,
      'pa.unresolvedConflictAtDecision': decision !== undefined && conflict && !resolved,
      'pa.conflictingDepartments': conflict ? conflicting : [],
      'pa.meetingProblems': meetingProblems,
      'pa.meetingProblemCount': meetingProblems.length,
    },
    deadlines,
    obligations,
    items: { 'case/co-department': items },
  };
}
