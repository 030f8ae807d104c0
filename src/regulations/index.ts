import { scopes, type Scope } from '../schema/scopes.js';
import abPost from './ab-post/index.js';
import { DEPARTMENT_FACTS } from './ab-post/facts.js';
import { CASE_FACTS } from './case-facts.js';
import chiefRepresentative from './chief-representative/index.js';
import type { FactCatalogue, FactDeclaration, ProfileValueName } from './context.js';
import disclosure from './disclosure/index.js';
import firstInquiry from './first-inquiry/index.js';
import type { RegulationManifest } from './manifest.js';
import onlineProcessing from './online-processing/index.js';
import oneTimeNotification from './one-time-notification/index.js';
import parallelApproval from './parallel-approval/index.js';
import rejectionFiling from './rejection-filing/index.js';
import timedCompletion from './timed-completion/index.js';

/**
 * The regulations, in the order their rules run and their findings are listed. A new regulation is one folder
 * (src/regulations/<id>/index.ts, its facts, rules/<id>.json) and one line here.
 */
export const REGULATIONS = [
  oneTimeNotification,
  timedCompletion,
  rejectionFiling,
  onlineProcessing,
  firstInquiry,
  abPost,
  parallelApproval,
  disclosure,
  chiefRepresentative,
] as const;

export type RegulationId = (typeof REGULATIONS)[number]['id'];
export const regulationIds = REGULATIONS.map((manifest) => manifest.id) as [RegulationId, ...RegulationId[]];

/** Regulations as the derive loop and coverage read them: ids widened, declarations per scope. */
export const MANIFESTS: readonly RegulationManifest<RegulationId>[] = REGULATIONS as readonly RegulationManifest<RegulationId>[];

/**
 * Facts that belong to no regulation: the case as recorded (every case rule may read them) and the roster's
 * departments (read by the A/B and the chief-representative rules alike).
 */
export const SHARED_FACTS: Partial<Record<Scope, FactCatalogue>> = { case: CASE_FACTS, 'roster/department': DEPARTMENT_FACTS };

/** The scope whose facts an item scope's rules read besides the item's own: its subject's. */
const PARENT: Partial<Record<Scope, Scope>> = { 'case/co-department': 'case', 'catalogue/matter': 'catalogue', 'catalogue/result': 'catalogue' };

function declaredIn(scope: Scope): FactCatalogue {
  const own: FactCatalogue = Object.assign({}, SHARED_FACTS[scope], ...MANIFESTS.map((m) => m.facts[scope as keyof typeof m.facts] ?? {}));
  const parent = PARENT[scope];
  return parent ? { ...declaredIn(parent), ...own } : own;
}

/** The facts a rule of each scope may read (besides `param.*`): an item's own and its subject's. */
export const FACTS_BY_SCOPE: Readonly<Record<Scope, ReadonlySet<string>>> = Object.fromEntries(
  scopes.map((scope) => [scope, new Set(Object.keys(declaredIn(scope)))]),
) as unknown as Record<Scope, ReadonlySet<string>>;

/** Every fact with its declaration: description, type, the sentence it implements, the profile values behind it. */
export const FACT_DESCRIPTIONS: Readonly<Record<string, FactDeclaration>> = Object.assign(
  {},
  ...Object.values(SHARED_FACTS),
  ...MANIFESTS.flatMap((m) => Object.values(m.facts)),
);

/** The regulation that declares each fact (shared facts have none). */
export const REGULATION_OF_FACT: ReadonlyMap<string, RegulationId> = new Map(
  MANIFESTS.flatMap((m) => Object.values(m.facts).flatMap((catalogue) => Object.keys(catalogue as FactCatalogue).map((fact) => [fact, m.id] as const))),
);

/**
 * The profile values behind each derived fact (from its declaration), so that a finding shows where each value
 * comes from and is graded by what the value rests on (a breach measured against a reading of 及时 is a warning).
 */
export const PARAM_BEHIND_FACT: Readonly<Record<string, readonly ProfileValueName[]>> = Object.fromEntries(
  Object.entries(FACT_DESCRIPTIONS).flatMap(([name, declaration]) => (declaration.params ? [[name, declaration.params]] : [])),
);

export type { ProfileValueName };
export { CASE_FACTS };
