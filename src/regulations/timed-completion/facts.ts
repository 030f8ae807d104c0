import { formatDayNumber, type DayNumber } from '../../calendar/dates.js';
import type { TimedEvent } from '../case-timeline.js';
import type { CaseContext, Derived, FactCatalogue, Obligation } from '../context.js';
import { deemedAccepted } from '../one-time-notification/facts.js';
import { deadlineIn, trackDeadline } from '../track-deadline.js';

export const REGULATION = 'timed-completion';

export const TC_FACTS: FactCatalogue = {
  'tc.applies': { zh: '办结时限已开始计算', en: 'the completion clock has started' },
  'tc.clockStartDate': { zh: '时限起算日（受理、视为受理或补齐材料之日）', en: 'the date the clock starts from (acceptance, deemed acceptance, or materials complete)' },
  'tc.clockStartReason': { zh: '起算依据', en: 'why the clock starts then' },
  'tc.limitWorkingDays': { zh: '办结时限（工作日）', en: 'completion limit in working days' },
  'tc.legalLimitWorkingDays': { zh: '法定时限（工作日）', en: 'legal limit in working days' },
  'tc.promisedLimitWorkingDays': { zh: '承诺时限（工作日）', en: 'promised limit in working days' },
  'tc.dueDate': { zh: '应办结日期', en: 'completion due date' },
  'tc.completed': { zh: '是否已办结', en: 'whether the case is completed' },
  'tc.completedDate': { zh: '办结日期', en: 'completion date' },
  'tc.status': { zh: '办结时限状态', en: 'completion deadline status' },
  'tc.late': { zh: '是否超期', en: 'whether completion is late' },
  'tc.lateWorkingDays': { zh: '超期工作日数', en: 'working days late' },
  'tc.remainingWorkingDays': { zh: '剩余工作日', en: 'working days left' },
  'tc.hasValidExtension': { zh: '是否有有效延期', en: 'whether a valid extension applies' },
  'tc.extensionWorkingDays': { zh: '有效延期（工作日）', en: 'valid extension in working days' },
  'tc.sameDayCompleted': { zh: '即办件是否当日办结', en: 'whether an instant case was completed the day it was accepted' },
  'tc.acceptanceNoticeIssued': { zh: '是否出具受理通知书', en: 'whether an acceptance notice was issued' },
  'tc.promisedCompletionStated': { zh: '受理通知书是否注明办结时间', en: 'whether the notice states the completion date' },
  'tc.invalidExtensions': { zh: '无效延期的问题', en: 'problems that make an extension invalid' },
  'tc.invalidExtensionCount': { zh: '无效延期次数', en: 'number of invalid extensions' },
  'tc.unnotifiedSuspensionCount': { zh: '不停止计时的中止次数', en: 'number of suspensions that do not stop the clock' },
  'tc.unnotifiedSuspensions': { zh: '未书面告知申请人或不属法定情形的中止', en: 'suspensions not told in writing or not of a kind the law excludes' },
  'tc.isJoint': { zh: '是否联办件', en: 'whether this is a joint case' },
  'tc.workingDaysUsed': { zh: '已用工作日（不含中止）', en: 'working days used (suspensions excluded)' },
  'tc.jointAllowedWorkingDays': { zh: '联办件允许的最长时限（含有效延期）', en: 'longest time allowed for a joint case, valid extension included' },
  'tc.approved': { zh: '是否准予许可', en: 'whether the permit was granted' },
  'tc.deliveryDueDate': { zh: '证件送达期限', en: 'certificate delivery due date' },
  'tc.deliveryLate': { zh: '证件是否逾期送达', en: 'whether the certificate is delivered late' },
  'tc.deliveryStatus': { zh: '送达期限状态', en: 'delivery deadline status' },
};

