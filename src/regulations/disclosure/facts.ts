import { guideFieldNames, type CatalogueSnapshot, type GuideFieldName } from '../../schema/catalogue.js';
import { REFUSAL_OUTCOMES } from '../case-timeline.js';
import type { CaseContext, DeadlineEntry, Derived, EvaluationContext, FactCatalogue, Facts, ScopeItem } from '../context.js';
import { instantMs } from '../../calendar/instants.js';
import { trackDeadline } from '../track-deadline.js';
import { findPersonalData } from './personal-data.js';

export const REGULATION = 'disclosure';

export const DS_CASE_FACTS: FactCatalogue = {
  'ds.decided': { zh: '是否已作出决定', en: 'whether decided' },
  'ds.resultTold': { zh: '是否已告知当事人办理结果', en: 'whether the party was told the result' },
  'ds.resultNoticeLate': { zh: '告知办理结果是否超出时限', en: 'whether the result was told late (or not yet, past the limit)' },
  'ds.resultNoticeDueDate': { zh: '告知结果的截止日', en: 'date by which the result must be told' },
};

export const DS_CATALOGUE_FACTS: FactCatalogue = {
  'ds.informationFees': { zh: '公开信息收取的费用', en: 'fees charged for disclosed information' },
  'ds.informationFeeCount': { zh: '收费次数', en: 'number of such fees' },
};

export const DS_MATTER_FACTS: FactCatalogue = {
  'ds.matter.id': { zh: '事项', en: 'matter' },
  'ds.matter.name': { zh: '事项名称', en: 'matter name' },
  'ds.matter.published': { zh: '是否已公开办事指南', en: 'whether a guide is published' },
  'ds.matter.missingFields': { zh: '办事指南缺少的内容', en: 'what the guide lacks' },
  'ds.matter.missingFieldCount': { zh: '缺项数', en: 'number of missing items' },
  'ds.matter.staleChanges': { zh: '未及时更新到办事指南的变化', en: 'changes not brought into the guide in time' },
  'ds.matter.staleChangeCount': { zh: '此类变化数', en: 'number of such changes' },
};

export const DS_RESULT_FACTS: FactCatalogue = {
  'ds.result.id': { zh: '公开结果', en: 'published result' },
  'ds.result.personalData': { zh: '公开内容中的个人信息（已遮蔽）及位置', en: 'personal data in the published text (masked), with positions' },
  'ds.result.personalDataCount': { zh: '个人信息处数', en: 'number of personal-data hits' },
  'ds.result.unexplainedChanges': { zh: '无记录理由的修改或撤下', en: 'changes or withdrawals without a recorded reason' },
  'ds.result.unexplainedChangeCount': { zh: '此类修改数', en: 'number of such changes' },
};

const FIELD_LABELS: Record<GuideFieldName, string> = {
  department: '部门 department',
  window: '窗口 window',
  name: '事项名称 matter name',
  legalBasis: '办事依据 legal basis',
  conditions: '办理条件 conditions',
  procedure: '办事流程 procedure',
  materials: '材料目录 materials list',
  legalLimit: '法定时限 legal limit',
  promisedLimit: '承诺时限 promised limit',
  fees: '收费项目、依据、标准 fees with basis and standard',
  formTemplate: '申请文书范本 form template',
  consultationPhone: '咨询电话 consultation phone',
  complaintPhone: '投诉电话 complaint phone',
};

/** DS-RESULT-TOLD: the party hears the result within the profile's limit; a written refusal tells it. */
export function deriveDisclosureCase(ctx: CaseContext): Derived {
  const tl = ctx.timeline;
  const decision = tl.decision;
  if (!decision) return { facts: { 'ds.decided': false, 'ds.resultTold': false, 'ds.resultNoticeLate': false, 'ds.resultNoticeDueDate': null }, deadlines: [], obligations: [] };
  const toldAt = decision.written && REFUSAL_OUTCOMES.has(decision.outcome) ? decision : tl.all('result-notified').find((n) => n.ms >= decision.ms);
  const tracked = trackDeadline(ctx, {
    id: 'result-notice',
    regulation: REGULATION,
    label: { zh: '告知当事人办理结果', en: 'tell the party the result' },
    start: decision.at,
    workingDays: ctx.params.resultNoticeWorkingDays,
    ...(toldAt ? { completedAt: toldAt.at } : {}),
  });
  return {
    facts: { 'ds.decided': true, 'ds.resultTold': toldAt !== undefined, 'ds.resultNoticeLate': tracked.late, 'ds.resultNoticeDueDate': tracked.entry.dueDate },
    deadlines: [tracked.entry],
    obligations: toldAt
      ? []
      : [{ id: 'result-notice', regulation: REGULATION, owedBy: 'window', what: { zh: '告知当事人办理结果', en: 'tell the party the result' }, due: tracked.entry.due }],
  };
}

