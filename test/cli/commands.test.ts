import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRules, loadProfile } from '../../src/index.js';
import { bundledProfiles } from '../../src/engine/profiles.js';
import { cli, fixtureData, root, scratch, writeScratch } from './helpers.js';

describe('profiles', () => {
  it('lists every bundled profile with its title and documents', async () => {
    const { code, out } = await cli('--lang', 'en', 'profiles');
    expect(code).toBe(0);
    for (const [id, profile] of bundledProfiles()) expect(out).toContain(`${id}  ${profile.name.en}`);
    expect(out).toContain('city-12  City service center, twelve systems (Jiangxi)  (extends national-baseline)');
    expect(out).toContain('documents in force: xingzheng-xuke-fa, minfadian, city-12/stationing');
  });

  it('show prints every parameter with its value, basis and source sentence, and the rules that run under it', async () => {
    const { code, out } = await cli('profiles', 'show', 'city-12', '--on', '2025-10-01');
    expect(code).toBe(0);
    const profile = loadProfile('city-12', { on: '2025-10-01' });
    for (const name of Object.keys(profile.params)) expect(out).toMatch(new RegExp(`^  ${name} = `, 'm'));
    expect(out).toContain('  oneTimeNoticeWorkingDays = 3\n      [原文规定] city-12 一次性告知制度 第五条(一)「属承诺件的');
    expect(out).toMatch(/systemEntryToleranceMinutes = 60\n {6}\[解读\] city-12 网上办理制度 第五条\(二\)/);
    const rules = listRules({ profile: 'city-12', on: '2025-10-01' });
    expect(out).toContain(`在此配置下运行的规则（${rules.length}）：`);
    expect(out).toContain('  一次性告知：承诺件逾期告知  OTN-TIMING/promised-late  [违规]  ← city-12/one-time-notification');
  });

  it('show takes a profile file too; a bad --on or a misspelt id is one clear line, exit 2', async () => {
    const file = join(scratch('profile'), 'mine.json');
    writeFileSync(file, JSON.stringify({ id: 'mine', name: { zh: '本中心', en: 'Our center' }, extends: 'city-12', versions: [{ validFrom: '2020-01-01', params: {} }] }));
    expect((await cli('--lang', 'en', 'profiles', 'show', file)).out).toMatch(/^Our center {2}mine \(latest version\)/);
    expect(await cli('--lang', 'en', 'profiles', 'show', 'city-12', '--on', '2025-13-01')).toMatchObject({ code: 2, err: expect.stringMatching(/^--on "2025-13-01": expected a date/) });
    expect(await cli('--lang', 'en', 'profiles', 'show', 'citizen_home')).toMatchObject({ code: 2, err: expect.stringContaining('(did you mean "citizen-home"?)') });
  });
});

describe('rules', () => {
  it('shows each rule by its title first, its id second', async () => {
    const zh = await cli('rules', '--regulation', 'one-time-notification');
    expect(zh.out.split('\n')[0]).toBe('一次性告知：告知不全  OTN-ALL-ITEMS/any-application  [违规]');
    const en = await cli('--lang', 'en', 'rules');
    expect(en.out.split('\n').at(-1)).toBe(`${listRules().length} rules`);
    expect(en.out).toContain('Delivery: certificate late  TC-DELIVERY  [violation]');
  });
});

describe('explain --json', () => {
  it('prints the report with the titles and citations of the rules, for machines', async () => {
    const fixture = fixtureData('timed-completion/delivery-late.yaml');
    const file = writeScratch('case.json', JSON.stringify(fixture.case));
    const { code, out } = await cli('explain', file, '--profile', fixture.profile, '--as-of', fixture.asOf, '--json');
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(data.report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['TC-DELIVERY']);
    expect(data.explanation.findings[0]).toMatchObject({ rule: 'TC-DELIVERY', title: { zh: '送达：证件逾期送达', en: 'Delivery: certificate late' } });
    expect(data.explanation.findings[0].parameters.deliveryWorkingDays).toMatchObject({ value: 10, source: { seed: 'xingzheng-xuke-fa', basis: 'text' } });
    expect(data.explanation.rules.find((r: { rule: string }) => r.rule === 'TC-DELIVERY')).toMatchObject({ fired: true, citation: { article: '第四十四条' } });
  });
});

