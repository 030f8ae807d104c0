import { formatDayNumber } from '../../calendar/dates.js';
import type { Bilingual } from '../../errors.js';
import type { CaseTimeline, TimedEvent } from '../case-timeline.js';
import { defineFacts, factType as F } from '../context.js';
import type { CaseContext, Derived } from '../context.js';
import { trackDeadline } from '../track-deadline.js';

export const REGULATION = 'one-time-notification';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const ALL_32_1_NO_LICENSE_NEEDED = { document: 'xingzheng-xuke-fa', article: '第三十二条 (一)', text: '申请事项依法不需要取得行政许可的，应当即时告知申请人不受理' };
const ALL_32_2_OUTSIDE_POWER = { document: 'xingzheng-xuke-fa', article: '第三十二条 (二)', text: '申请事项依法不属于本行政机关职权范围的，应当即时作出不予受理的决定，并告知申请人向有关行政机关申请' };
const ALL_32_4_ONE_NOTICE = { document: 'xingzheng-xuke-fa', article: '第三十二条 (四)', text: '申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容' };
const ALL_32_4_DEEMED_ACCEPTED = { document: 'xingzheng-xuke-fa', article: '第三十二条 (四)', text: '逾期不告知的，自收到申请材料之日起即为受理' };
const ALL_36_INTERESTED_PARTIES = { document: 'xingzheng-xuke-fa', article: '第三十六条', text: '行政机关对行政许可申请进行审查时，发现行政许可事项直接关系他人重大利益的，应当告知该利害关系人。' };
const CITY_NOTICE_IN_THREE_DAYS = { document: 'city-12/one-time-notification', article: '第五条 (一)', text: '属承诺件的,应及时协调有关人员审核申报材料,并在3个工作日内通知申请人需要补正补全的全部内容。' };
const CITY_WRITTEN_NOTICE = { document: 'city-12/one-time-notification', article: '第四条 (一)', text: '服务对象来窗口办理行政许可申请,应当使用书面告知方式。' };
const CITY_NOTICE_FREE = { document: 'city-12/one-time-notification', article: '第四条 (一)', text: '按照法定一次性告知内容,免费提供完整的“办事指南”、相关示范文本、表格和资料。' };
const TOWNSHIP_CLOCK_FROM_COMPLETE_MATERIALS = { document: 'township', article: '四、运行方式 补办件', text: '办结时限从服务对象补齐材料之日起算' };

