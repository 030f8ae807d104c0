import { z } from 'zod';

/**
 * What a matter is (政务服务事项的类型). The Administrative License Law governs licenses only; a center's own
 * systems govern every matter its windows handle (city-12 网上办理制度 第二条: 行政许可、非许可审批、公共服务).
 */
export const matterKinds = ['license', 'non-license-approval', 'public-service'] as const;
export type MatterKind = (typeof matterKinds)[number];

/** A stable id of a document: the law, or one system (制度) or chapter of a seed, e.g. city-12/one-time-notification. */
export const documentId = z.string().regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)?$/, 'a document id such as xingzheng-xuke-fa or city-12/one-time-notification');

export const documentSchema = z.strictObject({
  id: documentId,
  /** The source file under rules/sources/ the document stands in. */
  seed: z.string().min(1),
  /** The document's heading as it stands in the source: citations are checked to come after it. */
  heading: z.string().min(1),
  title: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  /** The kinds of matter whose cases the document governs; every kind when absent. */
  covers: z.array(z.enum(matterKinds)).min(1).optional(),
  note: z.string().optional(),
});

export const documentRegistrySchema = z.strictObject({
  $schema: z.string().optional(),
  documents: z.array(documentSchema).min(1),
});

export type RegulatoryDocument = z.output<typeof documentSchema>;
