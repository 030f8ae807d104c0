import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesUnder } from '../../src/engine/applicability.js';
import { loadProfile } from '../../src/engine/profiles.js';
import { parseFixture } from '../../src/fixtures/fixture.js';
import { evaluate } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const fixture = (path: string) => parseFixture(readFileSync(join(root, 'fixtures', path), 'utf8'), path);
const findings = (path: string, profile?: object) => {
  const f = fixture(path);
  return evaluate(f.case!, { profile: (profile ?? f.profile) as never, asOf: f.asOf }).findings.filter((x) => x.regulation === 'rejection-filing');
};
const runs = (profile: string, kind: 'license' | 'non-license-approval' | 'public-service' = 'license') =>
  new Set(rulesUnder(loadProfile(profile), kind).map((a) => a.rule.name));

/** city-12 with the center's own filing limit written into its own document. */
const ownFilingLimit = {
  id: 'jdz-center-filing',
  name: { zh: '示例中心', en: 'Example center' },
  extends: 'city-12',
  versions: [{
    validFrom: '2013-01-01',
    params: {
      rejectionFilingWorkingDays: {
        value: 1, basis: 'text',
        source: { seed: 'jdz-center-2025', article: '第七条', text: '不予受理通知书应在出具后1个工作日内报送中心备案' },
      },
    },
  }],
};

describe('rejection filing: city-12 duties stay in city-12', () => {
  it('filing with the center and the five-element notice run only where city-12 is in force', () => {
    for (const name of ['RF-FILED-WITH-CENTER/not-accepted', 'RF-FILED-WITH-CENTER/refused', 'RF-WRITTEN-NOTICE/content', 'RF-OBJECTION']) {
      expect(runs('city-12').has(name), name).toBe(true);
      for (const profile of ['national-baseline', 'county-10', 'township', 'citizen-home']) expect(runs(profile).has(name), `${name} under ${profile}`).toBe(false);
    }
  });

  it('a refusal never copied to the center still fires, as a warning: 同时 gives no number', () => {
    const [filed] = findings('rejection-filing/city12-refusal-not-filed.yaml');
    expect(filed!.rule).toBe('RF-FILED-WITH-CENTER/not-accepted');
    expect(filed!.severity).toBe('warning');
    expect(filed!.graded?.reason.en).toMatch(/rejectionFilingWorkingDays/);
    const [copied] = findings('rejection-filing/city12-refused-not-copied.yaml');
    expect([copied!.rule, copied!.severity, copied!.citation!.source]).toEqual(['RF-FILED-WITH-CENTER/refused', 'warning', 'city-12/timed-completion']);
  });

  it('a center that states its own filing limit as text gets a violation', () => {
    const [filed] = findings('rejection-filing/city12-refusal-not-filed.yaml', ownFilingLimit);
    expect([filed!.rule, filed!.severity]).toEqual(['RF-FILED-WITH-CENTER/not-accepted', 'violation']);
  });

  it('a township case in order has no city-12 finding', () => {
    expect(findings('rejection-filing/township-returned-in-order.yaml')).toEqual([]);
  });

  it('RF-OBJECTION cites the window’s duty to report (city-12 首问 第五条(三)), and county-10 gives the applicant a right only', () => {
    const [objection] = findings('rejection-filing/objection-not-escalated.yaml');
    expect([objection!.citation!.source, objection!.citation!.article]).toEqual(['city-12/first-inquiry', '第五条 (三)']);
    expect(findings('rejection-filing/county10-objection-not-reported.yaml')).toEqual([]);
  });
});

describe('rejection filing: the law’s elements hold under every profile, for licenses', () => {
  it('the voucher (第三十二条) and reasons with appeal rights (第三十八条) run for licenses in every profile', () => {
    for (const profile of ['national-baseline', 'city-12', 'county-10', 'township', 'citizen-home']) {
      const names = runs(profile);
      for (const name of ['RF-WRITTEN-NOTICE/voucher', 'RF-WRITTEN-NOTICE/reasons', 'RF-WRITTEN-NOTICE/appeal-rights']) expect(names.has(name), `${name} under ${profile}`).toBe(true);
    }
    expect(runs('national-baseline', 'public-service').has('RF-WRITTEN-NOTICE/voucher')).toBe(false);
  });

  it('an unsealed voucher is the law’s finding under citizen-home; under city-12 the notice’s other elements are a separate finding without repeating the seal', () => {
    const [home] = findings('rejection-filing/citizen-home-not-accepted-unsealed.yaml');
    expect([home!.rule, home!.citation!.source]).toEqual(['RF-WRITTEN-NOTICE/voucher', 'xingzheng-xuke-fa']);
    const city = findings('rejection-filing/city12-not-accepted-without-legal-basis.yaml');
    expect(city.map((f) => f.rule)).toEqual(['RF-WRITTEN-NOTICE/content']);
    expect(city[0]!.message.en).toMatch(/facts; legal basis$/);
    expect(city[0]!.message.zh).toMatch(/事实根据、法律依据$/);
  });

  it('registration is a local duty: county-10, the township’s 退回件 and city-12 按时办结 第三条(五), never the baseline', () => {
    expect(runs('national-baseline').has('RF-REGISTERED')).toBe(false);
    expect(runs('citizen-home').has('RF-REGISTERED')).toBe(false);
    expect(rulesUnder(loadProfile('county-10'), 'license').find((a) => a.rule.name === 'RF-REGISTERED')!.citation!.source).toBe('county-10/rejection-filing');
    expect(rulesUnder(loadProfile('township'), 'license').find((a) => a.rule.name === 'RF-REGISTERED')!.citation!.source).toBe('township');
    expect(rulesUnder(loadProfile('city-12'), 'license').find((a) => a.rule.name === 'RF-REGISTERED')!.citation!.source).toBe('city-12/timed-completion');
  });

  it('consulting the leader and the reason routes are county-10 only', () => {
    for (const name of ['RF-MAJOR-NEEDS-LEADER', 'RF-REASON-ROUTE/missing-materials', 'RF-REASON-ROUTE/nonconforming', 'RF-REASON-ROUTE/out-of-jurisdiction']) {
      expect(runs('county-10').has(name), name).toBe(true);
      for (const profile of ['national-baseline', 'city-12', 'township', 'citizen-home']) expect(runs(profile).has(name), `${name} under ${profile}`).toBe(false);
    }
  });
});