const EXCLUDABLE = new Set(['hearing', 'tendering', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expert-review']);

const PROBLEM_TEXT: Record<string, string> = {
  'after-deadline': '原期限届满后才延期 granted after the original deadline',
  'no-written-notice': '未书面告知申请人延期理由和时限 applicant not told in writing',
  'not-copied-to-center': '未抄送行政服务中心 not copied to the center',
  'not-approved': '未经负责人批准 not approved by the head',
  'too-long': '超过可延长的期限 longer than allowed',
  repeated: '超过可延期次数 more extensions than allowed',
};

interface ClockStart {
  at: string;
  day: DayNumber;
  reason: string;
}

function clockStart(ctx: CaseContext): ClockStart | undefined {
  const tl = ctx.timeline;
  let start: ClockStart | undefined;
  if (tl.acceptance) start = { at: tl.acceptance.at, day: tl.acceptance.day, reason: '受理 accepted' };
  if (deemedAccepted(ctx) && tl.receipt && (!tl.acceptance || tl.receipt.ms < tl.acceptance.ms)) {
    start = { at: tl.receipt.at, day: tl.receipt.day, reason: '逾期未告知视为受理 deemed accepted on receipt' };
  }
  if (tl.snapshot.matter.class === 'supplement' && start) {
    if (tl.owedItems.length > 0) return undefined;
    const done = tl.materialsCompletedAt;
    if (done && done.ms > Date.parse(start.at)) start = { at: done.at, day: done.day, reason: '补齐材料 materials complete' };
  }
  return start;
}

/** Suspensions paired with their resumptions; only notified ones of a kind the law excludes stop the clock. */
function exclusionsOf(ctx: CaseContext) {
  const tl = ctx.timeline;
  const resumes = [...tl.all('resumed')];
  const counted: Array<{ from: string; to?: string }> = [];
  const uncounted: TimedEvent<'suspended'>[] = [];
  for (const suspension of tl.all('suspended')) {
    const resumeIndex = resumes.findIndex((r) => r.ms >= suspension.ms);
    const resume = resumeIndex >= 0 ? resumes.splice(resumeIndex, 1)[0] : undefined;
    const stops = EXCLUDABLE.has(suspension.reason) && (suspension.writtenNotice || !ctx.params.excludedTimeNeedsWrittenNotice);
    if (stops) counted.push(resume ? { from: suspension.at, to: resume.at } : { from: suspension.at });
    else uncounted.push(suspension);
  }
  return { counted, uncounted };
}

export function deriveTimedCompletion(ctx: CaseContext): Derived {
  const tl = ctx.timeline;
  const { params, calendar } = ctx;
  const matter = tl.snapshot.matter;
  const isJoint = matter.class === 'joint';
  const legal = matter.legalLimitWorkingDays ?? params.defaultLegalLimitWorkingDays;
  const limit = matter.class === 'instant' ? 0 : matter.promisedLimitWorkingDays ?? legal;
  const start = clockStart(ctx);
  const applies = start !== undefined && matter.class !== 'returned' && tl.decision?.outcome !== 'not-accepted';
  const { counted, uncounted } = exclusionsOf(ctx);
  const completion = tl.decision;

  // Extensions are judged against the deadline they extend: the one without them.
  const invalid: string[] = [];
  let extensionDays = 0;
  if (applies) {
    const original = deadlineIn(ctx, { id: 'completion', start: start.at, workingDays: limit, exclusions: counted }, ctx.asOf);
    const maxDays = isJoint ? params.jointExtensionMaxWorkingDays : params.extensionMaxWorkingDays;
    const approver = isJoint ? 'government-head' : 'agency-head';
    tl.all('extension').forEach((extension, index) => {
      const problems: string[] = [];
      if (extension.ms > original.dueMillis) problems.push('after-deadline');
      if (!extension.writtenNotice) problems.push('no-written-notice');
      if (params.extensionCopyToCenterRequired && !extension.copiedToCenter) problems.push('not-copied-to-center');
      if (params.extensionApprover === 'agency-head' && extension.approvedBy !== approver) problems.push('not-approved');
      if (extension.workingDays > maxDays) problems.push('too-long');
      if (index >= params.extensionMaxCount) problems.push('repeated');
      if (problems.length === 0) extensionDays += extension.workingDays;
      else invalid.push(`${extension.at.slice(0, 10)}：${problems.map((p) => PROBLEM_TEXT[p]).join('；')}`);
    });
  }

  const deadlines = [];
  const obligations: Obligation[] = [];
  let facts = {};
  if (applies) {
    const tracked = trackDeadline(ctx, {
      id: 'completion',
      regulation: REGULATION,
      label: { zh: '办结时限', en: 'completion deadline' },
      start: start.at,
      workingDays: limit,
      exclusions: counted,
      extensionWorkingDays: extensionDays,
      ...(completion ? { completedAt: completion.at } : {}),
    });
    const { entry, late } = tracked;
    deadlines.push(entry);
    const endDay = completion?.day ?? tl.asOfDay;
    if (!completion) {
      obligations.push({
        id: 'completion',
        regulation: REGULATION,
        owedBy: isJoint ? 'lead-department' : 'department',
        what: { zh: `在承诺时限内办结${matter.name}`, en: `complete ${matter.name} within the promised limit` },
        due: entry.due,
      });
    }
    facts = {
      'tc.clockStartDate': formatDayNumber(start.day),
      'tc.clockStartReason': start.reason,
      'tc.dueDate': entry.dueDate,
      'tc.status': entry.status,
      'tc.late': late,
      'tc.lateWorkingDays': late ? Math.max(1, calendar.countWorkingDays(calendar.dayOf(entry.dueDate, 'evaluate', 'due'), endDay)) : 0,
      'tc.remainingWorkingDays': entry.remainingWorkingDays,
      'tc.sameDayCompleted': completion !== undefined && completion.day === start.day,
      'tc.workingDaysUsed': entry.elapsedWorkingDays,
    };
  }

  const approval = completion?.outcome === 'approved' ? completion : undefined;
  const delivery = tl.first('certificate-delivered');
  let deliveryFacts: Record<string, string | boolean | null> = { 'tc.deliveryDueDate': null, 'tc.deliveryLate': false, 'tc.deliveryStatus': null };
  if (approval) {
    const tracked = trackDeadline(ctx, {
      id: 'delivery',
      regulation: REGULATION,
      label: { zh: '颁发、送达许可证件', en: 'issue and deliver the certificate' },
      start: approval.at,
      workingDays: params.deliveryWorkingDays,
      ...(delivery ? { completedAt: delivery.at } : {}),
    });
    deadlines.push(tracked.entry);
    if (!delivery) {
      obligations.push({
        id: 'delivery',
        regulation: REGULATION,
        owedBy: 'department',
        what: { zh: '向申请人颁发、送达许可证件', en: 'issue and deliver the certificate to the applicant' },
        due: tracked.entry.due,
      });
    }
    deliveryFacts = {
      'tc.deliveryDueDate': tracked.entry.dueDate,
      'tc.deliveryLate': tracked.late,
      'tc.deliveryStatus': tracked.entry.status,
    };
  }

  const acceptance = tl.acceptance;
  return {
    facts: {
      'tc.applies': applies,
      'tc.clockStartDate': null,
      'tc.clockStartReason': null,
      'tc.dueDate': null,
      'tc.completed': completion !== undefined,
      'tc.completedDate': completion ? formatDayNumber(completion.day) : null,
      'tc.status': null,
      'tc.late': false,
      'tc.lateWorkingDays': 0,
      'tc.remainingWorkingDays': null,
      'tc.sameDayCompleted': null,
      'tc.workingDaysUsed': null,
      ...facts,
      'tc.limitWorkingDays': limit,
      'tc.legalLimitWorkingDays': legal,
      'tc.promisedLimitWorkingDays': matter.promisedLimitWorkingDays ?? null,
      'tc.hasValidExtension': extensionDays > 0,
      'tc.extensionWorkingDays': extensionDays,
      'tc.acceptanceNoticeIssued': acceptance?.acceptanceNotice ?? false,
      'tc.promisedCompletionStated': acceptance?.promisedCompletion !== undefined,
      'tc.invalidExtensions': invalid,
      'tc.invalidExtensionCount': invalid.length,
      'tc.unnotifiedSuspensionCount': uncounted.length,
      'tc.unnotifiedSuspensions': uncounted.map((s) => `${s.at.slice(0, 10)} ${s.reason}${s.writtenNotice ? '' : '（未书面告知 not told in writing）'}`),
      'tc.isJoint': isJoint,
      'tc.jointAllowedWorkingDays': params.jointLimitWorkingDays + Math.min(extensionDays, params.jointExtensionMaxWorkingDays),
      'tc.approved': approval !== undefined,
      ...deliveryFacts,
    },
    deadlines,
    obligations,
  };
}
