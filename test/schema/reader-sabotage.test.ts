// The property test is only as good as its inputs. Here readers are built from descriptions of caseSnapshotSchema
// with ONE constraint removed (a length or number bound, the instant refinement, a type, an enum, strictness,
// a required key), and the same property must catch each of them. The suite runs a spread of such sites;
// READER_SABOTAGE=all runs every one (a few minutes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSnapshotSchema } from '../../src/schema/case.js';
import { CASE_PREDICATES } from '../../src/schema/case-reader.js';
import { describeSchema, readerFor, REJECTED, type Node } from '../../src/schema/compiled-check.js';
import { isDeepStrictEqual } from 'node:util';
import { disagreement, schemaSnapshots, snapshots } from './reader-agreement.js';
import { everySingleMutation } from './schema-arbitraries.js';

interface Site {
  where: string;
  /** Removes the constraint from a fresh description. */
  remove: (root: Node) => void;
}

type Visitor = (where: string, node: Node, remove: (node: Node) => void) => void;

function forgetType(node: Node): void {
  for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
  (node as { kind: string }).kind = 'unknown';
}

/** Meets every single constraint of a description, always in the same order. */
function eachConstraint(root: Node, meet: Visitor): void {
  const visit = (node: Node, where: string, isTag = false) => {
    switch (node.kind) {
      case 'string':
      case 'number':
      case 'array':
        node.checks.forEach((check, i) => meet(`${where}: ${check.kind}`, node, (n) => (n as { checks: unknown[] }).checks.splice(i, 1)));
        meet(`${where}: its type`, node, forgetType);
        if (node.kind === 'array') visit(node.element, `${where}[]`);
        break;
      case 'boolean':
        meet(`${where}: its type`, node, forgetType);
        break;
      case 'values':
        // A union's tag needs no check of its own: the union picked the option by it.
        if (!isTag) meet(`${where}: its values`, node, (n) => Object.assign(n, { kind: 'string', checks: [] }));
        break;
      case 'object':
        if (node.strict) meet(`${where}: strictness`, node, (n) => Object.assign(n, { strict: false }));
        node.properties.forEach((property, i) => {
          // A union's tag is present whenever the union chose the option by it.
          if (property.optin === undefined && !(where.endsWith('>') && property.key === 'type')) meet(`${where}.${property.key}: required`, node, (n) => Object.assign((n as { properties: object[] }).properties[i]!, { optin: 'optional', optout: 'optional' }));
          visit(property.node, `${where}.${property.key}`, where.endsWith('>') && property.key === 'type');
        });
        break;
      case 'tagged':
        for (const [tag, option] of node.options) visit(option, `${where}<${tag}>`);
        break;
      case 'union':
        node.options.forEach((option, i) => visit(option, `${where}|${i}`));
        break;
      case 'optional':
      case 'nullable':
      case 'default':
        visit(node.inner, where);
        break;
    }
  };
  visit(root, '$');
}

function sitesOf(root: Node): Site[] {
  const sites: Site[] = [];
  eachConstraint(root, (where) => {
    const index = sites.length;
    sites.push({
      where,
      remove: (fresh) => {
        let seen = 0;
        eachConstraint(fresh, (_, node, remove) => {
          if (seen++ === index) remove(node);
        });
      },
    });
  });
  return sites;
}

const fresh = () => describeSchema(caseSnapshotSchema, { predicates: CASE_PREDICATES });
const sites = sitesOf(fresh());

const intact = readerFor(fresh(), 'source');
const sameRead = (a: unknown, b: unknown) => (a === REJECTED || b === REJECTED ? a === b : isDeepStrictEqual(a, b));

/**
 * Whether the inputs of the property tests show this reader disagreeing with zod. zod is slow on bad input, so it is
 * asked only where the altered reader differs from the intact one (which the property tests hold equal to zod).
 */
function caught(site: Site, seeds: readonly unknown[]): boolean {
  const description = fresh();
  site.remove(description);
  const reader = readerFor(description, 'source');
  const differs = (input: unknown) => !sameRead(reader(input), intact(input)) && disagreement(reader, caseSnapshotSchema, input, false) !== undefined;
  for (const seed of seeds) {
    if (differs(seed)) return true;
    for (const near of everySingleMutation(seed, caseSnapshotSchema)) if (differs(near)) return true;
  }
  return false;
}

describe('the property test catches a reader that forgot any one constraint', () => {
  const all = process.env.READER_SABOTAGE === 'all';
  // A spread over the whole schema: every eleventh site, so each kind of constraint is met.
  const chosen = all ? sites : sites.filter((_, i) => i % 11 === 3);

  it(`finds each of ${chosen.length} of the ${sites.length} single-constraint omissions`, () => {
    expect(sites.length).toBeGreaterThan(150);
    const seeds = [...fc.sample(schemaSnapshots, { numRuns: 150, seed: 20261205 }), ...fc.sample(snapshots, { numRuns: 50, seed: 7 })];
    const missed = chosen.filter((site) => !caught(site, seeds)).map((site) => site.where);
    expect(missed).toEqual([]);
  }, 600_000);
});