export const OTN_FACTS = defineFacts({
  'otn.noticeNeeded': { type: F.flag, implements: ALL_32_4_ONE_NOTICE, zh: '收件时材料即不齐全或不符合法定形式（首次审查发现的，或其后告知中要求补正的原有缺陷）', en: 'the materials were incomplete or not in legal form when received (found at the first check, or an original defect a notice asked for later)' },
  'otn.initialDeficiencies': { type: F.list, whenShown: true, zh: '首次审查发现的需补正事项', en: 'items deficient at the first check' },
  'otn.noticeGiven': { type: F.flag, zh: '是否已发出补正告知', en: 'whether a deficiency notice was given' },
  'otn.noticeLimitWorkingDays': { type: F.number, implements: CITY_NOTICE_IN_THREE_DAYS, params: ['oneTimeNoticeWorkingDays'], zh: '本地制度规定的告知时限（工作日；即办件为0，即当场）', en: 'notice limit of the local system in working days (0 = on the spot, for instant cases)' },
  'otn.statutoryLimitWorkingDays': { type: F.number, implements: ALL_32_4_ONE_NOTICE, params: ['statutoryNoticeWorkingDays'], zh: '行政许可法规定的告知期限（工作日）', en: 'notice limit of the Administrative License Law in working days' },
  'otn.statutoryNoticeDueDate': { type: F.date.nullable(), whenShown: true, implements: ALL_32_4_ONE_NOTICE, zh: '法定告知期限的最后一日', en: 'last day of the statutory notice period' },
  'otn.untoldAtStatutoryDeadline': { type: F.list, whenShown: true, zh: '法定期限届满时既未告知、也未补齐的原有缺陷事项', en: 'original defects neither told nor supplied when the statutory period ran out' },
  'otn.statutoryNoticeApplies': { type: F.flag, zh: '行政许可法第三十二条(四)约束本申请：以行政许可申请、事项确为行政许可、且属于本部门职权范围', en: 'ALL 第三十二条(四) governs the application: applied for as a license, the matter is one, and it is within the department\'s power' },
  'otn.noticeWorkingDays': { type: F.number.nullable(), implements: ALL_32_4_ONE_NOTICE, zh: '收件后第几个工作日告知（未告知则为至材料补齐、受理或决定之日，或至评估时点已过的工作日）', en: 'working day after receipt on which the notice was given (without one: on which the materials were completed or the case accepted or decided, else elapsed so far)' },
  'otn.noticeDate': { type: F.date, whenShown: true, zh: '首次告知日期（未告知则为材料补齐、受理或决定之日，或评估日期）', en: 'date of the first notice (without one: of completed materials, acceptance or a decision, else the as-of date)' },
  'otn.receivedDate': { type: F.date.nullable(), whenShown: true, zh: '收件日期', en: 'date the materials were received' },
  'otn.itemsNotInFirstNotice': { type: F.list, whenShown: true, implements: ALL_32_4_ONE_NOTICE, zh: '未在首次告知中一次性告知的事项（首次审查即有缺陷、首次告知前未补正而遗漏的，以及此后再次告知、却既非新提交材料的新问题也非首次告知后才提交的材料的）', en: 'items not told in the first notice: deficient at the first check, not corrected before it and left out, or asked for in a later notice though neither a new deficiency recorded on supplying materials nor a document supplied after the first notice' },
  'otn.oneNoticeDutyElsewhere': { type: F.flag, zh: '一次告知全部补正内容的一般规则（OTN-ALL-ITEMS/any-application）已在本配置下适用于本案', en: 'the general one-notice rule (OTN-ALL-ITEMS/any-application) already runs for this case under the profile' },
  'otn.itemsNotInFirstNoticeCount': { type: F.count, implements: ALL_32_4_ONE_NOTICE, zh: '未一次性告知的事项数', en: 'number of items not told in one notice' },
  'otn.laterNotices': { type: F.number, whenShown: true, zh: '首次告知之后的补正告知次数', en: 'deficiency notices after the first' },
  'otn.windowLicense': { type: F.flag, zh: '窗口办理的行政许可申请', en: 'a license application made at the window' },
  'otn.firstNoticeForm': { type: F.text.nullable(), whenShown: true, zh: '首次告知方式', en: 'form of the first notice' },
  'otn.oralNotices': { type: F.list, whenShown: true, implements: CITY_WRITTEN_NOTICE, zh: '仅口头作出的补正告知（日期）', en: 'deficiency notices given orally only (their dates)' },
  'otn.oralNoticeCount': { type: F.count, implements: CITY_WRITTEN_NOTICE, zh: '仅口头作出的补正告知次数', en: 'number of deficiency notices given orally only' },
  'otn.electronicNotices': { type: F.list, whenShown: true, implements: CITY_WRITTEN_NOTICE, zh: '以电子方式作出的补正告知（日期）', en: 'deficiency notices given electronically (their dates)' },
  'otn.electronicNoticeCount': { type: F.count, implements: CITY_WRITTEN_NOTICE, zh: '以电子方式作出的补正告知次数', en: 'number of deficiency notices given electronically' },
  'otn.contentMissing': { type: F.labels, whenShown: true, zh: '告知/办事指南缺少的法定内容', en: 'required content missing from the notice or guide' },
  'otn.contentMissingCount': { type: F.count, zh: '缺少的法定告知内容数', en: 'number of required content items missing' },
  'otn.noticeCharged': { type: F.flag, implements: CITY_NOTICE_FREE, zh: '告知或办事指南是否收费', en: 'whether the notice or guide was charged for' },
  'otn.deemedAccepted': { type: F.flag, implements: ALL_32_4_DEEMED_ACCEPTED, params: ['statutoryNoticeWorkingDays', 'deemedAcceptanceOnLateNotice'], zh: '法定五日届满仍有原有缺陷未告知（逾期不告知），自收到申请材料之日起即为受理', en: 'counts as accepted on receipt: an original defect was still untold when the law\'s five working days ran out' },
  'otn.notAcceptedOnTheSpot': { type: F.flag, implements: ALL_32_2_OUTSIDE_POWER, zh: '是否在收件当日（非工作日收件的，为其后第一个工作日）作出不予受理（或退回）', en: 'whether non-acceptance (or return) was decided on the day of receipt (for materials received on a day off, the next working day)' },
  'otn.declineAtOnceMissed': { type: F.flag, implements: ALL_32_1_NO_LICENSE_NEEDED, zh: '未当即告知不受理：已受理、作出了其他决定或在收件日之后才不予受理，或收件当日已过仍未处理', en: 'not declined at once: accepted, decided otherwise or declined after the day of receipt, or still pending after that day' },
  'otn.referredTo': { type: F.text.nullable(), zh: '引导申请的有关窗口/机关', en: 'window or authority the applicant was directed to' },
  'otn.affectsThirdParties': { type: F.flag, zh: '许可事项直接关系他人重大利益', en: 'the permit directly concerns others’ major interests' },
  'otn.thirdPartiesNotifiedBeforeDecision': { type: F.flag, implements: ALL_36_INTERESTED_PARTIES, zh: '决定前已告知利害关系人', en: 'interested parties were told before the decision' },
  'otn.decidedOnMerits': { type: F.flag, zh: '已经审查作出准予或不予许可的决定（不予受理、退回不在此列）', en: 'the application was reviewed and approved or refused (not declined or returned)' },
  'otn.isSupplementCase': { type: F.flag, zh: '是否补办件', en: 'whether this is a supplement case' },
  'otn.owedItems': { type: F.list, whenShown: true, zh: '尚待补齐的材料', en: 'items still owed by the applicant' },
  'otn.materialsCompleteDate': { type: F.date.nullable(), implements: TOWNSHIP_CLOCK_FROM_COMPLETE_MATERIALS, zh: '材料补齐日期', en: 'date the materials became complete' },
});

