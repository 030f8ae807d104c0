import type { z } from 'zod';
import { formatDayNumber } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { WorkingHours } from '../calendar/working-hours.js';
import { abRosterItems, departmentItems } from '../regulations/ab-post/facts.js';
import { buildTimeline } from '../regulations/case-timeline.js';
import { caseFacts } from '../regulations/case-facts.js';
import { crItems } from '../regulations/chief-representative/facts.js';
import type { CaseContext, DeadlineEntry, EvaluationContext, Facts, Obligation, ScopeItem } from '../regulations/context.js';
import { integrityProblems } from '../regulations/data-integrity.js';
import { deriveCatalogue } from '../regulations/disclosure/facts.js';
import { deriveFirstInquiry } from '../regulations/first-inquiry/facts.js';
import { CASE_REGULATIONS, type RegulationModule } from '../regulations/index.js';
import { instantMs, localDay } from '../calendar/instants.js';
import { indexRoster } from '../regulations/roster/roster-index.js';
import type { CatalogueSnapshot } from '../schema/catalogue.js';
import type { caseSnapshotSchema } from '../schema/case.js';
import type { InquirySnapshot } from '../schema/inquiry.js';
import type { ProfileInput, RegulationId } from '../schema/profile.js';
import type { RosterSnapshot } from '../schema/roster.js';
import type { Scope } from '../schema/scopes.js';
import { regulationRuns, ruleNamesUnder } from './applicability.js';
import type { SubjectMatter } from './documents.js';
import { loadProfile, type ResolvedProfile } from './profiles.js';
import { itemFacts, type Derivation, type FactSet } from './run-rules.js';

export interface ProfileChoice {
  profile: string | ProfileInput;
  profiles?: readonly ProfileInput[] | undefined;
}

const profileCache = new Map<string, ResolvedProfile>();
const hoursCache = new WeakMap<ResolvedProfile, Map<WorkCalendar, WorkingHours>>();

/** The profile version in force on the subject's own date (a case's receipt, a roster's first day), never today's. */
function profileFor(choice: ProfileChoice, date: string): ResolvedProfile {
  if (typeof choice.profile !== 'string' || choice.profiles) {
    return loadProfile(choice.profile, { on: date, ...(choice.profiles ? { profiles: choice.profiles } : {}) });
  }
  const key = `${choice.profile}@${date}`;
  let resolved = profileCache.get(key);
  if (!resolved) {
    resolved = loadProfile(choice.profile, { on: date });
    if (profileCache.size > 10_000) profileCache.clear();
    profileCache.set(key, resolved);
  }
  return resolved;
}

/** Which rules run under the profile for the subject, by name (id or id/variant): deadlines follow the rules that enforce them. */
function rulesRunning(profile: ResolvedProfile, kind: SubjectMatter): (name: string) => boolean {
  const names = ruleNamesUnder(profile, kind);
  return (name) => names.has(name);
}

function contextFor(profile: ResolvedProfile, calendar: WorkCalendar, asOf: string, kind: SubjectMatter): EvaluationContext {
  let byCalendar = hoursCache.get(profile);
  if (!byCalendar) hoursCache.set(profile, (byCalendar = new Map()));
  let hours = byCalendar.get(calendar);
  if (!hours) byCalendar.set(calendar, (hours = new WorkingHours(calendar, profile.workingHours)));
  return { calendar, hours, params: profile.params, counting: profile.counting, asOf, asOfMs: instantMs(asOf), ruleRuns: rulesRunning(profile, kind) };
}

const paramFactsCache = new WeakMap<ResolvedProfile, Readonly<Facts>>();

/** The profile's parameters as `param.<name>` facts: built once per resolved profile, shared, frozen. */
function paramFacts(profile: ResolvedProfile): Readonly<Facts> {
  let facts = paramFactsCache.get(profile);
  if (!facts) {
    const built: Facts = {};
    for (const [name, value] of Object.entries(profile.params)) built[`param.${name}`] = value as Facts[string];
    paramFactsCache.set(profile, (facts = Object.freeze(built)));
  }
  return facts;
}

/** A subject's facts over the shared parameter facts (the prototype chain spares copying them per subject). */
function overParams(profile: ResolvedProfile, own: Facts): Facts {
  return Object.assign(Object.create(paramFacts(profile)) as Facts, own);
}

