import type { Bilingual } from '../../errors.js';
import type { CatalogueSnapshot, GuideRequirementName, matterChangeKinds } from '../../schema/catalogue.js';
import { REFUSAL_OUTCOMES } from '../case-timeline.js';
import { defineFacts, factType as F } from '../context.js';
import type { CaseContext, DeadlineEntry, Derived, EvaluationContext, Facts, ScopeItem } from '../context.js';
import { instantMs } from '../../calendar/instants.js';
import { trackDeadline } from '../track-deadline.js';
import { findPersonalData } from './personal-data.js';

export const REGULATION = 'disclosure';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const ALL_30_PUBLIC_NOTICE = { document: 'xingzheng-xuke-fa', article: '第三十条', text: '行政机关应当将法律、法规、规章规定的有关行政许可的事项、依据、条件、数量、程序、期限以及需要提交的全部材料的目录和申请书示范文本等在办公场所公示。' };
const CITY_GUIDE_ON_PAPER = { document: 'city-12/disclosure', article: '第五条 (三)', text: '窗口办事指南、申请文书范本等信息,由各窗口以纸质形式公开。' };
const CITY_RESULT_TOLD = { document: 'city-12/disclosure', article: '第五条 (四)', text: '各类行政服务事项、公共资源交易活动的办理情况及结果,应当以当面告知、书面告知、电话通知、短信告知等方式及时向当事人公开。' };
const CITY_PRIVACY_NOT_DISCLOSED = { document: 'city-12/disclosure', article: '第四条 下列内容不予公开 (三)', text: '(三)涉及商业秘密、个人隐私等信息。' };
const CITY_KEPT_UP_TO_DATE = { document: 'city-12/disclosure', article: '第八条 (二)', text: '(二)不及时更新办事公开内容的;' };
const CITY_NO_UNLAWFUL_FEES = { document: 'city-12/disclosure', article: '第八条 (三)', text: '(三)提供办事公开内容信息违反国家规定收取费用的;' };
const CITY_NO_TAMPERING = { document: 'city-12/disclosure', article: '第八条 (四)', text: '(四)隐瞒、篡改、捏造或销毁办事公开内容的;' };
const TOWNSHIP_FREE_DISCLOSURE = { document: 'township', article: '二、职能定位 (四)政府信息公开职能', text: '主动向社会免费公开与经济、社会管理和公共服务相关的政府信息' };

export const DS_CASE_FACTS = defineFacts({
  'ds.decided': { type: F.flag, zh: '是否已作出决定', en: 'whether decided' },
  'ds.resultTold': { type: F.flag, zh: '是否已告知当事人办理结果', en: 'whether the party was told the result' },
  'ds.resultNoticeLate': { type: F.flag, implements: CITY_RESULT_TOLD, params: ['resultNoticeWorkingDays'], zh: '告知办理结果是否超出时限', en: 'whether the result was told late (or not yet, past the limit)' },
  'ds.resultNoticeDueDate': { type: F.date.nullable(), implements: CITY_RESULT_TOLD, params: ['resultNoticeWorkingDays'], zh: '告知结果的截止日', en: 'date by which the result must be told' },
});

export const DS_CATALOGUE_FACTS = defineFacts({
  'ds.informationFees': { type: F.labels, zh: '公开信息收取的费用', en: 'fees charged for disclosed information' },
  'ds.informationFeeCount': { type: F.count, zh: '收费次数', en: 'number of such fees' },
  'ds.unlawfulFees': { type: F.labels, implements: CITY_NO_UNLAWFUL_FEES, params: ['unlawfulInformationFeeItems'], zh: '配置列为违反国家规定的收费', en: 'fees of items the profile marks as charged against national rules' },
  'ds.unlawfulFeeCount': { type: F.count, implements: CITY_NO_UNLAWFUL_FEES, params: ['unlawfulInformationFeeItems'], zh: '此类收费次数', en: 'number of such fees' },
  'ds.unexplainedFees': { type: F.labels, implements: CITY_NO_UNLAWFUL_FEES, zh: '未记录国家规定依据的收费（待核查）', en: 'fees with no recorded national provision allowing them (to review)' },
  'ds.unexplainedFeeCount': { type: F.count, implements: CITY_NO_UNLAWFUL_FEES, zh: '此类收费次数', en: 'number of such fees' },
  'ds.proactiveFees': { type: F.labels, implements: TOWNSHIP_FREE_DISCLOSURE, zh: '对主动公开的信息收取的费用', en: 'fees charged for information published of the center’s own motion' },
  'ds.proactiveFeeCount': { type: F.count, implements: TOWNSHIP_FREE_DISCLOSURE, zh: '此类收费次数', en: 'number of such fees' },
});

