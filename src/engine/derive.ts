import type { z } from 'zod';
import { formatDayNumber } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { WorkingHours } from '../calendar/working-hours.js';
import { departmentItems } from '../regulations/ab-post/facts.js';
import { buildTimeline } from '../regulations/case-timeline.js';
import { CASE_FACTS, caseFacts } from '../regulations/case-facts.js';
import type { CaseContext, DeadlineEntry, Derived, EvaluationContext, FactCatalogue, Facts, Obligation, ScopeItem } from '../regulations/context.js';
import { integrityProblems } from '../regulations/data-integrity.js';
import { FACTS_BY_SCOPE, MANIFESTS, REGULATION_OF_FACT, type RegulationId } from '../regulations/index.js';
import type { RegulationManifest } from '../regulations/manifest.js';
import { instantMs, localDay } from '../calendar/instants.js';
import { indexRoster } from '../regulations/roster/roster-index.js';
import type { CatalogueSnapshot } from '../schema/catalogue.js';
import type { caseSnapshotSchema } from '../schema/case.js';
import type { InquirySnapshot } from '../schema/inquiry.js';
import type { ProfileInput } from '../schema/profile.js';
import type { ProfileId } from './profiles.js';
import type { RosterSnapshot } from '../schema/roster.js';
import { subjectOf, type Scope, type SubjectKind } from '../schema/scopes.js';
import { regulationRuns, ruleNamesUnder, rulesUnder } from './applicability.js';
import type { SubjectMatter } from './documents.js';
import { bundledVersionsOn, loadProfile, type ResolvedProfile } from './profiles.js';
import { generatedOr } from './generated.js';
import { factsOf } from './compile.js';
import { itemFacts, type Derivation, type FactSet } from './run-rules.js';

export interface ProfileChoice {
  profile: ProfileId | ProfileInput;
  profiles?: readonly ProfileInput[] | undefined;
}

const PROFILE_CACHE_LIMIT = 10_000;
/** Resolutions by profile (a bundled id, or a custom profile's JSON) and then by date: no key string built per case. */
const profileCache = new Map<string, Map<string, ResolvedProfile>>();
let profileCacheSize = 0;
/** Resolutions by the profile and the versions in force: one per version span. */
const spanCache = new Map<string, ResolvedProfile>();
const hoursCache = new WeakMap<ResolvedProfile, Map<WorkCalendar, WorkingHours>>();

/**
 * The profile version in force on the subject's own date (a case's receipt, a roster's first day), never today's.
 * Resolutions are cached (bounded in size) by the profile: bundled ones by id, custom ones by their JSON.
 */
function profileFor(choice: ProfileChoice, date: string): ResolvedProfile {
  // A custom profile is keyed by its content as written (the same content with its keys in another order is only
  // another cache entry), so a caller who edits a profile object between calls gets the edited profile.
  const content = typeof choice.profile !== 'string' || choice.profiles !== undefined ? contentOf(choice.profile, choice.profiles) : undefined;
  const profileKey = content ?? (choice.profile as string);
  let byDate = profileCache.get(profileKey);
  let resolved = byDate?.get(date);
  if (!resolved) {
    // A profile resolves the same on every day of its versions' span: share one resolution (and with it the
    // per-profile caches of running rules, compiled conditions, needed regulations and fact records) over the span.
    // A bundled profile's span is known without resolving it; a custom one's once it is resolved.
    const bundledSpan = content === undefined ? bundledVersionsOn(choice.profile as string, date) : undefined;
    resolved = bundledSpan !== undefined ? spanCache.get(bundledSpan) : undefined;
    if (!resolved) {
      const loaded = loadProfile(choice.profile, { on: date, ...(choice.profiles ? { profiles: choice.profiles } : {}) });
      const span = bundledSpan ?? `${content ?? (choice.profile as string)}|${loaded.versions.map((v) => `${v.id}@${v.validFrom}`).join('>')}`;
      resolved = spanCache.get(span) ?? loaded;
      if (spanCache.size >= PROFILE_CACHE_LIMIT) spanCache.delete(spanCache.keys().next().value!);
      spanCache.set(span, resolved);
    }
    if (profileCacheSize >= PROFILE_CACHE_LIMIT) {
      profileCache.clear();
      profileCacheSize = 0;
      byDate = undefined;
    }
    if (!byDate) profileCache.set(profileKey, (byDate = new Map()));
    byDate.set(date, resolved);
    profileCacheSize++;
  }
  return resolved;
}

/** Objects found frozen all the way down: they can never change, so what is computed from them can be kept. */
const deeplyFrozen = new WeakSet<object>();

function isDeeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (deeplyFrozen.has(value)) return true;
  if (!Object.isFrozen(value) || !Object.values(value).every(isDeeplyFrozen)) return false;
  deeplyFrozen.add(value);
  return true;
}

/** The JSON of deeply frozen custom profiles, by identity: the profile object and then its `profiles` list, or a bundled id's `profiles` list and then the id. */
const frozenContent = new WeakMap<object, Map<unknown, string>>();

/**
 * A custom profile's content as a cache key. An object that can still change is written out on every call (so an edit
 * between calls is seen); one frozen all the way down (`Object.freeze` on every level, as the command line does) is
 * written out once and then known by its identity.
 */
function contentOf(profile: ProfileChoice['profile'], profiles: ProfileChoice['profiles']): string {
  if (!isDeeplyFrozen(profile) || !isDeeplyFrozen(profiles)) return JSON.stringify([profile, profiles ?? null]);
  // Only called for a profile object, or for an id with a `profiles` list: either way there is an object to key on.
  const [outer, inner] = typeof profile === 'string' ? [profiles!, profile] : [profile, profiles];
  let byInner = frozenContent.get(outer);
  if (!byInner) frozenContent.set(outer, (byInner = new Map()));
  let content = byInner.get(inner);
  if (content === undefined) byInner.set(inner, (content = JSON.stringify([profile, profiles ?? null])));
  return content;
}

const neededCache = new WeakMap<ResolvedProfile, Map<string, ReadonlySet<RegulationId>>>();

/**
 * The regulations whose derivation a subject needs under the profile: those with a rule running for the subject
 * (they contribute its deadlines and obligations), those declaring a fact a running rule reads or shows, and those
 * declaring the item scope a running rule is evaluated for. A regulation not in force costs nothing.
 */
export function regulationsNeeded(profile: ResolvedProfile, subject: SubjectKind, kind: SubjectMatter): ReadonlySet<RegulationId> {
  let byKind = neededCache.get(profile);
  if (!byKind) neededCache.set(profile, (byKind = new Map()));
  const key = `${subject}/${kind ?? ''}`;
  let needed = byKind.get(key);
  if (!needed) {
    const ids = new Set<RegulationId>();
    const running = rulesUnder(profile, kind).filter(({ rule }) => subjectOf(rule.scope) === subject);
    for (const manifest of MANIFESTS) {
      if (regulationRuns(profile, manifest.id, subject, kind)) ids.add(manifest.id);
      else if (running.some(({ rule }) => manifest.facts[rule.scope] !== undefined && rule.scope !== subject)) ids.add(manifest.id);
    }
    for (const { rule } of running) {
      for (const fact of rule.evidenceFacts) {
        const owner = REGULATION_OF_FACT.get(fact);
        if (owner) ids.add(owner);
      }
    }
    byKind.set(key, (needed = ids));
  }
  return needed;
}

/** @internal Which regulations a derivation runs: those the profile's rules need, or every one (tests reading any fact, and the reference path). */
export type DerivedRegulations = 'needed' | 'all';

/** A regulation a subject's derivation runs, and whether it contributes the subject's deadlines and obligations. */
interface PlannedRegulation {
  manifest: RegulationManifest<RegulationId>;
  runs: boolean;
  /** The case facts its derivation returns at once, and those it computes only when shown (`whenShown`). */
  eager: readonly string[];
  shown: readonly string[];
  /** Whether the shown facts are computed with the others: a running condition reads one, or every fact is asked for. */
  shownNow: boolean;
}

/** The shared case facts, all computed at once (none is declared `whenShown`: caseFacts has no part for later). */
const CASE_FACT_NAMES = Object.keys(CASE_FACTS);

const caseNames = new WeakMap<FactCatalogue, { eager: readonly string[]; shown: readonly string[] }>();

/** A case catalogue's fact names, split by whether they are computed only when shown. */
function caseNamesOf(catalogue: FactCatalogue | undefined): { eager: readonly string[]; shown: readonly string[] } {
  if (!catalogue) return { eager: [], shown: [] };
  let names = caseNames.get(catalogue);
  if (!names) {
    const all = Object.keys(catalogue);
    caseNames.set(catalogue, (names = { eager: all.filter((name) => !catalogue[name]!.whenShown), shown: all.filter((name) => catalogue[name]!.whenShown) }));
  }
  return names;
}

/** Per profile, which regulations, subject and kind of matter (nested maps: no key string is built per subject). */
const planCache = new WeakMap<ResolvedProfile, Map<DerivedRegulations, Map<SubjectKind, Map<SubjectMatter, readonly PlannedRegulation[]>>>>();

