import { formatDayNumber, tryParseDate, type DayNumber } from '../../calendar/dates.js';
import { parseInstantMs } from '../../calendar/instants.js';
import type { Bilingual } from '../../errors.js';
import type { TimedEvent } from '../case-timeline.js';
import { defineFacts, factType as F } from '../context.js';
import type { CaseContext, Derived, Obligation } from '../context.js';
import { deemedAccepted } from '../one-time-notification/facts.js';
import { deadlineIn, trackDeadline } from '../track-deadline.js';
import { SUSPENSION_WORDS } from '../words.js';

export const REGULATION = 'timed-completion';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const ALL_42_DECISION_IN_TWENTY_DAYS = { document: 'xingzheng-xuke-fa', article: '第四十二条', text: '除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定' };
const ALL_42_OTHER_LAWS_PREVAIL = { document: 'xingzheng-xuke-fa', article: '第四十二条', text: '但是，法律、法规另有规定的，依照其规定' };
const ALL_42_EXTENSION = { document: 'xingzheng-xuke-fa', article: '第四十二条', text: '二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人' };
const ALL_42_JOINT_LIMIT = { document: 'xingzheng-xuke-fa', article: '第四十二条', text: '行政许可采取统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日' };
const ALL_44_DELIVERY = { document: 'xingzheng-xuke-fa', article: '第四十四条', text: '行政机关作出准予行政许可的决定，应当自作出决定之日起十日内向申请人颁发、送达行政许可证件' };
const ALL_45_EXCLUDED_TIME = { document: 'xingzheng-xuke-fa', article: '第四十五条', text: '行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在本节规定的期限内。' };
const ALL_45_TOLD_IN_WRITING = { document: 'xingzheng-xuke-fa', article: '第四十五条', text: '行政机关应当将所需时间书面告知申请人。' };
const CITY_ON_TIME = { document: 'city-12/timed-completion', article: '第二条', text: '必须依照法律、法规、规章和政策的规定,在规定时间内办结或者予以答复的制度。' };
const CITY_INSTANT_ON_THE_SPOT = { document: 'city-12/timed-completion', article: '第三条 (三)', text: '属即办件的,窗口工作人员应当场办结' };
const CITY_ACCEPTANCE_NOTICE = { document: 'city-12/timed-completion', article: '第三条 (三)', text: '属承诺办件的,应向申请人出具受理通知书,并注明受理及办结时间。' };
const CITY_EXTENSION_COPIED = { document: 'city-12/timed-completion', article: '第三条 (四)', text: '遇特殊情况需延期办结的,应书面告知申请人延期办结理由和延期具体时限,同时抄送行政服务中心。' };
const CITY_ELECTRONIC_WARNING = { document: 'city-12/online-processing', article: '第五条 (五)', text: '中心对网上审批实行电子监察,及时预警,对承诺件进行催办、督办' };

