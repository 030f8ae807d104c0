import { z } from 'zod';
import { instant } from './case.js';
import { matterKinds } from './documents.js';

const id = z.string().min(1);
const text = z.string().min(1);

/**
 * What a published guide (办事指南) can carry. Which of these a guide must carry depends on the document in force:
 * each profile lists its own (param `guideRequiredFields`), and the Administrative License Law 第三十条 adds its own
 * list for license matters.
 */
export const guideFieldNames = [
  'department', 'window', 'name', 'legalBasis', 'conditions', 'quantity', 'procedure', 'materials',
  'legalLimit', 'promisedLimit', 'fees', 'formTemplate', 'faq', 'breachLiability', 'handlerContact',
  'consultationPhone', 'complaintPhone',
] as const;

export type GuideFieldName = (typeof guideFieldNames)[number];

/**
 * What a document can require of a guide: a field, or `timeLimit` where the document asks for "the time limit"
 * (办事时限、办理时限) without saying which, met by the legal or the promised limit.
 */
export const guideRequirementNames = [...guideFieldNames, 'timeLimit'] as const;

export type GuideRequirementName = (typeof guideRequirementNames)[number];

export const guideVersionSchema = z.strictObject({
  publishedAt: instant,
  fields: z.strictObject({
    /** 窗口部门名称. */
    department: text.optional(),
    window: text.optional(),
    /** 事项名称、服务项目名称. */
    name: text.optional(),
    /** 办事依据、法律依据. */
    legalBasis: text.optional(),
    /** 办理条件. */
    conditions: text.optional(),
    /** 数量限制 (ALL 第三十条 数量), where a law, regulation or rule limits the number of licenses. */
    quantity: text.optional(),
    /** 办事流程、办理程序. */
    procedure: text.optional(),
    /** 需要提交的全部材料的目录. */
    materials: z.array(text).optional(),
    /** 法定期限, in working days. */
    legalLimit: z.int().nonnegative().optional(),
    /** 承诺时限, in working days. */
    promisedLimit: z.int().nonnegative().optional(),
    /** Fee items with basis and standard; an empty list says "no fee", which is a published fact too. */
    fees: z.array(z.strictObject({ item: text, basis: text, standard: text })).optional(),
    /** 申请书示范文本、申请文书范本、格式文本和样本. */
    formTemplate: text.optional(),
    /** 常见问题解答 (citizen-home 第二十一条). */
    faq: text.optional(),
    /** 违诺责任、处理办法: what the window owes when it breaks its service promise, and how that is handled (city-12 办事公开 第四条(三)). */
    breachLiability: text.optional(),
    /** 办事者的姓名、联系电话: the staff member who handles the matter and a phone number (county-10 (七)一). */
    handlerContact: text.optional(),
    consultationPhone: text.optional(),
    /** 投诉电话、监督电话. */
    complaintPhone: text.optional(),
  }),
});

export const matterChangeKinds = ['limit', 'fee', 'materials', 'procedure', 'conditions', 'other'] as const;

export const catalogueMatterSchema = z.strictObject({
  id,
  name: text,
  department: id,
  /**
   * What the matter is: an administrative license (行政许可), a non-license approval or a public service. A license
   * unless said otherwise, as for cases: the Administrative License Law's guide list (第三十条) applies to licenses only.
   */
  kind: z.enum(matterKinds).default('license'),
  /** A law, regulation or rule limits the number of licenses granted (第三十条 数量): then the guide states the limit. */
  quantityLimited: z.boolean().default(false),
  guide: z.array(guideVersionSchema).default([]),
  /** Changes of the matter's facts (a new limit, fee or materials list) and when they took effect. */
  changes: z.array(z.strictObject({ at: instant, kind: z.enum(matterChangeKinds), description: z.string().optional() })).default([]),
});

export const publishedResultSchema = z.strictObject({
  id,
  matter: id.optional(),
  caseId: z.string().optional(),
  /** Every version of the published text, oldest first; a later version needs a recorded reason. */
  versions: z.array(z.strictObject({ at: instant, text: z.string(), reason: z.string().min(1).optional() })).min(1),
  /** Taken down: hidden from the public. */
  withdrawn: z.strictObject({ at: instant, reason: z.string().min(1).optional() }).optional(),
});

/** What a center publishes: each matter's guide and its versions, published results, fees for information. */
export const catalogueSnapshotSchema = z.strictObject({
  id,
  matters: z.array(catalogueMatterSchema).default([]),
  results: z.array(publishedResultSchema).default([]),
  /** Any fee charged for disclosed information (查询、复制公开信息收费). */
  informationFees: z.array(z.strictObject({
    at: instant,
    item: text,
    amountYuan: z.number().nonnegative(),
    matter: id.optional(),
    /** The information was provided on a person's request (依申请提供), not published by the center of its own motion. */
    onRequest: z.boolean().default(false),
    /** The national provision that allows this charge (e.g. 《政府信息公开信息处理费管理办法》 for excess on-request volume). */
    lawfulBasis: text.optional(),
  })).default([]),
});

export type CatalogueSnapshotInput = z.input<typeof catalogueSnapshotSchema>;
export type CatalogueSnapshot = z.output<typeof catalogueSnapshotSchema>;
