import { formatDayNumber } from '../../calendar/dates.js';
import { REFUSAL_OUTCOMES, type CaseTimeline } from '../case-timeline.js';
import type { CaseContext, Derived, FactCatalogue } from '../context.js';
import { trackDeadline } from '../track-deadline.js';

export const REGULATION = 'one-time-notification';

export const OTN_FACTS: FactCatalogue = {
  'otn.noticeNeeded': { zh: '首次审查时材料不齐全或不符合法定形式', en: 'materials were incomplete or not in legal form at the first check' },
  'otn.initialDeficiencies': { zh: '首次审查发现的需补正事项', en: 'items deficient at the first check' },
  'otn.noticeGiven': { zh: '是否已发出补正告知', en: 'whether a deficiency notice was given' },
  'otn.noticeLimitWorkingDays': { zh: '本地制度规定的告知时限（工作日；即办件为0，即当场）', en: 'notice limit of the local system in working days (0 = on the spot, for instant cases)' },
  'otn.statutoryLimitWorkingDays': { zh: '行政许可法规定的告知期限（工作日）', en: 'notice limit of the Administrative License Law in working days' },
  'otn.statutoryNoticeDueDate': { zh: '法定告知期限的最后一日', en: 'last day of the statutory notice period' },
  'otn.untoldAtStatutoryDeadline': { zh: '法定期限届满时仍未告知的补正事项', en: 'items still untold when the statutory period ran out' },
  'otn.licenseApplication': { zh: '是否为行政许可申请（事项为行政许可，或申请人以行政许可提出）', en: 'whether this is a license application (a license matter, or applied for as one)' },
  'otn.noticeWorkingDays': { zh: '收件后第几个工作日告知（未告知则为至评估时点已过的工作日）', en: 'working day after receipt on which the notice was given (or elapsed so far, if none)' },
  'otn.noticeDate': { zh: '首次告知日期（未告知则为否定决定日或评估日期）', en: 'date of the first notice (or, without one, of a refusal or the as-of date)' },
  'otn.receivedDate': { zh: '收件日期', en: 'date the materials were received' },
  'otn.itemsNotInFirstNotice': { zh: '未在首次告知中一次性告知的事项（首次审查即有缺陷而遗漏的，以及此后再次告知、却既非新提交材料的新问题也非首次告知后才提交的材料的）', en: 'items not told in the first notice: deficient at the first check and left out, or asked for in a later notice though neither a new deficiency recorded on supplying materials nor a document supplied after the first notice' },
  'otn.itemsNotInFirstNoticeCount': { zh: '未一次性告知的事项数', en: 'number of items not told in one notice' },
  'otn.laterNotices': { zh: '首次告知之后的补正告知次数', en: 'deficiency notices after the first' },
  'otn.windowLicense': { zh: '窗口办理的行政许可申请', en: 'a license application made at the window' },
  'otn.firstNoticeForm': { zh: '首次告知方式', en: 'form of the first notice' },
  'otn.contentMissing': { zh: '告知/办事指南缺少的法定内容', en: 'required content missing from the notice or guide' },
  'otn.contentMissingCount': { zh: '缺少的法定告知内容数', en: 'number of required content items missing' },
  'otn.noticeCharged': { zh: '告知或办事指南是否收费', en: 'whether the notice or guide was charged for' },
  'otn.deemedAccepted': { zh: '逾期不告知，自收到申请材料之日起视为受理', en: 'deemed accepted on receipt because the notice was late' },
  'otn.notAcceptedOnTheSpot': { zh: '是否在收件当日作出不予受理', en: 'whether non-acceptance was decided on the day of receipt' },
  'otn.referredTo': { zh: '引导申请的有关窗口/机关', en: 'window or authority the applicant was directed to' },
  'otn.affectsThirdParties': { zh: '许可事项直接关系他人重大利益', en: 'the permit directly concerns others’ major interests' },
  'otn.thirdPartiesNotifiedBeforeDecision': { zh: '决定前已告知利害关系人', en: 'interested parties were told before the decision' },
  'otn.isSupplementCase': { zh: '是否补办件', en: 'whether this is a supplement case' },
  'otn.owedItems': { zh: '尚待补齐的材料', en: 'items still owed by the applicant' },
  'otn.materialsCompleteDate': { zh: '材料补齐日期', en: 'date the materials became complete' },
};

