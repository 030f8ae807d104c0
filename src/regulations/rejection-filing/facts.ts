import type { Bilingual } from '../../errors.js';
import { REFUSAL_OUTCOMES } from '../case-timeline.js';
import { defineFacts, factType as F } from '../context.js';
import type { CaseContext, Derived, Obligation } from '../context.js';
import { trackDeadline } from '../track-deadline.js';

export const REGULATION = 'rejection-filing';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const ALL_32_VOUCHER = { document: 'xingzheng-xuke-fa', article: '第三十二条', text: '行政机关受理或者不予受理行政许可申请，应当出具加盖本行政机关专用印章和注明日期的书面凭证。' };
const ALL_38_REASONS_AND_APPEAL = { document: 'xingzheng-xuke-fa', article: '第三十八条', text: '行政机关依法作出不予行政许可的书面决定的，应当说明理由，并告知申请人享有依法申请行政复议或者提起行政诉讼的权利。' };
const CITY_NON_ACCEPTANCE_NOTICE = { document: 'city-12/online-processing', article: '第五条 (三)', text: '各办事窗口对申请人所办事项不属于职权范围内的或依法不应当受理时,应当即向申请人出具不予受理书面通知,说明理由,包括事实根据和法律依据,并且加盖公章和注明日期' };
const CITY_REFUSAL_GROUNDS = { document: 'city-12/timed-completion', article: '第三条 (五)', text: '窗口工作人员在办理行政服务事项中认为依法依规不能办理的,应进行登记,并出具有关法律文书,书面告知不能办理的依据或理由。' };
const CITY_REFUSAL_FILED = { document: 'city-12/timed-completion', article: '第三条 (六)', text: '并报告实施部门和抄送行政服务中心' };
const CITY_OBJECTIONS_REPORTED = { document: 'city-12/first-inquiry', article: '第五条 (三)', text: '对经说明解释后,当事人仍提出异议的,应及时向上级领导报告。' };
const COUNTY_REFUSAL_REGISTERED = { document: 'county-10/rejection-filing', article: '否定报备制是指', text: '对群众申请事项依法否定不予办理必须按照有关程序登记报备的工作制度。' };
const COUNTY_MISSING_TOLD_AT_ONCE = { document: 'county-10/rejection-filing', article: '三、 1、', text: '因资料不足而暂不予办理的,应将需要补充的资料一次性告知。' };
const COUNTY_CHANGES_TOLD = { document: 'county-10/rejection-filing', article: '三、 2、', text: '因资料不合格而暂不予以办理的,应告知当事人变更后方予以办理。' };
const COUNTY_MAJOR_TO_LEADER = { document: 'county-10/rejection-filing', article: '四、', text: '对办理事项涉及重大事项的,窗口工作人员应及时向分管领导请示,不得随意否定。' };
const COUNTY_REASONS_IN_WRITING = { document: 'county-10/handling', article: '(二)办理制度。 5.明确答复制', text: '对不符合条件不予批准的事项,受理窗口书面告知申请人不予受理、批准的理由,明确给予答复。' };