export const TC_FACTS = defineFacts({
  'tc.applies': { type: F.flag, zh: '办结时限已开始计算', en: 'the completion clock has started' },
  'tc.clockStartDate': { type: F.date.nullable(), whenShown: true, implements: ALL_42_DECISION_IN_TWENTY_DAYS, zh: '时限起算日（受理、视为受理或补齐材料之日）', en: 'the date the clock starts from (acceptance, deemed acceptance, or materials complete)' },
  'tc.clockStartReason': { type: F.label.nullable(), whenShown: true, zh: '起算依据', en: 'why the clock starts then' },
  'tc.limitWorkingDays': { type: F.number, whenShown: true, implements: CITY_ON_TIME, zh: '办结时限（工作日）', en: 'completion limit in working days' },
  'tc.legalLimitWorkingDays': { type: F.number.nullable(), zh: '法定时限（工作日）', en: 'legal limit in working days' },
  'tc.promisedLimitWorkingDays': { type: F.number.nullable(), zh: '承诺时限（工作日）', en: 'promised limit in working days' },
  'tc.dueDate': { type: F.date.nullable(), whenShown: true, implements: CITY_ON_TIME, zh: '应办结日期', en: 'completion due date' },
  'tc.completed': { type: F.flag, whenShown: true, zh: '是否已办结', en: 'whether the case is completed' },
  'tc.completedDate': { type: F.date.nullable(), whenShown: true, zh: '办结日期', en: 'completion date' },
  'tc.status': { type: F.text.nullable(), implements: CITY_ELECTRONIC_WARNING, params: ['warnWorkingDays', 'warnElapsedRatio'], zh: '办结时限状态', en: 'completion deadline status' },
  'tc.late': { type: F.flag, implements: CITY_ON_TIME, zh: '是否超期', en: 'whether completion is late' },
  'tc.lateWorkingDays': { type: F.number, whenShown: true, zh: '超期工作日数', en: 'working days late' },
  'tc.remainingWorkingDays': { type: F.number.nullable(), whenShown: true, zh: '剩余工作日', en: 'working days left' },
  'tc.hasValidExtension': { type: F.flag, implements: ALL_42_EXTENSION, zh: '是否有有效延期', en: 'whether a valid extension applies' },
  'tc.extensionWorkingDays': { type: F.number, whenShown: true, implements: ALL_42_EXTENSION, zh: '有效延期（工作日）', en: 'valid extension in working days' },
  'tc.sameDayCompleted': { type: F.flag.nullable(), whenShown: true, implements: CITY_INSTANT_ON_THE_SPOT, zh: '即办件是否当日办结', en: 'whether an instant case was completed the day it was accepted' },
  'tc.acceptanceNoticeIssued': { type: F.flag, implements: CITY_ACCEPTANCE_NOTICE, zh: '是否出具受理通知书', en: 'whether an acceptance notice was issued' },
  'tc.promisedCompletionStated': { type: F.flag, implements: CITY_ACCEPTANCE_NOTICE, zh: '受理通知书是否注明办结时间', en: 'whether the notice states the completion date' },
  'tc.invalidExtensions': { type: F.labels, whenShown: true, implements: ALL_42_EXTENSION, zh: '不计入（或部分不计入）时限的延期及其原因（期限届满后才延期、未书面告知申请人、超出法定期限而未经负责人批准）', en: 'extensions that do not count, in whole or in part, and why (after the deadline, applicant not told in writing, beyond the legal limit without the approval the law requires)' },
  'tc.invalidExtensionCount': { type: F.count, implements: ALL_42_EXTENSION, zh: '不计入时限的延期次数', en: 'number of extensions that do not count' },
  'tc.repeatedExtensions': { type: F.list, whenShown: true, implements: ALL_42_EXTENSION, params: ['extensionMaxCount'], zh: '超过可延期次数的延期（仍在可延长的天数内计入）', en: 'extensions beyond the number allowed (still counted within the days that may be added)' },
  'tc.repeatedExtensionCount': { type: F.count, implements: ALL_42_EXTENSION, params: ['extensionMaxCount'], zh: '超过可延期次数的延期数', en: 'number of extensions beyond the number allowed' },
  'tc.overlongExtensions': { type: F.labels, whenShown: true, implements: ALL_42_EXTENSION, zh: '超过可延长期限的延期（只计入可延长的部分）', en: 'extensions longer than allowed (only the allowed part counts)' },
  'tc.overlongExtensionCount': { type: F.count, implements: ALL_42_EXTENSION, zh: '超长延期次数', en: 'number of over-long extensions' },
  'tc.extensionsWithoutReason': { type: F.list, whenShown: true, implements: ALL_42_EXTENSION, zh: '未告知申请人延期理由的延期', en: 'extensions whose reason the applicant was not told' },
  'tc.extensionsWithoutReasonCount': { type: F.count, implements: ALL_42_EXTENSION, zh: '未告知理由的延期次数', en: 'number of extensions without a reason told' },
  'tc.extensionsNotCopied': { type: F.list, whenShown: true, implements: CITY_EXTENSION_COPIED, zh: '未抄送行政服务中心的延期', en: 'extensions not copied to the center' },
  'tc.extensionsNotCopiedCount': { type: F.count, implements: CITY_EXTENSION_COPIED, zh: '未抄送中心的延期次数', en: 'number of extensions not copied to the center' },
  'tc.unnotifiedSuspensionCount': { type: F.count, implements: ALL_45_TOLD_IN_WRITING, zh: '法定不计时情形却未书面告知申请人的中止次数', en: 'number of suspensions of a kind the law excludes that the applicant was not told of in writing' },
  'tc.unnotifiedSuspensions': { type: F.labels, whenShown: true, implements: ALL_45_TOLD_IN_WRITING, zh: '法定不计时情形、但未书面告知申请人的中止（期间照常计时）', en: 'suspensions of a kind the law excludes but not told to the applicant in writing (the clock kept running)' },
  'tc.otherSuspensionCount': { type: F.count, implements: ALL_45_EXCLUDED_TIME, zh: '不属法定不计时情形的中止次数', en: 'number of suspensions not of a kind the law excludes' },
  'tc.otherSuspensions': { type: F.labels, whenShown: true, implements: ALL_45_EXCLUDED_TIME, zh: '不属法定不计时情形的中止（期间照常计时）', en: 'suspensions not of a kind the law excludes (the clock kept running)' },
  'tc.legalLimitRecorded': { type: F.flag, zh: '事项是否记录了法定时限', en: 'whether the matter records its legal limit' },
  'tc.limitAssumed': { type: F.flag, zh: '事项既未记录法定时限也未记录承诺时限（办结时限为假定值）', en: 'the matter records neither a legal nor a promised limit (the completion limit is assumed)' },
  'tc.extensionsUnderLaw': { type: F.flag, zh: '延期是否按行政许可法第四十二条审查（许可事项）', en: 'whether extensions are judged under ALL 第四十二条 (a license matter)' },
  'tc.lateLimit': { type: F.text.nullable(), implements: ALL_42_DECISION_IN_TWENTY_DAYS, zh: '超过的是哪一时限：law（行政许可法的法定期限）或 completion（办结时限）', en: 'which limit was exceeded: law (the Administrative License Law’s) or completion (the completion limit)' },
  'tc.legalLimitApplied': { type: F.number.nullable(), implements: ALL_42_OTHER_LAWS_PREVAIL, zh: '适用的法定时限（工作日；联办件未记录时为45日）', en: 'legal limit applied in working days (45 for a joint case that records none)' },
  'tc.legalDueDate': { type: F.date.nullable(), whenShown: true, implements: ALL_42_DECISION_IN_TWENTY_DAYS, zh: '法定期限（含有效延期）的最后一日', en: 'last day of the legal limit, valid extension included' },
  'tc.legalLateWorkingDays': { type: F.number, whenShown: true, zh: '超过法定期限的工作日数', en: 'working days past the legal limit' },
  'tc.statedCompletionDate': { type: F.text.nullable(), whenShown: true, zh: '受理通知书注明的办结日期', en: 'completion date written on the acceptance notice' },
  'tc.dueDateOnAcceptance': { type: F.date.nullable(), whenShown: true, zh: '按办结时限自起算日计算的办结日期（不含中止、延期）', en: 'completion due date the limit gives from the clock start (before suspensions and extensions)' },
  'tc.statedDateTooLate': { type: F.flag, implements: CITY_ACCEPTANCE_NOTICE, zh: '受理通知书注明的办结日期晚于按时限计算的日期', en: 'the date on the acceptance notice is later than the computed due date' },
  'tc.certificateIssued': { type: F.flag, zh: '是否颁发许可证件（行政许可准予决定，非上报件、代理件的初审）', en: 'whether a license certificate is issued (a license approval, not a reported or proxy case’s preliminary approval)' },
  'tc.isJoint': { type: F.flag, zh: '是否联办件', en: 'whether this is a joint case' },
  'tc.workingDaysUsed': { type: F.number.nullable(), implements: ALL_45_EXCLUDED_TIME, zh: '已用工作日（不含中止）', en: 'working days used (suspensions excluded)' },
  'tc.jointAllowedWorkingDays': { type: F.number, implements: ALL_42_JOINT_LIMIT, params: ['jointLimitWorkingDays', 'jointExtensionMaxWorkingDays'], zh: '联办件允许的最长时限（含有效延期）', en: 'longest time allowed for a joint case, valid extension included' },
  'tc.approved': { type: F.flag, whenShown: true, zh: '是否准予许可', en: 'whether the permit was granted' },
  'tc.deliveryDueDate': { type: F.date.nullable(), whenShown: true, implements: ALL_44_DELIVERY, params: ['deliveryWorkingDays'], zh: '证件送达期限', en: 'certificate delivery due date' },
  'tc.deliveryLate': { type: F.flag, implements: ALL_44_DELIVERY, params: ['deliveryWorkingDays'], zh: '证件是否逾期送达', en: 'whether the certificate is delivered late' },
  'tc.deliveryStatus': { type: F.text.nullable(), whenShown: true, zh: '送达期限状态', en: 'delivery deadline status' },
});