const CONTENT_NAMES: Record<string, string> = {
  legalBasis: '法律依据和条件 legal basis and conditions',
  materialsList: '全部申请材料 full materials list',
  procedureAndLimit: '程序和承诺时限 procedure and promised limit',
  fees: '收费依据和标准 fee basis and standard',
  preconditions: '前置条件 preconditions',
};

/**
 * The service limit for the notice under a local system (city-12 一次性告知制度 第五条(一)): on the spot for an instant
 * case ("属即办件的,应当场告知"), the profile's working days for any other ("属承诺件的,…在3个工作日内"). No seed gives
 * urgent cases a shorter one, so they count as promised cases.
 */
export function localNoticeLimit(ctx: CaseContext): number {
  return ctx.timeline.snapshot.matter.class === 'instant' ? 0 : ctx.params.oneTimeNoticeWorkingDays;
}

/**
 * The day the notice was given; without one, the day the case was refused (a refusal ends the wait, and
 * refusing instead of notifying is RF-REASON-ROUTE's breach), else the as-of day.
 */
function noticeDayOf(tl: CaseTimeline): number {
  if (tl.notices[0]) return tl.notices[0].day;
  if (tl.decision && REFUSAL_OUTCOMES.has(tl.decision.outcome)) return Math.min(tl.decision.day, tl.asOfDay);
  return tl.asOfDay;
}

/** Whether the law governs the application: a license, or an application made for one. */
function isLicenseApplication(tl: CaseTimeline): boolean {
  return (tl.snapshot.appliedFor ?? tl.snapshot.matter.kind) === 'license';
}

interface StatutoryNotice {
  /** The last day of the law's five working days after receipt (ALL 第三十二条(四), counted per 第八十二条). */
  dueDay: number;
  /** Items deficient at the first check that no notice given by then told the applicant of. */
  untold: string[];
  /** Whether the application counts as accepted on receipt: items untold when the five days ran out. */
  deemedAccepted: boolean;
}

/**
 * ALL 第三十二条(四): "应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理".
 * The law's five working days decide deemed acceptance, never a local service limit. An item still untold when they
 * run out (no notice, or a notice that left it out) is 逾期不告知; a refusal to accept given within the five days ends
 * the matter, but one given later cannot undo an acceptance the law has already deemed.
 */
export function statutoryNotice(ctx: CaseContext): StatutoryNotice | undefined {
  const tl = ctx.timeline;
  if (!tl.receipt || tl.initialDeficiencies.length === 0 || !isLicenseApplication(tl)) return undefined;
  const dueDay = ctx.calendar.addWorkingDayNumbers(tl.receipt.day, ctx.params.statutoryNoticeWorkingDays);
  const told = new Set(tl.notices.filter((n) => n.day <= dueDay).flatMap((n) => n.items));
  const untold = tl.initialDeficiencies.filter((item) => !told.has(item));
  const refusedInTime = tl.decision !== undefined && REFUSAL_OUTCOMES.has(tl.decision.outcome) && tl.decision.day <= dueDay;
  const deemed = ctx.params.deemedAcceptanceOnLateNotice && untold.length > 0 && tl.asOfDay > dueDay && !refusedInTime;
  return { dueDay, untold, deemedAccepted: deemed };
}

export function deemedAccepted(ctx: CaseContext): boolean {
  return statutoryNotice(ctx)?.deemedAccepted ?? false;
}

/**
 * Items the applicant was not told of in one notice: those deficient at the first check and left out of the first
 * notice, and those a later notice asks for (挤牙膏式补正) that are neither a new deficiency recorded when materials
 * were supplied nor a document supplied after the first notice.
 */
function itemsNotToldAtOnce(tl: CaseTimeline): string[] {
  const first = tl.notices[0];
  if (!first) return [];
  const inFirst = new Set(first.items);
  const missed = new Set(tl.initialDeficiencies.filter((item) => !inFirst.has(item)));
  for (const later of tl.notices.slice(1)) {
    const supplements = tl.all('materials-supplemented').filter((m) => m.ms > first.ms && m.ms <= later.ms);
    const newDefects = new Set(supplements.flatMap((m) => m.newDeficiencies));
    const suppliedSince = new Set(supplements.flatMap((m) => m.items));
    for (const item of later.items) {
      if (!inFirst.has(item) && !newDefects.has(item) && !suppliedSince.has(item)) missed.add(item);
    }
  }
  return [...missed];
}

