// The shape of a Report, defined once: the zod schemas below are the source of the report's types (`Report`,
// `Finding`, `DeadlineEntry`, `Obligation`… are their outputs) and of the JSON Schema `schema report` prints for
// readers in other languages. The engine imports the types from here; nothing here imports the engine.
import { z } from 'zod';
import { bilingualSchema } from '../errors.js';
import { bases, sourceSchema } from './profile.js';
import { citationSchema, type OperatorName, operators } from './rule-file.js';
import { scopes, subjectKinds } from './scopes.js';
import { deadlineStatusSchema, owedBySchema, severitySchema } from './vocabulary.js';

const bilingual = bilingualSchema;
const instant = z.string().describe('ISO 8601 instant with offset, e.g. 2025-10-09T17:00:00+08:00');
const date = z.string().describe('calendar date, YYYY-MM-DD');

/**
 * A fact's value: what rule conditions compare and messages show. Words the library writes into a fact (a missing
 * element, an action, a reason) stay in both languages, as { zh, en } objects or lists of them, so that each message
 * shows them in its own language; codes that conditions compare stay strings, and input data (names, dates) is shown
 * as recorded.
 */
export const factValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()).readonly(),
  bilingualSchema.meta({ description: 'words in both languages: messages show the one they are written in' }),
  z.array(bilingualSchema).readonly(),
]);
export type FactValue = z.output<typeof factValueSchema>;

export const subjectSchema = z.strictObject({ kind: z.enum(subjectKinds), id: z.string() });
export type Subject = z.output<typeof subjectSchema>;

export const itemRefSchema = z
  .strictObject({ scope: z.enum(scopes), key: z.string(), label: z.string().optional() })
  .describe('the item of a scope a finding is about: a co-department, a post, a leave request…');
export type ItemRef = z.output<typeof itemRefSchema>;

export const appliesUnderSchema = z
  .union([
    z.strictObject({ kind: z.literal('document'), document: z.string(), title: bilingual }),
    z.strictObject({ kind: z.literal('profile-switch'), profile: z.string(), reason: bilingual }),
  ])
  .describe('why the rule ran under the profile: the document in force that imposes it, or the profile\'s own switch');
export type AppliesUnder = z.output<typeof appliesUnderSchema>;

/** Where a profile's value comes from: the source, what the value rests on, and the profile (of the chain) that set it. */
export const valueSourceSchema = sourceSchema.extend({ profile: z.string(), basis: z.enum(bases).optional() });
export type ValueSource = z.output<typeof valueSourceSchema>;

export const findingSchema = z.strictObject({
  subject: subjectSchema,
  item: itemRefSchema.optional().describe('set when the rule runs per item (a co-department, a post…): which one'),
  ruleId: z.string(),
  rule: z.string().describe('the json-rules-engine rule that fired: the id, or the id and a variant'),
  regulation: z.string(),
  severity: severitySchema,
  graded: z
    .strictObject({ from: severitySchema, reason: bilingual })
    .optional()
    .describe("set when the severity differs from the rule's own: from what, and why"),
  message: bilingual,
  citation: citationSchema
    .optional()
    .describe('the sentence of the document in force that imposes the duty; absent for data-integrity findings, which are about the data'),
  appliesUnder: appliesUnderSchema.optional(),
  evidence: z.record(z.string(), factValueSchema.optional()).describe('the facts the rule read and showed, by name'),
  parameters: z
    .record(z.string(), z.strictObject({ value: factValueSchema, source: valueSourceSchema }))
    .optional()
    .describe("the profile parameters the rule compared with, each with its value's source and what the value rests on"),
});
export type Finding = z.output<typeof findingSchema>;

export const deadlineEntrySchema = z.strictObject({
  id: z.string(),
  regulation: z.string(),
  label: bilingual,
  start: instant,
  limitWorkingDays: z.number(),
  dueDate: date,
  due: instant,
  status: deadlineStatusSchema,
  elapsedWorkingDays: z.number(),
  remainingWorkingDays: z.number(),
  clockStopped: z.boolean().optional().describe('true while a suspension is open: the due date moves on with it'),
});
export type DeadlineEntry = z.output<typeof deadlineEntrySchema>;

export const obligationSchema = z.strictObject({
  id: z.string(),
  regulation: z.string(),
  owedBy: owedBySchema,
  what: bilingual,
  due: instant.optional(),
});
export type Obligation = z.output<typeof obligationSchema>;

/** What a condition was, what it saw and what it concluded. (Written out because a recursive schema needs its type.) */
export type TraceNode =
  | { fact: string; operator: OperatorName; value: unknown; factValue?: FactValue; result: boolean }
  | { all: TraceNode[]; result: boolean }
  | { any: TraceNode[]; result: boolean }
  | { not: TraceNode; result: boolean };

export const traceNodeSchema: z.ZodType<TraceNode> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: z.string(), operator: z.enum(operators), value: z.unknown(), factValue: factValueSchema.optional(), result: z.boolean() }),
    z.strictObject({ all: z.array(traceNodeSchema), result: z.boolean() }),
    z.strictObject({ any: z.array(traceNodeSchema), result: z.boolean() }),
    z.strictObject({ not: traceNodeSchema, result: z.boolean() }),
  ]),
);

export const ruleTraceSchema = z.strictObject({
  rule: z.string(),
  ruleId: z.string(),
  regulation: z.string(),
  item: itemRefSchema.optional(),
  fired: z.boolean(),
  conditions: traceNodeSchema,
});
export type RuleTrace = z.output<typeof ruleTraceSchema>;

export const reportSchema = z
  .strictObject({
    subject: subjectSchema,
    asOf: instant,
    profile: z.strictObject({
      id: z.string(),
      versions: z.array(z.strictObject({ id: z.string(), validFrom: date })),
      documents: z.array(z.string()).describe('the documents in force under the profile, by id (rules/documents.json)'),
    }),
    findings: z.array(findingSchema),
    deadlines: z.array(deadlineEntrySchema),
    obligations: z.array(obligationSchema),
    trace: z
      .array(ruleTraceSchema)
      .optional()
      .describe("every rule evaluated, with each condition's fact values and verdict (when options.trace is not false)"),
  })
  .meta({ title: 'service-center-rules report', description: 'What evaluate, evaluateRoster, evaluateInquiry and evaluateCatalogue return.' });

export type Report = z.output<typeof reportSchema>;
