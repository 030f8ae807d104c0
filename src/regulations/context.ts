import type { CountingConvention } from '../calendar/deadline.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { WorkingHours } from '../calendar/working-hours.js';
import type { Bilingual } from '../errors.js';
import type { ParamValues } from '../schema/profile.js';
import type { RosterSnapshot } from '../schema/roster.js';
import type { Scope } from '../schema/scopes.js';
import type { CaseTimeline } from './case-timeline.js';

/** A fact's value: what rule conditions compare and messages show. */
export type FactValue = string | number | boolean | null | readonly string[];
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

export type DeadlineStatusName = 'on-track' | 'due-soon' | 'overdue' | 'met' | 'missed';

export interface DeadlineEntry {
  id: string;
  regulation: string;
  label: Bilingual;
  start: string;
  limitWorkingDays: number;
  dueDate: string;
  due: string;
  status: DeadlineStatusName;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  /** True while a suspension is open: the due date moves on with it. */
  clockStopped?: boolean;
}

export interface Obligation {
  id: string;
  regulation: string;
  owedBy: 'window' | 'department' | 'lead-department' | 'center' | 'applicant';
  what: Bilingual;
  due?: string;
}

/** What one regulation derives from a case: facts for its rules, and deadlines and obligations for the report. */
export interface Derived {
  facts: Facts;
  deadlines: DeadlineEntry[];
  obligations: Obligation[];
  /** Facts per item, for rules of an item scope. */
  items?: Partial<Record<Scope, ScopeItem[]>>;
}

/** The facts a regulation derives, each described for rule writers (and validated against rule files). */
export type FactCatalogue = Record<string, Bilingual>;
