// The shape of a format mapping: which table plays which part of a case, which column feeds which field, and the code
// lists that turn a source's digits into meanings. A mapping is data (one file per format, src/interchange/formats);
// the one engine in assemble.ts applies any of them.
import { z } from 'zod';
import { caseClassSchema } from '../schema/case.js';
import { limitUnits } from './values.js';

const bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** What a code of each kind of list can mean. */
export const codeMeanings = {
  'case-class': caseClassSchema.options,
  channel: ['window', 'online'],
  'limit-unit': limitUnits,
  /** What a step row records: an ordinary step, a deficiency notice (补齐补正), or a suspension (挂起). */
  'step-action': ['step', 'deficiency-notice', 'suspension'],
  'special-kind': ['extension', 'suspension'],
  /**
   * How a case ended. approved/refused/not-accepted/returned are decisions the library audits; void (作废),
   * deleted (删除) and forwarded (转报) ended the case without one, and such a case is reported, not audited.
   */
  outcome: ['approved', 'refused', 'not-accepted', 'returned', 'void', 'deleted', 'forwarded'],
} as const;
export type CodeKind = keyof typeof codeMeanings;
export type CodeMeaning<K extends CodeKind> = (typeof codeMeanings)[K][number];

/** What a field holds once its column is read. */
type FieldType = 'text' | 'instant' | 'integer' | { codes: CodeKind };

/** The fields each role of table offers; `key` fields name the 办件编号 (or the item code, for the catalogue). */
export const roleFields = {
  catalogue: {
    matterCode: 'text', matterName: 'text', legalLimit: 'integer', legalLimitUnit: { codes: 'limit-unit' },
    promisedLimit: 'integer', promisedLimitUnit: { codes: 'limit-unit' }, caseClass: { codes: 'case-class' },
  },
  accept: {
    matterCode: 'text', matterName: 'text', department: 'text', appliedAt: 'instant', acceptedAt: 'instant',
    enteredAt: 'instant', sourceDue: 'instant', caseClass: { codes: 'case-class' }, channel: { codes: 'channel' },
    applicantName: 'text', acceptedBy: 'text', acceptanceDocument: 'text', legalLimit: 'integer', legalLimitUnit: { codes: 'limit-unit' },
    promisedLimit: 'integer', promisedLimitUnit: { codes: 'limit-unit' },
  },
  process: { stepName: 'text', action: { codes: 'step-action' }, startAt: 'instant', endAt: 'instant', handler: 'text', opinion: 'text' },
  special: {
    kind: { codes: 'special-kind' }, name: 'text', startAt: 'instant', endAt: 'instant', limit: 'integer',
    limitUnit: { codes: 'limit-unit' }, reason: 'text',
  },
  result: { completedAt: 'instant', outcome: { codes: 'outcome' }, handler: 'text', explanation: 'text' },
  material: { name: 'text', receivedAt: 'instant' },
} as const satisfies Record<string, Record<string, FieldType>>;
export type Role = keyof typeof roleFields;
export const roles = Object.keys(roleFields) as Role[];

const column = z.string().min(1);

/** One field: the column it is read from, the code list that decodes it, whether a row without it is an error. */
const fieldSchema = z.strictObject({
  column,
  codes: z.string().min(1).optional(),
  required: z.boolean().default(false),
  /** Why the column means this, where that is an assumption a reader should see. */
  note: z.string().optional(),
});

const tableSchema = z.strictObject({
  table: z.string().min(1),
  role: z.enum(roles as [Role, ...Role[]]),
  title: z.string().min(1),
  /** The column naming the case (办件编号), or the item code in the catalogue. */
  key: column,
  /** A table every export must have (the acceptance table); others may be absent when they have no rows. */
  required: z.boolean().default(false),
  fields: z.record(z.string(), fieldSchema),
});

const codeListSchema = z.strictObject({
  kind: z.enum(Object.keys(codeMeanings) as [CodeKind, ...CodeKind[]]),
  title: z.string().min(1),
  /** Where the list comes from, or why it is assumed when the format's official list is not known. */
  source: z.string().min(1),
  codes: z.record(z.string(), z.string()),
});

export const formatMappingSchema = z
  .strictObject({
    format: z.string().min(1),
    title: z.string().min(1),
    /** Suspension reasons read from a special procedure's name: the first keyword found wins, else 'other'. */
    suspensionKeywords: z.array(z.tuple([z.string().min(1), z.enum(['hearing', 'tendering', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expert-review'])])).default([]),
    /** The platform records a special procedure once it is approved and notified: unless a record says otherwise, it was. */
    specialProcedureApprovedAndNotified: z.boolean().default(true),
    codeLists: z.record(z.string(), codeListSchema),
    tables: z.array(tableSchema).min(1),
    notes: z.array(bilingual).default([]),
    /**
     * What the format does not record, and the rules that look for it: an audit of this format runs without them
     * (each switched off with this reason), since their findings would say "not in the export", not "not done".
     */
    notRecorded: z.array(z.strictObject({ rules: z.array(z.string().regex(/^[A-Z]+(?:-[A-Z0-9]+)+(?:\/[a-z0-9-]+)?$/)).min(1), because: bilingual })).default([]),
  })
  .superRefine((mapping, ctx) => {
    mapping.tables.forEach((table, t) => {
      const offered = roleFields[table.role] as Record<string, FieldType>;
      for (const [name, field] of Object.entries(table.fields)) {
        const type = offered[name];
        const path = ['tables', t, 'fields', name];
        if (type === undefined) {
          ctx.addIssue({ code: 'custom', path, message: `a ${table.role} table has no field ${name} (it has ${Object.keys(offered).join(', ')})` });
          continue;
        }
        const wanted = typeof type === 'object' ? type.codes : undefined;
        const list = field.codes === undefined ? undefined : mapping.codeLists[field.codes];
        if (wanted && !list) ctx.addIssue({ code: 'custom', path: [...path, 'codes'], message: `field ${name} needs a code list of kind ${wanted}` });
        else if (list && list.kind !== wanted) ctx.addIssue({ code: 'custom', path: [...path, 'codes'], message: `code list ${field.codes} is of kind ${list.kind}; field ${name} needs ${wanted ?? 'no code list'}` });
      }
    });
    for (const [name, list] of Object.entries(mapping.codeLists)) {
      const meanings = codeMeanings[list.kind] as readonly string[];
      for (const [code, meaning] of Object.entries(list.codes)) {
        if (!meanings.includes(meaning)) ctx.addIssue({ code: 'custom', path: ['codeLists', name, 'codes', code], message: `expected one of ${meanings.join(', ')}` });
      }
    }
    if (mapping.tables.filter((table) => table.role === 'accept').length !== 1) ctx.addIssue({ code: 'custom', path: ['tables'], message: 'exactly one acceptance table' });
  });
export type FormatMapping = z.output<typeof formatMappingSchema>;
export type FormatMappingInput = z.input<typeof formatMappingSchema>;
export type TableMapping = FormatMapping['tables'][number];

/** A center's own code lists, replacing the mapping's list of the same name (e.g. its 办结结果 digits). */
export const mappingOverridesSchema = z.strictObject({
  codeLists: z.record(z.string(), z.record(z.string(), z.string())).optional(),
});
export type MappingOverrides = z.input<typeof mappingOverridesSchema>;

/** The type each field of a role has, for the engine. */
export function fieldType(role: Role, field: string): FieldType | undefined {
  return (roleFields[role] as Record<string, FieldType>)[field];
}
