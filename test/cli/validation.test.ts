import { describe, expect, it } from 'vitest';
import { nearestName } from '../../src/errors.js';
import { parseFixture } from '../../src/fixtures/fixture.js';
import { cli, fixtureData, writeScratch } from './helpers.js';

const delivery = fixtureData('timed-completion/delivery-late.yaml');
const explainArgs = (file: string) => ['explain', file, '--profile', delivery.profile, '--as-of', delivery.asOf];

describe('nearest valid name', () => {
  it('suggests a near name, and none when nothing is near or two are as near', () => {
    expect(nearestName('city-13', ['national-baseline', 'city-12', 'county-10'])).toBe('city-12');
    expect(nearestName('chanel', ['channel', 'matter', 'events'])).toBe('channel');
    expect(nearestName('itmes', ['items', 'at'])).toBe('items');
    expect(nearestName('xyz', ['channel', 'matter'])).toBeUndefined();
    expect(nearestName('ab', ['ac', 'ad'])).toBeUndefined();
  });
});

describe('validation errors on the command line', () => {
  it('a misspelt field, event type and profile get the name they most likely meant, in either language', async () => {
    const bad = structuredClone(delivery.case) as { events: Array<{ type: string }>; chanel?: string; channel?: string };
    bad.events[0]!.type = 'materials-recieved';
    bad.chanel = bad.channel;
    delete bad.channel;
    const file = writeScratch('case.json', JSON.stringify(bad));
    const en = await cli('--lang', 'en', ...explainArgs(file));
    expect(en.code).toBe(2);
    expect(en.err).toContain(`${file}: $.events[0].type: expected one of`);
    expect(en.err).toContain('(did you mean "materials-received"?), got "materials-recieved"');
    expect(en.err).toContain(`${file}: $.chanel: no such field here (did you mean "channel"?); its value: "window"`);
    // The channel is missing (it was written as chanel): said so there, and only there.
    expect(en.err.split('\n').filter((line) => line.includes('the field is missing'))).toEqual([`${file}: $.channel: expected one of "window", "online" (the field is missing), got undefined`]);
    const zh = await cli(...explainArgs(file));
    expect(zh.err).toContain('$.chanel：此处没有该字段（是否应为 "channel"？），其值为 "window"');
    const profile = await cli('--lang', 'en', 'explain', file, '--profile', 'city-13', '--as-of', delivery.asOf);
    expect(profile.code).toBe(2);
    expect(profile.err).toBe('--profile "city-13": no such profile (did you mean "city-12"?); bundled: national-baseline, city-12, county-10, township, citizen-home (run service-center-rules profiles to see them)');
    expect((await cli('rules', '--profile', 'county10')).err).toMatch(/^--profile "county10"：没有此配置（是否应为 "county-10"？）/);
  });

  it('"the field is missing" only when it is; a field present with the wrong type says what it holds', async () => {
    const bad = structuredClone(delivery.case) as { matter: Record<string, unknown> };
    bad.matter.name = null;
    delete bad.matter.department;
    const file = writeScratch('case.json', JSON.stringify(bad));
    const { err } = await cli('--lang', 'en', ...explainArgs(file));
    expect(err).toContain('$.matter.name: expected a string, got null');
    expect(err).toContain('$.matter.department: expected a string (the field is missing), got undefined');
  });

  it('a case file may start with a UTF-8 byte order mark', async () => {
    const file = writeScratch('case.json', `\uFEFF${JSON.stringify(delivery.case)}`);
    expect((await cli(...explainArgs(file))).code).toBe(0);
  });

  it('a misspelt rule id in a fixture gets the nearest id and the command that lists them', async () => {
    const text = ['description: x', 'profile: city-12', "asOf: '2025-10-31T18:00:00+08:00'", 'case:', `  ${JSON.stringify(delivery.case)}`, 'expect: { findings: [TC-DELIVRY] }'].join('\n');
    expect(() => parseFixture(text, 'x.yaml')).toThrow(/a known rule id \(did you mean "TC-DELIVERY"\?\)/);
    const file = writeScratch('typo.yaml', text);
    const { code, err } = await cli('--lang', 'en', 'check', file);
    expect(code).toBe(2);
    expect(err).toContain('$.expect.findings[0]: expected a known rule id (did you mean "TC-DELIVERY"?) (see `service-center-rules rules`), got "TC-DELIVRY"');
    expect(err).not.toContain('listRules');
  });

  it('a fixture that does not match the format quotes the line of each problem with its number', async () => {
    const text = ['description: x', 'profile: city-12', "asOf: '2025-10-31T18:00:00+08:00'", 'case:', '  id: A', '  chanel: window', '  matter: { id: a, name: b, department: c, class: promisd }', '  events: []', 'expect: { findings: [] }'].join('\n');
    const { code, err } = await cli('--lang', 'en', 'check', writeScratch('format.yaml', text));
    expect(code).toBe(2);
    expect(err).toContain('$.case.matter.class: expected one of "instant", "promised", "supplement", "joint", "reported", "urgent", "returned", "proxy" (did you mean "promised"?), got "promisd" (line 7: matter: { id: a, name: b, department: c, class: promisd })');
    expect(err).toContain('$.case.chanel: no such field here (did you mean "channel"?); its value: "window" (line 6: chanel: window)');
  });

  it('a YAML error quotes the offending line with its number', async () => {
    const file = writeScratch('broken.yaml', 'description: x\nprofile: city-12\nasOf: [unclosed\n  - a: b\n');
    const { code, err } = await cli('--lang', 'en', 'check', file);
    expect(code).toBe(2);
    expect(err).toMatch(/\$ \(line 3, column \d+\): expected valid YAML \(.+\), got "asOf: \[unclosed"/);
  });

  it('a date outside the calendar points to --calendar, not to a JS function', async () => {
    const { code, err } = await cli('--lang', 'en', 'calendar', 'add', '2040-01-02', '3');
    expect(code).toBe(2);
    expect(err).toMatch(/^2040-01-0\d is outside the calendar's data \(.+\): add that year's State Council holiday notice with --calendar <file>/);
    expect(err).not.toMatch(/extend\(|createCalendar/);
  });
});