export const DS_MATTER_FACTS = defineFacts({
  'ds.matter.id': { type: F.text, zh: '事项', en: 'matter' },
  'ds.matter.name': { type: F.text, zh: '事项名称', en: 'matter name' },
  'ds.matter.kind': { type: F.text, zh: '事项类型（行政许可/非许可审批/公共服务）', en: 'kind of matter: license, non-license approval or public service' },
  'ds.matter.published': { type: F.flag, implements: CITY_GUIDE_ON_PAPER, zh: '是否已公开办事指南', en: 'whether a guide is published' },
  'ds.matter.missingFields': { type: F.labels, params: ['guideRequiredFields'], zh: '办事指南缺少的、配置所依文件要求的内容', en: 'what the guide lacks of the list the profile’s document requires' },
  'ds.matter.missingFieldCount': { type: F.count, params: ['guideRequiredFields'], zh: '缺项数', en: 'number of missing items' },
  'ds.matter.missingLicenseFields': {
    type: F.labels, implements: ALL_30_PUBLIC_NOTICE, zh: '未公示的行政许可法第三十条所列内容（未公开指南时为全部）',
    en: 'what of the Administrative License Law 第三十条 list is not published (all of it where no guide is)',
  },
  'ds.matter.missingLicenseFieldCount': { type: F.count, implements: ALL_30_PUBLIC_NOTICE, zh: '此类缺项数', en: 'number of such missing items' },
  'ds.matter.staleChanges': { type: F.labels, implements: CITY_KEPT_UP_TO_DATE, params: ['disclosureUpdateWorkingDays'], zh: '未及时更新到办事指南的变化', en: 'changes not brought into the guide in time' },
  'ds.matter.staleChangeCount': { type: F.count, implements: CITY_KEPT_UP_TO_DATE, params: ['disclosureUpdateWorkingDays'], zh: '此类变化数', en: 'number of such changes' },
});

export const DS_RESULT_FACTS = defineFacts({
  'ds.result.id': { type: F.text, zh: '公开结果', en: 'published result' },
  'ds.result.residentIds': { type: F.labels, implements: CITY_PRIVACY_NOT_DISCLOSED, zh: '公开内容中经校验的居民身份证号码（已遮蔽）及位置', en: 'checksum-valid resident ID numbers in the published text (masked), with positions' },
  'ds.result.residentIdCount': { type: F.count, implements: CITY_PRIVACY_NOT_DISCLOSED, zh: '身份证号码处数', en: 'number of resident ID numbers' },
  'ds.result.mobiles': { type: F.labels, implements: CITY_PRIVACY_NOT_DISCLOSED, zh: '公开内容中的手机号码（已遮蔽）及位置', en: 'mobile numbers in the published text (masked), with positions' },
  'ds.result.mobileCount': { type: F.count, implements: CITY_PRIVACY_NOT_DISCLOSED, zh: '手机号码处数', en: 'number of mobile numbers' },
  'ds.result.unexplainedChanges': { type: F.labels, implements: CITY_NO_TAMPERING, zh: '无记录理由的修改或撤下', en: 'changes or withdrawals without a recorded reason' },
  'ds.result.unexplainedChangeCount': { type: F.count, implements: CITY_NO_TAMPERING, zh: '此类修改数', en: 'number of such changes' },
});

