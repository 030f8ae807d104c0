// The compiled conditions (closures, and source generated with the parameters inlined) against json-rules-engine
// itself: random condition trees over random facts, and every bundled rule over random generated cases. Every
// verdict must be equal.
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { caseGenerator } from '../../scripts/case-generator.js';
import { cnMainlandCalendar } from '../../src/index.js';
import { bundledRuleSets } from '../../src/engine/bundled-rules.js';
import { compileCondition, compileTest } from '../../src/engine/compile.js';
import { deriveCase } from '../../src/engine/derive.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';
import { operators, type Condition } from '../../src/schema/rule-file.js';

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.constantFrom('', '0', '3', '3.5', '-2', 'abc', 'x', 'written', 'true'),
  fc.boolean(),
  fc.constant(null),
);
const stringArray = fc.array(fc.constantFrom('a', 'b', '3', 'written', ''), { maxLength: 4 });

// Facts of every kind a rule can meet: scalars of each type and string lists.
const SCALAR_FACTS = ['f.n', 'f.m', 'f.s', 'f.t', 'f.b', 'f.z', 'param.p', 'param.q'] as const;
const LIST_FACTS = ['f.list', 'f.other'] as const;
const facts = fc.record({
  'f.n': scalar, 'f.m': scalar, 'f.s': scalar, 'f.t': scalar, 'f.b': scalar, 'f.z': scalar,
  // Parameters: inlined into the generated source by compileTest, read as facts by json-rules-engine.
  'param.p': scalar, 'param.q': fc.oneof(scalar, stringArray),
  'f.list': stringArray, 'f.other': stringArray,
});

const leaf: fc.Arbitrary<Condition> = fc.constantFrom(...operators).chain((operator) => {
  const fact = fc.constantFrom(...SCALAR_FACTS, ...LIST_FACTS);
  // `in`/`notIn` take a list (or text) to look in, constant or named; the rest compare with any value or fact.
  const value =
    operator === 'in' || operator === 'notIn'
      ? fc.oneof(fc.array(scalar, { maxLength: 4 }), fc.constantFrom('abc', ''), fc.constantFrom(...LIST_FACTS).map((name) => ({ fact: name })))
      : fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constantFrom(...SCALAR_FACTS, ...LIST_FACTS).map((name) => ({ fact: name })));
  return fc.record({ fact, operator: fc.constant(operator), value }) as fc.Arbitrary<Condition>;
});

const tree: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

/** json-rules-engine's verdict: one engine, one rule, the facts given at run time, the ordinary way. */
async function referenceVerdict(condition: Condition, input: Record<string, unknown>): Promise<boolean> {
  const top = 'fact' in condition ? { all: [condition] } : condition;
  const engine = new Engine([{ conditions: top as never, event: { type: 'fired' } }], { allowUndefinedFacts: false });
  const { events } = await engine.run(input);
  return events.length === 1;
}

describe('compiled conditions and json-rules-engine agree', () => {
  it('on random condition trees (all, any, not, every operator, fact-valued comparisons) over random facts', async () => {
    await fc.assert(
      fc.asyncProperty(tree, facts, async (condition, input) => {
        const compiled = compileCondition(condition);
        const expected = await referenceVerdict(condition, input);
        expect(compiled.test(input)).toBe(expected);
        expect(compiled.explain(input).result).toBe(expected);
        expect(compileTest(condition, { p: input['param.p'], q: input['param.q'] })(input)).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('on every bundled rule of every scope over random generated cases', async () => {
    const calendar = cnMainlandCalendar();
    const engines = new Map<string, Engine>();
    const sets = [...bundledRuleSets().values()];
    for (const set of sets) {
      set.source.rules.forEach((rule, i) => {
        const scope = set.rules[i]!.scope;
        if (!engines.has(scope)) engines.set(scope, new Engine([], { allowUndefinedFacts: false }));
        engines.get(scope)!.addRule({ ...rule, event: { type: rule.name } });
      });
    }
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom('city-12', 'county-10', 'national-baseline'), async (seed, profile) => {
        const snapshot = caseSnapshotSchema.parse(caseGenerator(seed)(seed % 100_000));
        const { factSets, profile: resolved } = deriveCase(snapshot, { profile }, calendar, '2025-10-31T18:00:00+08:00', undefined, 'all');
        for (const { scope, facts: own } of factSets) {
          const flat: Record<string, unknown> = {};
          for (const name in own) flat[name] = own[name];
          const ours = sets.flatMap((set) => set.rules.filter((rule) => rule.scope === scope && rule.condition.test(own)).map((rule) => rule.name));
          const generated = sets.flatMap((set) => set.rules.filter((rule) => rule.scope === scope && compileTest(rule.conditions, resolved.params)(own)).map((rule) => rule.name));
          expect(generated).toEqual(ours);
          const { events } = await engines.get(scope)!.run(flat);
          expect(events.map((e) => e.type).sort()).toEqual(ours.sort());
        }
      }),
      { numRuns: 150 },
    );
  });
});
