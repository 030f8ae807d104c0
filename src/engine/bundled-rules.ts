import abPost from '../../rules/ab-post.json';
import chiefRepresentative from '../../rules/chief-representative.json';
import disclosure from '../../rules/disclosure.json';
import firstInquiry from '../../rules/first-inquiry.json';
import oneTimeNotification from '../../rules/one-time-notification.json';
import onlineProcessing from '../../rules/online-processing.json';
import parallelApproval from '../../rules/parallel-approval.json';
import rejectionFiling from '../../rules/rejection-filing.json';
import timedCompletion from '../../rules/timed-completion.json';
import { FACTS_BY_SCOPE } from '../regulations/index.js';
import { regulationIds, type RegulationId } from '../schema/profile.js';
import { loadRuleSet, type CompiledRuleSet } from './rule-set.js';

const FILES: Record<RegulationId, unknown> = {
  'one-time-notification': oneTimeNotification,
  'timed-completion': timedCompletion,
  'rejection-filing': rejectionFiling,
  'online-processing': onlineProcessing,
  'first-inquiry': firstInquiry,
  'ab-post': abPost,
  'parallel-approval': parallelApproval,
  disclosure,
  'chief-representative': chiefRepresentative,
};

let compiled: Map<RegulationId, CompiledRuleSet> | undefined;

/** The bundled rule sets, validated and compiled once. */
export function bundledRuleSets(): ReadonlyMap<RegulationId, CompiledRuleSet> {
  if (!compiled) {
    compiled = new Map();
    for (const id of regulationIds) compiled.set(id, loadRuleSet(FILES[id], `rules/${id}.json`, (scope) => FACTS_BY_SCOPE[scope]));
  }
  return compiled;
}
