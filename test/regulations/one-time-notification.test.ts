import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, caseSnapshotSchema, evaluate, type CaseSnapshotInput } from '../../src/index.js';
import { deriveCase } from '../../src/engine/derive.js';

const cal = cnMainlandCalendar();
const license = { id: 'WS-003', name: '公共场所卫生许可', department: '卫生健康委员会', class: 'promised' as const, legalLimitWorkingDays: 20, promisedLimitWorkingDays: 15 };
type Matter = Partial<CaseSnapshotInput['matter']>;
type Events = CaseSnapshotInput['events'];

const snapshot = (events: Events, matter: Matter = {}, extra: Partial<CaseSnapshotInput> = {}) =>
  caseSnapshotSchema.parse({ id: 'T-1', matter: { ...license, ...matter }, channel: 'window', events, ...extra });
const factsOf = (events: Events, asOf: string, profile = 'national-baseline', matter: Matter = {}, extra: Partial<CaseSnapshotInput> = {}) =>
  deriveCase(snapshot(events, matter, extra), { profile }, cal, asOf, undefined, 'all').factSets[0]!.facts;
/** Each one-time-notification finding as "rule document article". */
const otn = (events: Events, asOf: string, profile = 'national-baseline', matter: Matter = {}, extra: Partial<CaseSnapshotInput> = {}) =>
  evaluate(snapshot(events, matter, extra), { profile: profile as never, asOf })
    .findings.filter((f) => f.regulation === 'one-time-notification')
    .map((f) => `${f.rule} ${f.citation?.source} ${f.citation?.article}`);

// Received Tuesday 2025-06-03 (after the Dragon Boat holiday); the law's fifth working day is 2025-06-10.
const received: Events = [
  { type: 'materials-received', at: '2025-06-03T10:00:00+08:00', items: ['申请书'] },
  { type: 'materials-checked', at: '2025-06-03T10:30:00+08:00', missing: ['卫生检测报告'] },
];
const notice = (at: string, items = ['卫生检测报告']): Events[number] => ({ type: 'deficiency-notice', at, items, form: 'written' });

