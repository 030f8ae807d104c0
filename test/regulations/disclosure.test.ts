import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateCatalogue, type CatalogueSnapshotInput } from '../../src/index.js';
import { rulesUnder } from '../../src/engine/applicability.js';
import { loadProfile } from '../../src/engine/profiles.js';
import { parseFixture } from '../../src/fixtures/fixture.js';

const root = join(import.meta.dirname, '..', '..');
const fixture = (path: string) => parseFixture(readFileSync(join(root, 'fixtures', path), 'utf8'), path);
const catalogueFindings = (path: string, profile?: string) => {
  const f = fixture(path);
  return evaluateCatalogue(f.catalogue!, { profile: profile ?? f.profile, asOf: f.asOf }).findings;
};
const rules = (path: string, profile?: string) => catalogueFindings(path, profile).map((x) => `${x.rule} ${x.severity}${x.item ? ` ${x.item.key}` : ''}`);

const runs = (profile: string, kind: 'several' | 'license') =>
  rulesUnder(loadProfile(profile), kind)
    .filter((a) => a.rule.regulation === 'disclosure' && a.rule.scope.startsWith(kind === 'several' ? 'catalogue' : 'case'))
    .map((a) => `${a.rule.name} ${a.citation.source}`);

describe('disclosure: which duties run where', () => {
  it('each profile runs the disclosure rules its own documents impose, and the law’s guide list everywhere', () => {
    expect(runs('national-baseline', 'several')).toEqual(['DS-REQUIRED-FIELDS/license xingzheng-xuke-fa']);
    expect(runs('township', 'several')).toEqual([
      'DS-REQUIRED-FIELDS/unpublished township', 'DS-REQUIRED-FIELDS/missing township', 'DS-REQUIRED-FIELDS/license xingzheng-xuke-fa', 'DS-FREE/proactive township',
    ]);
    expect(runs('citizen-home', 'several')).toEqual([
      'DS-REQUIRED-FIELDS/unpublished citizen-home', 'DS-REQUIRED-FIELDS/missing citizen-home', 'DS-REQUIRED-FIELDS/license xingzheng-xuke-fa',
    ]);
    expect(runs('county-10', 'several')).toEqual([
      'DS-REQUIRED-FIELDS/unpublished county-10/disclosure', 'DS-REQUIRED-FIELDS/missing county-10/disclosure', 'DS-REQUIRED-FIELDS/license xingzheng-xuke-fa',
    ]);
    expect(runs('city-12', 'several')).toEqual([
      'DS-REQUIRED-FIELDS/unpublished city-12/disclosure', 'DS-REQUIRED-FIELDS/missing city-12/disclosure', 'DS-REQUIRED-FIELDS/license xingzheng-xuke-fa',
      'DS-UP-TO-DATE city-12/disclosure', 'DS-NO-FORBIDDEN/resident-id city-12/disclosure', 'DS-NO-FORBIDDEN/mobile city-12/disclosure',
      'DS-FREE/unlawful city-12/disclosure', 'DS-FREE/no-basis city-12/disclosure', 'DS-NO-TAMPERING city-12/disclosure',
    ]);
    // Telling the party the result is city-12's duty (办事公开 第五条(四)) alone.
    expect(runs('city-12', 'license')).toEqual(['DS-RESULT-TOLD city-12/disclosure']);
    for (const profile of ['national-baseline', 'county-10', 'township', 'citizen-home']) expect(runs(profile, 'license'), profile).toEqual([]);
  });
});