const REQUIREMENT_LABELS: Record<GuideRequirementName, Bilingual> = {
  department: { zh: '窗口部门名称', en: 'department' },
  window: { zh: '窗口', en: 'window' },
  name: { zh: '事项名称', en: 'matter name' },
  legalBasis: { zh: '办事依据', en: 'legal basis' },
  conditions: { zh: '办理条件', en: 'conditions' },
  quantity: { zh: '数量限制', en: 'quantity limit' },
  procedure: { zh: '办事流程', en: 'procedure' },
  materials: { zh: '材料目录', en: 'materials list' },
  legalLimit: { zh: '法定期限', en: 'legal limit' },
  promisedLimit: { zh: '承诺时限', en: 'promised limit' },
  timeLimit: { zh: '办理时限', en: 'time limit' },
  fees: { zh: '收费项目、依据、标准', en: 'fees with basis and standard' },
  formTemplate: { zh: '申请书示范文本', en: 'application form template' },
  faq: { zh: '常见问题解答', en: 'FAQ' },
  breachLiability: { zh: '违诺责任、处理办法', en: 'liability for a broken promise and its handling' },
  handlerContact: { zh: '办事人员姓名、联系电话', en: 'handling staff member and phone' },
  consultationPhone: { zh: '咨询电话', en: 'consultation phone' },
  complaintPhone: { zh: '投诉（监督）电话', en: 'complaint phone' },
};

const CHANGE_WORDS: Record<(typeof matterChangeKinds)[number], Bilingual> = {
  limit: { zh: '时限', en: 'time limit' },
  fee: { zh: '收费', en: 'fees' },
  materials: { zh: '材料', en: 'materials' },
  procedure: { zh: '流程', en: 'procedure' },
  conditions: { zh: '条件', en: 'conditions' },
  other: { zh: '其他', en: 'other' },
};

/**
 * What the Administrative License Law 第三十条 has a licensing agency display: "事项、依据、条件、数量、程序、期限以及需要
 * 提交的全部材料的目录和申请书示范文本". 数量 only where a law, regulation or rule limits the number (the matter says so).
 */
const LICENSE_LAW_FIELDS: readonly GuideRequirementName[] = ['name', 'legalBasis', 'conditions', 'quantity', 'procedure', 'legalLimit', 'materials', 'formTemplate'];

type GuideFields = CatalogueSnapshot['matters'][number]['guide'][number]['fields'];

function lacks(fields: GuideFields, requirement: GuideRequirementName): boolean {
  if (requirement === 'timeLimit') return fields.legalLimit === undefined && fields.promisedLimit === undefined;
  const value = fields[requirement];
  return value === undefined || value === '';
}

