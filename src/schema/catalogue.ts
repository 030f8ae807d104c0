import { z } from 'zod';
import { instant } from './case.js';

const id = z.string().min(1);
const text = z.string().min(1);

/** The fields a published guide must carry (city-12 办事公开 第四条(二)(三); township 统一信息公开). */
export const guideFieldNames = [
  'department', 'window', 'name', 'legalBasis', 'conditions', 'procedure', 'materials',
  'legalLimit', 'promisedLimit', 'fees', 'formTemplate', 'consultationPhone', 'complaintPhone',
] as const;

export type GuideFieldName = (typeof guideFieldNames)[number];

export const guideVersionSchema = z.strictObject({
  publishedAt: instant,
  fields: z.strictObject({
    department: text.optional(),
    window: text.optional(),
    name: text.optional(),
    legalBasis: text.optional(),
    conditions: text.optional(),
    procedure: text.optional(),
    materials: z.array(text).optional(),
    legalLimit: z.int().nonnegative().optional(),
    promisedLimit: z.int().nonnegative().optional(),
    /** Fee items with basis and standard; an empty list says "no fee", which is a published fact too. */
    fees: z.array(z.strictObject({ item: text, basis: text, standard: text })).optional(),
    formTemplate: text.optional(),
    consultationPhone: text.optional(),
    complaintPhone: text.optional(),
  }),
});

export const matterChangeKinds = ['limit', 'fee', 'materials', 'procedure', 'conditions', 'other'] as const;

export const catalogueMatterSchema = z.strictObject({
  id,
  name: text,
  department: id,
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
  informationFees: z.array(z.strictObject({ at: instant, item: text, amountYuan: z.number().nonnegative(), matter: id.optional() })).default([]),
});

export type CatalogueSnapshotInput = z.input<typeof catalogueSnapshotSchema>;
export type CatalogueSnapshot = z.output<typeof catalogueSnapshotSchema>;
