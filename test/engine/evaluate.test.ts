import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, evaluate, loadProfile, ValidationError, type CaseSnapshotInput, type ProfileInput } from '../../src/index.js';
import { FACTS_BY_SCOPE } from '../../src/regulations/index.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { parseFixture } from '../../src/fixtures/fixture.js';
import { bundledProfiles } from '../../src/engine/profiles.js';
import { caseGenerator } from '../../scripts/case-generator.js';

const root = join(import.meta.dirname, '..', '..');
const fixture = (path: string) => parseFixture(readFileSync(join(root, 'fixtures', path), 'utf8'), path);
const late = fixture('one-time-notification/timing-city12-4th-working-day.yaml');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('evaluate', () => {
  it('renders the finding with the regulation’s sentence, the evidence and the parameter’s source', () => {
    const report = evaluate(late.case!, { profile: 'city-12', asOf: late.asOf });
    const timing = report.findings.find((f) => f.ruleId === 'OTN-TIMING')!;
    expect(timing.message.zh).toBe('承诺件应在收件（2025-09-30）后 3 个工作日内通知补正补全的全部内容，实际在第 4 个工作日（2025-10-13）告知');
    expect(timing.message.en).toContain('working day 4 (2025-10-13)');
    // The local 3-day limit was breached, so the local sentence is cited; the law's five days were kept.
    expect(timing.citation).toMatchObject({ source: 'city-12/one-time-notification', seed: 'city-12', article: '第五条 (一)' });
    expect(timing.appliesUnder).toMatchObject({ kind: 'document', document: 'city-12/one-time-notification' });
    expect(report.findings.map((f) => f.ruleId)).not.toContain('OTN-DEEMED-ACCEPTED');
    expect(timing.evidence).toMatchObject({ 'otn.noticeWorkingDays': 4, 'otn.noticeLimitWorkingDays': 3 });
    expect(timing.parameters?.oneTimeNoticeWorkingDays).toMatchObject({ value: 3, source: { seed: 'city-12', profile: 'city-12' } });
  });

  it('traces every rule evaluated with its conditions’ fact values, and can leave the trace out', () => {
    const report = evaluate(late.case!, { profile: 'city-12', asOf: late.asOf });
    expect(report.trace!.length).toBeGreaterThan(20);
    const entry = report.trace!.find((t) => t.rule === 'OTN-TIMING/promised-late')!;
    expect(entry.fired).toBe(true);
    expect(entry.conditions).toMatchObject({ all: [{}, {}, {}, { fact: 'otn.noticeWorkingDays', factValue: 4, value: { fact: 'otn.noticeLimitWorkingDays', is: 3 }, result: true }] });
    expect(report.trace!.find((t) => t.rule === 'OTN-WRITTEN')!.fired).toBe(false);
    expect(evaluate(late.case!, { profile: 'city-12', asOf: late.asOf, trace: false }).trace).toBeUndefined();
  });

  it('is deterministic and never changes its input', () => {
    const frozen = deepFreeze(structuredClone(late.case!));
    const a = evaluate(frozen, { profile: 'city-12', asOf: late.asOf });
    const b = evaluate(structuredClone(late.case!), { profile: 'city-12', asOf: late.asOf });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('never changes a case of any shape: every event type, joint cases, under every bundled profile', () => {
    // The timeline annotates events in place; only evaluation's own copy may be annotated, never the caller's object.
    const makeCase = caseGenerator(20261207);
    const types = new Set<string>();
    for (let n = 1; n <= 120; n++) {
      const snapshot = makeCase(n);
      for (const event of snapshot.events) types.add(event.type);
      const before = JSON.stringify(snapshot);
      const frozen = deepFreeze(structuredClone(snapshot));
      for (const profile of bundledProfiles().keys()) {
        expect(() => evaluate(frozen, { profile, asOf: '2025-10-31T18:00:00+08:00', trace: false })).not.toThrow();
        evaluate(snapshot, { profile, asOf: '2025-10-31T18:00:00+08:00', trace: false });
      }
      expect(JSON.stringify(snapshot)).toBe(before);
    }
    expect(types.size).toBeGreaterThan(15);
  });

  it('judges by what had happened at asOf: the same case earlier has no late notice yet', () => {
    const early = evaluate(late.case!, { profile: 'city-12', asOf: '2025-10-09T12:00:00+08:00' });
    expect(early.findings.map((f) => f.ruleId)).toEqual(['DATA-EVENT-AFTER-AS-OF', 'DATA-EVENT-AFTER-AS-OF', 'DATA-EVENT-AFTER-AS-OF']);
    expect(early.obligations.map((o) => o.id)).toEqual(['one-time-notice']);
    expect(early.deadlines.find((d) => d.id === 'one-time-notice')).toMatchObject({ status: 'on-track', remainingWorkingDays: 2 });
  });

  it('lists every schema problem with its JSON path, value and expectation', () => {
    const broken = structuredClone(late.case!) as Record<string, unknown> & { events: Array<Record<string, unknown>> };
    broken.channel = 'fax';
    broken.events[1]!.at = '2025-09-30 09:15';
    broken.events.push({ type: 'teleported', at: '2025-10-01T00:00:00+08:00' });
    const error = caught(() => evaluate(broken as CaseSnapshotInput, { profile: 'city-12', asOf: late.asOf })) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    const paths = error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.channel', '$.events[1].at', '$.events[7].type']));
    expect(error.issues.find((i) => i.path === '$.events[1].at')!.value).toBe('2025-09-30 09:15');
    expect(caught(() => evaluate(late.case!, { profile: 'city-12', asOf: '2025-10-15' })) as ValidationError).toMatchObject({ issues: [{ path: '$.asOf' }] });
    expect(caught(() => evaluate(late.case!, { profile: 'city-99', asOf: late.asOf }))).toBeInstanceOf(ValidationError);
  });

  it('names the case when its dates leave the calendar', () => {
    const future = structuredClone(late.case!);
    for (const event of future.events) event.at = event.at.replace('2025', '2027');
    const error = caught(() => evaluate(future, { profile: 'city-12', asOf: '2027-10-15T17:00:00+08:00' })) as CalendarCoverageError;
    expect(error).toBeInstanceOf(CalendarCoverageError);
    expect(error.message).toContain(`case ${late.case!.id}`);
    expect(error.message).toContain('2018-01-01 to 2026-12-31');
  });
});

describe('profiles', () => {
  const revised: ProfileInput = {
    id: 'city-12-revised',
    name: { zh: '示例：修订后的市中心规则', en: 'Example: a revised city profile' },
    extends: 'city-12',
    versions: [
      { validFrom: '2013-01-01', params: {} },
      { validFrom: '2025-10-01', params: { oneTimeNoticeWorkingDays: { value: 5, basis: 'text', source: { seed: 'example', article: '修订第五条', text: '承诺件在5个工作日内告知' } } } },
    ],
  };

  it('resolve extends chains with a source for every value', () => {
    const city = loadProfile('city-12');
    expect(city.params.oneTimeNoticeWorkingDays).toBe(3);
    expect(city.params.defaultLegalLimitWorkingDays).toBe(20);
    expect(city.sources.oneTimeNoticeWorkingDays).toMatchObject({ profile: 'city-12', seed: 'city-12' });
    expect(city.sources.defaultLegalLimitWorkingDays).toMatchObject({ profile: 'national-baseline', seed: 'xingzheng-xuke-fa' });
    expect(city.documents.map((d) => d.id)).toContain('city-12/online-processing');
    expect(city.documents.map((d) => d.id)).toContain('xingzheng-xuke-fa');
  });

  it('apply the version in force on the case’s own dates, not the as-of date', () => {
    expect(loadProfile(revised, { on: '2025-09-30' }).params.oneTimeNoticeWorkingDays).toBe(3);
    expect(loadProfile(revised, { on: '2025-10-01' }).params.oneTimeNoticeWorkingDays).toBe(5);
    // Received 2025-09-30, under the 3-day version, although asOf falls under the 5-day one.
    const report = evaluate(late.case!, { profile: revised, asOf: late.asOf });
    expect(report.findings.map((f) => f.ruleId)).toContain('OTN-TIMING');
    expect(report.profile.versions).toEqual([
      { id: 'national-baseline', validFrom: '2004-07-01' },
      { id: 'city-12', validFrom: '2013-01-01' },
      { id: 'city-12-revised', validFrom: '2013-01-01' },
    ]);
    const later = structuredClone(late.case!);
    for (const event of later.events) event.at = event.at.replace('2025-09-30', '2025-10-09');
    expect(evaluate(later, { profile: revised, asOf: late.asOf }).findings.map((f) => f.ruleId)).not.toContain('OTN-TIMING');
  });

  it('reject a copy with an unknown parameter, a missing parent or a date before its first version', () => {
    const typo = { ...revised, versions: [{ validFrom: '2013-01-01', params: { oneTimeNoticeWorkingday: { value: 3, source: { seed: 'x', article: 'y' } } } }] };
    expect((caught(() => loadProfile(typo as ProfileInput)) as ValidationError).issues[0]!.path).toBe('$.versions[0].params.oneTimeNoticeWorkingday');
    expect(caught(() => loadProfile({ ...revised, extends: 'nowhere' }))).toBeInstanceOf(ValidationError);
    // city-12 itself starts in 2013, so the error names the first profile in the chain without a version then.
    expect((caught(() => loadProfile(revised, { on: '2012-12-31' })) as ValidationError).issues[0]!.path).toBe('city-12.versions');
  });
});

describe('rule files are validated on load', () => {
  const base = JSON.parse(readFileSync(join(root, 'rules', 'timed-completion.json'), 'utf8'));
  const load = (mutate: (file: typeof base) => void) => {
    const copy = structuredClone(base);
    mutate(copy);
    return caught(() => loadRuleSet(copy, 'rules/custom.json', (scope) => FACTS_BY_SCOPE[scope])) as ValidationError;
  };

  it('an unknown fact names the file and the rule', () => {
    const error = load((f) => { f.rules[0].conditions.all[0].fact = 'case.klass'; });
    expect(error.where).toContain('rules/custom.json');
    expect(error.issues[0]).toMatchObject({ path: '$.rules[0].conditions', value: 'case.klass' });
  });

  it('an unknown parameter, operator or placeholder is an error too', () => {
    expect(load((f) => { f.rules[7].conditions.all[1].value = { fact: 'param.jointLimit' }; }).issues[0]!.value).toBe('param.jointLimit');
    expect(load((f) => { f.rules[0].conditions.all[0].operator = 'equals'; }).issues[0]!.path).toMatch(/^\$\.rules\[0\]\.conditions/);
    expect(load((f) => { f.rules[0].event.params.message.zh += '{{tc.dueDay}}'; }).issues[0]!.value).toBe('{{tc.dueDay}}');
    expect(load((f) => { f.rules[1].conditions.all[0].value = 'instant'; }).issues[0]!.expected).toContain('a list');
  });

  it('a condition on a label (words for messages, { zh, en }) is an error: it could never be true; its count can be compared', () => {
    const onLabels = load((f) => { f.rules[0].conditions.all[0] = { fact: 'tc.invalidExtensions', operator: 'contains', value: 'after-deadline' }; });
    expect(onLabels.issues[0]).toMatchObject({ path: '$.rules[0].conditions', value: 'tc.invalidExtensions' });
    expect(onLabels.issues[0]!.expected).toContain('compare its count');
    const onCount = structuredClone(base);
    onCount.rules[0].conditions.all[0] = { fact: 'tc.invalidExtensionCount', operator: 'greaterThan', value: 0 };
    expect(() => loadRuleSet(onCount, 'rules/custom.json', (scope) => FACTS_BY_SCOPE[scope])).not.toThrow();
  });
});
