import type { Bilingual } from '../errors.js';
import { subjectOf, type SubjectKind } from '../schema/scopes.js';
import type { RuleSwitch } from '../schema/profile.js';
import type { AppliesUnder } from '../schema/report.js';
import type { Citation } from '../schema/rule-file.js';
import { bundledRuleSets } from './bundled-rules.js';
import { bundledDocuments, documentCovers, type SubjectMatter } from './documents.js';
import type { ResolvedProfile } from './profiles.js';
import type { CompiledRule } from './rule-set.js';

/** Why a rule runs under a profile (its schema is in the report's, src/schema/report.ts). */
export type { AppliesUnder };

/** A rule as it runs under one profile: the sentence it is cited by there, why it applies, the profile's switch. */
export interface ApplicableRule {
  rule: CompiledRule;
  citation: Citation;
  appliesUnder: AppliesUnder;
  /** The profile's switch for this rule or its id, when it has one. */
  switch?: RuleSwitch & { profile: string };
}

const cache = new WeakMap<ResolvedProfile, Map<SubjectMatter, readonly ApplicableRule[]>>();

/**
 * The rules that run under a profile for a subject, in rule-file order. A rule runs where one of the documents
 * imposing it is in force and governs the subject's kind of matter (the Administrative License Law governs
 * licenses only); the first such document is its citation. A profile's switch turns a rule off, or on where no
 * document in force imposes it. `kind` is the case's kind of matter, 'several' for a catalogue, undefined for
 * subjects without a matter (rosters, inquiries).
 */
export function rulesUnder(profile: ResolvedProfile, kind: SubjectMatter): readonly ApplicableRule[] {
  let byKind = cache.get(profile);
  if (!byKind) cache.set(profile, (byKind = new Map()));
  let rules = byKind.get(kind);
  if (!rules) byKind.set(kind, (rules = resolve(profile, kind)));
  return rules;
}

function resolve(profile: ResolvedProfile, kind: SubjectMatter): ApplicableRule[] {
  const inForce = new Set(profile.documents.map((d) => d.id));
  const documents = bundledDocuments();
  const out: ApplicableRule[] = [];
  for (const set of bundledRuleSets().values()) {
    for (const rule of set.rules) {
      const switched = profile.rules[rule.name] ?? profile.rules[rule.id];
      if (switched?.enabled === false) continue;
      const citation = rule.imposedBy.find((c) => inForce.has(c.source) && documentCovers(documents.get(c.source)!, kind));
      if (citation) {
        const document = documents.get(citation.source)!;
        out.push({ rule, citation, appliesUnder: { kind: 'document', document: document.id, title: document.title }, ...(switched ? { switch: switched } : {}) });
      } else if (switched?.enabled === true) {
        out.push({ rule, citation: rule.imposedBy[0]!, appliesUnder: { kind: 'profile-switch', profile: switched.profile, reason: switchReason(switched) }, switch: switched });
      }
    }
  }
  return out;
}

/** A switch's reason in words: its source (seed, article, sentence) or its note. */
export function switchReason(setting: RuleSwitch & { profile: string }): Bilingual {
  const source = setting.source ? `${setting.source.seed} ${setting.source.article}${setting.source.text ? `：${setting.source.text}` : ''}` : '';
  const why = [source, setting.note].filter(Boolean).join('；');
  return { zh: `配置 ${setting.profile} 的规则开关（${why}）`, en: `the rule switch of profile ${setting.profile} (${why})` };
}

/** Per profile and kind of matter: `regulation|subject` for each regulation with a rule running for that subject. */
const runningCache = new WeakMap<ResolvedProfile, Map<SubjectMatter, ReadonlySet<string>>>();

/**
 * Whether a regulation has a rule for this kind of subject running under the profile: only then does it contribute
 * the subject's deadlines and obligations (a case gets no result-notice deadline where no document asks for one).
 */
export function regulationRuns(profile: ResolvedProfile, regulation: string, subject: SubjectKind, kind: SubjectMatter): boolean {
  let byKind = runningCache.get(profile);
  if (!byKind) runningCache.set(profile, (byKind = new Map()));
  let running = byKind.get(kind);
  if (!running) byKind.set(kind, (running = new Set(rulesUnder(profile, kind).map(({ rule }) => `${rule.regulation}|${subjectOf(rule.scope)}`))));
  return running.has(`${regulation}|${subject}`);
}


const namesCache = new WeakMap<ResolvedProfile, Map<SubjectMatter, ReadonlySet<string>>>();

/** The names (ids, and ids with variants) of the rules that run under the profile for a subject, built once. */
export function ruleNamesUnder(profile: ResolvedProfile, kind: SubjectMatter): ReadonlySet<string> {
  let byKind = namesCache.get(profile);
  if (!byKind) namesCache.set(profile, (byKind = new Map()));
  let names = byKind.get(kind);
  if (!names) byKind.set(kind, (names = new Set(rulesUnder(profile, kind).flatMap(({ rule }) => [rule.name, rule.id]))));
  return names;
}
