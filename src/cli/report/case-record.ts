// One line of the audit's per-case NDJSON (`audit --format ndjson`, `audit --cases FILE`): what the audit found for
// each case of the log, in log order, or why a line of the log could not be evaluated. The zod schema is the one
// definition of the shape; the type and the JSON Schema come from it.
import { z } from 'zod';
import { formatDayNumber } from '../../calendar/dates.js';
import { instantMs } from '../../calendar/instants.js';
import type { WorkCalendar } from '../../calendar/work-calendar.js';
import type { Report } from '../../engine/run-rules.js';
import { bilingualSchema, clip } from '../../errors.js';
import { deadlineStatusSchema, severitySchema } from '../../schema/vocabulary.js';

/** Names from the log (departments, windows, case ids) and messages are cut to these lengths, as in the summary. */
export const RECORD_NAME_CHARS = 200;
export const RECORD_MESSAGE_CHARS = 1000;

const bilingual = bilingualSchema;

/** The statuses in order, as the summary lists them per kind of deadline. */
export const deadlineStatuses = deadlineStatusSchema.options;

/**
 * What a deadline is about, from its id: the completion of the case (办结), the certificate's delivery (送达), the
 * one-time notice of missing materials (一次性告知), filing a refusal with the center (备案), telling the party the
 * result, updating a guide, copying a co-department (抄告) and a co-department's opinion (协办意见).
 */
export const deadlineKinds = [
  'completion',
  'delivery',
  'one-time-notice',
  'rejection-filing',
  'result-notice',
  'guide-update',
  'co-department-copy',
  'co-department-opinion',
  'other',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export function deadlineKind(id: string): DeadlineKind {
  if (id.startsWith('guide-update:')) return 'guide-update';
  if (id.startsWith('pa-copy:')) return 'co-department-copy';
  if (id.startsWith('pa-co:')) return 'co-department-opinion';
  return (deadlineKinds as readonly string[]).includes(id) ? (id as DeadlineKind) : 'other';
}

export const decisionOutcomes = ['approved', 'refused', 'not-accepted', 'returned'] as const;

const findingRecordSchema = z.strictObject({
  ruleId: z.string(),
  /** The rule that fired: its id, or its id and variant (`TC-ON-TIME/law`). */
  rule: z.string(),
  severity: severitySchema,
  message: bilingual,
});

const deadlineRecordSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(deadlineKinds),
  dueDate: z.string().describe('calendar date, YYYY-MM-DD'),
  status: deadlineStatusSchema,
  limitWorkingDays: z.number(),
  elapsedWorkingDays: z.number(),
});

export const caseRecordSchema = z
  .strictObject({
    kind: z.literal('case'),
    /** The line of the log (the element of a JSON array), from 1. */
    line: z.int().positive(),
    caseId: z.string(),
    department: z.string(),
    window: z.string().nullable(),
    /** The month the case was received (YYYY-MM, mainland time): its first materials-received event, else its first event. */
    month: z.string().nullable(),
    accepted: z.boolean().describe('an accepted event is on record (受理)'),
    completed: z.boolean().describe('decided: approved or refused (办结)'),
    outcome: z.enum(decisionOutcomes).nullable(),
    deficiencyNotice: z.boolean().describe('at least one deficiency notice (补正告知) was given'),
    /** The completion deadline, when its clock started: status, working days used, and the limits on record. */
    completion: z
      .strictObject({
        status: deadlineStatusSchema,
        workingDaysUsed: z.number(),
        promisedLimitWorkingDays: z.number().nullable(),
        legalLimitWorkingDays: z.number().nullable(),
      })
      .nullable(),
    findings: z.array(findingRecordSchema),
    deadlines: z.array(deadlineRecordSchema),
    /** Only for a case of a platform's export whose source system gives another completion due date than ours. */
    sourceDue: z
      .strictObject({ ours: z.string(), theirs: z.string(), workingDays: z.number(), message: bilingual })
      .optional()
      .describe("the source system's 承诺办结时间 falls on another date than our completion due date"),
  })
  .meta({ title: 'audit case record', description: 'One evaluated case of an audited log.' });

