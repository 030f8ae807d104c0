import type { Bilingual } from '../errors.js';
import type { DeadlineEntry, FactValue, Facts, Obligation } from '../regulations/context.js';
import type { IntegrityProblem } from '../regulations/data-integrity.js';
import { PARAM_BEHIND_FACT, type ProfileValueName } from '../regulations/index.js';
import type { RuleSwitch } from '../schema/profile.js';
import type { Citation, Severity } from '../schema/rule-file.js';
import type { Scope, SubjectKind } from '../schema/scopes.js';
import { rulesUnder, switchReason, type AppliesUnder } from './applicability.js';
import type { SubjectMatter } from './documents.js';
import { compileTest, type TraceNode } from './compile.js';
import type { DocumentInForce, ResolvedProfile, ValueSource } from './profiles.js';
import type { CompiledRule } from './rule-set.js';
import { render } from './render.js';

export interface Subject {
  kind: SubjectKind;
  id: string;
}

/** The item of a scope a finding is about: a co-department, a post, a leave request… */
export interface ItemRef {
  scope: Scope;
  key: string;
  label?: string;
}

export interface Finding {
  subject: Subject;
  /** Set when the rule runs per item (a co-department, a post…): which one. */
  item?: ItemRef;
  ruleId: string;
  /** The json-rules-engine rule that fired: the id, or the id and a variant. */
  rule: string;
  regulation: string;
  severity: Severity;
  /** Set when the severity differs from the rule's own: from what, and why. */
  graded?: { from: Severity; reason: Bilingual };
  message: Bilingual;
  /** The sentence of the document in force that imposes the duty; absent for data-integrity findings, which are about the data. */
  citation?: Citation;
  /** Why the rule ran under the profile: the document in force that imposes it, or the profile's own switch. */
  appliesUnder?: AppliesUnder;
  /** The facts the rule read and showed, by name. */
  evidence: Record<string, FactValue | undefined>;
  /** The profile parameters the rule compared with, each with its value's source and what the value rests on. */
  parameters?: Record<string, { value: FactValue; source: ValueSource }>;
}

export interface RuleTrace {
  rule: string;
  ruleId: string;
  regulation: string;
  item?: ItemRef;
  fired: boolean;
  conditions: TraceNode;
}

export interface Report {
  subject: Subject;
  asOf: string;
  profile: { id: string; versions: Array<{ id: string; validFrom: string }>; documents: string[] };
  findings: Finding[];
  deadlines: DeadlineEntry[];
  obligations: Obligation[];
  /** Every rule evaluated, with each condition's fact values and verdict (when options.trace is not false). */
  trace?: RuleTrace[];
}

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
}

interface EvidencePlan {
  /** The facts a finding shows, in the rule's evidence order. */
  facts: readonly string[];
  /** The profile values it shows: parameters compared with, and those behind the facts, in first-mention order. */
  params: readonly ProfileValueName[];
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
    planCache.set(rule, (plan = { facts, params: [...params] }));
  }
  return plan;
}

const testCache = new WeakMap<ResolvedProfile, Map<SubjectMatter, readonly ((facts: Facts) => boolean)[]>>();

/**
 * The conditions of the rules running under the profile for a kind of matter, in `rulesUnder` order, each compiled
 * with the profile's parameters inlined: once per resolved profile and kind, not looked up per rule and case.
 */