describe('deemed acceptance (ALL 第三十二条(四)) follows the law’s five working days', () => {
  it('is judged when the fifth working day is over, not before', () => {
    expect(cal.addWorkingDays('2025-06-03', 5)).toBe('2025-06-10');
    expect(factsOf(received, '2025-06-10T23:00:00+08:00')['otn.deemedAccepted']).toBe(false);
    const after = factsOf(received, '2025-06-11T09:00:00+08:00');
    expect(after['otn.deemedAccepted']).toBe(true);
    expect(after['otn.untoldAtStatutoryDeadline']).toEqual(['卫生检测报告']);
  });

  it('a notice on any working day up to the fifth avoids it, under every profile; a later one does not (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.constantFrom('national-baseline', 'city-12', 'county-10', 'township', 'citizen-home'), (day, profile) => {
        const at = `${day === 0 ? '2025-06-03' : cal.addWorkingDays('2025-06-03', day)}T15:00:00+08:00`;
        const facts = factsOf([...received, notice(at)], '2025-06-30T17:00:00+08:00', profile);
        expect(facts['otn.deemedAccepted']).toBe(day > 5);
      }),
    );
  });

  it('a local service limit (city-12: three working days) is OTN-TIMING under its own sentence and never deems acceptance', () => {
    const day4 = [...received, notice('2025-06-09T10:00:00+08:00')];
    expect(otn(day4, '2025-06-20T17:00:00+08:00', 'city-12')).toEqual(['OTN-TIMING/promised-late city-12/one-time-notification 第五条 (一)']);
    expect(otn(day4, '2025-06-20T17:00:00+08:00')).toEqual([]);
  });

  it('on the spot applies to instant cases only where city-12 says so, and never to urgent ones', () => {
    const nextDay = [...received, notice('2025-06-04T10:00:00+08:00')];
    expect(otn(nextDay, '2025-06-20T17:00:00+08:00', 'city-12', { class: 'instant', promisedLimitWorkingDays: 0 })).toEqual([
      'OTN-TIMING/instant-late city-12/one-time-notification 第五条 (一)',
    ]);
    expect(otn(nextDay, '2025-06-20T17:00:00+08:00', 'national-baseline', { class: 'instant', promisedLimitWorkingDays: 0 })).toEqual([]);
    expect(otn(nextDay, '2025-06-20T17:00:00+08:00', 'city-12', { class: 'urgent' })).toEqual([]);
  });

  it('a notice in time that leaves an item out leaves that item untold: 逾期不告知 for it', () => {
    const events: Events = [
      received[0]!,
      { type: 'materials-checked', at: '2025-06-03T10:30:00+08:00', missing: ['卫生检测报告', '从业人员健康证明'] },
      notice('2025-06-04T10:00:00+08:00'),
    ];
    const facts = factsOf(events, '2025-06-20T17:00:00+08:00');
    expect(facts['otn.deemedAccepted']).toBe(true);
    expect(facts['otn.untoldAtStatutoryDeadline']).toEqual(['从业人员健康证明']);
    // Told by a second notice still inside the five days: not told at once, but told in time.
    const inTime = factsOf([...events, notice('2025-06-10T16:00:00+08:00', ['从业人员健康证明'])], '2025-06-20T17:00:00+08:00');
    expect(inTime['otn.deemedAccepted']).toBe(false);
    expect(inTime['otn.itemsNotInFirstNotice']).toEqual(['从业人员健康证明']);
  });

  it('a refusal after the fifth day cannot undo it; a refusal, an acceptance or a correction within the five days leaves nothing untold', () => {
    const refused = (at: string): Events[number] => ({ type: 'decided', at, outcome: 'not-accepted', reasonCategory: 'missing-materials', written: true, sealed: true, dated: true });
    expect(factsOf([...received, refused('2025-06-12T10:00:00+08:00')], '2025-06-20T17:00:00+08:00')['otn.deemedAccepted']).toBe(true);
    expect(factsOf([...received, refused('2025-06-10T10:00:00+08:00')], '2025-06-20T17:00:00+08:00')['otn.deemedAccepted']).toBe(false);
    const accepted: Events[number] = { type: 'accepted', at: '2025-06-05T10:00:00+08:00', acceptanceNotice: true };
    expect(factsOf([...received, accepted], '2025-06-20T17:00:00+08:00')['otn.deemedAccepted']).toBe(false);
    const corrected: Events = [
      received[0]!,
      { type: 'materials-checked', at: '2025-06-03T10:30:00+08:00', nonConforming: ['申请书'] },
      { type: 'materials-supplemented', at: '2025-06-03T10:40:00+08:00', items: ['申请书'] },
    ];
    expect(otn(corrected, '2025-06-20T17:00:00+08:00')).toEqual([]);
  });

  it('binds license applications only: not a public service, nor a license applied for that the matter does not need, nor another department’s matter', () => {
    const asOf = '2025-06-20T17:00:00+08:00';
    expect(factsOf(received, asOf, 'national-baseline', { kind: 'public-service' })['otn.deemedAccepted']).toBe(false);
    expect(factsOf(received, asOf, 'city-12', { kind: 'public-service' })['otn.deemedAccepted']).toBe(false);
    expect(factsOf(received, asOf, 'national-baseline', { kind: 'public-service' }, { appliedFor: 'license' })['otn.deemedAccepted']).toBe(false);
    expect(factsOf(received, asOf, 'national-baseline', { inJurisdiction: false })['otn.deemedAccepted']).toBe(false);
  });
});

