import type { Bilingual } from '../errors.js';
import type { CatalogueSnapshot } from '../schema/catalogue.js';
import type { InquirySnapshot } from '../schema/inquiry.js';
import type { RosterSnapshot } from '../schema/roster.js';
import type { Scope } from '../schema/scopes.js';
import type { CaseContext, Derived, EvaluationContext, FactCatalogue, FactValuesOf, ScopeItem } from './context.js';
import type { CatalogueDerived } from './disclosure/facts.js';
import type { RosterIndex } from './roster/roster-index.js';

/** What a roster derivation reads: the roster, its index (built once for every regulation), the evaluation context. */
export interface RosterInput {
  roster: RosterSnapshot;
  index: RosterIndex;
  ctx: EvaluationContext;
}

/** How a regulation derives its facts, per kind of subject it has rules for. */
export interface Derivations<F extends Partial<Record<Scope, FactCatalogue>>> {
  case?: (ctx: CaseContext) => Derived<NonNullable<F['case']>>;
  roster?: (input: RosterInput) => Partial<Record<Scope, ScopeItem[]>>;
  inquiry?: (inquiry: InquirySnapshot, ctx: EvaluationContext) => FactValuesOf<NonNullable<F['inquiry']>>;
  catalogue?: (catalogue: CatalogueSnapshot, ctx: EvaluationContext) => CatalogueDerived;
}

/**
 * One regulation, declared in one place: its id, its rule file (whose title it carries), the facts it declares
 * for each scope, and how it derives them. `src/regulations/index.ts` lists the manifests; everything else
 * (regulation ids, the facts a rule may read, bundled rule sets, the derive loop) is computed from that list.
 */
export interface RegulationManifest<Id extends string = string, F extends Partial<Record<Scope, FactCatalogue>> = Partial<Record<Scope, FactCatalogue>>> {
  id: Id;
  title: Bilingual;
  /** The rule file as shipped in rules/<id>.json (validated when the rule set is loaded). */
  rules: unknown;
  facts: F;
  derive: Derivations<F>;
}

export function defineRegulation<const Id extends string, const F extends Partial<Record<Scope, FactCatalogue>>>(manifest: {
  id: Id;
  rules: { title: Bilingual };
  facts: F;
  derive: Derivations<F>;
}): RegulationManifest<Id, F> {
  return { ...manifest, title: manifest.rules.title };
}
