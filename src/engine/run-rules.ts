import type { DeadlineEntry, FactValue, Facts, Obligation } from '../regulations/context.js';
import type { IntegrityProblem } from '../regulations/data-integrity.js';
import { FACT_DESCRIPTIONS, PARAM_BEHIND_FACT, REGULATION_OF_FACT, type ProfileValueName } from '../regulations/index.js';
import type { RuleSwitch } from '../schema/profile.js';
import type { Finding, ItemRef, Report, RuleTrace, Subject } from '../schema/report.js';
import type { Scope } from '../schema/scopes.js';
import { rulesUnder, switchReason, type ApplicableRule } from './applicability.js';
import type { SubjectMatter } from './documents.js';
import { compileTest } from './compile.js';
import type { DocumentInForce, ResolvedProfile } from './profiles.js';
import type { CompiledRule } from './rule-set.js';
import { render } from './render.js';

// The report's types are the outputs of its zod schemas (src/schema/report.ts), the one definition of its shape.
export type { Finding, ItemRef, Report, RuleTrace, Subject };

/** One set of facts the rules of a scope run against: the subject's own, or one item's. */
export interface FactSet {
  scope: Scope;
  facts: Facts;
  item?: ItemRef;
}

/** Everything derived from one subject before the rules run. */
export interface Derivation {
  subject: Subject;
  profile: ResolvedProfile;
  /** The case's kind of matter, which decides whether the Administrative License Law governs it; 'several' for a catalogue. */
  matterKind?: SubjectMatter;
  factSets: FactSet[];
  deadlines: DeadlineEntry[];
  obligations: Obligation[];
  problems: IntegrityProblem[];
  /**
   * Computes the facts a derivation left for when a finding shows them (declared `whenShown`), for the regulations
   * named, or for every one; absent when nothing was left.
   */
  showFacts?: (regulations?: ReadonlySet<string>) => void;
}

interface EvidencePlan {
  /** The facts a finding shows, in the rule's evidence order. */
  facts: readonly string[];
  /** The profile values it shows: parameters compared with, and those behind the facts, in first-mention order. */
  params: readonly ProfileValueName[];
  /** The regulations whose facts computed only when shown (`whenShown`) the finding shows; undefined for none. */
  shownFrom: ReadonlySet<string> | undefined;
}

const planCache = new WeakMap<CompiledRule, EvidencePlan>();

/** What a rule's findings show, worked out once per rule rather than per finding. */
function evidencePlan(rule: CompiledRule): EvidencePlan {
  let plan = planCache.get(rule);
  if (!plan) {
    const facts: string[] = [];
    const params = new Set<ProfileValueName>();
    for (const name of rule.evidenceFacts) {
      if (name.startsWith('param.')) params.add(name.slice(6) as ProfileValueName);
      else {
        facts.push(name);
        for (const behind of PARAM_BEHIND_FACT[name] ?? []) params.add(behind);
      }
    }
    const shownFrom = new Set(facts.flatMap((name) => (FACT_DESCRIPTIONS[name]?.whenShown ? [REGULATION_OF_FACT.get(name)!] : [])));
    planCache.set(rule, (plan = { facts, params: [...params], shownFrom: shownFrom.size ? shownFrom : undefined }));
  }
  return plan;
}

/** The rules running under a profile for a kind of matter, prepared once for every report. */
interface RunningRules {
  /** The rules, in `rulesUnder` order; the other lists follow it. */
  rules: readonly ApplicableRule[];
  /** Each rule's condition compiled with the profile's parameters inlined. */
  tests: readonly ((facts: Facts) => boolean)[];
  /** The severity each rule's findings take under the profile: it depends on the rule and the profile, never on the case. */
  gradings: readonly Grading[];
  /** The scopes the rules run for, each once, and the position in that list of each rule's scope. */
  scopes: readonly Scope[];
  scopeOf: readonly number[];
}

const runningCache = new WeakMap<ResolvedProfile, Map<SubjectMatter, RunningRules>>();

/**
 * The rules running under the profile for a kind of matter, with their conditions compiled with the profile's
 * parameters inlined, their gradings and their scopes by position: once per resolved profile and kind, not per case.
 */
function runningUnder(profile: ResolvedProfile, kind: SubjectMatter): RunningRules {
  let byKind = runningCache.get(profile);
  if (!byKind) runningCache.set(profile, (byKind = new Map()));
  let running = byKind.get(kind);
  if (!running) {
    const rules = rulesUnder(profile, kind);
    const scopes = [...new Set(rules.map(({ rule }) => rule.scope))];
    running = {
      rules,
      tests: rules.map(({ rule }) => compileTest(rule.conditions, profile.params)),
      gradings: rules.map((applied) => grade(applied.rule.severity, applied.rule.measuredParams, profile, applied.switch)),
      scopes,
      scopeOf: rules.map(({ rule }) => scopes.indexOf(rule.scope)),
    };
    byKind.set(kind, running);
  }
  return running;
}

