import { describe, expect, it } from 'vitest';
import { caseGenerator } from '../../scripts/case-generator.js';
import { cnMainlandCalendar } from '../../src/index.js';
import { caseContext } from '../../src/engine/derive.js';
import { bundledProfiles } from '../../src/engine/profiles.js';
import { CASE_FACTS, caseFacts } from '../../src/regulations/case-facts.js';
import { MANIFESTS } from '../../src/regulations/index.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';

/**
 * The derive loop copies each derivation's facts into the case record by the names its catalogue declares (not by
 * the keys the object happens to have): that is only right if every derivation returns exactly the facts it
 * declares, whatever path it takes (joint or not, decided or open, refused, suspended…), those for the rules at once
 * and those declared `whenShown` from `shown`.
 */
describe('a case derivation returns exactly the facts its catalogue declares', () => {
  const calendar = cnMainlandCalendar();
  const makeCase = caseGenerator(20261205);
  const cases = Array.from({ length: 300 }, (_, i) => caseSnapshotSchema.parse(makeCase(i + 1)));
  const asOfs = ['2025-03-31T18:00:00+08:00', '2025-10-31T18:00:00+08:00'];
  const sorted = (keys: Iterable<string>) => [...keys].sort();

  it('for the shared case facts and every regulation, under every bundled profile', () => {
    let checked = 0;
    for (const profile of bundledProfiles().keys()) {
      for (const [i, snapshot] of cases.entries()) {
        const { ctx } = caseContext(snapshot, { profile }, calendar, asOfs[i % asOfs.length]!);
        expect(sorted(Object.keys(caseFacts(ctx)))).toEqual(sorted(Object.keys(CASE_FACTS)));
        for (const manifest of MANIFESTS) {
          const derived = manifest.derive.case?.(ctx) as { facts: object; shown?: () => object } | undefined;
          if (!derived) continue;
          const declared = Object.entries(manifest.facts.case ?? {});
          const at = `${manifest.id} on ${snapshot.id} under ${profile}`;
          expect(sorted(Object.keys(derived.facts)), at).toEqual(sorted(declared.filter(([, d]) => !d.whenShown).map(([name]) => name)));
          // The facts left for findings come from `shown`, and only from it: exactly those declared `whenShown`.
          expect(sorted(Object.keys(derived.shown?.() ?? {})), at).toEqual(sorted(declared.filter(([, d]) => d.whenShown).map(([name]) => name)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(cases.length * bundledProfiles().size);
  });
});
