import type { CountingConvention } from '../calendar/deadline.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { WorkingHours } from '../calendar/working-hours.js';
import type { Bilingual } from '../errors.js';
import type { ParamValues } from '../schema/profile.js';
import type { CaseTimeline } from './case-timeline.js';

/** A fact's value: what rule conditions compare and messages show. */
export type FactValue = string | number | boolean | null | readonly string[];
export type Facts = Record<string, FactValue>;

export interface CaseContext {
  timeline: CaseTimeline;
  calendar: WorkCalendar;
  hours: WorkingHours;
  params: ParamValues;
  counting: CountingConvention;
  asOf: string;
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
}

/** The facts a regulation derives, each described for rule writers (and validated against rule files). */
export type FactCatalogue = Record<string, Bilingual>;
