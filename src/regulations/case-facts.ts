import { formatDayNumber } from '../calendar/dates.js';
import { REFUSAL_OUTCOMES } from './case-timeline.js';
import { defineFacts, factType as F } from './context.js';
import type { CaseContext, Facts } from './context.js';

export const CASE_FACTS = defineFacts({
  'case.class': { type: F.text, zh: '办件类型', en: 'case class (instant, promised, supplement, joint, …)' },
  'case.channel': { type: F.text, zh: '申请渠道（窗口/网上）', en: 'channel: window or online' },
  'case.matterKind': { type: F.text, zh: '事项类型（行政许可/非许可审批/公共服务）', en: 'kind of matter: license, non-license approval or public service' },
  'case.appliedForLicense': { type: F.flag, zh: '申请人是否作为行政许可提出申请', en: 'whether the application was made as one for a license' },
  'case.major': { type: F.flag, zh: '是否重大事项', en: 'whether the matter is major' },
  'case.inJurisdiction': { type: F.flag, zh: '是否属于本部门受理范围', en: 'whether the matter is in the department’s remit' },
  'case.received': { type: F.flag, zh: '是否已收件', en: 'whether materials were received' },
  'case.accepted': { type: F.flag, zh: '是否已受理', en: 'whether the case was accepted' },
  'case.decided': { type: F.flag, zh: '是否已作出决定', en: 'whether a decision was made' },
  'case.outcome': { type: F.text.nullable(), zh: '决定结果', en: 'decision outcome' },
  'case.isRefusal': { type: F.flag, zh: '是否为否定性决定（不予许可/不予受理/退回）', en: 'whether the decision is a refusal, non-acceptance or return' },
  'case.asOfDate': { type: F.date, zh: '评估时点日期', en: 'the as-of date' },
});

export function caseFacts(ctx: CaseContext): Facts {
  const { timeline: tl } = ctx;
  const matter = tl.snapshot.matter;
  return {
    'case.class': matter.class,
    'case.channel': tl.snapshot.channel,
    'case.matterKind': matter.kind,
    'case.appliedForLicense': (tl.snapshot.appliedFor ?? matter.kind) === 'license',
    'case.major': matter.major,
    'case.inJurisdiction': matter.inJurisdiction,
    'case.received': tl.receipt !== undefined,
    'case.accepted': tl.acceptance !== undefined,
    'case.decided': tl.decision !== undefined,
    'case.outcome': tl.decision?.outcome ?? null,
    'case.isRefusal': tl.decision !== undefined && REFUSAL_OUTCOMES.has(tl.decision.outcome),
    'case.asOfDate': formatDayNumber(tl.asOfDay),
  };
}