/** The notice's content as city-12 一次性告知制度 第三条 lists it, item by item. */
const CONTENT_NAMES: Record<string, Bilingual> = {
  legalBasis: { zh: '第三条(一) 法律、政策依据、条件和要求', en: 'legal and policy basis, conditions and requirements (art. 3(1))' },
  materialsList: { zh: '第三条(二) 全部申请材料', en: 'every material to submit (art. 3(2))' },
  procedureAndLimit: { zh: '第三条(三) 程序（流程）和承诺时限', en: 'procedure and promised limit (art. 3(3))' },
  fees: { zh: '第三条(四) 收费依据、收费标准', en: 'fee basis and standard (art. 3(4))' },
  preconditions: { zh: '第三条(五) 前置条件、相关程序', en: 'preconditions and related procedures (art. 3(5))' },
};

/**
 * The service limit for the notice under a local system (city-12 一次性告知制度 第五条(一)): on the spot for an instant
 * case ("属即办件的,应当场告知"), the profile's working days for any other ("属承诺件的,…在3个工作日内"; city-12 sorts
 * every matter into 即办件 and 承诺办件, 按时办结制度 第三条(二)). No seed gives urgent cases a shorter one, so they count
 * as promised cases.
 */
export function localNoticeLimit(ctx: CaseContext): number {
  return ctx.timeline.snapshot.matter.class === 'instant' ? 0 : ctx.params.oneTimeNoticeWorkingDays;
}

/**
 * The event that ended the wait for a first notice without one: the applicant supplied every item found deficient
 * (corrected on the spot, 第三十二条(三)), or the case was accepted or decided (a refusal instead of a notice is
 * RF-REASON-ROUTE's breach). Undefined while the window still owes the notice.
 */
function closedWithoutNotice(tl: CaseTimeline): { day: number; at: string } | undefined {
  if (tl.notices[0]) return undefined;
  return earlier(earlier(tl.materialsCompletedAt, tl.acceptance), tl.decision);
}

/** The earlier of two events, the first on a tie; either may be missing. */
function earlier<A extends { ms: number }, B extends { ms: number }>(a: A | undefined, b: B | undefined): A | B | undefined {
  return a === undefined || (b !== undefined && b.ms < a.ms) ? b : a;
}