export interface CatalogueDerived {
  facts: Facts;
  items: { 'catalogue/matter': ScopeItem[]; 'catalogue/result': ScopeItem[] };
  deadlines: DeadlineEntry[];
}

/** The catalogue as it stood at asOf: later versions, changes and fees had not happened yet. */
export function deriveCatalogue(catalogue: CatalogueSnapshot, ctx: EvaluationContext): CatalogueDerived {
  const seen = (at: string) => instantMs(at) <= ctx.asOfMs;
  const deadlines: DeadlineEntry[] = [];
  const matters = catalogue.matters.map((matter): ScopeItem => {
    const versions = matter.guide.filter((v) => seen(v.publishedAt)).sort((a, b) => instantMs(a.publishedAt) - instantMs(b.publishedAt));
    const latest = versions[versions.length - 1];
    const missing = latest ? guideFieldNames.filter((name) => latest.fields[name] === undefined || latest.fields[name] === '').map((name) => FIELD_LABELS[name]) : [];
    const stale: string[] = [];
    for (const change of matter.changes.filter((c) => seen(c.at))) {
      const update = versions.find((v) => instantMs(v.publishedAt) >= instantMs(change.at));
      const tracked = trackDeadline(ctx, {
        id: `guide-update:${matter.id}@${change.at.slice(0, 10)}`,
        regulation: REGULATION,
        label: { zh: `更新「${matter.name}」办事指南（${change.kind}）`, en: `update the guide of ${matter.name} (${change.kind})` },
        start: change.at,
        workingDays: ctx.params.disclosureUpdateWorkingDays,
        ...(update ? { completedAt: update.publishedAt } : {}),
      });
      deadlines.push(tracked.entry);
      if (tracked.late) stale.push(`${change.at.slice(0, 10)} ${change.kind}${change.description ? ` ${change.description}` : ''} → ${update ? update.publishedAt.slice(0, 10) : '未更新 not updated'}`);
    }
    return {
      key: matter.id,
      label: matter.name,
      facts: {
        'ds.matter.id': matter.id,
        'ds.matter.name': matter.name,
        'ds.matter.published': latest !== undefined,
        'ds.matter.missingFields': missing,
        'ds.matter.missingFieldCount': missing.length,
        'ds.matter.staleChanges': stale,
        'ds.matter.staleChangeCount': stale.length,
      },
    };
  });

  const results = catalogue.results.map((result): ScopeItem => {
    const versions = result.versions.filter((v) => seen(v.at));
    const current = versions[versions.length - 1];
    const hits = current ? findPersonalData(current.text) : [];
    const unexplained = versions.slice(1).filter((v) => !v.reason).map((v) => `${v.at.slice(0, 10)} 修改 changed`);
    if (result.withdrawn && seen(result.withdrawn.at) && !result.withdrawn.reason) unexplained.push(`${result.withdrawn.at.slice(0, 10)} 撤下 withdrawn`);
    return {
      key: result.id,
      facts: {
        'ds.result.id': result.id,
        'ds.result.personalData': hits.map((h) => `${h.kind === 'resident-id' ? '身份证号 resident ID' : '手机号 mobile'} ${h.masked} @${h.index}`),
        'ds.result.personalDataCount': hits.length,
        'ds.result.unexplainedChanges': unexplained,
        'ds.result.unexplainedChangeCount': unexplained.length,
      },
    };
  });

  const fees = catalogue.informationFees.filter((f) => seen(f.at) && f.amountYuan > 0);
  return {
    facts: {
      'ds.informationFees': fees.map((f) => `${f.at.slice(0, 10)} ${f.item} ¥${f.amountYuan}`),
      'ds.informationFeeCount': fees.length,
    },
    items: { 'catalogue/matter': matters, 'catalogue/result': results },
    deadlines,
  };
}
