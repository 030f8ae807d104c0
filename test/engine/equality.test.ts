import { describe, expect, it } from 'vitest';
import { caseGenerator } from '../../scripts/case-generator.js';
import { cnMainlandCalendar, evaluate, type CaseSnapshotInput, type ProfileInput } from '../../src/index.js';
import { deriveCase } from '../../src/engine/derive.js';
import { bundledProfiles } from '../../src/engine/profiles.js';
import { buildReport } from '../../src/engine/run-rules.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';

/**
 * The evaluation path (only the regulations the profile needs derived, conditions through `test`, trace off)
 * against a reference that derives every regulation and decides each rule through `explain`, the trace path:
 * the reports must be byte-identical, on the generator's mix and on mutated cases, at several as-of instants.
 */
const calendar = cnMainlandCalendar();
const AS_OF = ['2025-03-31T18:00:00+08:00', '2025-07-15T09:30:00+08:00', '2025-10-31T18:00:00+08:00', '2026-01-05T12:00:00+08:00'];
const PROFILES = [...bundledProfiles().keys()];

/** A custom profile (exercising the cache keyed by content): city-12 with one rule off and one number changed. */
const custom: ProfileInput = {
  id: 'custom-city',
  name: { zh: '自定义', en: 'custom' },
  extends: 'city-12',
  versions: [
    {
      validFrom: '2024-01-01',
      rules: { 'OTN-WRITTEN': { enabled: false, note: 'test' } },
      params: { oneTimeNoticeWorkingDays: { value: 2, basis: 'text', source: { seed: 'custom', article: '一', text: '二日内告知' } } },
    },
  ],
};

function reference(snapshot: CaseSnapshotInput, profile: string | ProfileInput, asOf: string): string {
  const parsed = caseSnapshotSchema.parse(snapshot);
  const report = buildReport(deriveCase(parsed, { profile }, calendar, asOf, undefined, 'all'), asOf, true);
  delete report.trace;
  return JSON.stringify(report);
}

/** Seeded mutations a log sees: events dropped or reordered, times shifted, the class, kind or channel changed. */
function mutate(snapshot: CaseSnapshotInput, seed: number): CaseSnapshotInput {
  const copy = structuredClone(snapshot);
  const events = [...copy.events];
  switch (seed % 6) {
    case 0:
      events.splice(seed % Math.max(1, events.length), 1);
      break;
    case 1:
      events.reverse();
      break;
    case 2:
      copy.matter.class = (['instant', 'promised', 'supplement', 'joint'] as const)[seed % 4]!;
      break;
    case 3:
      copy.matter.kind = (['license', 'non-license-approval', 'public-service'] as const)[seed % 3];
      break;
    case 4:
      copy.channel = copy.channel === 'online' ? 'window' : 'online';
      break;
    default:
      for (const event of events) event.at = new Date(Date.parse(event.at) + ((seed % 5) - 2) * 86_400_000).toISOString().replace('.000Z', 'Z');
  }
  copy.events = events;
  return copy;
}

describe('evaluation equals the reference evaluation', () => {
  const makeCase = caseGenerator(20260405);
  const cases = Array.from({ length: 120 }, (_, i) => makeCase(i + 1));

  it('on the generator’s mix, under every bundled profile and a custom one, at several as-of instants', () => {
    let compared = 0;
    for (const [i, snapshot] of cases.entries()) {
      for (const profile of [...PROFILES, custom]) {
        const asOf = AS_OF[(i + compared) % AS_OF.length]!;
        expect(JSON.stringify(evaluate(snapshot, { profile, asOf, trace: false })), `${snapshot.id} ${typeof profile === 'string' ? profile : profile.id} ${asOf}`).toBe(reference(snapshot, profile, asOf));
        compared++;
      }
    }
    expect(compared).toBe(cases.length * (PROFILES.length + 1));
  });

  it('on mutated cases that still fit the schema', () => {
    let compared = 0;
    for (const [i, original] of cases.entries()) {
      const snapshot = mutate(original, i);
      if (!caseSnapshotSchema.safeParse(snapshot).success) continue;
      for (const asOf of AS_OF) {
        const profile = PROFILES[i % PROFILES.length]!;
        expect(JSON.stringify(evaluate(snapshot, { profile, asOf, trace: false })), `${snapshot.id} ${profile} ${asOf}`).toBe(reference(snapshot, profile, asOf));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(cases.length * 2);
  });
});

describe('custom profiles are cached by their content', () => {
  const snapshot = caseGenerator(7)(1);
  const asOf = AS_OF[2]!;

  it('an equal profile written with its keys in another order gives the same report', () => {
    const reordered = JSON.parse(JSON.stringify(custom, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))) as ProfileInput;
    expect(JSON.stringify(evaluate(snapshot, { profile: reordered, asOf }))).toBe(JSON.stringify(evaluate(snapshot, { profile: custom, asOf })));
  });

  it('a profile frozen all the way down (kept by identity) gives the reports its content gives, and two frozen profiles are never confused', () => {
    const freeze = <T>(value: T): T => {
      if (value && typeof value === 'object') {
        for (const inner of Object.values(value)) freeze(inner);
        Object.freeze(value);
      }
      return value;
    };
    const frozen = freeze(structuredClone(custom));
    const other = freeze({ ...structuredClone(custom), versions: [{ ...structuredClone(custom.versions[0]!), params: { oneTimeNoticeWorkingDays: { value: 4, basis: 'text', source: { seed: 'custom', article: '一', text: '四日内告知' } } } }] } as ProfileInput);
    for (const snapshot of [caseGenerator(7)(1), caseGenerator(7)(2), caseGenerator(7)(3)]) {
      expect(JSON.stringify(evaluate(snapshot, { profile: frozen, asOf, trace: false }))).toBe(JSON.stringify(evaluate(snapshot, { profile: custom, asOf, trace: false })));
      expect(JSON.stringify(evaluate(snapshot, { profile: other, asOf, trace: false }))).toBe(JSON.stringify(evaluate(snapshot, { profile: structuredClone(other), asOf, trace: false })));
      // Twice, so that the second call is served by identity.
      expect(JSON.stringify(evaluate(snapshot, { profile: frozen, asOf, trace: false }))).toBe(JSON.stringify(evaluate(snapshot, { profile: custom, asOf, trace: false })));
    }
    // The two frozen profiles differ in one number, and some case shows it: were one served for the other, none would.
    const makeCase = caseGenerator(7);
    const differs = Array.from({ length: 300 }, (_, i) => makeCase(i + 1)).some(
      (snapshot) => JSON.stringify(evaluate(snapshot, { profile: frozen, asOf, trace: false }).findings) !== JSON.stringify(evaluate(snapshot, { profile: other, asOf, trace: false }).findings),
    );
    expect(differs).toBe(true);
  });

  it('a profile object changed between calls is resolved again, never served from the cache', () => {
    const edited = structuredClone(custom) as ProfileInput & { versions: Array<{ validFrom: string }> };
    const before = evaluate(snapshot, { profile: edited, asOf, trace: false });
    edited.versions[0]!.validFrom = '2024-06-01';
    const after = evaluate(snapshot, { profile: edited, asOf, trace: false });
    expect(before.profile.versions.find((v) => v.id === 'custom-city')).toEqual({ id: 'custom-city', validFrom: '2024-01-01' });
    expect(after.profile.versions.find((v) => v.id === 'custom-city')).toEqual({ id: 'custom-city', validFrom: '2024-06-01' });
    expect({ ...after, profile: before.profile }).toEqual(before);
  });
});
