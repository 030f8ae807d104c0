import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseGenerator } from '../../scripts/case-generator.js';
import { cnMainlandCalendar } from '../../src/index.js';
import { bundledRuleSets } from '../../src/engine/bundled-rules.js';
import { factsOf } from '../../src/engine/compile.js';
import { deriveCase, regulationsNeeded } from '../../src/engine/derive.js';
import { loadProfile } from '../../src/engine/profiles.js';
import { placeholdersOf } from '../../src/engine/render.js';
import { deriveFixture, parseFixture } from '../../src/fixtures/fixture.js';
import { FACT_DESCRIPTIONS, FACTS_BY_SCOPE, MANIFESTS, REGULATION_OF_FACT, SHARED_FACTS } from '../../src/regulations/index.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';
import { profileParamsShape, regulationIds } from '../../src/schema/profile.js';
import { subjectOf, type Scope } from '../../src/schema/scopes.js';

const root = join(import.meta.dirname, '..', '..');
const calendar = cnMainlandCalendar();

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

/** Every fact set the fixtures and a slice of the generator's mix give, all regulations derived. */
function observedFactSets(): Array<{ scope: Scope; facts: Record<string, unknown>; from: string }> {
  const sets: Array<{ scope: Scope; facts: Record<string, unknown>; from: string }> = [];
  const makeCase = caseGenerator(20260301);
  for (let n = 1; n <= 300; n++) {
    const snapshot = caseSnapshotSchema.parse(makeCase(n));
    for (const set of deriveCase(snapshot, { profile: 'city-12' }, calendar, '2025-10-31T18:00:00+08:00', undefined, 'all').factSets) sets.push({ ...set, from: `generated case ${n}` });
  }
  for (const path of yamlFiles(join(root, 'fixtures')).filter((p) => !p.includes(join('fixtures', 'sample')))) {
    const file = relative(root, path);
    const fixture = parseFixture(readFileSync(path, 'utf8'), file);
    for (const set of deriveFixture(fixture).factSets) sets.push({ ...set, from: file });
  }
  return sets;
}

describe('regulation manifests', () => {
  it('name each regulation once, in the list every other table is computed from', () => {
    expect(MANIFESTS.map((m) => m.id)).toEqual(regulationIds);
    expect(new Set(regulationIds).size).toBe(regulationIds.length);
    expect([...bundledRuleSets().keys()]).toEqual(regulationIds);
    for (const manifest of MANIFESTS) expect(bundledRuleSets().get(manifest.id)!.title).toEqual(manifest.title);
  });

  it('declare each fact in one place: no name in two catalogues', () => {
    const catalogues = [...Object.values(SHARED_FACTS), ...MANIFESTS.flatMap((m) => Object.values(m.facts))];
    const names = catalogues.flatMap((c) => Object.keys(c!));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(Object.keys(FACT_DESCRIPTIONS).length).toBe(names.length);
  });

  it('declare every fact a bundled rule reads or shows, in the rule’s scope', () => {
    const params = new Set(Object.keys(profileParamsShape).map((name) => `param.${name}`));
    const undeclared = [...bundledRuleSets().values()].flatMap((set) =>
      set.rules.flatMap((rule) =>
        [...factsOf(rule.conditions), ...placeholdersOf(rule.message.zh), ...placeholdersOf(rule.message.en)]
          .filter((fact) => !params.has(fact) && !FACTS_BY_SCOPE[rule.scope].has(fact))
          .map((fact) => `${rule.name}: ${fact}`),
      ),
    );
    expect(undeclared).toEqual([]);
  });

  it('declare facts only for scopes of subjects they derive for', () => {
    for (const manifest of MANIFESTS) {
      for (const scope of Object.keys(manifest.facts) as Scope[]) expect(manifest.derive[subjectOf(scope)], `${manifest.id} ${scope}`).toBeTypeOf('function');
    }
  });

  it('produce every fact they declare, each a value of its declared type', () => {
    const sets = observedFactSets();
    const seen = new Set<string>();
    const mistyped: string[] = [];
    for (const { facts, from } of sets) {
      for (const name in facts) {
        // A fact of a regulation the profile did not need is an empty slot of the case record.
        if (name.startsWith('param.') || facts[name] === undefined) continue;
        const declaration = FACT_DESCRIPTIONS[name];
        if (!declaration) {
          mistyped.push(`${from}: ${name} is not declared`);
          continue;
        }
        seen.add(name);
        if (!declaration.type.safeParse(facts[name]).success) mistyped.push(`${from}: ${name} = ${JSON.stringify(facts[name])}`);
      }
    }
    expect(mistyped).toEqual([]);
    expect(Object.keys(FACT_DESCRIPTIONS).filter((name) => !seen.has(name))).toEqual([]);
  });

  it('give each regulation’s facts an owner, and shared facts none', () => {
    for (const name of Object.keys(FACT_DESCRIPTIONS)) {
      const shared = Object.values(SHARED_FACTS).some((c) => c && name in c);
      expect(REGULATION_OF_FACT.has(name), name).toBe(!shared);
    }
  });

  it('derive only the regulations the profile’s running rules need: one not in force costs nothing', () => {
    // national-baseline holds only the Administrative License Law in force: city-12's online processing has no rule there.
    const needed = regulationsNeeded(loadProfile('national-baseline'), 'case', 'license');
    expect(needed.has('one-time-notification')).toBe(true);
    expect(needed.has('online-processing')).toBe(false);
    const snapshot = caseSnapshotSchema.parse(caseGenerator(11)(1));
    const lazy = deriveCase(snapshot, { profile: 'national-baseline' }, calendar, '2025-10-31T18:00:00+08:00').factSets[0]!.facts;
    const full = deriveCase(snapshot, { profile: 'national-baseline' }, calendar, '2025-10-31T18:00:00+08:00', undefined, 'all').factSets[0]!.facts;
    expect(lazy['op.entered']).toBeUndefined();
    expect(full['op.entered']).toBeTypeOf('boolean');
    // Under city-12 every case regulation runs but the A/B posts', whose case rule (AB-SUBSTITUTE-AUTHORITY) only county-10 imposes.
    const caseRegulations = MANIFESTS.filter((m) => m.derive.case).map((m) => m.id);
    expect([...regulationsNeeded(loadProfile('city-12'), 'case', 'license')]).toEqual(caseRegulations.filter((id) => id !== 'ab-post'));
    expect(regulationsNeeded(loadProfile('county-10'), 'case', 'license').has('ab-post')).toBe(true);
  });
});
