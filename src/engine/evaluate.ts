import { z } from 'zod';
import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { CalendarCoverageError } from '../errors.js';
import { catalogueSnapshotSchema, type CatalogueSnapshotInput } from '../schema/catalogue.js';
import { caseSnapshotSchema, instant, type CaseSnapshotInput } from '../schema/case.js';
import { CASE_PREDICATES, readCase, REJECTED } from '../schema/case-reader.js';
import { readerOrZod, type Reader } from '../schema/compiled-check.js';
import { inquirySnapshotSchema, type InquirySnapshotInput } from '../schema/inquiry.js';
import { parseWith } from '../schema/parse.js';
import type { ProfileInput } from '../schema/profile.js';
import type { ProfileId } from './profiles.js';
import { rosterSnapshotSchema, type RosterSnapshotInput } from '../schema/roster.js';
import { deriveCase, deriveCatalogueSubject, deriveInquiry, deriveRoster } from './derive.js';
import { buildReport, type Derivation, type Report } from './run-rules.js';

export type { Finding, ItemRef, Report, RuleTrace, Subject } from './run-rules.js';

export interface EvaluateOptions {
  /** A bundled profile id (national-baseline, city-12, county-10, township, citizen-home) or a profile object. */
  profile: ProfileId | ProfileInput;
  /** The moment the report describes. Evaluation never reads the clock. */
  asOf: string;
  /** Defaults to the bundled mainland calendar. */
  calendar?: WorkCalendar;
  /** Include the per-rule trace (default true). Audits at scale turn it off. */
  trace?: boolean;
  /** Your own profiles, for `extends` and for ids in `profile`. */
  profiles?: readonly ProfileInput[];
}

export interface EvaluateCaseOptions extends EvaluateOptions {
  /** The staff roster of the case's period: acts on the case are then checked against who held which post. */
  roster?: RosterSnapshotInput;
}

const optionsShape = {
  profile: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  asOf: instant,
  calendar: z.instanceof(WorkCalendar, { message: 'a WorkCalendar (cnMainlandCalendar() or createCalendar(…))' }).optional(),
  trace: z.boolean().optional(),
  profiles: z.array(z.record(z.string(), z.unknown())).optional(),
};
const optionsSchema = z.strictObject(optionsShape);
export const caseOptionsSchema = z.strictObject({ ...optionsShape, roster: z.unknown().optional() });

// Compiled from caseOptionsSchema on first use, like the snapshot's reader: zod runs only to word a rejection.
let readCaseOptions: Reader<unknown> | undefined;

/** Runs a derivation with the calendar's coverage errors naming the subject they came from. */
function run(kind: string, id: () => string, options: EvaluateOptions, derive: (calendar: WorkCalendar, asOf: string) => Derivation): Report {
  const calendar = options.calendar ?? cnMainlandCalendar();
  try {
    return buildReport(derive(calendar, options.asOf), options.asOf, options.trace !== false);
  } catch (error) {
    if (error instanceof CalendarCoverageError) throw new CalendarCoverageError(`${kind} ${id()}: ${error.date}`, error.coverage, calendar.unpublishedYears);
    throw error;
  }
}

/**
 * Evaluates one case snapshot under a profile at an as-of instant. Pure: same input, same report;
 * the snapshot is never changed. Throws ValidationError for a snapshot that does not fit the schema,
 * and CalendarCoverageError (naming the case) when its dates leave the calendar's data. With `roster`,
 * acts on the case are checked against the posts (AB-SUBSTITUTE-AUTHORITY).
 */
export function evaluate(snapshot: CaseSnapshotInput, options: EvaluateCaseOptions): Report {
  readCaseOptions ??= readerOrZod(caseOptionsSchema, { predicates: CASE_PREDICATES });
  if (readCaseOptions(options) === REJECTED) parseWith(caseOptionsSchema, options, 'evaluate(options)');
  // The reader compiled from caseSnapshotSchema returns zod's output; zod itself runs only to word a rejection.
  const read = readCase(snapshot);
  const parsed = read === REJECTED ? parseWith(caseSnapshotSchema, snapshot, 'evaluate(snapshot)') : read;
  const roster = options.roster === undefined ? undefined : parseWith(rosterSnapshotSchema, options.roster, 'evaluate(options.roster)');
  return run('case', () => parsed.id, options, (calendar, asOf) => deriveCase(parsed, options, calendar, asOf, roster));
}

/** Evaluates a staff roster: A/B coverage and paperwork, staffing, attendance, chief representatives. */
export function evaluateRoster(roster: RosterSnapshotInput, options: EvaluateOptions): Report {
  parseWith(optionsSchema, options, 'evaluateRoster(options)');
  const parsed = parseWith(rosterSnapshotSchema, roster, 'evaluateRoster(roster)');
  return run('roster', () => parsed.id, options, (calendar, asOf) => deriveRoster(parsed, options, calendar, asOf));
}

/** Evaluates one inquiry against first-inquiry responsibility. */
export function evaluateInquiry(inquiry: InquirySnapshotInput, options: EvaluateOptions): Report {
  parseWith(optionsSchema, options, 'evaluateInquiry(options)');
  const parsed = parseWith(inquirySnapshotSchema, inquiry, 'evaluateInquiry(inquiry)');
  return run('inquiry', () => parsed.id, options, (calendar, asOf) => deriveInquiry(parsed, options, calendar, asOf));
}

/** Evaluates a matter catalogue against the disclosure rules: guide fields and updates, personal data, fees, tampering. */
export function evaluateCatalogue(catalogue: CatalogueSnapshotInput, options: EvaluateOptions): Report {
  parseWith(optionsSchema, options, 'evaluateCatalogue(options)');
  const parsed = parseWith(catalogueSnapshotSchema, catalogue, 'evaluateCatalogue(catalogue)');
  return run('catalogue', () => parsed.id, options, (calendar, asOf) => deriveCatalogueSubject(parsed, options, calendar, asOf));
}