/** DS-RESULT-TOLD: the party hears the result within the profile's limit; a written refusal tells it. */
export function deriveDisclosureCase(ctx: CaseContext): Derived<typeof DS_CASE_FACTS> {
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
    const missing = latest ? ctx.params.guideRequiredFields.filter((name) => lacks(latest.fields, name)).map((name) => REQUIREMENT_LABELS[name]) : [];
    const lawList = LICENSE_LAW_FIELDS.filter((name) => name !== 'quantity' || matter.quantityLimited);
    const missingLicense = (latest ? lawList.filter((name) => lacks(latest.fields, name)) : lawList).map((name) => REQUIREMENT_LABELS[name]);
    const stale: Bilingual[] = [];
    for (const change of matter.changes.filter((c) => seen(c.at))) {
      const update = versions.find((v) => instantMs(v.publishedAt) >= instantMs(change.at));
      const tracked = trackDeadline(ctx, {
        id: `guide-update:${matter.id}@${change.at.slice(0, 10)}`,
        regulation: REGULATION,
        label: { zh: `更新「${matter.name}」办事指南（${CHANGE_WORDS[change.kind].zh}变化）`, en: `update the guide of ${matter.name} (${CHANGE_WORDS[change.kind].en} changed)` },
        start: change.at,
        workingDays: ctx.params.disclosureUpdateWorkingDays,
        ...(update ? { completedAt: update.publishedAt } : {}),
      });
      deadlines.push(tracked.entry);
      if (tracked.late) {
        const what = (lang: 'zh' | 'en') => `${change.at.slice(0, 10)} ${CHANGE_WORDS[change.kind][lang]}${change.description ? ` ${change.description}` : ''}`;
        const updated = update?.publishedAt.slice(0, 10);
        stale.push({ zh: `${what('zh')} → ${updated ?? '未更新'}`, en: `${what('en')} → ${updated ?? 'not updated'}` });
      }
    }
    return {
      key: matter.id,
      label: matter.name,
      facts: {
        'ds.matter.id': matter.id,
        'ds.matter.name': matter.name,
        'ds.matter.kind': matter.kind,
        'ds.matter.published': latest !== undefined,
        'ds.matter.missingFields': missing,
        'ds.matter.missingFieldCount': missing.length,
        'ds.matter.missingLicenseFields': missingLicense,
        'ds.matter.missingLicenseFieldCount': missingLicense.length,
        'ds.matter.staleChanges': stale,
        'ds.matter.staleChangeCount': stale.length,
      },
    };
  });

  const results = catalogue.results.map((result): ScopeItem => {
    const versions = result.versions.filter((v) => seen(v.at));
    const current = versions[versions.length - 1];
    const hits = current ? findPersonalData(current.text) : [];
    // Where in the text: the masked number and its position (a character offset), the same in both languages.
    const ids = hits.filter((h) => h.kind === 'resident-id').map((h) => ({ zh: `身份证号 ${h.masked} @${h.index}`, en: `resident ID ${h.masked} @${h.index}` }));
    const mobiles = hits.filter((h) => h.kind === 'mobile').map((h) => ({ zh: `手机号 ${h.masked} @${h.index}`, en: `mobile ${h.masked} @${h.index}` }));
    const unexplained: Bilingual[] = versions.slice(1).filter((v) => !v.reason).map((v) => ({ zh: `${v.at.slice(0, 10)} 修改`, en: `${v.at.slice(0, 10)} changed` }));
    if (result.withdrawn && seen(result.withdrawn.at) && !result.withdrawn.reason) unexplained.push({ zh: `${result.withdrawn.at.slice(0, 10)} 撤下`, en: `${result.withdrawn.at.slice(0, 10)} withdrawn` });
    return {
      key: result.id,
      facts: {
        'ds.result.id': result.id,
        'ds.result.residentIds': ids,
        'ds.result.residentIdCount': ids.length,
        'ds.result.mobiles': mobiles,
        'ds.result.mobileCount': mobiles.length,
        'ds.result.unexplainedChanges': unexplained,
        'ds.result.unexplainedChangeCount': unexplained.length,
      },
    };
  });

  const fees = catalogue.informationFees.filter((f) => seen(f.at) && f.amountYuan > 0);
  const shown = (f: (typeof fees)[number]): Bilingual => {
    const fee = `${f.at.slice(0, 10)} ${f.item} ¥${f.amountYuan}`;
    return {
      zh: `${fee}${f.onRequest ? ' 依申请' : ''}${f.lawfulBasis ? `（${f.lawfulBasis}）` : ''}`,
      en: `${fee}${f.onRequest ? ' on request' : ''}${f.lawfulBasis ? ` (${f.lawfulBasis})` : ''}`,
    };
  };
  const marked = new Set(ctx.params.unlawfulInformationFeeItems);
  const unlawful = fees.filter((f) => marked.has(f.item)).map(shown);
  const unexplained = fees.filter((f) => !marked.has(f.item) && f.lawfulBasis === undefined).map(shown);
  const proactive = fees.filter((f) => !f.onRequest).map(shown);
  return {
    facts: {
      'ds.informationFees': fees.map(shown),
      'ds.informationFeeCount': fees.length,
      'ds.unlawfulFees': unlawful,
      'ds.unlawfulFeeCount': unlawful.length,
      'ds.unexplainedFees': unexplained,
      'ds.unexplainedFeeCount': unexplained.length,
      'ds.proactiveFees': proactive,
      'ds.proactiveFeeCount': proactive.length,
    },
    items: { 'catalogue/matter': matters, 'catalogue/result': results },
    deadlines,
  };
}