describe('one notice for every defect the materials had when received (挤牙膏式补正)', () => {
  const supplied: Events[number] = { type: 'materials-supplemented', at: '2025-06-05T09:00:00+08:00', items: ['卫生检测报告'] };
  const firstNotice = notice('2025-06-03T11:00:00+08:00');

  it('a later notice for an original defect is not one notice; a new defect of a supplied document is', () => {
    const squeezed = factsOf([...received, firstNotice, supplied, notice('2025-06-05T09:30:00+08:00', ['申请书法定代表人签字'])], '2025-06-20T17:00:00+08:00');
    expect(squeezed['otn.itemsNotInFirstNotice']).toEqual(['申请书法定代表人签字']);
    expect(squeezed['otn.deemedAccepted']).toBe(false);
    const recordedNew = factsOf(
      [...received, firstNotice, { ...supplied, newDeficiencies: ['检测机构资质证明'] }, notice('2025-06-05T09:30:00+08:00', ['检测机构资质证明'])],
      '2025-06-20T17:00:00+08:00',
    );
    expect(recordedNew['otn.itemsNotInFirstNotice']).toEqual([]);
    const suppliedAgain = factsOf([...received, firstNotice, supplied, notice('2025-06-05T09:30:00+08:00', ['卫生检测报告'])], '2025-06-20T17:00:00+08:00');
    expect(suppliedAgain['otn.itemsNotInFirstNotice']).toEqual([]);
  });

  it('an original defect first asked for after the fifth working day was untold when the law’s period ran out', () => {
    const late = factsOf([...received, firstNotice, supplied, notice('2025-06-12T09:30:00+08:00', ['申请书法定代表人签字'])], '2025-06-20T17:00:00+08:00');
    expect(late['otn.deemedAccepted']).toBe(true);
    expect(late['otn.untoldAtStatutoryDeadline']).toEqual(['申请书法定代表人签字']);
  });

  it('cites the document in force whose sentence imposes it: city-12, county-10 (六), citizen-home, else the law for licenses only', () => {
    const events = [...received, firstNotice, supplied, notice('2025-06-05T09:30:00+08:00', ['申请书法定代表人签字'])];
    const asOf = '2025-06-20T17:00:00+08:00';
    expect(otn(events, asOf)).toEqual(['OTN-ALL-ITEMS/any-application xingzheng-xuke-fa 第三十二条 (四)']);
    expect(otn(events, asOf, 'national-baseline', { kind: 'public-service' })).toEqual([]);
    expect(otn(events, asOf, 'city-12', { kind: 'public-service' })).toEqual(['OTN-ALL-ITEMS/any-application city-12/one-time-notification 第六条 (三)']);
    expect(otn(events, asOf, 'county-10', { kind: 'public-service' })).toEqual(['OTN-ALL-ITEMS/any-application county-10/one-time-notification 一、']);
    expect(otn(events, asOf, 'citizen-home', { kind: 'public-service' })).toEqual(['OTN-ALL-ITEMS/any-application citizen-home 第二十五条']);
    expect(otn(events, asOf, 'township', { kind: 'public-service' })).toEqual([]);
  });

  it('an item corrected on the spot before the first notice need not be in it', () => {
    const events: Events = [
      received[0]!,
      { type: 'materials-checked', at: '2025-06-03T10:30:00+08:00', missing: ['卫生检测报告'], nonConforming: ['申请书'] },
      { type: 'materials-supplemented', at: '2025-06-03T10:35:00+08:00', items: ['申请书'] },
      notice('2025-06-03T11:00:00+08:00'),
    ];
    expect(factsOf(events, '2025-06-20T17:00:00+08:00')['otn.itemsNotInFirstNotice']).toEqual([]);
    // Not corrected before the notice: left out of it.
    expect(factsOf([events[0]!, events[1]!, events[3]!], '2025-06-20T17:00:00+08:00')['otn.itemsNotInFirstNotice']).toEqual(['申请书']);
  });

  it('the township’s 补办件 sentence adds the duty for supplement cases the general rule does not reach, once', () => {
    const events = [...received, firstNotice, supplied, notice('2025-06-05T09:30:00+08:00', ['申请书法定代表人签字'])];
    const asOf = '2025-06-20T17:00:00+08:00';
    const allItems = (...args: Parameters<typeof otn>) => otn(...args).filter((f) => f.startsWith('OTN-ALL-ITEMS'));
    expect(allItems(events, asOf, 'township', { class: 'supplement', kind: 'public-service' })).toEqual([
      'OTN-ALL-ITEMS/supplement-case township 四、运行方式 补办件',
    ]);
    // A license: the law's rule reports it, and the township's variant stays quiet rather than report it twice.
    expect(allItems(events, asOf, 'township', { class: 'supplement' })).toEqual(['OTN-ALL-ITEMS/any-application xingzheng-xuke-fa 第三十二条 (四)']);
    // Not a supplement case: no township sentence reaches a public service.
    expect(allItems(events, asOf, 'township', { kind: 'public-service' })).toEqual([]);
  });
});