function testsUnder(profile: ResolvedProfile, kind: SubjectMatter): readonly ((facts: Facts) => boolean)[] {
  let byKind = testCache.get(profile);
  if (!byKind) testCache.set(profile, (byKind = new Map()));
  let tests = byKind.get(kind);
  if (!tests) byKind.set(kind, (tests = rulesUnder(profile, kind).map(({ rule }) => compileTest(rule.conditions, profile.params))));
  return tests;
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
  const byScope = new Map<Scope, FactSet[]>();
  for (const set of derivation.factSets) {
    const list = byScope.get(set.scope);
    if (list) list.push(set);
    else byScope.set(set.scope, [set]);
  }
  const trace: RuleTrace[] = [];
  const running = rulesUnder(profile, derivation.matterKind);
  const tests = wantTrace ? undefined : testsUnder(profile, derivation.matterKind);
  for (let r = 0; r < running.length; r++) {
    const applied = running[r]!;
    const { rule } = applied;
    const regulation = rule.regulation;
    const sets = byScope.get(rule.scope);
    if (!sets) continue;
    const test = tests?.[r];
    for (const { facts, item } of sets) {
      let fired: boolean;
      if (wantTrace) {
        const conditions = rule.condition.explain(facts);
        fired = conditions.result;
        trace.push({ rule: rule.name, ruleId: rule.id, regulation, ...(item ? { item } : {}), fired, conditions });
      } else fired = test!(facts);
      if (!fired) continue;
      const evidence: Finding['evidence'] = {};
      const parameters: NonNullable<Finding['parameters']> = {};
      const plan = evidencePlan(rule);
      for (const name of plan.facts) evidence[name] = facts[name];
      for (const name of plan.params) parameters[name] = { value: profileValue(profile, name), source: profile.sources[name]! };
      const finding: Finding = {
        subject,
        ...(item ? { item } : {}),
        ruleId: rule.id,
        rule: rule.name,
        regulation,
        severity: rule.severity,
        message: render(rule.message, facts),
        citation: applied.citation,
        appliesUnder: applied.appliesUnder,
        evidence,
      };
      if (Object.keys(parameters).length) finding.parameters = parameters;
      grade(finding, rule.measuredParams, profile, applied.switch);
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

/** A profile value as a finding shows it: a parameter's value, or the working hours written out. */
function profileValue(profile: ResolvedProfile, name: ProfileValueName): FactValue {
  return name === 'workingHours' ? profile.workingHours.map((h) => `${h.from}–${h.to}`).join(', ') : profile.params[name];
}

const BASIS_WORDS = {
  reading: { zh: '是本库对“及时”“同时”等无数字表述的理解', en: 'is this library’s reading of words such as 及时 (promptly) that give no number' },
  default: { zh: '没有文件依据', en: 'has no source in any document' },
} as const;

/**
 * A breach measured against a value that no document states (a reading of 及时, or a default) is a warning for a
 * person to review, not a violation; the profile's own severity for the rule, with its reason, has the last word.
 */
function grade(finding: Finding, measured: readonly ProfileValueName[], profile: ResolvedProfile, switched: (RuleSwitch & { profile: string }) | undefined): void {
  const ruleSeverity = finding.severity;
  if (ruleSeverity === 'violation') {
    const soft = measured
      .map((name) => [name, { value: profileValue(profile, name), source: profile.sources[name]! }] as const)
      .filter(([, p]) => p.source.basis === 'reading' || p.source.basis === 'default');
    if (soft.length) {
      finding.severity = 'warning';
      const zh = soft.map(([name, p]) => `${name} = ${String(p.value)}（${BASIS_WORDS[p.source.basis as 'reading' | 'default'].zh}）`).join('；');
      const en = soft.map(([name, p]) => `${name} = ${String(p.value)} (${BASIS_WORDS[p.source.basis as 'reading' | 'default'].en})`).join('; ');
      finding.graded = {
        from: ruleSeverity,
        reason: {
          zh: `所依据的数值并非文件明定：${zh}；中心在配置中写明自己的数值及其文件依据后，才作为违规`,
          en: `measured against a number no document states: ${en}; it becomes a violation once a center writes its own number, with its document, into its profile`,
        },
      };
    }
  }
  if (switched?.severity !== undefined && switched.severity !== finding.severity) {
    finding.graded = { from: ruleSeverity, reason: switchReason(switched) };
    finding.severity = switched.severity;
  }
}

/** An item's facts over its subject's: the prototype chain shares the subject's facts without copying them. */
export function itemFacts(subjectFacts: Facts, own: Facts): Facts {
  return Object.assign(Object.create(subjectFacts) as Facts, own);
}