export const RF_FACTS = defineFacts({
  'rf.isRefusal': { type: F.flag, zh: '是否否定性决定', en: 'whether the decision is a refusal' },
  'rf.outcome': { type: F.text.nullable(), zh: '否定性决定的类型', en: 'kind of refusal' },
  'rf.registered': { type: F.flag, implements: COUNTY_REFUSAL_REGISTERED, zh: '是否登记报备并注明原因', en: 'whether the refusal was registered with its reason' },
  'rf.noticeProblems': { type: F.labels, implements: ALL_32_VOUCHER, zh: '书面通知缺少的要素', en: 'what the written notice lacks' },
  'rf.noticeProblemCount': { type: F.count, zh: '书面通知缺少的要素数', en: 'number of elements the notice lacks' },
  'rf.contentProblems': {
    type: F.labels, implements: CITY_NON_ACCEPTANCE_NOTICE,
    zh: '不予受理书面通知缺少的要素（理由、事实根据、法律依据；行政许可法第三十二条的凭证规则不适用时，还有书面、公章、日期）',
    en: 'what the notice of non-acceptance lacks: reasons, facts, legal basis (and writing, seal, date where the law’s voucher rule does not run)',
  },
  'rf.contentProblemCount': { type: F.count, implements: CITY_NON_ACCEPTANCE_NOTICE, zh: '此类要素数', en: 'number of such elements' },
  'rf.groundsProblems': {
    type: F.labels, implements: CITY_REFUSAL_GROUNDS,
    zh: '不能办理的法律文书缺少的内容（书面；依据或理由）——行政许可法第三十八条不适用时',
    en: 'what the document refusing the matter lacks: writing; a basis or reasons (where ALL 第三十八条 does not run)',
  },
  'rf.groundsProblemCount': { type: F.count, implements: CITY_REFUSAL_GROUNDS, zh: '此类内容数', en: 'number of such items' },
  'rf.appealRightsStated': { type: F.flag, implements: ALL_38_REASONS_AND_APPEAL, zh: '不予许可文书是否告知复议、诉讼权利', en: 'whether a refusal to permit states the right to reconsideration or litigation' },
  'rf.filed': { type: F.flag, zh: '是否已报送中心备案', en: 'whether a copy was filed with the center' },
  'rf.filingWorkingDays': { type: F.number.nullable(), implements: CITY_REFUSAL_FILED, zh: '决定后至备案（或至今）的工作日', en: 'working days from the decision to filing (or until now)' },
  'rf.reasonCategory': { type: F.text.nullable(), zh: '否定原因类别', en: 'reason category' },
  'rf.priorCompleteNotice': { type: F.flag, implements: COUNTY_MISSING_TOLD_AT_ONCE, zh: '否定前是否已一次性告知全部补正内容', en: 'whether every item to correct was told in one notice before the refusal' },
  'rf.referredTo': { type: F.text.nullable(), zh: '引导至的有关机关/窗口', en: 'authority or window the applicant was referred to' },
  'rf.changesTold': { type: F.flag, implements: COUNTY_CHANGES_TOLD, zh: '是否告知需变更的内容', en: 'whether the applicant was told what to change' },
  'rf.major': { type: F.flag, zh: '是否重大事项', en: 'whether the matter is major' },
  'rf.leaderConsulted': { type: F.flag, implements: COUNTY_MAJOR_TO_LEADER, zh: '是否请示分管领导', en: 'whether the leader in charge was consulted' },
  'rf.voucherProblems': { type: F.labels, implements: ALL_32_VOUCHER, zh: '不予受理（含退回）缺少的书面凭证要素（书面、专用印章、日期）', en: 'what a non-acceptance (or return) lacks of the written voucher: in writing, sealed, dated' },
  'rf.voucherProblemCount': { type: F.count, implements: ALL_32_VOUCHER, zh: '书面凭证缺少的要素数', en: 'number of voucher elements missing' },
  'rf.reasonNoticeProblems': { type: F.labels, implements: COUNTY_REASONS_IN_WRITING, zh: '书面告知理由缺少的要素（书面、理由）', en: 'what the written statement of reasons lacks: in writing, reasons' },
  'rf.reasonNoticeProblemCount': { type: F.count, implements: COUNTY_REASONS_IN_WRITING, zh: '书面告知理由缺少的要素数', en: 'number of elements the statement of reasons lacks' },
  'rf.notAccepted': { type: F.flag, zh: '是否为不予受理或退回（未受理的申请）', en: 'whether the application was not accepted or returned' },
  'rf.objections': { type: F.number, zh: '申请人异议次数', en: 'objections raised by the applicant' },
  'rf.objectionsUnreportedCount': { type: F.count, implements: CITY_OBJECTIONS_REPORTED, zh: '未向上级领导报告的异议数', en: 'number of objections not reported to a superior' },
  'rf.objectionsUnreported': { type: F.list, implements: CITY_OBJECTIONS_REPORTED, zh: '未向上级领导报告的异议（日期）', en: 'objections not reported to a superior (dates)' },
});

/** The elements a refusal's written notice or voucher can lack, as the findings name them. */
const ELEMENT = {
  writtenNotice: { zh: '书面通知', en: 'written notice' },
  writtenVoucher: { zh: '书面凭证', en: 'written voucher' },
  inWriting: { zh: '书面', en: 'in writing' },
  reasons: { zh: '理由', en: 'reasons' },
  facts: { zh: '事实根据', en: 'facts' },
  legalBasis: { zh: '法律依据', en: 'legal basis' },
  basisOrReasons: { zh: '依据或理由', en: 'basis or reasons' },
  seal: { zh: '加盖公章', en: 'seal' },
  officialSeal: { zh: '专用印章', en: 'seal' },
  date: { zh: '注明日期', en: 'date' },
} as const satisfies Record<string, Bilingual>;