/** The regulations derived for a subject under the profile, in manifest order: worked out once per profile and kind of matter. */
function manifestsFor(profile: ResolvedProfile, subject: SubjectKind, kind: SubjectMatter, which: DerivedRegulations = 'needed'): readonly PlannedRegulation[] {
  let byWhich = planCache.get(profile);
  if (!byWhich) planCache.set(profile, (byWhich = new Map()));
  let bySubject = byWhich.get(which);
  if (!bySubject) byWhich.set(which, (bySubject = new Map()));
  let byKind = bySubject.get(subject);
  if (!byKind) bySubject.set(subject, (byKind = new Map()));
  let plan = byKind.get(kind);
  if (!plan) {
    const needed = which === 'all' ? undefined : regulationsNeeded(profile, subject, kind);
    const read = new Set(rulesUnder(profile, kind).flatMap(({ rule }) => (subjectOf(rule.scope) === subject ? [...factsOf(rule.conditions)] : [])));
    plan = MANIFESTS.filter((manifest) => needed === undefined || needed.has(manifest.id)).map((manifest) => {
      const { eager, shown } = caseNamesOf(subject === 'case' ? manifest.facts.case : undefined);
      return { manifest, runs: regulationRuns(profile, manifest.id, subject, kind), eager, shown, shownNow: which === 'all' || shown.some((name) => read.has(name)) };
    });
    byKind.set(kind, plan);
  }
  return plan;
}

/** Which rules run under the profile for the subject, by name (id or id/variant): deadlines follow the rules that enforce them. */
function rulesRunning(profile: ResolvedProfile, kind: SubjectMatter): (name: string) => boolean {
  const names = ruleNamesUnder(profile, kind);
  return (name) => names.has(name);
}

const CONTEXT_CACHE_LIMIT = 64;
/** Per profile and calendar, by as-of instant and then kind of matter. */
const contextCache = new WeakMap<ResolvedProfile, WeakMap<WorkCalendar, Map<string, Map<SubjectMatter, EvaluationContext>>>>();

/**
 * What derivations read besides the subject. An audit evaluates every case as of one instant under a few profile
 * versions, so contexts are kept per profile, calendar, as-of instant and kind of matter (a few per profile).
 */
function contextFor(profile: ResolvedProfile, calendar: WorkCalendar, asOf: string, kind: SubjectMatter): EvaluationContext {
  let byCalendar = contextCache.get(profile);
  if (!byCalendar) contextCache.set(profile, (byCalendar = new WeakMap()));
  let byInstant = byCalendar.get(calendar);
  if (!byInstant) byCalendar.set(calendar, (byInstant = new Map()));
  let byKind = byInstant.get(asOf);
  if (!byKind) {
    if (byInstant.size >= CONTEXT_CACHE_LIMIT) byInstant.clear();
    byInstant.set(asOf, (byKind = new Map()));
  }
  let ctx = byKind.get(kind);
  if (!ctx) {
    ctx = { calendar, hours: hoursFor(profile, calendar), params: profile.params, counting: profile.counting, asOf, asOfMs: instantMs(asOf), ruleRuns: rulesRunning(profile, kind) };
    byKind.set(kind, ctx);
  }
  return ctx;
}

