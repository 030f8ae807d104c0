import { describe, expect, it } from 'vitest';
import { cli, fixtureData, writeScratch } from './helpers.js';

/** `explain --all` names, beside a condition's fact, the sentence the fact implements — only from a document in force. */
describe('explain shows where a fact comes from', () => {
  const fixture = fixtureData('timed-completion/acceptance-notice-date-later-county10.yaml');
  const file = writeScratch('explain-sources.json', JSON.stringify(fixture.case));
  const factLine = (out: string, fact: string) => out.split('\n').find((line) => line.includes(` ${fact} (`));

  it('a fact implementing a sentence of the law shows its document and article, in either language', async () => {
    const zh = await cli('explain', file, '--profile', 'county-10', '--as-of', '2025-12-31T18:00:00+08:00', '--all');
    expect(zh.code).toBe(0);
    expect(factLine(zh.out, 'tc.lateLimit')).toMatch(/— .*（xingzheng-xuke-fa 第四十二条）$/);
    const en = await cli('explain', file, '--profile', 'county-10', '--as-of', '2025-12-31T18:00:00+08:00', '--all', '--lang', 'en');
    expect(factLine(en.out, 'tc.lateLimit')).toMatch(/— .* \(xingzheng-xuke-fa 第四十二条\)$/);
  });

  it('a fact implementing a city document is shown without that source under a profile where the document is not in force', async () => {
    // tc.limitWorkingDays implements city-12's 按时办结 第二条; national-baseline has no city documents.
    const city = await cli('explain', file, '--profile', 'city-12', '--as-of', '2025-12-31T18:00:00+08:00', '--all');
    const national = await cli('explain', file, '--profile', 'national-baseline', '--as-of', '2025-12-31T18:00:00+08:00', '--all');
    const cityLines = city.out.split('\n').filter((line) => line.includes('city-12/'));
    expect(cityLines.some((line) => / — .*（city-12\/[^ ]+ 第[^）]+）$/.test(line))).toBe(true);
    expect(national.out.split('\n').filter((line) => / — .*（city-12\//.test(line))).toEqual([]);
  });
});
