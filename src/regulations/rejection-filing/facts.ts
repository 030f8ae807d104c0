import { REFUSAL_OUTCOMES } from '../case-timeline.js';
import type { CaseContext, Derived, FactCatalogue, Obligation } from '../context.js';
import { trackDeadline } from '../track-deadline.js';

export const REGULATION = 'rejection-filing';

export const RF_FACTS: FactCatalogue = {
  'rf.isRefusal': { zh: '是否否定性决定', en: 'whether the decision is a refusal' },
  'rf.outcome': { zh: '否定性决定的类型', en: 'kind of refusal' },
  'rf.registered': { zh: '是否登记报备并注明原因', en: 'whether the refusal was registered with its reason' },
  'rf.noticeProblems': { zh: '书面通知缺少的要素', en: 'what the written notice lacks' },
  'rf.noticeProblemCount': { zh: '书面通知缺少的要素数', en: 'number of elements the notice lacks' },
  'rf.appealRightsStated': { zh: '不予许可文书是否告知复议、诉讼权利', en: 'whether a refusal to permit states the right to reconsideration or litigation' },
  'rf.filed': { zh: '是否已报送中心备案', en: 'whether a copy was filed with the center' },
  'rf.filingWorkingDays': { zh: '决定后至备案（或至今）的工作日', en: 'working days from the decision to filing (or until now)' },
  'rf.reasonCategory': { zh: '否定原因类别', en: 'reason category' },
  'rf.priorCompleteNotice': { zh: '否定前是否已一次性告知全部补正内容', en: 'whether every item to correct was told in one notice before the refusal' },
  'rf.referredTo': { zh: '引导至的有关机关/窗口', en: 'authority or window the applicant was referred to' },
  'rf.changesTold': { zh: '是否告知需变更的内容', en: 'whether the applicant was told what to change' },
  'rf.major': { zh: '是否重大事项', en: 'whether the matter is major' },
  'rf.leaderConsulted': { zh: '是否请示分管领导', en: 'whether the leader in charge was consulted' },
  'rf.voucherProblems': { zh: '不予受理（含退回）缺少的书面凭证要素（书面、专用印章、日期）', en: 'what a non-acceptance (or return) lacks of the written voucher: in writing, sealed, dated' },
  'rf.voucherProblemCount': { zh: '书面凭证缺少的要素数', en: 'number of voucher elements missing' },
  'rf.reasonNoticeProblems': { zh: '书面告知理由缺少的要素（书面、理由）', en: 'what the written statement of reasons lacks: in writing, reasons' },
  'rf.reasonNoticeProblemCount': { zh: '书面告知理由缺少的要素数', en: 'number of elements the statement of reasons lacks' },
  'rf.notAccepted': { zh: '是否为不予受理或退回（未受理的申请）', en: 'whether the application was not accepted or returned' },
  'rf.objections': { zh: '申请人异议次数', en: 'objections raised by the applicant' },
  'rf.objectionsUnhandledCount': { zh: '未记录或未上报的异议数', en: 'number of objections not recorded or escalated' },
  'rf.objectionsUnhandled': { zh: '未记录或未上报的异议', en: 'objections not recorded or not escalated' },
};

export function deriveRejectionFiling(ctx: CaseContext): Derived {
  const tl = ctx.timeline;
  const decision = tl.decision;
  const refusal = decision && REFUSAL_OUTCOMES.has(decision.outcome) ? decision : undefined;
  const problems: string[] = [];
  if (refusal) {
    if (!refusal.written) problems.push('书面通知 written notice');
    if (!refusal.reasons) problems.push('理由 reasons');
    if (!refusal.facts) problems.push('事实根据 facts');
    if (!refusal.legalBasis) problems.push('法律依据 legal basis');
    if (!refusal.sealed) problems.push('加盖公章 seal');
    if (!refusal.dated) problems.push('注明日期 date');
  }
  // ALL 第三十二条: every non-acceptance gets a sealed, dated written voucher. ALL 第三十八条 and the township's 退回件
  // ask for the reasons in writing.
  const notAccepted = refusal !== undefined && refusal.outcome !== 'refused';
  const voucherProblems = notAccepted
    ? [...(refusal.written ? [] : ['书面凭证 written voucher']), ...(refusal.sealed ? [] : ['专用印章 seal']), ...(refusal.dated ? [] : ['注明日期 date'])]
    : [];
  const reasonProblems = refusal ? [...(refusal.written ? [] : ['书面 in writing']), ...(refusal.reasons ? [] : ['理由 reasons'])] : [];
  const filing = refusal ? tl.all('filed-with-center').find((f) => f.ms >= refusal.ms) : undefined;
  const registered = refusal ? tl.all('refusal-registered').length > 0 : false;
  const priorCompleteNotice =
    refusal !== undefined &&
    tl.notices.some((n) => n.ms <= refusal.ms && tl.initialDeficiencies.every((item) => n.items.includes(item)) && n.items.length > 0);
  const objections = tl.all('objection');
  const unhandled = objections.filter((o) => !o.recorded || !o.escalatedTo).map((o) => o.at.slice(0, 10));

  const deadlines = [];
  const obligations: Obligation[] = [];
  let filingWorkingDays: number | null = null;
  if (refusal && ctx.ruleRuns('RF-FILED-WITH-CENTER')) {
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
      'rf.objectionsUnhandled': unhandled,
      'rf.objectionsUnhandledCount': unhandled.length,
    },
    deadlines,
    obligations,
  };
}
