import oneTimeNotification from '../../rules/one-time-notification.json';
import onlineProcessing from '../../rules/online-processing.json';
import rejectionFiling from '../../rules/rejection-filing.json';
import timedCompletion from '../../rules/timed-completion.json';
import { CASE_FACTS, CASE_REGULATIONS } from '../regulations/index.js';
import { regulationIds, type RegulationId } from '../schema/profile.js';
import { loadRuleSet, type CompiledRuleSet } from './rule-set.js';

const FILES: Record<RegulationId, { json: unknown; file: string }> = {
  'one-time-notification': { json: oneTimeNotification, file: 'rules/one-time-notification.json' },
  'timed-completion': { json: timedCompletion, file: 'rules/timed-completion.json' },
  'rejection-filing': { json: rejectionFiling, file: 'rules/rejection-filing.json' },
  'online-processing': { json: onlineProcessing, file: 'rules/online-processing.json' },
};

/** Facts every case rule file may read: the case facts and every case regulation's derived facts. */
export const CASE_FACT_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(CASE_FACTS),
  ...Object.values(CASE_REGULATIONS).flatMap((module) => Object.keys(module.facts)),
]);

let compiled: Map<RegulationId, CompiledRuleSet> | undefined;

/** The bundled rule sets, validated and compiled once. */
export function bundledRuleSets(): ReadonlyMap<RegulationId, CompiledRuleSet> {
  if (!compiled) {
    compiled = new Map();
    for (const id of regulationIds) compiled.set(id, loadRuleSet(FILES[id].json, FILES[id].file, CASE_FACT_NAMES));
  }
  return compiled;
}
