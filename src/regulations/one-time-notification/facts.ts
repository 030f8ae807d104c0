import { formatDayNumber } from '../../calendar/dates.js';
import { REFUSAL_OUTCOMES, type CaseTimeline } from '../case-timeline.js';
import type { CaseContext, Derived, FactCatalogue } from '../context.js';
import { trackDeadline } from '../track-deadline.js';

export const REGULATION = 'one-time-notification';

export const OTN_FACTS: FactCatalogue = {
  'otn.noticeNeeded': { zh: '首次审查时材料不齐全或不符合法定形式', en: 'materials were incomplete or not in legal form at the first check' },
  'otn.initialDeficiencies': { zh: '首次审查发现的需补正事项', en: 'items deficient at the first check' },
  'otn.noticeGiven': { zh: '是否已发出补正告知', en: 'whether a deficiency notice was given' },
  'otn.noticeLimitWorkingDays': { zh: '告知时限（工作日；即办件为0，即当场）', en: 'notice limit in working days (0 = on the spot, for instant cases)' },
  'otn.noticeWorkingDays': { zh: '收件后第几个工作日告知（未告知则为至评估时点已过的工作日）', en: 'working day after receipt on which the notice was given (or elapsed so far, if none)' },
  'otn.noticeDate': { zh: '首次告知日期（未告知则为否定决定日或评估日期）', en: 'date of the first notice (or, without one, of a refusal or the as-of date)' },
  'otn.receivedDate': { zh: '收件日期', en: 'date the materials were received' },
  'otn.itemsNotInFirstNotice': { zh: '首次审查即有缺陷、但未列入首次告知的事项', en: 'items deficient at the first check but missing from the first notice' },
  'otn.itemsNotInFirstNoticeCount': { zh: '首次告知遗漏的事项数', en: 'number of items missing from the first notice' },
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

/** Limit for the one-time notice: on the spot for instant and urgent cases, else the profile's working days. */
export function noticeLimit(ctx: CaseContext): number {
  const cls = ctx.timeline.snapshot.matter.class;
  return cls === 'instant' || cls === 'urgent' ? 0 : ctx.params.oneTimeNoticeWorkingDays;
}

/**
 * Whether the notice came (or is still missing) past its limit. Under the ALL baseline this makes the application
 * count as accepted on the day the materials were received.
 */
export function noticeIsLate(ctx: CaseContext): boolean {
  const tl = ctx.timeline;
  if (tl.initialDeficiencies.length === 0 || !tl.receipt) return false;
  return ctx.calendar.countWorkingDays(tl.receipt.day, noticeDayOf(tl)) > noticeLimit(ctx);
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

export function deemedAccepted(ctx: CaseContext): boolean {
  const tl = ctx.timeline;
  return ctx.params.deemedAcceptanceOnLateNotice && tl.snapshot.matter.needsLicense && noticeIsLate(ctx) && tl.decision?.outcome !== 'not-accepted';
}

export function deriveOneTimeNotification(ctx: CaseContext): Derived {
  const tl = ctx.timeline;
  const { calendar } = ctx;
  const matter = tl.snapshot.matter;
  const first = tl.notices[0];
  const limit = noticeLimit(ctx);
  const receiptDay = tl.receipt?.day ?? tl.asOfDay;
  const noticeDay = noticeDayOf(tl);
  const firstItems = new Set(first?.items ?? []);
  const content = first?.content;
  const itemsNotInFirst = first ? tl.initialDeficiencies.filter((item) => !firstItems.has(item)) : [];
  const contentMissing = content ? Object.entries(content).filter(([, given]) => !given).map(([name]) => CONTENT_NAMES[name]!) : [];
  const notAccepted = tl.decision?.outcome === 'not-accepted' ? tl.decision : undefined;
  const thirdPartyNotice = tl.first('interested-parties-notified');

  const deadlines = [];
  const obligations = [];
  if (tl.initialDeficiencies.length > 0 && tl.receipt) {
    const tracked = trackDeadline(ctx, {
      id: 'one-time-notice',
      regulation: REGULATION,
      label: { zh: '一次性告知补正内容', en: 'one-time notice of all items to correct' },
      start: tl.receipt.at,
      workingDays: limit,
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
      'otn.noticeWorkingDays': tl.receipt ? calendar.countWorkingDays(receiptDay, noticeDay) : null,
      'otn.noticeDate': formatDayNumber(noticeDay),
      'otn.receivedDate': tl.receipt ? formatDayNumber(receiptDay) : null,
      'otn.itemsNotInFirstNotice': itemsNotInFirst,
      'otn.itemsNotInFirstNoticeCount': itemsNotInFirst.length,
      'otn.laterNotices': Math.max(0, tl.notices.length - 1),
      'otn.windowLicense': tl.snapshot.channel === 'window' && matter.needsLicense,
      'otn.firstNoticeForm': first?.form ?? null,
      'otn.contentMissing': contentMissing,
      'otn.contentMissingCount': contentMissing.length,
      'otn.noticeCharged': tl.notices.some((n) => !n.free),
      'otn.deemedAccepted': deemedAccepted(ctx),
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
