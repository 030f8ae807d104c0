import type { Bilingual } from '../errors.js';
import type { DeadlineEntry, FactValue, Facts, Obligation } from '../regulations/context.js';
import type { IntegrityProblem } from '../regulations/data-integrity.js';
import { PARAM_BEHIND_FACT } from '../regulations/index.js';
import type { Source } from '../schema/profile.js';
import type { Citation, Severity } from '../schema/rule-file.js';
import type { Scope, SubjectKind } from '../schema/scopes.js';
import { bundledRuleSets } from './bundled-rules.js';
import type { TraceNode } from './compile.js';
import type { ResolvedProfile } from './profiles.js';
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
  item?: ItemRef;
  fired: boolean;
  conditions: TraceNode;
}

export interface Report {
  subject: Subject;
  asOf: string;
  profile: { id: string; versions: Array<{ id: string; validFrom: string }> };
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
  factSets: FactSet[];
  deadlines: DeadlineEntry[];
  obligations: Obligation[];
  problems: IntegrityProblem[];
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
  const ruleSets = bundledRuleSets();
  for (const regulation of profile.ruleSets) {
    for (const rule of ruleSets.get(regulation)!.rules) {
      for (const { facts, item } of byScope.get(rule.scope) ?? []) {
        let fired: boolean;
        if (wantTrace) {
          const conditions = rule.condition.explain(facts);
          fired = conditions.result;
          trace.push({ rule: rule.name, ruleId: rule.id, regulation, ...(item ? { item } : {}), fired, conditions });
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
          subject,
          ...(item ? { item } : {}),
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
  }
  const obligations = [...derivation.obligations].sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') || a.id.localeCompare(b.id));
  const report: Report = {
    subject,
    asOf,
    profile: { id: profile.id, versions: profile.versions },
    findings,
    deadlines: derivation.deadlines,
    obligations,
  };
  if (wantTrace) report.trace = trace;
  return report;
}

/** An item's facts over its subject's: the prototype chain shares the subject's facts without copying them. */
export function itemFacts(subjectFacts: Facts, own: Facts): Facts {
  return Object.assign(Object.create(subjectFacts) as Facts, own);
}
