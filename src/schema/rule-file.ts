import { z } from 'zod';
import { documentId } from './documents.js';
import { scopes } from './scopes.js';
import { ruleSeveritySchema } from './vocabulary.js';

/** The operators of json-rules-engine's default set that rule files may use. */
export const operators = [
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain',
] as const;

export type OperatorName = (typeof operators)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A fact-to-value comparison. `value` may name another fact: { "fact": "param.oneTimeNoticeWorkingDays" }. */
export const leafConditionSchema = z.strictObject({
  fact: z.string().min(1),
  operator: z.enum(operators),
  value: z.union([scalar, z.array(scalar), z.strictObject({ fact: z.string().min(1) })]),
});

export type LeafCondition = z.infer<typeof leafConditionSchema>;
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    leafConditionSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export type { Severity } from './vocabulary.js';

/** A sentence of a document that imposes a rule: the document (rules/documents.json), the article, the sentence verbatim. */
export const imposingSentenceSchema = z.strictObject({
  document: documentId,
  /** The chapter heading the article stands under, where the document has chapters (citizen-home 第五章…). */
  section: z.string().min(1).optional(),
  /** The article and item, e.g. 第五条(一). */
  article: z.string().min(1),
  /** The sentence, verbatim. */
  text: z.string().min(1),
});

export type ImposingSentence = z.infer<typeof imposingSentenceSchema>;

/** Where a finding's duty comes from: the document in force that imposes it, and its sentence. */
export const citationSchema = z.strictObject({
  /** The document's id in rules/documents.json, e.g. city-12/one-time-notification. */
  source: z.string().min(1),
  /** Short name of the source file: city-12, county-10, township, citizen-home, plans-11, xingzheng-xuke-fa, minfadian. */
  seed: z.string().min(1),
  /** The system or chapter within the source, as headed there (e.g. 行政服务中心一次性告知制度). */
  document: z.string().min(1),
  /** The article and item, e.g. 第五条(一). */
  article: z.string().min(1),
  /** The sentence, verbatim. */
  text: z.string().min(1),
});

export type Citation = z.infer<typeof citationSchema>;

export const ruleSchema = z.strictObject({
  /** Unique within the file: the rule id, with a variant after a slash where one id has several cases. */
  name: z.string().regex(/^[A-Z]+(?:-[A-Z0-9]+)+(?:\/[a-z0-9-]+)?$/, 'a rule id such as OTN-TIMING or OTN-TIMING/no-notice'),
  priority: z.int().positive().optional(),
  conditions: z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
  event: z.strictObject({
    type: z.literal('finding'),
    params: z.strictObject({
      id: z.string().regex(/^[A-Z]+(?:-[A-Z0-9]+)+$/, 'a rule id such as OTN-TIMING'),
      regulation: z.string().min(1),
      severity: ruleSeveritySchema,
      /** What the rule is evaluated for; a case by default. */
      scope: z.enum(scopes).optional(),
      /**
       * The documents that impose the rule, each with its sentence. The rule runs under a profile only where one
       * of them is in force (and governs the case's kind of matter); the first such is the finding's citation.
       */
      imposedBy: z.array(imposingSentenceSchema).min(1),
      /** The rule's (or variant's) short name, shown before its id: 一次性告知：承诺件逾期告知 / One-time notice: promised case, late. */
      title: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
      /** Templates: {{fact.name}} is replaced by the fact's value. */
      message: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
    }),
  }),
});

export type RuleDefinition = z.infer<typeof ruleSchema>;

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  regulation: z.string().min(1),
  title: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  rules: z.array(ruleSchema).min(1),
});

export type RuleFile = z.infer<typeof ruleFileSchema>;
