// Profile ids are literal types, so editors complete them: the bundled ids as a union, any other string still allowed.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bundledProfileIds, evaluate, listRules, loadProfile, type BundledProfileId, type ProfileId } from '../../src/index.js';
import { bundledProfiles } from '../../src/engine/profiles.js';

describe('profile ids', () => {
  it('are the ids of the bundled profile files, each under its own key', () => {
    expect(bundledProfileIds).toEqual([...bundledProfiles().keys()]);
    for (const id of bundledProfileIds) expect(loadProfile(id).id).toBe(id);
  });

  it('are a union of literals where a profile is asked for, which still takes your own ids', () => {
    expectTypeOf<BundledProfileId>().toEqualTypeOf<'national-baseline' | 'city-12' | 'county-10' | 'township' | 'citizen-home'>();
    expectTypeOf<'my-center'>().toExtend<ProfileId>();
    expectTypeOf<BundledProfileId>().toExtend<Parameters<typeof evaluate>[1]['profile']>();
    expectTypeOf<BundledProfileId>().toExtend<NonNullable<NonNullable<Parameters<typeof listRules>[0]>['profile']>>();
    expectTypeOf<BundledProfileId>().toExtend<Parameters<typeof loadProfile>[0]>();
  });
});