function hoursFor(profile: ResolvedProfile, calendar: WorkCalendar): WorkingHours {
  let byCalendar = hoursCache.get(profile);
  if (!byCalendar) hoursCache.set(profile, (byCalendar = new Map()));
  let hours = byCalendar.get(calendar);
  if (!hours) byCalendar.set(calendar, (hours = new WorkingHours(calendar, profile.workingHours)));
  return hours;
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

const records = new WeakMap<ResolvedProfile, Map<Scope, new () => Facts>>();

/**
 * An empty fact record of fixed shape for a case scope: every fact a rule of that scope may read, initialised in one
 * order by a constructor generated once per resolved profile, over the profile's parameter facts. Derivations then
 * only fill existing properties, so the record keeps V8's fast properties (a plain object filled with ~160 facts
 * becomes a dictionary, and so does an object another one uses as its prototype) and each compiled condition reads
 * it through a monomorphic property access. Where code generation is disallowed, a plain object over the parameter
 * facts.
 */
function newRecord(profile: ResolvedProfile, scope: Scope): Facts {
  let byScope = records.get(profile);
  if (!byScope) records.set(profile, (byScope = new Map()));
  let Record = byScope.get(scope);
  if (!Record) {
    const body = [...FACTS_BY_SCOPE[scope]].map((name) => `this[${JSON.stringify(name)}] = undefined;`).join('\n');
    Record = generatedOr(
      () => new Function(body) as unknown as new () => Facts,
      () => function PlainFacts() {} as unknown as new () => Facts,
    );
    Record.prototype = paramFacts(profile);
    byScope.set(scope, Record);
  }
  return new Record();
}

const assigners = new WeakMap<object, (target: Facts, source: Facts) => void>();

/**
 * Copies facts into a record: one generated store per named fact, so each store is a monomorphic property write,
 * where `Object.assign` looks every key up afresh in the record's ~160 properties. `names` is a catalogue's facts
 * returned at once or when shown (a derivation returns exactly those: test/engine/declared-facts.test.ts), or a scope's.
 */
function assignerOf(names: readonly string[] | ReadonlySet<string>): (target: Facts, source: Facts) => void {
  let assign = assigners.get(names);
  if (!assign) {
    const keys = [...names];
    const body = keys.map((name) => `t[${JSON.stringify(name)}] = s[${JSON.stringify(name)}];`).join('\n');
    assign = generatedOr(
      () => new Function('t', 's', body) as (target: Facts, source: Facts) => void,
      () => (target: Facts, source: Facts) => {
        for (const key of keys) target[key] = source[key]!;
      },
    );
    assigners.set(names, assign);
  }
  return assign;
}

/**
 * A case item's facts (a co-department's): its own over a copy of the case's, in a record of the item scope's fixed
 * shape. Sharing the case's record as a prototype would cost no copy but turn the case record into a dictionary.
 */
function caseItemFacts(profile: ResolvedProfile, scope: Scope, caseRecord: Facts, own: Facts): Facts {
  const record = newRecord(profile, scope);
  assignerOf(FACTS_BY_SCOPE.case)(record, caseRecord);
  return Object.assign(record, own);
}

/** The subject's own fact set (when its kind has subject-level rules) and one per item. */
function factSetsOf(subjectScope: Scope | undefined, facts: Facts, items: Partial<Record<Scope, ScopeItem[]>>, ofItem: (scope: Scope, own: Facts) => Facts = (_scope, own) => itemFacts(facts, own)): FactSet[] {
  const sets: FactSet[] = subjectScope ? [{ scope: subjectScope, facts }] : [];
  for (const [scope, list] of Object.entries(items) as Array<[Scope, ScopeItem[]]>) {
    for (const item of list) sets.push({ scope, facts: ofItem(scope, item.facts), item: { scope, key: item.key, ...(item.label ? { label: item.label } : {}) } });
  }
  return sets;
}

type ParsedCase = z.output<typeof caseSnapshotSchema>;

/** @internal What a case's derivations read: its timeline, the profile in force on its receipt, the context. */
export function caseContext(snapshot: ParsedCase, choice: ProfileChoice, calendar: WorkCalendar, asOf: string, roster?: RosterSnapshot): { ctx: CaseContext; profile: ResolvedProfile; kind: SubjectMatter } {
  const asOfMs = instantMs(asOf);
  const timeline = buildTimeline(snapshot, calendar, asOfMs);
  const profile = profileFor(choice, formatDayNumber(timeline.receipt?.day ?? timeline.asOfDay));
  const kind = snapshot.appliedFor ?? snapshot.matter.kind;
  const base = contextFor(profile, calendar, asOf, kind);
  // Written out rather than spread: every case's context then has one shape.
  const ctx: CaseContext = { calendar, hours: base.hours, params: base.params, counting: base.counting, asOf, asOfMs: base.asOfMs, ruleRuns: base.ruleRuns, timeline, roster };
  return { ctx, profile, kind };
}

/** @internal Everything evaluation derives from a case before the rules run; the reference-engine test reuses it. */
export function deriveCase(snapshot: ParsedCase, choice: ProfileChoice, calendar: WorkCalendar, asOf: string, roster?: RosterSnapshot, which: DerivedRegulations = 'needed'): Derivation {
  const { ctx, profile, kind } = caseContext(snapshot, choice, calendar, asOf, roster);
  const timeline = ctx.timeline;
  const facts = newRecord(profile, 'case');
  assignerOf(CASE_FACT_NAMES)(facts, caseFacts(ctx));
  const deadlines: DeadlineEntry[] = [];
  const obligations: Obligation[] = [];
  const items: Partial<Record<Scope, ScopeItem[]>> = {};
  // Only the regulations the profile's rules need are derived; those with a rule running for this kind of matter
  // contribute deadlines and obligations.
  const plan = manifestsFor(profile, 'case', kind, which);
  let later: Array<(() => Facts) | undefined> | undefined;
  for (let i = 0; i < plan.length; i++) {
    const planned = plan[i]!;
    const derived = planned.manifest.derive.case?.(ctx) as DerivedFromAnyCatalogue | undefined;
    if (!derived) continue;
    assignerOf(planned.eager)(facts, derived.facts);
    if (derived.shown) {
      if (planned.shownNow) assignerOf(planned.shown)(facts, derived.shown());
      else (later ??= new Array(plan.length))[i] = derived.shown;
    }
    if (derived.items) Object.assign(items, derived.items);
    if (planned.runs) {
      deadlines.push(...derived.deadlines);
      obligations.push(...derived.obligations);
    }
  }
  const problems = integrityProblems(timeline, asOf);
  if (roster) problems.push(...indexRoster(roster, calendar.timeZone).problems);
  const factSets = factSetsOf('case', facts, items, (scope, own) => caseItemFacts(profile, scope, facts, own));
  const derivation: Derivation = { subject: { kind: 'case', id: snapshot.id }, profile, matterKind: kind, factSets, deadlines, obligations, problems };
  if (later) derivation.showFacts = showLater(plan, later, factSets);
  return derivation;
}

/** A derivation's result seen from the loop, which does not know its catalogue's `whenShown` facts. */
type DerivedFromAnyCatalogue = Omit<Derived, 'shown'> & { shown?: () => Facts };

/**
 * Computes, when a finding is about to show them, the facts left for then (`whenShown`) by the regulations named (every
 * one when none is named), once, into the case's record and its items' (which hold copies of the case's facts).
 */
function showLater(plan: readonly PlannedRegulation[], later: Array<(() => Facts) | undefined>, factSets: readonly FactSet[]): (regulations?: ReadonlySet<string>) => void {
  return (regulations) => {
    for (let i = 0; i < later.length; i++) {
      const shown = later[i];
      if (shown === undefined || (regulations !== undefined && !regulations.has(plan[i]!.manifest.id))) continue;
      later[i] = undefined;
      const values = shown();
      const assign = assignerOf(plan[i]!.shown);
      for (const set of factSets) assign(set.facts, values);
    }
  };
}

/** @internal */
export function deriveRoster(roster: RosterSnapshot, choice: ProfileChoice, calendar: WorkCalendar, asOf: string): Derivation {
  const profile = profileFor(choice, roster.period.from);
  const ctx = contextFor(profile, calendar, asOf, undefined);
  const index = indexRoster(roster, calendar.timeZone);
  const facts = overParams(profile, {});
  const items: Partial<Record<Scope, ScopeItem[]>> = { 'roster/department': departmentItems(roster) };
  for (const { manifest } of manifestsFor(profile, 'roster', undefined)) Object.assign(items, manifest.derive.roster?.({ roster, index, ctx }));
  return { subject: { kind: 'roster', id: roster.id }, profile, factSets: factSetsOf(undefined, facts, items), deadlines: [], obligations: [], problems: index.problems };
}

/** @internal */
export function deriveInquiry(inquiry: InquirySnapshot, choice: ProfileChoice, calendar: WorkCalendar, asOf: string): Derivation {
  const profile = profileFor(choice, formatDayNumber(localDay(instantMs(inquiry.at), calendar.timeZone)));
  const ctx = contextFor(profile, calendar, asOf, undefined);
  const own: Facts = {};
  for (const { manifest } of manifestsFor(profile, 'inquiry', undefined)) Object.assign(own, manifest.derive.inquiry?.(inquiry, ctx));
  const facts = overParams(profile, own);
  return { subject: { kind: 'inquiry', id: inquiry.id }, profile, factSets: [{ scope: 'inquiry', facts }], deadlines: [], obligations: [], problems: [] };
}

/** @internal */
export function deriveCatalogueSubject(catalogue: CatalogueSnapshot, choice: ProfileChoice, calendar: WorkCalendar, asOf: string): Derivation {
  const profile = profileFor(choice, formatDayNumber(localDay(instantMs(asOf), calendar.timeZone)));
  const ctx = contextFor(profile, calendar, asOf, 'several');
  const facts = overParams(profile, {});
  const items: Partial<Record<Scope, ScopeItem[]>> = {};
  const deadlines: DeadlineEntry[] = [];
  for (const { manifest, runs } of manifestsFor(profile, 'catalogue', 'several')) {
    const derived = manifest.derive.catalogue?.(catalogue, ctx);
    if (!derived) continue;
    Object.assign(facts, derived.facts);
    Object.assign(items, derived.items);
    if (runs) deadlines.push(...derived.deadlines);
  }
  return { subject: { kind: 'catalogue', id: catalogue.id }, profile, matterKind: 'several', factSets: factSetsOf('catalogue', facts, items), deadlines, obligations: [], problems: [] };
}