describe('scope of the other one-time-notification duties', () => {
  const asOf = '2025-06-20T17:00:00+08:00';

  it('the law’s five days bind only an application 第三十二条(四) governs: not one to be declined under (一) or (二)', () => {
    const late = [...received, notice('2025-06-12T10:00:00+08:00')];
    expect(otn(late, asOf)).toEqual(['OTN-TIMING/statutory-late xingzheng-xuke-fa 第三十二条 (四)', 'OTN-DEEMED-ACCEPTED xingzheng-xuke-fa 第三十二条 (四)']);
    expect(otn(late, asOf, 'national-baseline', { inJurisdiction: false })).toEqual(['OTN-NOT-NEEDED/other-department xingzheng-xuke-fa 第三十二条 (二)']);
    expect(otn(late, asOf, 'national-baseline', { kind: 'public-service' }, { appliedFor: 'license' })).toEqual([
      'OTN-NOT-NEEDED/no-license xingzheng-xuke-fa 第三十二条 (一)',
    ]);
  });

  it('declining at once: on the day of receipt, or the next working day for materials received on a day off', () => {
    const publicService = { kind: 'public-service' as const };
    const applied = { appliedFor: 'license' as const };
    const decline = (at: string): Events[number] => ({ type: 'decided', at, outcome: 'not-accepted', reasonCategory: 'no-license-needed', written: true, sealed: true, dated: true });
    // Received online on Sunday 2025-06-08, declined on Monday.
    const sunday: Events = [{ type: 'materials-received', at: '2025-06-08T20:00:00+08:00', items: ['申请书'] }];
    expect(otn([...sunday, decline('2025-06-09T09:30:00+08:00')], asOf, 'national-baseline', publicService, { ...applied, channel: 'online' })).toEqual([]);
    expect(otn([...sunday, decline('2025-06-10T09:30:00+08:00')], asOf, 'national-baseline', publicService, { ...applied, channel: 'online' })).toEqual([
      'OTN-NOT-NEEDED/no-license xingzheng-xuke-fa 第三十二条 (一)',
    ]);
    // Another department's matter, still pending on the day of receipt: not yet a breach; the next day it is.
    const pending: Events = [{ type: 'materials-received', at: '2025-06-03T10:00:00+08:00', items: ['登记申请书'] }];
    expect(otn(pending, '2025-06-03T16:00:00+08:00', 'national-baseline', { inJurisdiction: false })).toEqual([]);
    expect(otn(pending, '2025-06-04T16:00:00+08:00', 'national-baseline', { inJurisdiction: false })).toEqual([
      'OTN-NOT-NEEDED/other-department xingzheng-xuke-fa 第三十二条 (二)',
    ]);
  });

  it('every notice at the window is written: an oral one is a violation, an electronic one a warning to check', () => {
    const evaluateCity = (form: 'oral' | 'electronic' | 'written') =>
      evaluate(snapshot([...received, { type: 'deficiency-notice', at: '2025-06-03T11:00:00+08:00', items: ['卫生检测报告'], form }]), { profile: 'city-12', asOf })
        .findings.filter((f) => f.ruleId === 'OTN-WRITTEN')
        .map((f) => `${f.rule} ${f.severity}`);
    expect(evaluateCity('oral')).toEqual(['OTN-WRITTEN violation']);
    expect(evaluateCity('electronic')).toEqual(['OTN-WRITTEN/electronic warning']);
    expect(evaluateCity('written')).toEqual([]);
  });

  it('interested parties are owed notice in a review that reaches a decision, not when the application is not accepted', () => {
    const events: Events = [
      { type: 'materials-received', at: '2025-06-03T10:00:00+08:00', items: ['申请书'] },
      { type: 'materials-checked', at: '2025-06-03T10:30:00+08:00' },
    ];
    const decided = (outcome: 'approved' | 'refused' | 'not-accepted'): Events[number] => ({ type: 'decided', at: '2025-06-03T11:00:00+08:00', outcome, written: true, sealed: true, dated: true });
    const third = { affectsThirdParties: true };
    expect(otn([...events, decided('not-accepted')], asOf, 'national-baseline', third)).toEqual([]);
    expect(otn([...events, decided('refused')], asOf, 'national-baseline', third)).toEqual(['OTN-THIRD-PARTY xingzheng-xuke-fa 第三十六条']);
    expect(otn([...events, decided('approved')], asOf, 'city-12', third)).toEqual(['OTN-THIRD-PARTY city-12/one-time-notification 第五条 (三)']);
  });
});
