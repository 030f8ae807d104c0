import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { parseFixture } from '../../src/fixtures/fixture.js';

const root = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => {
  const path = join('timed-completion', name);
  return parseFixture(readFileSync(join(root, 'fixtures', path), 'utf8'), path);
};
const report = (name: string, profile?: string) => {
  const f = fixture(name);
  return evaluate(f.case!, { profile: (profile ?? f.profile) as never, asOf: f.asOf });
};
/** Each timed-completion finding as "rule severity document article". */
const tc = (name: string, profile?: string) =>
  report(name, profile)
    .findings.filter((f) => f.regulation === 'timed-completion')
    .map((f) => `${f.rule} ${f.severity} ${f.citation?.source} ${f.citation?.article}`);

describe('timed completion: which limit was breached, and whose sentence says so', () => {
  it('decided after legal day 20 but within a promised 25: late under ALL 第四十二条, in every profile', () => {
    expect(tc('law-day-21-within-promise-baseline.yaml')).toEqual(['TC-ON-TIME/law violation xingzheng-xuke-fa 第四十二条']);
    expect(tc('law-late-within-promise-city12.yaml')).toEqual([
      'TC-PROMISE-WITHIN-LEGAL violation city-12/stationing (六)',
      'TC-ON-TIME/law violation xingzheng-xuke-fa 第四十二条',
    ]);
  });

  it('a broken local promise cites the local sentence, and is no breach of the law under the national baseline', () => {
    expect(tc('late-before-national-day.yaml')).toEqual(['TC-ON-TIME/late violation county-10/time-limit 二、']);
    expect(tc('late-before-national-day.yaml', 'national-baseline')).toEqual([]);
    expect(tc('extension-not-copied-late-city12.yaml')).toEqual([
      'TC-ON-TIME/late-after-extension violation city-12/timed-completion 第六条 (二)',
      'TC-EXTENSION-VALID/not-copied violation city-12/timed-completion 第三条 (四)',
    ]);
  });

  it('a missing limit is a warning about the data, never a violation against an assumed twenty days', () => {
    expect(tc('no-limit-recorded-baseline.yaml')).toEqual(['TC-ON-TIME/limit-not-recorded warning xingzheng-xuke-fa 第四十二条']);
    expect(tc('legal-limit-not-recorded.yaml')).toEqual(['TC-PROMISE-WITHIN-LEGAL/legal-limit-not-recorded warning city-12/stationing (六)']);
    const r = report('no-limit-recorded-baseline.yaml');
    expect(r.findings[0]!.message.en).toContain('assuming the general 20 working days');
  });
});

describe('timed completion: extensions, excluded time, certificates', () => {
  it('an over-long extension counts up to ten days; a second one is a warning (one extension is a reading of the law)', () => {
    expect(tc('extension-over-long-counts-ten.yaml')).toEqual(['TC-EXTENSION-VALID/too-long violation xingzheng-xuke-fa 第四十二条']);
    expect(tc('extension-second-within-ten.yaml')).toEqual(['TC-EXTENSION-VALID/repeated warning xingzheng-xuke-fa 第四十二条']);
  });

  it('the head approves extending the legal limit, not a promise inside it', () => {
    expect(tc('extension-of-promise-without-head-county10.yaml')).toEqual([]);
    expect(tc('extension-of-legal-limit-not-approved.yaml')).toEqual([
      'TC-ON-TIME/law violation xingzheng-xuke-fa 第四十二条',
      'TC-EXTENSION-VALID/void violation xingzheng-xuke-fa 第四十二条',
    ]);
  });

  it('outside the law, an extension not told in writing fails city-12 第三条(四), cited as such', () => {
    expect(tc('extension-not-in-writing-non-license-city12.yaml')).toEqual([
      'TC-ON-TIME/late violation city-12/timed-completion 第六条 (一)',
      'TC-EXTENSION-VALID/void-local violation city-12/timed-completion 第三条 (四)',
    ]);
  });

  it('a pause for another reason is a notice that the time was counted, not a breach of 第四十五条', () => {
    expect(tc('suspension-other-reason.yaml')).toEqual(['TC-EXCLUDED-TIME/other-reason notice xingzheng-xuke-fa 第四十五条']);
    expect(tc('suspension-not-notified.yaml')).toContain('TC-EXCLUDED-TIME/not-notified violation xingzheng-xuke-fa 第四十五条');
  });

  it('no certificate deadline where no certificate is issued', () => {
    for (const name of ['public-service-no-certificate.yaml', 'reported-approval-no-certificate.yaml']) {
      expect(report(name).deadlines.map((d) => d.id)).not.toContain('delivery');
    }
    expect(report('delivery-late.yaml').deadlines.map((d) => d.id)).toContain('delivery');
  });
});