/** The day the notice was given; without one, the day the wait for it ended, else the as-of day. */
function noticeDayOf(tl: CaseTimeline): number {
  if (tl.notices[0]) return tl.notices[0].day;
  return Math.min(closedWithoutNotice(tl)?.day ?? tl.asOfDay, tl.asOfDay);
}

/**
 * Whether ALL 第三十二条(四) governs the application: one made for a license, for a matter that is a license and within
 * the department's power. An application for a license the matter does not need, or one outside the department's
 * power, is to be declined at once under 第三十二条(一)(二) (OTN-NOT-NEEDED), not noticed and accepted.
 */
function statutoryNoticeApplies(tl: CaseTimeline): boolean {
  const matter = tl.snapshot.matter;
  return (tl.snapshot.appliedFor ?? matter.kind) === 'license' && matter.kind === 'license' && matter.inJurisdiction;
}

/**
 * Items wrong in the materials since they were received, which one notice had to list (ALL 第三十二条(四) "一次告知…
 * 全部内容"; city-12 第六条(三)): those found at the first check, and those a notice asks for that are neither a new
 * deficiency recorded when materials were supplied before it nor (after the first notice) a document supplied since.
 * A second notice for a defect the first check "did not notice" (挤牙膏式补正) is one of them.
 */
function originalDefects(tl: CaseTimeline): string[] {
  const original = new Set(tl.initialDeficiencies);
  const first = tl.notices[0];
  const supplements = tl.all('materials-supplemented');
  for (const notice of tl.notices) {
    const before = supplements.filter((m) => m.ms <= notice.ms);
    const newDefects = new Set(before.flatMap((m) => m.newDeficiencies));
    const suppliedSinceFirst = new Set(notice === first ? [] : before.filter((m) => m.ms > first!.ms).flatMap((m) => m.items));
    const toldBefore = new Set(tl.notices.filter((n) => n.ms < notice.ms).flatMap((n) => n.items));
    for (const item of notice.items) {
      if (!toldBefore.has(item) && !newDefects.has(item) && !suppliedSinceFirst.has(item)) original.add(item);
    }
  }
  return [...original];
}

/**
 * Original defects the first notice left out: told later, or never. An item the applicant corrected or supplied
 * before the first notice (on the spot, ALL 第三十二条(三)) was no longer to be told.
 */
function itemsNotToldAtOnce(tl: CaseTimeline, original: readonly string[]): string[] {
  const first = tl.notices[0];
  if (!first) return [];
  const inFirst = new Set(first.items);
  const suppliedBefore = new Set(tl.all('materials-supplemented').filter((m) => m.ms <= first.ms).flatMap((m) => m.items));
  return original.filter((item) => !inFirst.has(item) && !suppliedBefore.has(item));
}

/** Deficiency notices given in a form. */
function noticesIn(tl: CaseTimeline, form: 'oral' | 'electronic'): readonly TimedEvent<'deficiency-notice'>[] {
  return tl.notices.filter((n) => n.form === form);
}

/** Notices as a finding lists them: their dates. */
const noticeDates = (notices: readonly TimedEvent<'deficiency-notice'>[]) => notices.map((n) => formatDayNumber(n.day));

/**
 * Whether the window failed to decline at once (ALL 第三十二条(一)(二) 即时; city-12 一次性告知 第五条(三) 当即): it
 * accepted the application, decided it otherwise, declined it only after the day of receipt, or the day of receipt is
 * over with nothing done. Declining is a decision not to accept, or to return the materials, on the day of receipt;
 * for materials received on a day off (online), on the next working day.
 */
function declineAtOnce(ctx: CaseContext): { declinedOnReceiptDay: boolean; missed: boolean } {
  const tl = ctx.timeline;
  const spotDay = ctx.calendar.addWorkingDayNumbers(tl.receipt?.day ?? tl.asOfDay, 0);
  const decision = tl.decision;
  const declines = decision !== undefined && (decision.outcome === 'not-accepted' || decision.outcome === 'returned');
  const declinedOnReceiptDay = declines && decision.day <= spotDay && (!tl.acceptance || tl.acceptance.ms > decision.ms);
  const missed = !declinedOnReceiptDay && (tl.acceptance !== undefined || decision !== undefined || tl.asOfDay > spotDay);
  return { declinedOnReceiptDay, missed };
}

