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
  'tc.invalidExtensions': { zh: '不计入时限的延期及其原因（期限届满后才延期、未书面告知申请人、依法需批准而未批准、超过可延期次数）', en: 'extensions that do not count, and why (after the deadline, applicant not told in writing, no approval where the law needs one, more than allowed)' },
  'tc.invalidExtensionCount': { zh: '不计入时限的延期次数', en: 'number of extensions that do not count' },
  'tc.overlongExtensions': { zh: '超过可延长期限的延期（只计入可延长的部分）', en: 'extensions longer than allowed (only the allowed part counts)' },
  'tc.overlongExtensionCount': { zh: '超长延期次数', en: 'number of over-long extensions' },
  'tc.extensionsWithoutReason': { zh: '未告知申请人延期理由的延期', en: 'extensions whose reason the applicant was not told' },
  'tc.extensionsWithoutReasonCount': { zh: '未告知理由的延期次数', en: 'number of extensions without a reason told' },
  'tc.extensionsNotCopied': { zh: '未抄送行政服务中心的延期', en: 'extensions not copied to the center' },
  'tc.extensionsNotCopiedCount': { zh: '未抄送中心的延期次数', en: 'number of extensions not copied to the center' },
  'tc.unnotifiedSuspensionCount': { zh: '法定不计时情形却未书面告知申请人的中止次数', en: 'number of suspensions of a kind the law excludes that the applicant was not told of in writing' },
  'tc.unnotifiedSuspensions': { zh: '法定不计时情形、但未书面告知申请人的中止（期间照常计时）', en: 'suspensions of a kind the law excludes but not told to the applicant in writing (the clock kept running)' },
  'tc.otherSuspensionCount': { zh: '不属法定不计时情形的中止次数', en: 'number of suspensions not of a kind the law excludes' },
  'tc.otherSuspensions': { zh: '不属法定不计时情形的中止（期间照常计时）', en: 'suspensions not of a kind the law excludes (the clock kept running)' },
  'tc.legalLimitRecorded': { zh: '事项是否记录了法定时限', en: 'whether the matter records its legal limit' },
  'tc.lateLimit': { zh: '超过的是哪一时限：law（行政许可法的法定期限）或 completion（办结时限）', en: 'which limit was exceeded: law (the Administrative License Law’s) or completion (the completion limit)' },
  'tc.legalLimitApplied': { zh: '适用的法定时限（工作日；联办件未记录时为45日）', en: 'legal limit applied in working days (45 for a joint case that records none)' },
  'tc.legalDueDate': { zh: '法定期限（含有效延期）的最后一日', en: 'last day of the legal limit, valid extension included' },
  'tc.legalLateWorkingDays': { zh: '超过法定期限的工作日数', en: 'working days past the legal limit' },
  'tc.statedCompletionDate': { zh: '受理通知书注明的办结日期', en: 'completion date written on the acceptance notice' },
  'tc.dueDateOnAcceptance': { zh: '按受理时的承诺时限计算的办结日期', en: 'completion due date computed from acceptance and the promised limit' },
  'tc.statedDateTooLate': { zh: '受理通知书注明的办结日期晚于按时限计算的日期', en: 'the date on the acceptance notice is later than the computed due date' },
  'tc.certificateIssued': { zh: '是否颁发许可证件（行政许可准予决定，非上报件、代理件的初审）', en: 'whether a license certificate is issued (a license approval, not a reported or proxy case’s preliminary approval)' },
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
  'not-approved': '未经负责人批准 not approved by the head',
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
  const unnotified: TimedEvent<'suspended'>[] = [];
  const other: TimedEvent<'suspended'>[] = [];
  for (const suspension of tl.all('suspended')) {
    const resumeIndex = resumes.findIndex((r) => r.ms >= suspension.ms);
    const resume = resumeIndex >= 0 ? resumes.splice(resumeIndex, 1)[0] : undefined;
    if (!EXCLUDABLE.has(suspension.reason)) other.push(suspension);
    else if (suspension.writtenNotice || !ctx.params.excludedTimeNeedsWrittenNotice) counted.push(resume ? { from: suspension.at, to: resume.at } : { from: suspension.at });
    else unnotified.push(suspension);
  }
  return { counted, unnotified, other };
}