const EXCLUDABLE = new Set(['hearing', 'tendering', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expert-review']);

const PROBLEM_TEXT: Record<string, Bilingual> = {
  'after-deadline': { zh: '期限届满后才延期', en: 'granted after the deadline it would extend' },
  'no-written-notice': { zh: '未书面告知申请人延期理由和时限', en: 'applicant not told in writing' },
  'not-approved': { zh: '超出法定期限的延期未经法律要求的负责人批准', en: 'extends the legal limit but not approved by the head the law requires' },
};

interface ClockStart {
  at: string;
  day: DayNumber;
  reason: Bilingual;
}

function clockStart(ctx: CaseContext): ClockStart | undefined {
  const tl = ctx.timeline;
  let start: ClockStart | undefined;
  if (tl.acceptance) start = { at: tl.acceptance.at, day: tl.acceptance.day, reason: { zh: '受理', en: 'accepted' } };
  if (deemedAccepted(ctx) && tl.receipt && (!tl.acceptance || tl.receipt.ms < tl.acceptance.ms)) {
    start = { at: tl.receipt.at, day: tl.receipt.day, reason: { zh: '逾期未告知视为受理', en: 'deemed accepted on receipt' } };
  }
  if (tl.snapshot.matter.class === 'supplement' && start) {
    if (tl.owedItems.length > 0) return undefined;
    const done = tl.materialsCompletedAt;
    if (done && done.ms > Date.parse(start.at)) start = { at: done.at, day: done.day, reason: { zh: '补齐材料', en: 'materials complete' } };
  }
  return start;
}

/** The day a date written on a notice stands for: a date, or the local date of an instant; undefined for words. */
function writtenDay(ctx: CaseContext, text: string): DayNumber | undefined {
  const date = tryParseDate(text);
  if (date !== undefined) return date;
  return parseInstantMs(text) === undefined ? undefined : ctx.calendar.dayOf(text, 'evaluate', 'promisedCompletion');
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

/** A suspension as a finding lists it: its date and why. */
const suspensionShown = (s: TimedEvent<'suspended'>): Bilingual => ({ zh: `${s.at.slice(0, 10)} ${SUSPENSION_WORDS[s.reason].zh}`, en: `${s.at.slice(0, 10)} ${SUSPENSION_WORDS[s.reason].en}` });

type Exclusions = ReturnType<typeof exclusionsOf>;
type TcFacts = Derived<typeof TC_FACTS>['facts'];
type TcShown = ReturnType<Derived<typeof TC_FACTS>['shown']>;

/** A part of the derivation: its facts for the rules, and those it works out only when a finding shows them. */
interface Part<F extends keyof TcFacts, S extends keyof TcShown> {
  facts: Pick<TcFacts, F>;
  shown: () => Pick<TcShown, S>;
}

/**
 * The limits a case is held to. ALL 第四十二条: twenty days, forty-five for joint handling, unless a law or regulation
 * gives another limit. A matter whose own legal limit is not recorded is held to neither: it is reported as a gap in
 * the data, and when no promise is recorded either, the twenty days are only an assumption (a warning, never a
 * violation). The completion limit is the tighter of the promise and the legal limit.
 */
function limitsOf(ctx: CaseContext) {
  const { params } = ctx;
  const matter = ctx.timeline.snapshot.matter;
  const isJoint = matter.class === 'joint';
  const legalRecorded = matter.legalLimitWorkingDays !== undefined;
  const legalKnown = legalRecorded || isJoint;
  const legal = matter.legalLimitWorkingDays ?? (isJoint ? params.jointLimitWorkingDays : params.defaultLegalLimitWorkingDays);
  // 当场: a limit of 0 only where a document in force says so (TC-INSTANT-SAME-DAY runs); never for urgent cases.
  const onTheSpot = matter.class === 'instant' && ctx.ruleRuns('TC-INSTANT-SAME-DAY');
  const promised = matter.promisedLimitWorkingDays;
  const limit = onTheSpot ? 0 : promised === undefined ? legal : legalKnown ? Math.min(promised, legal) : promised;
  const limitAssumed = !onTheSpot && !legalKnown && promised === undefined;
  // Whether ALL 第四十二条's extension rules (head's approval, ten days, once) govern this case: a license matter.
  const lawGoverns = ctx.ruleRuns('TC-EXTENSION-VALID/void');
  // Only where the law governs the case and its legal limit is known can an extension be said to go beyond it.
  const lawTrack = lawGoverns && legalKnown;
  return { isJoint, legalRecorded, legalKnown, legal, onTheSpot, limit, limitAssumed, lawGoverns, lawTrack };
}

type Limits = ReturnType<typeof limitsOf>;

/**
 * The case's extensions, ALL 第四十二条. Each extension pushes the deadline the applicant had by its days. The law lets
 * the agency head extend the LEGAL limit once, by ten days (fifteen for joint handling, by the government head), with
 * the reason told; a promise extended within the legal limit needs nobody's approval under the law. So, under the law,
 * the part of an extension that goes beyond the legal limit (with the legal extensions counted so far) is an extension
 * of the legal limit: it counts when it was granted before the legal deadline passed, with the approval the law
 * requires, and up to the law's maximum in all. The completion deadline moves only by an extension granted before it
 * passed, and never beyond the legal deadline. An extension never told to the applicant counts on neither clock. A
 * missing reason, a further extension or a missing copy to the center (city-12 第三条(四)) is a finding of its own and
 * does not undo what the applicant was lawfully told.
 */
function extensionsOf(ctx: CaseContext, limits: Limits, start: ClockStart, counted: Exclusions['counted']) {
  const { params } = ctx;
  const { isJoint, legal, limit, lawTrack } = limits;
  const invalid: Bilingual[] = [];
  const overlong: Bilingual[] = [];
  const repeated: string[] = [];
  const withoutReason: string[] = [];
  const notCopied: string[] = [];
  let extensionDays = 0;
  let legalExtensionDays = 0;
  const maxDays = isJoint ? params.jointExtensionMaxWorkingDays : params.extensionMaxWorkingDays;
  const approver = isJoint ? 'government-head' : 'agency-head';
  const dueMillis = (workingDays: number, extensionWorkingDays: number) =>
    deadlineIn(ctx, { id: 'completion', start: start.at, workingDays, exclusions: counted, extensionWorkingDays }, ctx.asOf).dueMillis;
  let legalExtensions = 0;
  for (const extension of ctx.timeline.all('extension')) {
    const d = extension.at.slice(0, 10);
    const told = extension.writtenNotice;
    const afterCompletionDue = extension.ms > dueMillis(limit, extensionDays);
    const beyond = lawTrack ? Math.max(0, limit + extensionDays + extension.workingDays - legal - legalExtensionDays) : 0;
    const afterLegalDue = beyond > 0 && extension.ms > dueMillis(legal, legalExtensionDays);
    const notApproved = beyond > 0 && params.extensionApprover === 'agency-head' && extension.approvedBy !== approver;
    let legalPart = 0;
    if (told && beyond > 0 && !afterLegalDue && !notApproved) {
      legalPart = Math.min(beyond, Math.max(0, maxDays - legalExtensionDays));
      // "可以延长十日" read as one extension (extensionMaxCount): a further one is reported, and counts only within
      // the days the law lets the legal limit be extended by in all.
      if (legalExtensions >= params.extensionMaxCount) repeated.push(d);
      legalExtensions += 1;
    }
    legalExtensionDays += legalPart;
    const completionPart = !told || afterCompletionDue
      ? 0
      : lawTrack
        ? Math.min(extension.workingDays, Math.max(0, legal + legalExtensionDays - limit - extensionDays))
        : extension.workingDays;
    extensionDays += completionPart;
    // Reported as not counting: never told; under the law, a legal part granted too late or without the approval the
    // law requires; outside the law, granted after the deadline it would extend.
    if (!told || afterLegalDue || notApproved || (!lawTrack && afterCompletionDue)) {
      const problems = [
        ...(afterCompletionDue || afterLegalDue ? ['after-deadline'] : []),
        ...(!told ? ['no-written-notice'] : []),
        ...(notApproved ? ['not-approved'] : []),
      ];
      const partly = completionPart > 0;
      invalid.push({
        zh: `${d}：${problems.map((p) => PROBLEM_TEXT[p]!.zh).join('；')}${partly ? `（${extension.workingDays} 日中只计入法定期限内的 ${completionPart} 日）` : ''}`,
        en: `${d}: ${problems.map((p) => PROBLEM_TEXT[p]!.en).join('; ')}${partly ? ` (of ${extension.workingDays} working days only the ${completionPart} within the legal limit count)` : ''}`,
      });
    } else if (lawTrack && !afterCompletionDue && completionPart < extension.workingDays) {
      overlong.push({ zh: `${d}：${extension.workingDays} → ${completionPart}`, en: `${d}: ${extension.workingDays} → ${completionPart}` });
    }
    if (completionPart === 0 && legalPart === 0) continue;
    if (!extension.reason) withoutReason.push(d);
    if (params.extensionCopyToCenterRequired && !extension.copiedToCenter) notCopied.push(d);
  }
  return { extensionDays, legalExtensionDays, invalid, overlong, repeated, withoutReason, notCopied };
}

type Extensions = ReturnType<typeof extensionsOf>;

const NO_EXTENSIONS: Extensions = { extensionDays: 0, legalExtensionDays: 0, invalid: [], overlong: [], repeated: [], withoutReason: [], notCopied: [] };

/** How far the legal limit reaches with its valid extension: under the law, by the extension of the legal limit itself; otherwise by the part of the completion limit's extension that goes beyond it. */
function legalExtensionOf(limits: Limits, extensions: Extensions): number {
  return limits.lawTrack ? extensions.legalExtensionDays : Math.max(0, limits.limit + extensions.extensionDays - limits.legal);
}

type CompletionPart = Part<
  'tc.lateLimit' | 'tc.legalLimitApplied' | 'tc.status' | 'tc.late' | 'tc.workingDaysUsed',
  'tc.legalDueDate' | 'tc.legalLateWorkingDays' | 'tc.clockStartDate' | 'tc.clockStartReason' | 'tc.dueDate' | 'tc.lateWorkingDays' | 'tc.remainingWorkingDays' | 'tc.sameDayCompleted'
>;

const NOT_TRACKED: CompletionPart = {
  facts: { 'tc.lateLimit': null, 'tc.legalLimitApplied': null, 'tc.status': null, 'tc.late': false, 'tc.workingDaysUsed': null },
  shown: () => ({
    'tc.legalDueDate': null,
    'tc.legalLateWorkingDays': 0,
    'tc.clockStartDate': null,
    'tc.clockStartReason': null,
    'tc.dueDate': null,
    'tc.lateWorkingDays': 0,
    'tc.remainingWorkingDays': null,
    'tc.sameDayCompleted': null,
  }),
};

/**
 * The completion deadline (city-12 按时办结 第三条(三) 办结时间; ALL 第四十二条), measured against the completion limit with
 * its valid extensions, and lateness against the law's own limit for the law's variant of TC-ON-TIME: an extension
 * moves the legal deadline only by the part that goes beyond it (extending a promise inside the legal limit leaves the
 * legal limit where it was). Adds the deadline, and the obligation while the case is open.
 */
function completionOf(ctx: CaseContext, limits: Limits, start: ClockStart, counted: Exclusions['counted'], extensions: Extensions, out: Pick<Derived, 'deadlines' | 'obligations'>): CompletionPart {
  const { calendar } = ctx;
  const tl = ctx.timeline;
  const matter = tl.snapshot.matter;
  const { isJoint, legal, legalKnown, limit, onTheSpot } = limits;
  const completion = tl.decision;
  const { entry, late } = trackDeadline(ctx, {
    id: 'completion',
    regulation: REGULATION,
    label: { zh: '办结时限', en: 'completion deadline' },
    start: start.at,
    workingDays: limit,
    exclusions: counted,
    extensionWorkingDays: extensions.extensionDays,
    ...(completion ? { completedAt: completion.at } : {}),
  });
  out.deadlines.push(entry);
  if (!completion) {
    out.obligations.push({
      id: 'completion',
      regulation: REGULATION,
      owedBy: isJoint ? 'lead-department' : 'department',
      what: { zh: `在承诺时限内办结${matter.name}`, en: `complete ${matter.name} within the promised limit` },
      due: entry.due,
    });
  }
  const endDay = completion?.day ?? tl.asOfDay;
  const legalDeadline = deadlineIn(ctx, { id: 'completion', start: start.at, workingDays: legal, exclusions: counted, extensionWorkingDays: legalExtensionOf(limits, extensions) }, completion?.at ?? ctx.asOf);
  const endMs = completion?.ms ?? ctx.asOfMs;
  const lateAgainstLaw = legalKnown && !onTheSpot && endMs > legalDeadline.dueMillis;
  const lateLimit = lateAgainstLaw && ctx.ruleRuns('TC-ON-TIME/law') ? 'law' : late ? 'completion' : null;
  const daysLate = (dueDate: string) => Math.max(1, calendar.countWorkingDays(calendar.dayOf(dueDate, 'evaluate', 'due'), endDay));
  return {
    facts: {
      'tc.lateLimit': lateLimit,
      'tc.legalLimitApplied': legalKnown ? legal : null,
      'tc.status': entry.status,
      'tc.late': late,
      'tc.workingDaysUsed': entry.elapsedWorkingDays,
    },
    shown: () => ({
      'tc.legalDueDate': legalKnown ? legalDeadline.dueDate : null,
      'tc.legalLateWorkingDays': lateAgainstLaw ? daysLate(legalDeadline.dueDate) : 0,
      'tc.clockStartDate': formatDayNumber(start.day),
      'tc.clockStartReason': start.reason,
      'tc.dueDate': entry.dueDate,
      'tc.lateWorkingDays': late ? daysLate(entry.dueDate) : 0,
      'tc.remainingWorkingDays': entry.remainingWorkingDays,
      'tc.sameDayCompleted': completion !== undefined && completion.day === start.day,
    }),
  };
}

type DeliveryPart = Part<'tc.certificateIssued' | 'tc.deliveryLate', 'tc.approved' | 'tc.deliveryDueDate' | 'tc.deliveryStatus'>;

const NO_CERTIFICATE: DeliveryPart = {
  facts: { 'tc.certificateIssued': false, 'tc.deliveryLate': false },
  shown: () => ({ 'tc.approved': false, 'tc.deliveryDueDate': null, 'tc.deliveryStatus': null }),
};

/**
 * ALL 第四十四条: the certificate is issued and delivered within ten days of the decision to approve. A certificate follows a
 * license approval (TC-DELIVERY runs only for license matters); a reported or proxy case's approval here is a
 * preliminary one, and no certificate follows it. Adds the deadline, and the obligation until delivery.
 */
function deliveryOf(ctx: CaseContext, out: Pick<Derived, 'deadlines' | 'obligations'>): DeliveryPart {
  const tl = ctx.timeline;
  const matter = tl.snapshot.matter;
  const completion = tl.decision;
  const approval =
    completion?.outcome === 'approved' && matter.class !== 'reported' && matter.class !== 'proxy' && ctx.ruleRuns('TC-DELIVERY') ? completion : undefined;
  if (!approval) return NO_CERTIFICATE;
  const delivery = tl.first('certificate-delivered');
  const tracked = trackDeadline(ctx, {
    id: 'delivery',
    regulation: REGULATION,
    label: { zh: '颁发、送达许可证件', en: 'issue and deliver the certificate' },
    start: approval.at,
    workingDays: ctx.params.deliveryWorkingDays,
    ...(delivery ? { completedAt: delivery.at } : {}),
  });
  out.deadlines.push(tracked.entry);
  if (!delivery) {
    out.obligations.push({
      id: 'delivery',
      regulation: REGULATION,
      owedBy: 'department',
      what: { zh: '向申请人颁发、送达许可证件', en: 'issue and deliver the certificate to the applicant' },
      due: tracked.entry.due,
    });
  }
  return {
    facts: { 'tc.certificateIssued': true, 'tc.deliveryLate': tracked.late },
    shown: () => ({ 'tc.approved': true, 'tc.deliveryDueDate': tracked.entry.dueDate, 'tc.deliveryStatus': tracked.entry.status }),
  };
}

type NoticePart = Part<'tc.acceptanceNoticeIssued' | 'tc.promisedCompletionStated' | 'tc.statedDateTooLate', 'tc.statedCompletionDate' | 'tc.dueDateOnAcceptance'>;

/**
 * The acceptance notice and the completion date written on it (city-12 按时办结 第三条(三) 出具受理通知书，并注明受理及办结时间;
 * county-10 服务承诺制度 明确告知…时间), against the due date the limit gives from the clock's start (acceptance, receipt where
 * acceptance is deemed, or complete materials), before any suspension or extension, when a limit is on record. Only a
 * date (or an instant) can be compared; words such as 自补齐材料之日起5个工作日 are left as written.
 */
function acceptanceNoticeOf(ctx: CaseContext, limits: Limits, start: ClockStart | undefined): NoticePart {
  const acceptance = ctx.timeline.acceptance;
  const dueOnAcceptance =
    acceptance && start && !limits.onTheSpot && !limits.limitAssumed ? deadlineIn(ctx, { id: 'completion', start: start.at, workingDays: limits.limit }, acceptance.at).dueDate : null;
  const statedText = acceptance?.promisedCompletion;
  const statedDay = statedText === undefined ? undefined : writtenDay(ctx, statedText);
  return {
    facts: {
      'tc.acceptanceNoticeIssued': acceptance?.acceptanceNotice ?? false,
      'tc.promisedCompletionStated': statedText !== undefined,
      'tc.statedDateTooLate': statedDay !== undefined && dueOnAcceptance !== null && formatDayNumber(statedDay) > dueOnAcceptance,
    },
    shown: () => ({
      'tc.statedCompletionDate': statedDay !== undefined ? formatDayNumber(statedDay) : (statedText ?? null),
      'tc.dueDateOnAcceptance': dueOnAcceptance,
    }),
  };
}

/** Timed completion: the limits, the clock's start and suspensions, extensions, the completion and delivery deadlines, the acceptance notice. */
export function deriveTimedCompletion(ctx: CaseContext): Derived<typeof TC_FACTS> {
  const tl = ctx.timeline;
  const { params } = ctx;
  const limits = limitsOf(ctx);
  const { isJoint, legal, legalRecorded, limit, limitAssumed, lawGoverns } = limits;
  const start = clockStart(ctx);
  const applies = start !== undefined && tl.snapshot.matter.class !== 'returned' && tl.decision?.outcome !== 'not-accepted';
  const { counted, unnotified, other } = exclusionsOf(ctx);
  const extensions = applies ? extensionsOf(ctx, limits, start, counted) : NO_EXTENSIONS;
  const out: Pick<Derived, 'deadlines' | 'obligations'> = { deadlines: [], obligations: [] };
  const completion = applies ? completionOf(ctx, limits, start, counted, extensions, out) : NOT_TRACKED;
  const delivery = deliveryOf(ctx, out);
  const notice = acceptanceNoticeOf(ctx, limits, start);
  const { extensionDays, invalid, overlong, repeated, withoutReason, notCopied } = extensions;
  // The parts are copied in after the literal, not spread into it: spreads ahead of thirty more keys made every case's
  // object a dictionary, and this derivation a third of the derive stage.
  const facts: Omit<TcFacts, keyof CompletionPart['facts'] | keyof DeliveryPart['facts'] | keyof NoticePart['facts']> = {
    'tc.applies': applies,
    'tc.legalLimitWorkingDays': legalRecorded ? legal : null,
    'tc.legalLimitRecorded': legalRecorded,
    'tc.limitAssumed': limitAssumed,
    'tc.extensionsUnderLaw': lawGoverns,
    'tc.promisedLimitWorkingDays': tl.snapshot.matter.promisedLimitWorkingDays ?? null,
    'tc.hasValidExtension': extensionDays > 0,
    'tc.invalidExtensionCount': invalid.length,
    'tc.repeatedExtensionCount': repeated.length,
    'tc.overlongExtensionCount': overlong.length,
    'tc.extensionsWithoutReasonCount': withoutReason.length,
    'tc.extensionsNotCopiedCount': notCopied.length,
    'tc.unnotifiedSuspensionCount': unnotified.length,
    'tc.otherSuspensionCount': other.length,
    'tc.isJoint': isJoint,
    // 45 days, and up to 15 more by the part of the legal limit's valid extension that goes beyond the 45.
    'tc.jointAllowedWorkingDays':
      params.jointLimitWorkingDays + Math.min(params.jointExtensionMaxWorkingDays, Math.max(0, legal + legalExtensionOf(limits, extensions) - params.jointLimitWorkingDays)),
  };
  // Only when a finding shows them: the dates, the lists behind the counts, and the parts' own.
  const shown = (): TcShown => ({
    'tc.completed': tl.decision !== undefined,
    'tc.completedDate': tl.decision ? formatDayNumber(tl.decision.day) : null,
    'tc.limitWorkingDays': limit,
    'tc.extensionWorkingDays': extensionDays,
    'tc.invalidExtensions': invalid,
    'tc.repeatedExtensions': repeated,
    'tc.overlongExtensions': overlong,
    'tc.extensionsWithoutReason': withoutReason,
    'tc.extensionsNotCopied': notCopied,
    'tc.unnotifiedSuspensions': unnotified.map((s) => suspensionShown(s)),
    'tc.otherSuspensions': other.map((s) => suspensionShown(s)),
    ...completion.shown(),
    ...delivery.shown(),
    ...notice.shown(),
  });
  return { facts: Object.assign(facts, completion.facts, delivery.facts, notice.facts), shown, deadlines: out.deadlines, obligations: out.obligations };
}