describe('disclosure: the guide’s items come from the document in force', () => {
  it('a township guide carrying the township list is complete under the township standard, not under city-12', () => {
    expect(rules('disclosure/township-guide-with-township-items.yaml')).toEqual([]);
    expect(rules('disclosure/township-guide-with-township-items.yaml', 'city-12')).toEqual([
      'DS-REQUIRED-FIELDS/missing violation MZ-03',
      'DS-REQUIRED-FIELDS/missing violation CJ-07',
    ]);
  });

  it('names the items the local document lists and the guide lacks, as a violation (the list is the text’s)', () => {
    const [missing] = catalogueFindings('disclosure/township-guide-without-supervision-phone.yaml');
    expect(missing).toMatchObject({ rule: 'DS-REQUIRED-FIELDS/missing', severity: 'violation', evidence: { 'ds.matter.missingFields': [{ zh: '投诉（监督）电话', en: 'complaint phone' }] } });
    expect(missing!.citation!.text).toContain('监督电话');
    expect(missing!.parameters!['guideRequiredFields']!.source).toMatchObject({ basis: 'text', seed: 'township' });
    expect(rules('disclosure/citizen-home-guide-without-faq.yaml')).toEqual(['DS-REQUIRED-FIELDS/missing violation WS-02']);
    expect(rules('disclosure/county-10-guide-without-handler.yaml')).toEqual(['DS-REQUIRED-FIELDS/missing violation SH-05']);
  });

  it('asks 第三十条’s list of license matters only, under every profile, citing the law', () => {
    const [law] = catalogueFindings('disclosure/township-license-guide-without-law-items.yaml');
    expect(law).toMatchObject({ rule: 'DS-REQUIRED-FIELDS/license', severity: 'violation', citation: { source: 'xingzheng-xuke-fa', article: '第三十条' } });
    expect(law!.evidence['ds.matter.missingLicenseFields']).toEqual([
      { zh: '办事依据', en: 'legal basis' },
      { zh: '法定期限', en: 'legal limit' },
      { zh: '材料目录', en: 'materials list' },
      { zh: '申请书示范文本', en: 'application form template' },
    ]);
    expect(rules('disclosure/baseline-license-without-guide.yaml')).toEqual(['DS-REQUIRED-FIELDS/license violation YS-01']);
    expect(rules('disclosure/baseline-public-service-without-guide.yaml')).toEqual([]);
    expect(rules('disclosure/baseline-public-service-without-guide.yaml', 'township')).toEqual(['DS-REQUIRED-FIELDS/unpublished violation GJJ-01']);
  });

  it('asks for the quantity limit only of a license whose number is limited', () => {
    const catalogue = (quantityLimited: boolean): CatalogueSnapshotInput => ({
      id: 'C-Q',
      matters: [{
        id: 'CZ-01', name: '出租汽车经营许可', department: '交通运输局', kind: 'license', quantityLimited,
        guide: [{ publishedAt: '2025-03-03T09:00:00+08:00', fields: { name: '出租汽车经营许可', legalBasis: '《巡游出租汽车经营服务管理规定》', conditions: '有符合要求的车辆', procedure: '申请—受理—审查—决定', materials: ['申请表'], legalLimit: 20, formTemplate: '申请表（示范文本）' } }],
      }],
    });
    const at = { profile: 'national-baseline', asOf: '2025-10-13T17:00:00+08:00' };
    expect(evaluateCatalogue(catalogue(false), at).findings).toEqual([]);
    expect(evaluateCatalogue(catalogue(true), at).findings.map((x) => x.evidence['ds.matter.missingLicenseFields'])).toEqual([[{ zh: '数量限制', en: 'quantity limit' }]]);
  });
});

describe('disclosure: what the library cannot know is a warning', () => {
  it('fees: a recorded lawful basis is quiet, an unexplained fee a warning, a fee the profile marks unlawful a violation', () => {
    expect(rules('disclosure/fee-on-request-with-lawful-basis.yaml')).toEqual([]);
    expect(rules('disclosure/guide-gaps-and-personal-data.yaml').filter((r) => r.startsWith('DS-FREE'))).toEqual(['DS-FREE/no-basis warning']);
    expect(rules('disclosure/fee-marked-unlawful.yaml')).toEqual(['DS-FREE/unlawful violation']);
    expect(rules('disclosure/township-fee-for-published-guide.yaml')).toEqual(['DS-FREE/proactive violation']);
    expect(rules('disclosure/township-fee-on-request.yaml')).toEqual([]);
  });

  it('a checksum-valid ID number is a violation; a mobile number a warning; an unexplained revision a warning', () => {
    const found = rules('disclosure/guide-gaps-and-personal-data.yaml');
    expect(found).toContain('DS-NO-FORBIDDEN/resident-id violation GS-2025-0932');
    expect(found).toContain('DS-NO-FORBIDDEN/mobile warning GS-2025-0932');
    expect(found).toContain('DS-NO-TAMPERING warning GS-2025-0932');
    expect(rules('disclosure/result-with-mobile-number.yaml')).toEqual(['DS-NO-FORBIDDEN/mobile warning GS-2025-0940']);
    const ids = catalogueFindings('disclosure/guide-gaps-and-personal-data.yaml').find((x) => x.rule === 'DS-NO-FORBIDDEN/resident-id')!;
    expect(ids.evidence['ds.result.residentIds']).toEqual([{ zh: '身份证号 110105********002X @12', en: 'resident ID 110105********002X @12' }]);
  });

  it('the invented update and result-notice limits grade their findings as warnings', () => {
    const stale = catalogueFindings('disclosure/guide-gaps-and-personal-data.yaml').find((x) => x.rule === 'DS-UP-TO-DATE')!;
    expect(stale).toMatchObject({ severity: 'warning', graded: { from: 'violation' } });
    expect(Object.keys(stale.parameters!)).toEqual(['disclosureUpdateWorkingDays']);
    const f = fixture('disclosure/result-not-told.yaml');
    const told = evaluate(f.case!, { profile: f.profile as string, asOf: f.asOf }).findings.find((x) => x.ruleId === 'DS-RESULT-TOLD')!;
    expect(told).toMatchObject({ severity: 'warning', graded: { from: 'violation' } });
    expect(Object.keys(told.parameters!)).toEqual(['resultNoticeWorkingDays']);
  });
});
