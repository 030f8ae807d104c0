import { describe, expect, it } from 'vitest';
import { caseGenerator } from '../../scripts/case-generator.js';
import { cnMainlandCalendar } from '../../src/index.js';
import { factsOf } from '../../src/engine/compile.js';
import { deriveCase, regulationsNeeded } from '../../src/engine/derive.js';
import { bundledProfiles } from '../../src/engine/profiles.js';
import { buildReport } from '../../src/engine/run-rules.js';
import { FACT_DESCRIPTIONS, MANIFESTS, REGULATION_OF_FACT, SHARED_FACTS } from '../../src/regulations/index.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';

/** Facts declared `whenShown`: computed only when a finding shows one of its regulation's. */
const SHOWN = Object.entries(FACT_DESCRIPTIONS).filter(([, declaration]) => declaration.whenShown).map(([name]) => name);

describe('facts computed only when a finding shows them (whenShown)', () => {
  it('are read by no rule’s condition, and are case facts of a regulation', () => {
    expect(SHOWN.length).toBeGreaterThan(30);
    const read = new Set(MANIFESTS.flatMap((m) => (m.rules as { rules: Array<{ conditions: never }> }).rules.flatMap((rule) => [...factsOf(rule.conditions)])));
    expect(SHOWN.filter((name) => read.has(name)), 'declared whenShown but read by a condition').toEqual([]);
    for (const name of SHOWN) {
      const owner = MANIFESTS.find((m) => m.id === REGULATION_OF_FACT.get(name));
      expect(owner?.facts.case && name in owner.facts.case, `${name} is a regulation's case fact`).toBe(true);
      expect(Object.values(SHARED_FACTS).some((catalogue) => catalogue && name in catalogue)).toBe(false);
    }
  });

  it('are left uncomputed until a finding shows them, and then equal what the full derivation computes', () => {
    const calendar = cnMainlandCalendar();
    const makeCase = caseGenerator(20261206);
    const asOf = '2025-10-31T18:00:00+08:00';
    let leftUncomputed = 0;
    let shownAndChecked = 0;
    for (const profile of bundledProfiles().keys()) {
      for (let n = 1; n <= 150; n++) {
        const snapshot = caseSnapshotSchema.parse(makeCase(n));
        const derivation = deriveCase(snapshot, { profile }, calendar, asOf);
        const report = buildReport(derivation, asOf, false);
        const full = deriveCase(snapshot, { profile }, calendar, asOf, undefined, 'all').factSets[0]!.facts;
        const facts = derivation.factSets[0]!.facts;
        // What a finding shows was computed, and is what the full derivation gives.
        for (const finding of report.findings) {
          for (const [name, value] of Object.entries(finding.evidence)) {
            if (!SHOWN.includes(name)) continue;
            expect(value, `${snapshot.id} ${finding.rule} ${name}`).not.toBeUndefined();
            expect(value).toEqual(full[name]);
            shownAndChecked++;
          }
        }
        // A regulation none of whose shown facts any finding showed has computed none of them.
        const showing = new Set(report.findings.flatMap((f) => Object.keys(f.evidence).filter((name) => SHOWN.includes(name)).map((name) => REGULATION_OF_FACT.get(name))));
        for (const name of SHOWN) {
          if (!(name in facts) || showing.has(REGULATION_OF_FACT.get(name))) continue;
          expect(facts[name], `${snapshot.id} under ${profile}: ${name}`).toBeUndefined();
          leftUncomputed++;
        }
        // Asked for, every one of the regulations derived is computed, in the case's record and its items' alike.
        derivation.showFacts?.();
        const derived = regulationsNeeded(derivation.profile, 'case', derivation.matterKind);
        for (const set of derivation.factSets) {
          for (const name of SHOWN) if (derived.has(REGULATION_OF_FACT.get(name)!)) expect(set.facts[name], `${snapshot.id} under ${profile}: ${name}`).toEqual(full[name]);
        }
      }
    }
    expect(shownAndChecked).toBeGreaterThan(100);
    expect(leftUncomputed).toBeGreaterThan(1000);
  });
});
