import { z } from 'zod';
import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import { formatDayNumber } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { WorkingHours } from '../calendar/working-hours.js';
import { CalendarCoverageError, type Bilingual } from '../errors.js';
import { buildTimeline } from '../regulations/case-timeline.js';
import { caseFacts } from '../regulations/case-facts.js';
import type { CaseContext, DeadlineEntry, FactValue, Facts, Obligation } from '../regulations/context.js';
import { integrityProblems } from '../regulations/data-integrity.js';
import { CASE_REGULATIONS, PARAM_BEHIND_FACT, type RegulationModule } from '../regulations/index.js';
import { instantMs } from '../regulations/instants.js';
import { caseSnapshotSchema, instant, type CaseSnapshotInput } from '../schema/case.js';
import { parseWith } from '../schema/parse.js';
import type { ProfileInput, RegulationId, Source } from '../schema/profile.js';
import type { Citation, Severity } from '../schema/rule-file.js';
import { bundledRuleSets } from './bundled-rules.js';
import type { TraceNode } from './compile.js';
import { loadProfile, type ResolvedProfile } from './profiles.js';
import { render } from './render.js';

export interface Finding {
  caseId: string;
  ruleId: string;
  /** The json-rules-engine rule that fired: the id, or the id and a variant. */
  rule: string;
  regulation: string;
  severity: Severity;
  message: Bilingual;
  /** The regulation's sentence; absent for data-integrity findings, which are about the data, not the rules. */
  citation?: Citation;
  /** The facts the rule read and showed, by name. */
  evidence: Record<string, FactValue | undefined>;
  /** The profile parameters the rule compared with, each with its value's source. */
  parameters?: Record<string, { value: FactValue; source: Source & { profile: string } }>;
}

export interface RuleTrace {
  rule: string;
  ruleId: string;
  regulation: string;
  fired: boolean;
  conditions: TraceNode;
}

export interface Report {
  caseId: string;
  asOf: string;
  profile: { id: string; versions: Array<{ id: string; validFrom: string }> };
  findings: Finding[];
  deadlines: DeadlineEntry[];
  obligations: Obligation[];
  /** Every rule evaluated, with each condition's fact values and verdict (when options.trace is not false). */
  trace?: RuleTrace[];
}

export interface EvaluateOptions {
  /** A bundled profile id (national-baseline, city-12, county-10, township, citizen-home) or a profile object. */
  profile: string | ProfileInput;
  /** The moment the report describes. Evaluation never reads the clock. */
  asOf: string;
  /** Defaults to the bundled mainland calendar. */
  calendar?: WorkCalendar;
  /** Include the per-rule trace (default true). Audits at scale turn it off. */
  trace?: boolean;
  /** Your own profiles, for `extends` and for ids in `profile`. */
  profiles?: readonly ProfileInput[];
}

const optionsSchema = z.strictObject({
  profile: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  asOf: instant,
  calendar: z.unknown().optional(),
  trace: z.boolean().optional(),
  profiles: z.array(z.unknown()).optional(),
});

const profileCache = new Map<string, ResolvedProfile>();

function profileFor(options: EvaluateOptions, caseDate: string): ResolvedProfile {
  if (typeof options.profile !== 'string' || options.profiles) {
    return loadProfile(options.profile, { on: caseDate, ...(options.profiles ? { profiles: options.profiles } : {}) });
  }
  const key = `${options.profile}@${caseDate}`;
  let resolved = profileCache.get(key);
  if (!resolved) {
    resolved = loadProfile(options.profile, { on: caseDate });
    if (profileCache.size > 10_000) profileCache.clear();
    profileCache.set(key, resolved);
  }
  return resolved;
}

/**
 * Evaluates one case snapshot under a profile at an as-of instant. Pure: same input, same report;
 * the snapshot is never changed. Throws ValidationError for a snapshot that does not fit the schema,
 * and CalendarCoverageError (naming the case) when its dates leave the calendar's data.
 */