export function deriveRejectionFiling(ctx: CaseContext): Derived<typeof RF_FACTS> {
  const tl = ctx.timeline;
  const decision = tl.decision;
  const refusal = decision && REFUSAL_OUTCOMES.has(decision.outcome) ? decision : undefined;
  const problems: Bilingual[] = [];
  if (refusal) {
    if (!refusal.written) problems.push(ELEMENT.writtenNotice);
    if (!refusal.reasons) problems.push(ELEMENT.reasons);
    if (!refusal.facts) problems.push(ELEMENT.facts);
    if (!refusal.legalBasis) problems.push(ELEMENT.legalBasis);
    if (!refusal.sealed) problems.push(ELEMENT.seal);
    if (!refusal.dated) problems.push(ELEMENT.date);
  }
  // ALL 第三十二条: every non-acceptance gets a sealed, dated written voucher. ALL 第三十八条 and the township's 退回件
  // ask for the reasons in writing.
  const notAccepted = refusal !== undefined && refusal.outcome !== 'refused';
  const voucherProblems = notAccepted
    ? [...(refusal.written ? [] : [ELEMENT.writtenVoucher]), ...(refusal.sealed ? [] : [ELEMENT.officialSeal]), ...(refusal.dated ? [] : [ELEMENT.date])]
    : [];
  const reasonProblems = refusal ? [...(refusal.written ? [] : [ELEMENT.inWriting]), ...(refusal.reasons ? [] : [ELEMENT.reasons])] : [];
  // city-12 网上办理 第五条(三), for a non-acceptance: reasons with their facts and legal basis, in a sealed, dated
  // written notice. Where the law's voucher rule runs, writing, seal and date are its finding, not a second one.
  const voucherRuleRuns = ctx.ruleRuns('RF-WRITTEN-NOTICE/voucher');
  const contentProblems = notAccepted
    ? [
        ...(refusal.reasons ? [] : [ELEMENT.reasons]),
        ...(refusal.facts ? [] : [ELEMENT.facts]),
        ...(refusal.legalBasis ? [] : [ELEMENT.legalBasis]),
        ...(voucherRuleRuns ? [] : voucherProblems),
      ]
    : [];
  // city-12 按时办结 第三条(五), for a refusal after review: a written document with the basis or the reasons. Where a
  // stricter rule (ALL 第三十八条, or a local one) asks for the reasons, that rule's finding stands alone.
  const groundsProblems =
    refusal?.outcome === 'refused' && !ctx.ruleRuns('RF-WRITTEN-NOTICE/reasons')
      ? [...(refusal.written ? [] : [ELEMENT.inWriting]), ...(refusal.reasons || refusal.legalBasis ? [] : [ELEMENT.basisOrReasons])]
      : [];
  const filing = refusal ? tl.all('filed-with-center').find((f) => f.ms >= refusal.ms) : undefined;
  const registered = refusal ? tl.all('refusal-registered').length > 0 : false;
  const priorCompleteNotice =
    refusal !== undefined &&
    tl.notices.some((n) => n.ms <= refusal.ms && tl.initialDeficiencies.every((item) => n.items.includes(item)) && n.items.length > 0);
  const objections = tl.all('objection');
  // city-12 首问 第五条(三): an objection kept after the explanation is reported to a superior.
  const unreported = objections.filter((o) => !o.escalatedTo).map((o) => o.at.slice(0, 10));

  const deadlines = [];
  const obligations: Obligation[] = [];
  let filingWorkingDays: number | null = null;
  // Filing with the center: 网上办理 第五条(三) for a non-acceptance, 按时办结 第三条(六) for a refusal after review.
  if (refusal && ctx.ruleRuns(notAccepted ? 'RF-FILED-WITH-CENTER/not-accepted' : 'RF-FILED-WITH-CENTER/refused')) {
    const tracked = trackDeadline(ctx, {
      id: 'rejection-filing',
      regulation: REGULATION,
      label: { zh: '否定性决定报中心备案', en: 'file the refusal with the center' },
      start: refusal.at,
      workingDays: ctx.params.rejectionFilingWorkingDays,
      ...(filing ? { completedAt: filing.at } : {}),
    });
    deadlines.push(tracked.entry);
    if (!filing) {
      obligations.push({
        id: 'rejection-filing',
        regulation: REGULATION,
        owedBy: 'window',
        what: { zh: '将不予受理/不予许可文书报送中心备案', en: 'file a copy of the refusal with the center' },
        due: tracked.entry.due,
      });
    }
  }
  if (refusal) filingWorkingDays = ctx.calendar.countWorkingDays(refusal.day, filing?.day ?? tl.asOfDay);
  return {
    facts: {
      'rf.isRefusal': refusal !== undefined,
      'rf.outcome': refusal?.outcome ?? null,
      'rf.registered': registered,
      'rf.noticeProblems': problems,
      'rf.noticeProblemCount': problems.length,
      'rf.appealRightsStated': refusal?.appealRightsStated ?? false,
      'rf.filed': filing !== undefined,
      'rf.filingWorkingDays': filingWorkingDays,
      'rf.reasonCategory': refusal?.reasonCategory ?? null,
      'rf.priorCompleteNotice': priorCompleteNotice,
      'rf.referredTo': refusal?.referredTo ?? null,
      'rf.changesTold': refusal?.changesTold ?? false,
      'rf.major': tl.snapshot.matter.major,
      'rf.leaderConsulted': refusal?.leaderConsulted ?? false,
      'rf.voucherProblems': voucherProblems,
      'rf.voucherProblemCount': voucherProblems.length,
      'rf.reasonNoticeProblems': reasonProblems,
      'rf.reasonNoticeProblemCount': reasonProblems.length,
      'rf.notAccepted': notAccepted,
      'rf.objections': objections.length,
      'rf.objectionsUnreported': unreported,
      'rf.objectionsUnreportedCount': unreported.length,
      'rf.contentProblems': contentProblems,
      'rf.contentProblemCount': contentProblems.length,
      'rf.groundsProblems': groundsProblems,
      'rf.groundsProblemCount': groundsProblems.length,
    },
    deadlines,
    obligations,
  };
}
