import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesUnder } from '../../src/engine/applicability.js';
import { loadProfile } from '../../src/engine/profiles.js';
import { parseFixture } from '../../src/fixtures/fixture.js';
import { evaluate } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const fixture = (path: string) => parseFixture(readFileSync(join(root, 'fixtures', path), 'utf8'), path);
const findings = (path: string) => {
  const f = fixture(path);
  return evaluate(f.case!, { profile: f.profile as never, asOf: f.asOf }).findings.filter((x) => x.regulation === 'parallel-approval');
};
const runs = (profile: string, kind: 'license' | 'non-license-approval' | 'public-service' = 'license') =>
  new Set(rulesUnder(loadProfile(profile), kind).map((a) => a.rule.name));

describe('parallel approval: disagreements (ALL 第二十六条; county-10 联合办理制; plans-11 篇六)', () => {
  it('an approval over a rejection cites the document in force; only the Yulin plan names the center’s ruling', () => {
    const county = findings('parallel-approval/joint-case-decided-past-conflict.yaml');
    expect(county.map((f) => f.rule)).toEqual(['PA-DISPUTE/overruled']);
    expect(county[0]!.citation!.source).toBe('county-10/handling');
    expect(county[0]!.message.zh).not.toMatch(/政务中心/);
    const baseline = findings('parallel-approval/joint-case-overruled-baseline.yaml');
    expect(baseline.map((f) => [f.rule, f.citation!.source])).toEqual([['PA-DISPUTE/overruled', 'xingzheng-xuke-fa']]);
    const township = findings('parallel-approval/township-joint-overruled.yaml');
    expect(township.map((f) => [f.rule, f.citation!.source])).toEqual([['PA-DISPUTE/overruled', 'township']]);
    const yulin = findings('parallel-approval/joint-case-overruled-yulin.yaml');
    expect(yulin.map((f) => f.rule)).toEqual(['PA-DISPUTE/center-ruling']);
    expect(yulin[0]!.citation!.source).toBe('plans-11/6');
    expect(yulin[0]!.message.zh).toMatch(/市政务中心裁决/);
    expect(yulin[0]!.message.en).toMatch(/center for its ruling/);
  });

  it('a refusal that follows a co-department’s rejection is quiet everywhere, the Yulin plan included', () => {
    expect(findings('parallel-approval/joint-case-refused-after-rejection.yaml')).toEqual([]);
    expect(findings('parallel-approval/joint-case-yulin-refused-after-rejection.yaml')).toEqual([]);
  });

  it('the center’s ruling runs only where plans-11 篇六 is in force', () => {
    for (const profile of ['national-baseline', 'city-12', 'county-10', 'township', 'citizen-home']) expect(runs(profile).has('PA-DISPUTE/center-ruling')).toBe(false);
    for (const profile of ['national-baseline', 'city-12', 'county-10', 'township']) expect(runs(profile).has('PA-DISPUTE/overruled')).toBe(true);
  });
});

describe('parallel approval: where each duty holds', () => {
  it('PA-REQUIRED, PA-UNIFIED-ACCEPTANCE, PA-COPY-ALL, PA-LEAD-URGES and PA-MEETING-ATTENDANCE run only under city-12', () => {
    const cityOnly = ['PA-REQUIRED', 'PA-UNIFIED-ACCEPTANCE', 'PA-COPY-ALL/late', 'PA-COPY-ALL/serial', 'PA-LEAD-URGES', 'PA-MEETING-ATTENDANCE'];
    for (const name of cityOnly) {
      expect(runs('city-12').has(name), name).toBe(true);
      for (const profile of ['national-baseline', 'county-10', 'township', 'citizen-home']) expect(runs(profile).has(name), `${name} under ${profile}`).toBe(false);
    }
  });

  it('PA-CO-DEADLINE runs where county-10 or the township standard is in force', () => {
    expect(runs('county-10').has('PA-CO-DEADLINE/late')).toBe(true);
    expect(runs('township').has('PA-CO-DEADLINE/late')).toBe(true);
    expect(runs('township').has('PA-CO-DEADLINE/feedback')).toBe(true);
    expect(runs('county-10').has('PA-CO-DEADLINE/feedback')).toBe(false);
    expect(runs('city-12').has('PA-CO-DEADLINE/late')).toBe(false);
    expect(runs('national-baseline').has('PA-CO-DEADLINE/late')).toBe(false);
  });

  it('a late copy, measured against a reading of 统一受理、抄告相关, is a warning with its grading explained', () => {
    const late = findings('parallel-approval/joint-case-late-co-department.yaml').filter((f) => f.rule === 'PA-COPY-ALL/late');
    expect(late).toHaveLength(1);
    expect(late[0]!.severity).toBe('warning');
    expect(late[0]!.graded?.from).toBe('violation');
  });

  it('a co-department added later as the project required is neither a serial review nor a late copy', () => {
    expect(findings('parallel-approval/city12-serial-review.yaml').map((f) => f.rule).sort()).toEqual(['PA-COPY-ALL/late', 'PA-COPY-ALL/serial']);
    expect(findings('parallel-approval/city12-co-department-added-later.yaml')).toEqual([]);
  });

  it('chief representatives are asked for only where a chief-representative system is in force, and only of departments convened', () => {
    expect(findings('parallel-approval/joint-review-meeting-no-chief-rep.yaml').map((f) => f.message.zh)).toEqual([expect.stringContaining('自然资源局：首席代表')]);
    expect(findings('parallel-approval/joint-review-meeting-no-chief-rep-system.yaml')).toEqual([]);
    expect(findings('parallel-approval/joint-review-meeting-convened-subset.yaml')).toEqual([]);
  });
});