export const errorRecordSchema = z
  .strictObject({
    kind: z.literal('error'),
    line: z.int().positive(),
    caseId: z.string().optional(),
    /** Where in the line's JSON the problem is (`$` for the whole line). */
    path: z.string(),
    message: bilingual,
  })
  .meta({ title: 'audit error record', description: 'A line of the log that could not be evaluated, and why.' });

export const auditRecordSchema = z.discriminatedUnion('kind', [caseRecordSchema, errorRecordSchema]);

export type CaseRecord = z.infer<typeof caseRecordSchema>;
export type ErrorRecord = z.infer<typeof errorRecordSchema>;
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** The fields of a case snapshot a record reads; the snapshot has passed validation when this is called. */
interface SnapshotFacts {
  id: string;
  matter: { department: string; window?: string; legalLimitWorkingDays?: number; promisedLimitWorkingDays?: number };
  events: ReadonlyArray<{ type: string; at: string; outcome?: string }>;
}

/** The month a case was received, on the mainland calendar's days (never the host's time zone). */
function receivedMonth(events: SnapshotFacts['events'], calendar: WorkCalendar): string | null {
  let first: { at: string; ms: number } | undefined;
  let received: { at: string; ms: number } | undefined;
  for (const event of events) {
    const ms = instantMs(event.at);
    if (!first || ms < first.ms) first = { at: event.at, ms };
    if (event.type === 'materials-received' && (!received || ms < received.ms)) received = { at: event.at, ms };
  }
  const at = (received ?? first)?.at;
  return at === undefined ? null : formatDayNumber(calendar.dayOf(at, 'audit', 'month')).slice(0, 7);
}

/** The record of an evaluated case: its report's findings and deadlines with the snapshot's own facts. */
export function caseRecord(line: number, snapshot: SnapshotFacts, report: Report, calendar: WorkCalendar): CaseRecord {
  const { matter, events } = snapshot;
  // The decision that ends the case is the last one on record.
  let decision: { ms: number; outcome: string } | undefined;
  for (const event of events) {
    if (event.type !== 'decided') continue;
    const ms = instantMs(event.at);
    if (!decision || ms >= decision.ms) decision = { ms, outcome: event.outcome! };
  }
  const outcome = (decision?.outcome ?? null) as CaseRecord['outcome'];
  const completion = report.deadlines.find((d) => d.id === 'completion');
  return {
    kind: 'case',
    line,
    caseId: clip(snapshot.id, RECORD_NAME_CHARS),
    department: clip(matter.department, RECORD_NAME_CHARS),
    window: matter.window === undefined ? null : clip(matter.window, RECORD_NAME_CHARS),
    month: receivedMonth(events, calendar),
    accepted: events.some((e) => e.type === 'accepted'),
    completed: outcome === 'approved' || outcome === 'refused',
    outcome,
    deficiencyNotice: events.some((e) => e.type === 'deficiency-notice'),
    completion: completion
      ? {
          status: completion.status,
          workingDaysUsed: completion.elapsedWorkingDays,
          promisedLimitWorkingDays: matter.promisedLimitWorkingDays ?? null,
          legalLimitWorkingDays: matter.legalLimitWorkingDays ?? null,
        }
      : null,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      rule: f.rule,
      severity: f.severity,
      message: { zh: clip(f.message.zh, RECORD_MESSAGE_CHARS), en: clip(f.message.en, RECORD_MESSAGE_CHARS) },
    })),
    deadlines: report.deadlines.map((d) => ({
      id: clip(d.id, RECORD_NAME_CHARS),
      kind: deadlineKind(d.id),
      dueDate: d.dueDate,
      status: d.status,
      limitWorkingDays: d.limitWorkingDays,
      elapsedWorkingDays: d.elapsedWorkingDays,
    })),
  };
}