interface StatutoryNotice {
  /** The last day of the law's five working days after receipt (ALL 第三十二条(四), counted per 第八十二条). */
  dueDay: number;
  /** Original defects that, when the five days ran out, no notice had told and the applicant had not supplied. */
  untold: string[];
  /** Whether the application counts as accepted on receipt: items untold when the five days ran out. */
  deemedAccepted: boolean;
}

/**
 * ALL 第三十二条(四): "应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理".
 * Judged when the law's five working days run out, never by a local service limit: an original defect still untold
 * then (no notice, a notice that left it out, or a later notice asking for it) is 逾期不告知. Nothing is left to tell
 * of an item the applicant supplied in time, nor once the window accepted or decided the application within the five
 * days; but a refusal given later cannot undo an acceptance the law has already deemed. Only where 第三十二条(四)
 * governs the application (statutoryNoticeApplies) and the law runs under the profile.
 */
export function statutoryNotice(ctx: CaseContext, original?: readonly string[]): StatutoryNotice | undefined {
  const tl = ctx.timeline;
  if (!tl.receipt || !statutoryNoticeApplies(tl)) return undefined;
  original ??= originalDefects(tl);
  if (original.length === 0) return undefined;
  const dueDay = ctx.calendar.addWorkingDayNumbers(tl.receipt.day, ctx.params.statutoryNoticeWorkingDays);
  const dealtWith = new Set([
    ...tl.notices.filter((n) => n.day <= dueDay).flatMap((n) => n.items),
    ...tl.all('materials-supplemented').filter((m) => m.day <= dueDay).flatMap((m) => m.items),
  ]);
  const untold = original.filter((item) => !dealtWith.has(item));
  const decidedInTime = [tl.acceptance, tl.decision].some((e) => e !== undefined && e.day <= dueDay);
  const deemed =
    ctx.params.deemedAcceptanceOnLateNotice &&
    ctx.ruleRuns('OTN-DEEMED-ACCEPTED') &&
    untold.length > 0 &&
    tl.asOfDay > dueDay &&
    !decidedInTime;
  return { dueDay, untold, deemedAccepted: deemed };
}

/** Whether the application counts as accepted on the day its materials were received (ALL 第三十二条(四)). */
export function deemedAccepted(ctx: CaseContext): boolean {
  return statutoryNotice(ctx)?.deemedAccepted ?? false;
}