describe('timed completion: what the acceptance notice and the clock rest on', () => {
  it('on the spot only where a document says 当场; an urgent case keeps its promised limit', () => {
    // An instant matter with no promise on record: the law's twenty days under the baseline, the same day under the township standard.
    const f = fixture('instant-next-day-baseline.yaml');
    const noPromise = { ...f.case!, matter: { ...f.case!.matter, promisedLimitWorkingDays: undefined } };
    const due = (profile: string) => evaluate(noPromise, { profile: profile as never, asOf: f.asOf }).deadlines.find((d) => d.id === 'completion')!.dueDate;
    expect(due('national-baseline')).toBe('2025-04-08');
    expect(due('township')).toBe('2025-03-10');
    expect(report('instant-completed-next-day.yaml').deadlines.find((d) => d.id === 'completion')!.dueDate).toBe('2025-03-10');
    expect(report('urgent-no-zero-day-limit-city12.yaml').deadlines.find((d) => d.id === 'completion')!.limitWorkingDays).toBe(5);
  });

  it('the date on the notice is checked where a sentence asks for it (city-12, county-10), not under the township standard', () => {
    expect(tc('promise-exceeds-legal.yaml')).toContain('TC-ACCEPTANCE-NOTICE/date-later violation city-12/timed-completion 第三条 (三)');
    expect(tc('acceptance-notice-date-later-county10.yaml')).toEqual(['TC-ACCEPTANCE-NOTICE/date-later violation county-10/service-promise 二、']);
    expect(tc('acceptance-notice-without-date-township.yaml')).toEqual([]);
  });

  it('the yellow warning is city-12 e-supervision alone, and a warning', () => {
    expect(tc('due-soon-yellow.yaml')).toEqual(['TC-SUPERVISION warning city-12/online-processing 第五条 (五)']);
    expect(tc('due-soon-county10-no-supervision.yaml')).toEqual([]);
  });
});

describe('timed completion: joint cases, extensions beyond the legal limit, notices by class', () => {
  it('a joint case cites the sentence of 第四十二条 that gives its forty-five days and its fifteen-day extension', () => {
    expect(tc('joint-no-limits-day-46.yaml')).toEqual([
      'TC-ON-TIME/law-joint violation xingzheng-xuke-fa 第四十二条',
      'TC-JOINT-LIMIT/used violation xingzheng-xuke-fa 第四十二条',
    ]);
    expect(tc('joint-extension-over-long-counts-fifteen.yaml')).toEqual(['TC-EXTENSION-VALID/too-long-joint violation xingzheng-xuke-fa 第四十二条']);
    expect(tc('joint-extension-agency-head-only.yaml')).toContain('TC-EXTENSION-VALID/void-joint violation xingzheng-xuke-fa 第四十二条');
    expect(tc('joint-second-extension-without-reason.yaml')).toEqual([
      'TC-EXTENSION-VALID/repeated-joint warning xingzheng-xuke-fa 第四十二条',
      'TC-EXTENSION-VALID/no-reason-joint violation xingzheng-xuke-fa 第四十二条',
    ]);
    const joint = report('joint-extension-over-long-counts-fifteen.yaml').findings[0]!;
    expect(joint.citation?.text).toContain('经本级人民政府负责人批准，可以延长十五日');
    expect(report('joint-no-limits-day-46.yaml').findings[0]!.citation?.text).toContain('办理的时间不得超过四十五日');
  });

  it('without the head’s approval, an extension counts up to the legal limit and no further', () => {
    const within = report('extension-past-legal-unapproved-counts-to-legal-county10.yaml');
    expect(within.deadlines.find((d) => d.id === 'completion')).toMatchObject({ dueDate: '2025-10-24', limitWorkingDays: 20, status: 'met' });
    expect(tc('extension-past-legal-unapproved-counts-to-legal-county10.yaml')).toEqual(['TC-EXTENSION-VALID/void violation xingzheng-xuke-fa 第四十二条']);
    expect(within.findings[0]!.message.en).toContain('only the 5 within the legal limit count');
    expect(tc('extension-past-legal-unapproved-decided-day-21-county10.yaml')).toEqual([
      'TC-ON-TIME/law violation xingzheng-xuke-fa 第四十二条',
      'TC-EXTENSION-VALID/void violation xingzheng-xuke-fa 第四十二条',
    ]);
  });

  it('an extension granted after the promise lapsed but within the legal limit extends the legal limit, not the promise', () => {
    expect(tc('legal-extension-after-promise-baseline.yaml')).toEqual([]);
    expect(tc('legal-extension-after-promise-county10.yaml')).toEqual(['TC-ON-TIME/late violation county-10/time-limit 二、']);
    const late = report('legal-extension-after-promise-late-baseline.yaml');
    expect(late.findings.map((f) => f.rule)).toEqual(['TC-ON-TIME/law']);
    expect(late.findings[0]!.message.en).toContain('due by the end of 2025-10-31');
  });

  it('the township standard asks for a notice for promised and joint cases, each with its own sentence, not for supplement cases', () => {
    expect(tc('joint-no-notice-township.yaml')).toEqual(['TC-ACCEPTANCE-NOTICE/notice-township-joint violation township 四、运行方式 联办件']);
    expect(tc('supplement-no-notice-township.yaml')).toEqual([]);
  });

  it('a notice date is compared only when it is a date, and with the due date from the clock’s real start', () => {
    expect(tc('acceptance-notice-date-in-words-county10.yaml')).toEqual([]);
    const deemed = report('notice-date-after-deemed-acceptance-county10.yaml');
    const finding = deemed.findings.find((f) => f.rule === 'TC-ACCEPTANCE-NOTICE/date-later')!;
    expect(finding.message.en).toContain('(2025-03-27) is later than the limit allows (2025-03-17');
    expect(tc('notice-date-from-deemed-acceptance-county10.yaml')).toEqual([]);
  });

  it('an instant case still open on its day gets no e-supervision warning', () => {
    expect(tc('instant-pending-no-supervision-city12.yaml')).toEqual([]);
  });
});
