import type { Bilingual } from '../errors.js';
import type { Citation, Severity } from '../schema/rule-file.js';
import { bundledRuleSets } from './bundled-rules.js';

export interface RuleInfo {
  id: string;
  /** The json-rules-engine rule name (id, or id/variant). */
  rule: string;
  regulation: string;
  severity: Severity;
  citation: Citation;
  message: Bilingual;
}

/** Every bundled rule, in rule-file order; optionally of one regulation. */
export function listRules(options: { regulation?: string } = {}): RuleInfo[] {
  const out: RuleInfo[] = [];
  for (const set of bundledRuleSets().values()) {
    if (options.regulation && set.regulation !== options.regulation) continue;
    for (const rule of set.rules) {
      out.push({ id: rule.id, rule: rule.name, regulation: rule.regulation, severity: rule.severity, citation: rule.citation, message: rule.message });
    }
  }
  return out;
}