export function evaluate(snapshot: CaseSnapshotInput, options: EvaluateOptions): Report {
  const opts = parseWith(optionsSchema, options, 'evaluate(options)');
  const parsed = parseWith(caseSnapshotSchema, snapshot, 'evaluate(snapshot)');
  const calendar = options.calendar ?? cnMainlandCalendar();
  try {
    return evaluateParsed(parsed, options, calendar, opts.asOf);
  } catch (error) {
    if (error instanceof CalendarCoverageError) throw new CalendarCoverageError(`case ${parsed.id}: ${error.date}`, error.coverage, calendar.unpublishedYears);
    throw error;
  }
}

/** @internal Everything evaluation derives from a case before the rules run; the reference-engine test reuses it. */
export function deriveCase(snapshot: z.output<typeof caseSnapshotSchema>, options: EvaluateOptions, calendar: WorkCalendar, asOf: string) {
  const asOfMs = instantMs(asOf);
  const timeline = buildTimeline(snapshot, calendar, asOfMs);
  // The profile version in force on the case's own first date, never today's.
  const caseDate = formatDayNumber(timeline.receipt?.day ?? timeline.asOfDay);
  const profile = profileFor(options, caseDate);
  const ctx: CaseContext = {
    timeline,
    calendar,
    hours: new WorkingHours(calendar, profile.workingHours),
    params: profile.params,
    counting: profile.counting,
    asOf,
  };

  const facts: Facts = caseFacts(ctx);
  for (const [name, value] of Object.entries(profile.params)) facts[`param.${name}`] = value;
  const deadlines: DeadlineEntry[] = [];
  const obligations: Obligation[] = [];
  // Every case regulation's facts are derived (rules may read across regulations); only the profile's
  // rule sets contribute deadlines, obligations and findings.
  for (const [regulation, module] of Object.entries(CASE_REGULATIONS) as Array<[RegulationId, RegulationModule]>) {
    const derived = module.derive(ctx);
    Object.assign(facts, derived.facts);
    if (profile.ruleSets.includes(regulation)) {
      deadlines.push(...derived.deadlines);
      obligations.push(...derived.obligations);
    }
  }
  return { timeline, profile, facts, deadlines, obligations };
}

function evaluateParsed(snapshot: z.output<typeof caseSnapshotSchema>, options: EvaluateOptions, calendar: WorkCalendar, asOf: string): Report {
  const { timeline, profile, facts, deadlines, obligations } = deriveCase(snapshot, options, calendar, asOf);
  const findings: Finding[] = integrityProblems(timeline, asOf).map((problem) => ({
    caseId: snapshot.id,
    ruleId: problem.ruleId,
    rule: problem.ruleId,
    regulation: 'data-integrity',
    severity: 'data-integrity',
    message: problem.message,
    evidence: problem.evidence,
  }));
  const wantTrace = options.trace !== false;
  const trace: RuleTrace[] = [];
  const ruleSets = bundledRuleSets();
  for (const regulation of profile.ruleSets) {
    for (const rule of ruleSets.get(regulation)!.rules) {
      let fired: boolean;
      if (wantTrace) {
        const conditions = rule.condition.explain(facts);
        fired = conditions.result;
        trace.push({ rule: rule.name, ruleId: rule.id, regulation, fired, conditions });
      } else fired = rule.condition.test(facts);
      if (!fired) continue;
      const evidence: Finding['evidence'] = {};
      const parameters: NonNullable<Finding['parameters']> = {};
      for (const name of rule.evidenceFacts) {
        if (name.startsWith('param.')) {
          const param = name.slice(6);
          parameters[param] = { value: facts[name]!, source: profile.sources[param]! };
        } else {
          evidence[name] = facts[name];
          const behind = PARAM_BEHIND_FACT[name];
          if (behind) parameters[behind] = { value: profile.params[behind], source: profile.sources[behind]! };
        }
      }
      const finding: Finding = {
        caseId: snapshot.id,
        ruleId: rule.id,
        rule: rule.name,
        regulation,
        severity: rule.severity,
        message: render(rule.message, facts),
        citation: rule.citation,
        evidence,
      };
      if (Object.keys(parameters).length) finding.parameters = parameters;
      findings.push(finding);
    }
  }

  obligations.sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') || a.id.localeCompare(b.id));
  const report: Report = {
    caseId: snapshot.id,
    asOf,
    profile: { id: profile.id, versions: profile.versions },
    findings,
    deadlines,
    obligations,
  };
  if (wantTrace) report.trace = trace;
  return report;
}
