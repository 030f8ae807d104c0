import { z } from 'zod';
import type { CountingConvention } from '../calendar/deadline.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { WorkingHours } from '../calendar/working-hours.js';
import { bilingualSchema } from '../errors.js';
import { isoDate } from '../schema/calendar-data.js';
import type { ParamName, ParamValues } from '../schema/profile.js';
import type { DeadlineEntry, FactValue, Obligation } from '../schema/report.js';
import type { RosterSnapshot } from '../schema/roster.js';
import type { Scope } from '../schema/scopes.js';
import type { CaseTimeline } from './case-timeline.js';

// A fact's value and the report's deadlines and obligations are defined by the report's schema (src/schema/report.ts).
export type { DeadlineEntry, FactValue, Obligation };
export type Facts = Record<string, FactValue>;

/** What every derivation reads besides its subject: the calendar, the profile's values, the as-of instant. */
export interface EvaluationContext {
  calendar: WorkCalendar;
  hours: WorkingHours;
  params: ParamValues;
  counting: CountingConvention;
  asOf: string;
  asOfMs: number;
  /** Whether a rule (an id, or id/variant) runs under the profile for this subject: a deadline is kept only where a rule enforces it. */
  ruleRuns(name: string): boolean;
}

export interface CaseContext extends EvaluationContext {
  timeline: CaseTimeline;
  /** The staff roster of the same period, when the report combines the two (AB-SUBSTITUTE-AUTHORITY). */
  roster?: RosterSnapshot;
}

/** One item of an item scope: a co-department, a post, a leave request… with its own facts. */
export interface ScopeItem {
  key: string;
  label?: string;
  facts: Facts;
}

/**
 * What one regulation derives from a case: facts for its rules, and deadlines and obligations for the report. The facts
 * a catalogue declares `whenShown` come from `shown`, which the engine calls only when a finding shows one of them
 * (or when a condition of the profile reads one): words and dates for messages are not worked out for every case.
 */
export type Derived<C extends FactCatalogue = FactCatalogue> = {
  facts: FactValuesOf<Pick<C, Exclude<keyof C, ShownFactName<C>>>>;
  deadlines: DeadlineEntry[];
  obligations: Obligation[];
  /** Facts per item, for rules of an item scope. */
  items?: Partial<Record<Scope, ScopeItem[]>>;
} & ([ShownFactName<C>] extends [never] ? { shown?: undefined } : { shown: () => FactValuesOf<Pick<C, ShownFactName<C>>> });

/** The facts of a catalogue declared `whenShown: true`. */
export type ShownFactName<C extends FactCatalogue> = { [K in keyof C]: C[K] extends { whenShown: true } ? K : never }[keyof C];

/** A value of the profile a fact can rest on: a parameter, or the working hours that minutes are counted in. */
export type ProfileValueName = ParamName | 'workingHours';

/** The sentence of a document (rules/documents.json) that a fact measures, quoted verbatim. */
export interface LegalSentence {
  document: string;
  article: string;
  text: string;
}

/**
 * One fact, declared once: what it means (zh/en, for rule writers, `explain` and the README), its type (a zod
 * schema the derivation's output is checked against by the compiler, and the catalogue's JSON Schema), the
 * sentence it implements where it implements one, and the profile values it is computed from.
 */
export interface FactDeclaration<T extends z.ZodType<FactValue> = z.ZodType<FactValue>> {
  zh: string;
  en: string;
  type: T;
  /** The profile values behind the fact: a finding showing it shows them, and a breach measured by them is graded by their basis. */
  params?: readonly ProfileValueName[];
  implements?: LegalSentence;
  /**
   * Computed only when a finding shows it: words, dates and lists for messages and evidence, which no rule's condition
   * reads (test/engine/shown-facts.test.ts keeps it so). Were a condition running under a profile to read one, the
   * derivation plan would compute it with the other facts.
   */
  whenShown?: true;
}

/** The facts a regulation derives, each declared for rule writers (and validated against rule files). */
export type FactCatalogue = Record<string, FactDeclaration>;

/** The value of each fact of a catalogue, as its declared type says: what a derivation must return. */
export type FactValuesOf<C extends FactCatalogue> = { -readonly [K in keyof C]: z.output<C[K]['type']> };

/** Declares a catalogue keeping each fact's name and type, so that derivations are checked against it. */
export function defineFacts<const C extends FactCatalogue>(catalogue: C): C {
  return catalogue;
}

/** The types facts take. Counts and minutes are numbers; a `date` is a local calendar day, YYYY-MM-DD. */
export const factType = {
  flag: z.boolean(),
  number: z.number(),
  count: z.int().nonnegative(),
  text: z.string(),
  date: isoDate.meta({ format: 'date' }),
  list: z.array(z.string()).readonly(),
  /** Words in both languages, shown in the message's language; for messages and evidence, never compared by conditions. */
  label: bilingualSchema,
  /** A list of such words (an item may embed input data, the same in both languages). */
  labels: z.array(bilingualSchema).readonly(),
} as const;

/** Whether a declared type is a label or a list of labels (nullable or not): words for messages, which no condition can compare. */
export function isLabelType(type: z.ZodType): boolean {
  if (type === factType.label || type === factType.labels) return true;
  return type instanceof z.ZodNullable && isLabelType(type.unwrap() as z.ZodType);
}