describe('check as a test runner', () => {
  /** A folder with two bundled fixtures, one changed to fail on a fact, and one broken file. */
  function suite(): string {
    const dir = scratch('check');
    copyFileSync(join(root, 'fixtures', 'timed-completion', 'delivery-late.yaml'), join(dir, 'delivery-late.yaml'));
    const text = readFileSync(join(root, 'fixtures', 'one-time-notification', 'deemed-accepted-city12-working-day-6.yaml'), 'utf8');
    writeFileSync(join(dir, 'notice-day.yaml'), text.replace('otn.noticeWorkingDays: 6', 'otn.noticeWorkingDays: 4'));
    return dir;
  }

  it('a fixture asserting a wrong fact value fails (exit 1) and says what was computed', async () => {
    const { code, out } = await cli('--lang', 'en', 'check', suite());
    expect(code).toBe(1);
    expect(out).toMatch(/^✓ .*delivery-late\.yaml — /m);
    expect(out).toMatch(/^✗ .*notice-day\.yaml — /m);
    expect(out).toContain('    ! fact otn.noticeWorkingDays: computed 6, expected 4');
    expect(out.split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('a fact the subject does not have is a failure naming the nearest fact', async () => {
    const dir = scratch('check-fact');
    const text = readFileSync(join(root, 'fixtures', 'timed-completion', 'delivery-late.yaml'), 'utf8');
    writeFileSync(join(dir, 'typo.yaml'), text.replace('tc.workingDaysUsed: 5', 'tc.workingDayUsed: 5'));
    const { code, out } = await cli('--lang', 'en', 'check', dir);
    expect(code).toBe(1);
    expect(out).toContain('fact tc.workingDayUsed: not a fact of this fixture\'s subject (did you mean "tc.workingDaysUsed"?)');
  });

  it('a broken fixture beside them makes the exit code 2; --json lists each outcome', async () => {
    const dir = suite();
    writeFileSync(join(dir, 'broken.yaml'), 'description: [unclosed\n');
    const text = await cli('--lang', 'en', 'check', dir);
    expect(text.code).toBe(2);
    expect(text.out.split('\n').at(-1)).toBe('1 passed, 1 failed, 1 broken');
    const json = await cli('check', dir, '--json');
    expect(json.code).toBe(2);
    const data = JSON.parse(json.out);
    expect({ passed: data.passed, failed: data.failed, broken: data.broken }).toEqual({ passed: 1, failed: 1, broken: 1 });
    expect(data.fixtures.map((f: { status: string }) => f.status)).toEqual(['broken', 'passed', 'failed']);
    expect(data.fixtures[2].factProblems[0]).toEqual({ zh: '事实 otn.noticeWorkingDays：计算得 6，期望 4', en: 'fact otn.noticeWorkingDays: computed 6, expected 4' });
  });

  it('--filter keeps fixtures whose path or description matches a substring or a glob', async () => {
    const dir = suite();
    expect((await cli('--lang', 'en', 'check', dir, '--filter', 'delivery')).out.split('\n').at(-1)).toBe('1 passed, 0 failed (1 left out by --filter)');
    expect((await cli('--lang', 'en', 'check', dir, '--filter', '*notice-?ay.yaml')).code).toBe(1);
    // The description of delivery-late.yaml says 送达证件.
    expect((await cli('--lang', 'en', 'check', dir, '--filter', '送达证件')).out.split('\n').at(-1)).toBe('1 passed, 0 failed (1 left out by --filter)');
  });

  it('--junit writes JUnit XML: one testcase per fixture, failures and errors counted', async () => {
    const dir = suite();
    writeFileSync(join(dir, 'broken.yaml'), 'description: [unclosed\n');
    const report = join(scratch('junit'), 'report.xml');
    expect((await cli('--lang', 'en', 'check', dir, '--junit', report)).code).toBe(2);
    const xml = readFileSync(report, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toMatch(/<testsuite name="service-center-rules fixtures" tests="3" failures="1" errors="1" skipped="0">/);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toMatch(/<failure message="fixture failed">[^<]*fact otn\.noticeWorkingDays: computed 6, expected 4/);
    expect(xml).toMatch(/<error message="fixture cannot be read">/);
    // Well-formed: every element closed, no raw markup from the data.
    const opened = (xml.match(/<testcase [^>]*[^/]>/g) ?? []).length;
    expect((xml.match(/<\/testcase>/g) ?? []).length).toBe(opened);
  });
});