/** The subject's own fact set (when its kind has subject-level rules) and one per item. */
function factSetsOf(subjectScope: Scope | undefined, facts: Facts, items: Partial<Record<Scope, ScopeItem[]>>): FactSet[] {
  const sets: FactSet[] = subjectScope ? [{ scope: subjectScope, facts }] : [];
  for (const [scope, list] of Object.entries(items) as Array<[Scope, ScopeItem[]]>) {
    for (const item of list) sets.push({ scope, facts: itemFacts(facts, item.facts), item: { scope, key: item.key, ...(item.label ? { label: item.label } : {}) } });
  }
  return sets;
}

type ParsedCase = z.output<typeof caseSnapshotSchema>;

/** @internal Everything evaluation derives from a case before the rules run; the reference-engine test reuses it. */
export function deriveCase(snapshot: ParsedCase, choice: ProfileChoice, calendar: WorkCalendar, asOf: string, roster?: RosterSnapshot): Derivation {
  const asOfMs = instantMs(asOf);
  const timeline = buildTimeline(snapshot, calendar, asOfMs);
  const profile = profileFor(choice, formatDayNumber(timeline.receipt?.day ?? timeline.asOfDay));
  const kind = snapshot.appliedFor ?? snapshot.matter.kind;
  const ctx: CaseContext = { ...contextFor(profile, calendar, asOf, kind), timeline, ...(roster ? { roster } : {}) };
  const facts = overParams(profile, caseFacts(ctx));
  const deadlines: DeadlineEntry[] = [];
  const obligations: Obligation[] = [];
  const items: Partial<Record<Scope, ScopeItem[]>> = {};
  // Every case regulation's facts are derived (rules may read across regulations); only regulations with a rule
  // running under the profile for this kind of matter contribute deadlines and obligations.
  for (const [regulation, module] of Object.entries(CASE_REGULATIONS) as Array<[RegulationId, RegulationModule]>) {
    const derived = module.derive(ctx);
    Object.assign(facts, derived.facts);
    Object.assign(items, derived.items);
    if (regulationRuns(profile, regulation, 'case', kind)) {
      deadlines.push(...derived.deadlines);
      obligations.push(...derived.obligations);
    }
  }
  const problems = integrityProblems(timeline, asOf);
  if (roster) problems.push(...indexRoster(roster, calendar.timeZone).problems);
  return { subject: { kind: 'case', id: snapshot.id }, profile, matterKind: kind, factSets: factSetsOf('case', facts, items), deadlines, obligations, problems };
}

/** @internal */
export function deriveRoster(roster: RosterSnapshot, choice: ProfileChoice, calendar: WorkCalendar, asOf: string): Derivation {
  const profile = profileFor(choice, roster.period.from);
  const ctx = contextFor(profile, calendar, asOf, undefined);
  const index = indexRoster(roster, calendar.timeZone);
  const facts = overParams(profile, {});
  const items: Partial<Record<Scope, ScopeItem[]>> = {
    ...(regulationRuns(profile, 'ab-post', 'roster', undefined) ? abRosterItems(index, ctx) : { 'roster/department': departmentItems(roster) }),
    'roster/chief-representative': crItems(roster, profile.params),
  };
  return { subject: { kind: 'roster', id: roster.id }, profile, factSets: factSetsOf(undefined, facts, items), deadlines: [], obligations: [], problems: index.problems };
}

/** @internal */
export function deriveInquiry(inquiry: InquirySnapshot, choice: ProfileChoice, calendar: WorkCalendar, asOf: string): Derivation {
  const profile = profileFor(choice, formatDayNumber(localDay(instantMs(inquiry.at), calendar.timeZone)));
  const facts = overParams(profile, deriveFirstInquiry(inquiry));
  return { subject: { kind: 'inquiry', id: inquiry.id }, profile, factSets: [{ scope: 'inquiry', facts }], deadlines: [], obligations: [], problems: [] };
}

/** @internal */
export function deriveCatalogueSubject(catalogue: CatalogueSnapshot, choice: ProfileChoice, calendar: WorkCalendar, asOf: string): Derivation {
  const profile = profileFor(choice, formatDayNumber(localDay(instantMs(asOf), calendar.timeZone)));
  const derived = deriveCatalogue(catalogue, contextFor(profile, calendar, asOf, 'several'));
  const facts = overParams(profile, derived.facts);
  const deadlines = regulationRuns(profile, 'disclosure', 'catalogue', 'several') ? derived.deadlines : [];
  return { subject: { kind: 'catalogue', id: catalogue.id }, profile, matterKind: 'several', factSets: factSetsOf('catalogue', facts, derived.items), deadlines, obligations: [], problems: [] };
}