export function deriveTimedCompletion(ctx: CaseContext): Derived {
  const tl = ctx.timeline;
  const { params, calendar } = ctx;
  const matter = tl.snapshot.matter;
  const isJoint = matter.class === 'joint';
  // ALL 第四十二条: twenty days, forty-five for joint handling, unless a law or regulation gives another limit. A
  // matter whose own legal limit is not recorded is held to neither: it is reported as a gap in the data.
  const legalRecorded = matter.legalLimitWorkingDays !== undefined;
  const legalKnown = legalRecorded || isJoint;
  const legal = matter.legalLimitWorkingDays ?? (isJoint ? params.jointLimitWorkingDays : params.defaultLegalLimitWorkingDays);
  const onTheSpot = matter.class === 'instant' && ctx.ruleRuns('TC-INSTANT-SAME-DAY');
  // The completion limit is the tighter of the promise and the legal limit.
  const promised = matter.promisedLimitWorkingDays;
  const limit = onTheSpot ? 0 : promised === undefined ? legal : legalKnown ? Math.min(promised, legal) : promised;
  const start = clockStart(ctx);
  const applies = start !== undefined && matter.class !== 'returned' && tl.decision?.outcome !== 'not-accepted';
  const { counted, unnotified, other } = exclusionsOf(ctx);
  const completion = tl.decision;

  // Extensions are judged against the deadline they extend: the one without them. ALL 第四十二条 lets the agency head
  // extend the legal limit once, by ten days (fifteen for joint handling, by the government head), with the reason
  // told; extending a promise that stays inside the legal limit needs nobody's approval under the law.
  const invalid: string[] = [];
  const overlong: string[] = [];
  const withoutReason: string[] = [];
  const notCopied: string[] = [];
  let extensionDays = 0;
  if (applies) {
    const original = deadlineIn(ctx, { id: 'completion', start: start.at, workingDays: limit, exclusions: counted }, ctx.asOf);
    const maxDays = isJoint ? params.jointExtensionMaxWorkingDays : params.extensionMaxWorkingDays;
    const approver = isJoint ? 'government-head' : 'agency-head';
    const day = (at: string) => at.slice(0, 10);
    tl.all('extension').forEach((extension, index) => {
      const problems: string[] = [];
      const extendsLegal = !legalKnown || limit + extensionDays + extension.workingDays > legal;
      if (extension.ms > original.dueMillis) problems.push('after-deadline');
      if (!extension.writtenNotice) problems.push('no-written-notice');
      if (extendsLegal && params.extensionApprover === 'agency-head' && extension.approvedBy !== approver) problems.push('not-approved');
      if (index >= params.extensionMaxCount) problems.push('repeated');
      if (problems.length) {
        invalid.push(`${day(extension.at)}：${problems.map((p) => PROBLEM_TEXT[p]).join('；')}`);
        return;
      }
      const room = legalKnown ? Math.max(0, legal + maxDays - limit - extensionDays) : maxDays;
      const allowed = Math.min(extension.workingDays, room);
      if (allowed < extension.workingDays) overlong.push(`${day(extension.at)}：${extension.workingDays} → ${allowed}`);
      extensionDays += allowed;
      if (!extension.reason) withoutReason.push(day(extension.at));
      if (params.extensionCopyToCenterRequired && !extension.copiedToCenter) notCopied.push(day(extension.at));
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
    // Lateness against the law's own limit (with the extension that counts), for the law's variant of TC-ON-TIME.
    const legalDeadline = deadlineIn(ctx, { id: 'completion', start: start.at, workingDays: legal, exclusions: counted, extensionWorkingDays: extensionDays }, completion?.at ?? ctx.asOf);
    const endMs = completion?.ms ?? ctx.asOfMs;
    const lateAgainstLaw = legalKnown && !onTheSpot && endMs > legalDeadline.dueMillis;
    const lawRuns = ctx.ruleRuns('TC-ON-TIME/law');
    const lateLimit = lateAgainstLaw && lawRuns ? 'law' : late ? 'completion' : null;
    const daysLate = (dueDate: string) => Math.max(1, calendar.countWorkingDays(calendar.dayOf(dueDate, 'evaluate', 'due'), endDay));
    facts = {
      'tc.lateLimit': lateLimit,
      'tc.legalLimitApplied': legalKnown ? legal : null,
      'tc.legalDueDate': legalKnown ? legalDeadline.dueDate : null,
      'tc.legalLateWorkingDays': lateAgainstLaw ? daysLate(legalDeadline.dueDate) : 0,
      'tc.clockStartDate': formatDayNumber(start.day),
      'tc.clockStartReason': start.reason,
      'tc.dueDate': entry.dueDate,
      'tc.status': entry.status,
      'tc.late': late,
      'tc.lateWorkingDays': late ? daysLate(entry.dueDate) : 0,
      'tc.remainingWorkingDays': entry.remainingWorkingDays,
      'tc.sameDayCompleted': completion !== undefined && completion.day === start.day,
      'tc.workingDaysUsed': entry.elapsedWorkingDays,
    };
  }

  // ALL 第四十四条: a certificate follows a license approval; a reported or proxy case's approval here is a preliminary one.
  const approval = completion?.outcome === 'approved' && matter.class !== 'reported' && matter.class !== 'proxy' ? completion : undefined;
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
  // The date written on the acceptance notice, against the promise counted from acceptance (county-10 服务承诺制度).
  const dueOnAcceptance =
    acceptance && promised !== undefined && !onTheSpot ? deadlineIn(ctx, { id: 'completion', start: acceptance.at, workingDays: limit }, acceptance.at).dueDate : null;
  const stated = acceptance?.promisedCompletion?.slice(0, 10) ?? null;
  return {
    facts: {
      'tc.applies': applies,
      'tc.lateLimit': null,
      'tc.legalLimitApplied': null,
      'tc.legalDueDate': null,
      'tc.legalLateWorkingDays': 0,
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
      'tc.legalLimitWorkingDays': legalRecorded ? legal : null,
      'tc.legalLimitRecorded': legalRecorded,
      'tc.statedCompletionDate': stated,
      'tc.dueDateOnAcceptance': dueOnAcceptance,
      'tc.statedDateTooLate': stated !== null && dueOnAcceptance !== null && stated > dueOnAcceptance,
      'tc.certificateIssued': approval !== undefined,
      'tc.promisedLimitWorkingDays': matter.promisedLimitWorkingDays ?? null,
      'tc.hasValidExtension': extensionDays > 0,
      'tc.extensionWorkingDays': extensionDays,
      'tc.acceptanceNoticeIssued': acceptance?.acceptanceNotice ?? false,
      'tc.promisedCompletionStated': acceptance?.promisedCompletion !== undefined,
      'tc.invalidExtensions': invalid,
      'tc.invalidExtensionCount': invalid.length,
      'tc.overlongExtensions': overlong,
      'tc.overlongExtensionCount': overlong.length,
      'tc.extensionsWithoutReason': withoutReason,
      'tc.extensionsWithoutReasonCount': withoutReason.length,
      'tc.extensionsNotCopied': notCopied,
      'tc.extensionsNotCopiedCount': notCopied.length,
      'tc.unnotifiedSuspensionCount': unnotified.length,
      'tc.unnotifiedSuspensions': unnotified.map((s) => `${s.at.slice(0, 10)} ${s.reason}`),
      'tc.otherSuspensionCount': other.length,
      'tc.otherSuspensions': other.map((s) => `${s.at.slice(0, 10)} ${s.reason}`),
      'tc.isJoint': isJoint,
      'tc.jointAllowedWorkingDays': params.jointLimitWorkingDays + Math.min(extensionDays, params.jointExtensionMaxWorkingDays),
      'tc.approved': approval !== undefined,
      ...deliveryFacts,
    },
    deadlines,
    obligations,
  };
}
