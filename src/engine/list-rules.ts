import type { Bilingual } from '../errors.js';
import { z } from 'zod';
import { didYouMean, issue, ValidationError } from '../errors.js';
import { parseWith } from '../schema/parse.js';
import { matterKinds } from '../schema/documents.js';
import type { ProfileInput, RegulationId } from '../schema/profile.js';
import type { ProfileId } from './profiles.js';
import type { Citation, Severity } from '../schema/rule-file.js';
import { rulesUnder, type AppliesUnder } from './applicability.js';
import { bundledRuleSets } from './bundled-rules.js';
import { loadProfile } from './profiles.js';
import type { CompiledRule } from './rule-set.js';
import type { Scope } from '../schema/scopes.js';

export interface RuleInfo {
  id: string;
  /** The json-rules-engine rule name (id, or id/variant). */
  rule: string;
  regulation: string;
  /** What the rule runs for: a case (default), or each item of a scope such as roster/post. */
  scope: Scope;
  severity: Severity;
  /** The first document imposing the rule, with its sentence; under a profile, the one in force there. */
  citation: Citation;
  /** Every document that imposes the rule, each with its sentence. */
  imposedBy: readonly Citation[];
  message: Bilingual;
  /** The rule's (or variant's) short title in both languages, shown before its id. */
  title: Bilingual;
  /** With `profile`: why the rule runs there (the document in force, or the profile's switch) and the kinds of matter it runs for. */
  appliesUnder?: AppliesUnder;
  matterKinds?: string[];
}

export interface ListRulesOptions {
  /** Only the rules of this regulation (e.g. one-time-notification); the bundled ids autocomplete. */
  regulation?: RegulationId | (string & {});
  /** Only the rules that run under this profile (an id or a profile object), as in force on `on` (the latest version without it). */
  profile?: ProfileId | ProfileInput;
  on?: string;
  /** Your own profiles, for `extends` and for ids in `profile`. */
  profiles?: readonly ProfileInput[];
}

/**
 * Every bundled rule, in rule-file order; optionally of one regulation, or only those that run under a profile
 * (with the document that makes each run, and for which kinds of matter).
 */
const optionsSchema = z.strictObject({
  regulation: z.string().min(1).optional(),
  profile: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
  on: z.string().optional(),
  profiles: z.array(z.record(z.string(), z.unknown())).optional(),
});

export function listRules(options: ListRulesOptions = {}): RuleInfo[] {
  parseWith(optionsSchema, options, 'listRules(options)');
  const sets = bundledRuleSets();
  if (options.regulation !== undefined && ![...sets.values()].some((set) => set.regulation === options.regulation)) {
    const known = [...sets.keys()];
    const hint = didYouMean(options.regulation, known);
    throw new ValidationError('listRules', [issue('regulation', options.regulation, `a regulation${hint.en} (${known.join(', ')})`, `制度编号${hint.zh}（${known.join('、')}）`)]);
  }
  const wanted = (regulation: string) => options.regulation === undefined || regulation === options.regulation;
  if (options.profile !== undefined) {
    const profile = loadProfile(options.profile, { ...(options.on ? { on: options.on } : {}), ...(options.profiles ? { profiles: options.profiles } : {}) });
    const byName = new Map<string, RuleInfo>();
    // Subjects without a matter first, then each kind of matter: a rule the law imposes on licenses only says so.
    for (const kind of [undefined, 'several' as const, ...matterKinds]) {
      for (const applied of rulesUnder(profile, kind)) {
        const { rule } = applied;
        if (!wanted(rule.regulation)) continue;
        const known = byName.get(rule.name);
        if (known) {
          if (kind && kind !== 'several' && !known.matterKinds!.includes(kind)) known.matterKinds!.push(kind);
          continue;
        }
        byName.set(rule.name, { ...infoOf(rule), citation: applied.citation, appliesUnder: applied.appliesUnder, matterKinds: kind && kind !== 'several' ? [kind] : [] });
      }
    }
    const order = [...sets.values()].flatMap((set) => set.rules.map((rule) => rule.name));
    return [...byName.values()].sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  }
  return [...sets.values()].filter((set) => wanted(set.regulation)).flatMap((set) => set.rules.map(infoOf));
}

function infoOf(rule: CompiledRule): RuleInfo {
  return { id: rule.id, rule: rule.name, regulation: rule.regulation, scope: rule.scope, severity: rule.severity, citation: rule.imposedBy[0]!, imposedBy: rule.imposedBy, message: rule.message, title: rule.title };
}
