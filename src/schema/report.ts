// The shape of a Report, as a zod schema so that `schema report` can print it as JSON Schema for readers in
// other languages. The TypeScript interfaces in engine/run-rules.ts stay the source of the types; the
// assignments at the bottom make the compiler reject any drift between the two in either direction.
import { z } from 'zod';
import type { Report } from '../engine/run-rules.js';
import { bilingualSchema } from '../errors.js';
import { bases, sourceSchema } from './profile.js';
import { citationSchema, operators, severities } from './rule-file.js';
import { scopes, subjectKinds } from './scopes.js';

const bilingual = bilingualSchema;
// Words the library writes into a fact (a missing element, an action, a reason) stay in both languages in JSON, as
// { zh, en } objects or lists of them; messages and the text reports show them in the chosen language.
const factValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()).readonly(),
  bilingualSchema.meta({ description: 'words in both languages: messages show the one they are written in' }),
  z.array(bilingualSchema).readonly(),
]);
const subject = z.strictObject({ kind: z.enum(subjectKinds), id: z.string() });
const itemRef = z.strictObject({ scope: z.enum(scopes), key: z.string(), label: z.string().optional() });
const instant = z.string().describe('ISO 8601 instant with offset, e.g. 2025-10-09T17:00:00+08:00');
const date = z.string().describe('calendar date, YYYY-MM-DD');

const findingSchema = z.strictObject({
  subject,
  item: itemRef.optional(),
  ruleId: z.string(),
  rule: z.string(),
  regulation: z.string(),
  severity: z.enum([...severities, 'data-integrity']),
  graded: z.strictObject({ from: z.enum([...severities, 'data-integrity']), reason: bilingual }).optional(),
  message: bilingual,
  citation: citationSchema.optional(),
  appliesUnder: z
    .union([
      z.strictObject({ kind: z.literal('document'), document: z.string(), title: bilingual }),
      z.strictObject({ kind: z.literal('profile-switch'), profile: z.string(), reason: bilingual }),
    ])
    .optional(),
  evidence: z.record(z.string(), factValue.optional()),
  parameters: z
    .record(z.string(), z.strictObject({ value: factValue, source: sourceSchema.extend({ profile: z.string(), basis: z.enum(bases).optional() }) }))
    .optional(),
});

const deadlineSchema = z.strictObject({
  id: z.string(),
  regulation: z.string(),
  label: bilingual,
  start: instant,
  limitWorkingDays: z.number(),
  dueDate: date,
  due: instant,
  status: z.enum(['on-track', 'due-soon', 'overdue', 'met', 'missed']),
  elapsedWorkingDays: z.number(),
  remainingWorkingDays: z.number(),
  clockStopped: z.boolean().optional(),
});

const obligationSchema = z.strictObject({
  id: z.string(),
  regulation: z.string(),
  owedBy: z.enum(['window', 'department', 'lead-department', 'center', 'applicant']),
  what: bilingual,
  due: instant.optional(),
});

type TraceNodeShape =
  | { fact: string; operator: (typeof operators)[number]; value: unknown; factValue?: z.infer<typeof factValue>; result: boolean }
  | { all: TraceNodeShape[]; result: boolean }
  | { any: TraceNodeShape[]; result: boolean }
  | { not: TraceNodeShape; result: boolean };

const traceNode: z.ZodType<TraceNodeShape> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: z.string(), operator: z.enum(operators), value: z.unknown(), factValue: factValue.optional(), result: z.boolean() }),
    z.strictObject({ all: z.array(traceNode), result: z.boolean() }),
    z.strictObject({ any: z.array(traceNode), result: z.boolean() }),
    z.strictObject({ not: traceNode, result: z.boolean() }),
  ]),
);

export const reportSchema = z
  .strictObject({
    subject,
    asOf: instant,
    profile: z.strictObject({
      id: z.string(),
      versions: z.array(z.strictObject({ id: z.string(), validFrom: date })),
      documents: z.array(z.string()).describe('the documents in force under the profile, by id (rules/documents.json)'),
    }),
    findings: z.array(findingSchema),
    deadlines: z.array(deadlineSchema),
    obligations: z.array(obligationSchema),
    trace: z
      .array(z.strictObject({ rule: z.string(), ruleId: z.string(), regulation: z.string(), item: itemRef.optional(), fired: z.boolean(), conditions: traceNode }))
      .optional(),
  })
  .meta({ title: 'service-center-rules report', description: 'What evaluate, evaluateRoster, evaluateInquiry and evaluateCatalogue return.' });

// Drift guards: each side must be assignable to the other.
type ReportFromSchema = z.infer<typeof reportSchema>;
export const reportMatchesSchema = (report: Report): ReportFromSchema => report;
export const schemaMatchesReport = (report: ReportFromSchema): Report => report;