export function deriveOneTimeNotification(ctx: CaseContext): Derived<typeof OTN_FACTS> {
  const tl = ctx.timeline;
  const { calendar } = ctx;
  const matter = tl.snapshot.matter;
  const first = tl.notices[0];
  const limit = localNoticeLimit(ctx);
  const original = originalDefects(tl);
  const statutory = statutoryNotice(ctx, original);
  const receiptDay = tl.receipt?.day ?? tl.asOfDay;
  const noticeDay = noticeDayOf(tl);
  const content = first?.content;
  const itemsNotInFirst = itemsNotToldAtOnce(tl, original);
  const closed = closedWithoutNotice(tl);
  const oral = noticesIn(tl, 'oral');
  const electronic = noticesIn(tl, 'electronic');
  const contentMissing = content ? Object.keys(content).filter((name) => !content[name as keyof typeof content]) : [];
  const decline = declineAtOnce(ctx);
  const thirdPartyNotice = tl.first('interested-parties-notified');

  const deadlines = [];
  const obligations = [];
  // The notice is owed by the tightest limit that a rule running under the profile enforces: the law's five days
  // for a license application, a local system's limit (on the spot for an instant case) where one is in force.
  const limits = [
    ...(statutory && ctx.ruleRuns('OTN-TIMING/statutory-late') ? [ctx.params.statutoryNoticeWorkingDays] : []),
    ...(ctx.ruleRuns(matter.class === 'instant' ? 'OTN-TIMING/instant-late' : 'OTN-TIMING/promised-late') ? [limit] : []),
  ];
  if (original.length > 0 && tl.receipt && limits.length > 0) {
    const tracked = trackDeadline(ctx, {
      id: 'one-time-notice',
      regulation: REGULATION,
      label: { zh: '一次性告知补正内容', en: 'one-time notice of all items to correct' },
      start: tl.receipt.at,
      workingDays: Math.min(...limits),
      ...(first ? { completedAt: first.at } : closed ? { completedAt: closed.at } : {}),
    });
    deadlines.push(tracked.entry);
    if (!first && !closed) {
      obligations.push({
        id: 'one-time-notice',
        regulation: REGULATION,
        owedBy: 'window' as const,
        what: {
          zh: `一次性告知申请人需补正的全部内容：${original.join('、')}`,
          en: `tell the applicant in one notice every item to correct: ${original.join(', ')}`,
        },
        due: tracked.entry.due,
      });
    }
  }
  if (matter.class === 'supplement' && tl.owedItems.length > 0) {
    obligations.push({
      id: 'supplement-materials',
      regulation: REGULATION,
      owedBy: 'applicant' as const,
      what: { zh: `补齐材料：${tl.owedItems.join('、')}（办结时限自补齐之日起算）`, en: `supply: ${tl.owedItems.join(', ')} (the limit runs from the day they are complete)` },
    });
  }

  return {
    facts: {
      'otn.noticeNeeded': original.length > 0,
      'otn.noticeGiven': first !== undefined,
      'otn.noticeLimitWorkingDays': limit,
      'otn.statutoryLimitWorkingDays': ctx.params.statutoryNoticeWorkingDays,
      'otn.statutoryNoticeApplies': statutoryNoticeApplies(tl),
      'otn.noticeWorkingDays': tl.receipt ? calendar.countWorkingDays(receiptDay, noticeDay) : null,
      'otn.itemsNotInFirstNoticeCount': itemsNotInFirst.length,
      'otn.oneNoticeDutyElsewhere': ctx.ruleRuns('OTN-ALL-ITEMS/any-application'),
      'otn.windowLicense': tl.snapshot.channel === 'window' && matter.kind === 'license',
      'otn.oralNoticeCount': oral.length,
      'otn.electronicNoticeCount': electronic.length,
      'otn.contentMissingCount': contentMissing.length,
      'otn.noticeCharged': tl.notices.some((n) => !n.free),
      'otn.deemedAccepted': statutory?.deemedAccepted ?? false,
      'otn.notAcceptedOnTheSpot': decline.declinedOnReceiptDay,
      'otn.declineAtOnceMissed': decline.missed,
      'otn.referredTo': tl.decision?.referredTo ?? null,
      'otn.affectsThirdParties': matter.affectsThirdParties,
      'otn.thirdPartiesNotifiedBeforeDecision':
        thirdPartyNotice !== undefined && (tl.decision === undefined || thirdPartyNotice.ms <= tl.decision.ms),
      'otn.decidedOnMerits': tl.decision?.outcome === 'approved' || tl.decision?.outcome === 'refused',
      'otn.isSupplementCase': matter.class === 'supplement',
      'otn.materialsCompleteDate': tl.materialsCompletedAt ? formatDayNumber(tl.materialsCompletedAt.day) : null,
    },
    // Only when a finding shows them: dates and the lists behind the counts.
    shown: () => ({
      'otn.initialDeficiencies': tl.initialDeficiencies,
      'otn.statutoryNoticeDueDate': statutory ? formatDayNumber(statutory.dueDay) : null,
      'otn.untoldAtStatutoryDeadline': statutory?.untold ?? [],
      'otn.noticeDate': formatDayNumber(noticeDay),
      'otn.receivedDate': tl.receipt ? formatDayNumber(receiptDay) : null,
      'otn.itemsNotInFirstNotice': itemsNotInFirst,
      'otn.laterNotices': Math.max(0, tl.notices.length - 1),
      'otn.firstNoticeForm': first?.form ?? null,
      'otn.oralNotices': noticeDates(oral),
      'otn.electronicNotices': noticeDates(electronic),
      'otn.contentMissing': contentMissing.map((name) => CONTENT_NAMES[name]!),
      'otn.owedItems': tl.owedItems,
    }),
    deadlines,
    obligations,
  };
}