/** Runs the profile's rule sets over a derivation: rule-file order, then item order, so reports are stable. */
export function buildReport(derivation: Derivation, asOf: string, wantTrace: boolean): Report {
  const { subject, profile } = derivation;
  const findings: Finding[] = derivation.problems.map((problem) => ({
    subject,
    ruleId: problem.ruleId,
    rule: problem.ruleId,
    regulation: 'data-integrity',
    severity: 'data-integrity',
    message: problem.message,
    evidence: problem.evidence,
  }));
  const { rules: running, tests, gradings, scopes, scopeOf } = runningUnder(profile, derivation.matterKind);
  // The fact sets of each scope a rule runs for, by the scope's position: no lookup by name per rule.
  const setsOf: FactSet[][] = scopes.map(() => []);
  for (const set of derivation.factSets) setsOf[scopes.indexOf(set.scope)]?.push(set);
  const trace: RuleTrace[] = [];
  for (let r = 0; r < running.length; r++) {
    const sets = setsOf[scopeOf[r]!]!;
    if (sets.length === 0) continue;
    const applied = running[r]!;
    const { rule } = applied;
    const regulation = rule.regulation;
    const test = tests[r]!;
    for (let i = 0; i < sets.length; i++) {
      const { facts, item } = sets[i]!;
      let fired: boolean;
      if (wantTrace) {
        const conditions = rule.condition.explain(facts);
        fired = conditions.result;
        trace.push({ rule: rule.name, ruleId: rule.id, regulation, ...(item ? { item } : {}), fired, conditions });
      } else fired = test(facts);
      if (!fired) continue;
      const evidence: Finding['evidence'] = {};
      const parameters: NonNullable<Finding['parameters']> = {};
      const plan = evidencePlan(rule);
      if (plan.shownFrom) derivation.showFacts?.(plan.shownFrom);
      for (const name of plan.facts) evidence[name] = facts[name];
      for (const name of plan.params) parameters[name] = { value: profileValue(profile, name), source: profile.sources[name]! };
      const grading = gradings[r]!;
      const finding: Finding = {
        subject,
        ...(item ? { item } : {}),
        ruleId: rule.id,
        rule: rule.name,
        regulation,
        severity: grading.severity,
        message: render(rule.message, facts),
        citation: applied.citation,
        appliesUnder: applied.appliesUnder,
        evidence,
      };
      if (plan.params.length) finding.parameters = parameters;
      if (grading.graded) finding.graded = grading.graded;
      findings.push(finding);
    }
  }
  const obligations = derivation.obligations.length < 2 ? [...derivation.obligations] : [...derivation.obligations].sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') || a.id.localeCompare(b.id));
  const report: Report = {
    subject,
    asOf,
    profile: { id: profile.id, versions: profile.versions, documents: profile.documents.map((d: DocumentInForce) => d.id) },
    findings,
    deadlines: derivation.deadlines,
    obligations,
  };
  if (wantTrace) report.trace = trace;
  return report;
}

const hoursShown = new WeakMap<ResolvedProfile, string>();

/** A profile value as a finding shows it: a parameter's value, or the working hours written out (once per profile). */
function profileValue(profile: ResolvedProfile, name: ProfileValueName): FactValue {
  if (name !== 'workingHours') return profile.params[name];
  let hours = hoursShown.get(profile);
  if (hours === undefined) hoursShown.set(profile, (hours = profile.workingHours.map((h) => `${h.from}–${h.to}`).join(', ')));
  return hours;
}

const BASIS_WORDS = {
  reading: { zh: '是本库对“及时”“同时”等无数字表述的理解', en: 'is this library’s reading of words such as 及时 (promptly) that give no number' },
  default: { zh: '没有文件依据', en: 'has no source in any document' },
} as const;

/** The severity a rule's findings take under a profile, and why it differs from the rule's own (worked out once per profile). */
interface Grading {
  severity: Finding['severity'];
  graded?: Finding['graded'];
}

/**
 * A breach measured against a value that no document states (a reading of 及时, or a default) is a warning for a
 * person to review, not a violation; the profile's own severity for the rule, with its reason, has the last word.
 */
function grade(ruleSeverity: Finding['severity'], measured: readonly ProfileValueName[], profile: ResolvedProfile, switched: (RuleSwitch & { profile: string }) | undefined): Grading {
  const grading: Grading = { severity: ruleSeverity };
  if (ruleSeverity === 'violation') {
    const soft = measured
      .map((name) => [name, { value: profileValue(profile, name), source: profile.sources[name]! }] as const)
      .filter(([, p]) => p.source.basis === 'reading' || p.source.basis === 'default');
    if (soft.length) {
      grading.severity = 'warning';
      const zh = soft.map(([name, p]) => `${name} = ${String(p.value)}（${BASIS_WORDS[p.source.basis as 'reading' | 'default'].zh}）`).join('；');
      const en = soft.map(([name, p]) => `${name} = ${String(p.value)} (${BASIS_WORDS[p.source.basis as 'reading' | 'default'].en})`).join('; ');
      grading.graded = {
        from: ruleSeverity,
        reason: {
          zh: `所依据的数值并非文件明定：${zh}；中心在配置中写明自己的数值及其文件依据后，才作为违规`,
          en: `measured against a number no document states: ${en}; it becomes a violation once a center writes its own number, with its document, into its profile`,
        },
      };
    }
  }
  if (switched?.severity !== undefined && switched.severity !== grading.severity) {
    grading.graded = { from: ruleSeverity, reason: switchReason(switched) };
    grading.severity = switched.severity;
  }
  return grading;
}

/** An item's facts over its subject's: the prototype chain shares the subject's facts without copying them. */
export function itemFacts(subjectFacts: Facts, own: Facts): Facts {
  return Object.assign(Object.create(subjectFacts) as Facts, own);
}