export function deriveOneTimeNotification(ctx: CaseContext): Derived {
  const tl = ctx.timeline;
  const { calendar } = ctx;
  const matter = tl.snapshot.matter;
  const first = tl.notices[0];
  const limit = localNoticeLimit(ctx);
  const statutory = statutoryNotice(ctx);
  const receiptDay = tl.receipt?.day ?? tl.asOfDay;
  const noticeDay = noticeDayOf(tl);
  const content = first?.content;
  const itemsNotInFirst = itemsNotToldAtOnce(tl);
  const contentMissing = content ? Object.entries(content).filter(([, given]) => !given).map(([name]) => CONTENT_NAMES[name]!) : [];
  const notAccepted = tl.decision?.outcome === 'not-accepted' ? tl.decision : undefined;
  const thirdPartyNotice = tl.first('interested-parties-notified');

  const deadlines = [];
  const obligations = [];
  // The notice is owed by the tightest limit that a rule running under the profile enforces: the law's five days
  // for a license application, a local system's limit (on the spot for an instant case) where one is in force.
  const limits = [
    ...(statutory && ctx.ruleRuns('OTN-TIMING/statutory-late') ? [ctx.params.statutoryNoticeWorkingDays] : []),
    ...(ctx.ruleRuns(matter.class === 'instant' ? 'OTN-TIMING/instant-late' : 'OTN-TIMING/promised-late') ? [limit] : []),
  ];
  if (tl.initialDeficiencies.length > 0 && tl.receipt && limits.length > 0) {
    const tracked = trackDeadline(ctx, {
      id: 'one-time-notice',
      regulation: REGULATION,
      label: { zh: '一次性告知补正内容', en: 'one-time notice of all items to correct' },
      start: tl.receipt.at,
      workingDays: Math.min(...limits),
      ...(first ? { completedAt: first.at } : {}),
    });
    deadlines.push(tracked.entry);
    if (!first) {
      obligations.push({
        id: 'one-time-notice',
        regulation: REGULATION,
        owedBy: 'window' as const,
        what: {
          zh: `一次性书面告知申请人需补正的全部内容：${tl.initialDeficiencies.join('、')}`,
          en: `tell the applicant in one written notice every item to correct: ${tl.initialDeficiencies.join(', ')}`,
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
      'otn.noticeNeeded': tl.initialDeficiencies.length > 0,
      'otn.initialDeficiencies': tl.initialDeficiencies,
      'otn.noticeGiven': first !== undefined,
      'otn.noticeLimitWorkingDays': limit,
      'otn.statutoryLimitWorkingDays': ctx.params.statutoryNoticeWorkingDays,
      'otn.statutoryNoticeDueDate': statutory ? formatDayNumber(statutory.dueDay) : null,
      'otn.untoldAtStatutoryDeadline': statutory?.untold ?? [],
      'otn.licenseApplication': isLicenseApplication(tl),
      'otn.noticeWorkingDays': tl.receipt ? calendar.countWorkingDays(receiptDay, noticeDay) : null,
      'otn.noticeDate': formatDayNumber(noticeDay),
      'otn.receivedDate': tl.receipt ? formatDayNumber(receiptDay) : null,
      'otn.itemsNotInFirstNotice': itemsNotInFirst,
      'otn.itemsNotInFirstNoticeCount': itemsNotInFirst.length,
      'otn.laterNotices': Math.max(0, tl.notices.length - 1),
      'otn.windowLicense': tl.snapshot.channel === 'window' && matter.kind === 'license',
      'otn.firstNoticeForm': first?.form ?? null,
      'otn.contentMissing': contentMissing,
      'otn.contentMissingCount': contentMissing.length,
      'otn.noticeCharged': tl.notices.some((n) => !n.free),
      'otn.deemedAccepted': statutory?.deemedAccepted ?? false,
      'otn.notAcceptedOnTheSpot': notAccepted !== undefined && notAccepted.day === receiptDay,
      'otn.referredTo': notAccepted?.referredTo ?? null,
      'otn.affectsThirdParties': matter.affectsThirdParties,
      'otn.thirdPartiesNotifiedBeforeDecision':
        thirdPartyNotice !== undefined && (tl.decision === undefined || thirdPartyNotice.ms <= tl.decision.ms),
      'otn.isSupplementCase': matter.class === 'supplement',
      'otn.owedItems': tl.owedItems,
      'otn.materialsCompleteDate': tl.materialsCompletedAt ? formatDayNumber(tl.materialsCompletedAt.day) : null,
    },
    deadlines,
    obligations,
  };
}
