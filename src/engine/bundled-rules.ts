import { FACTS_BY_SCOPE, MANIFESTS, type RegulationId } from '../regulations/index.js';
import { loadRuleSet, type CompiledRuleSet } from './rule-set.js';

let compiled: Map<RegulationId, CompiledRuleSet> | undefined;

/** The bundled rule sets (each regulation's manifest carries its file), validated and compiled once. */
export function bundledRuleSets(): ReadonlyMap<RegulationId, CompiledRuleSet> {
  if (!compiled) {
    compiled = new Map();
    for (const manifest of MANIFESTS) compiled.set(manifest.id, loadRuleSet(manifest.rules, `rules/${manifest.id}.json`, (scope) => FACTS_BY_SCOPE[scope]));
  }
  return compiled;
}
