import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, caseSnapshotSchema, type CaseSnapshotInput } from '../../src/index.js';
import { deriveCase } from '../../src/engine/derive.js';

const cal = cnMainlandCalendar();
const matter = { id: 'M', name: '测试事项', department: '测试局', class: 'promised' as const, legalLimitWorkingDays: 20, promisedLimitWorkingDays: 10 };
/** The case's facts under the profile, those left for findings (`whenShown`) computed too. */
const factsOf = (events: CaseSnapshotInput['events'], asOf: string, profile = 'national-baseline', extra: Partial<CaseSnapshotInput['matter']> = {}) => {
  const derivation = deriveCase(caseSnapshotSchema.parse({ id: 'T-1', matter: { ...matter, ...extra }, channel: 'window', events }), { profile }, cal, asOf);
  derivation.showFacts?.();
  return derivation.factSets[0]!.facts;
};

describe('one-time notification facts', () => {
  it('counts notice working days from receipt, across make-up days, and lists items left out of the first notice', () => {
    const facts = factsOf([
      { type: 'materials-received', at: '2025-09-26T15:00:00+08:00' },
      { type: 'materials-checked', at: '2025-09-26T15:30:00+08:00', missing: ['甲'], nonConforming: ['乙'] },
      { type: 'deficiency-notice', at: '2025-09-28T10:00:00+08:00', items: ['甲'], form: 'written' },
    ], '2025-10-09T10:00:00+08:00');
    expect(facts['otn.noticeWorkingDays']).toBe(1); // 2025-09-28 is a make-up Sunday
    expect(facts['otn.initialDeficiencies']).toEqual(['甲', '乙']);
    expect(facts['otn.itemsNotInFirstNotice']).toEqual(['乙']);
    expect(facts['otn.deemedAccepted']).toBe(false);
  });

  it('a local on-the-spot limit for instant cases never moves deemed acceptance, which follows the law’s five days', () => {
    const events: CaseSnapshotInput['events'] = [
      { type: 'materials-received', at: '2025-03-10T10:00:00+08:00' },
      { type: 'materials-checked', at: '2025-03-10T10:05:00+08:00', missing: ['甲'] },
      { type: 'deficiency-notice', at: '2025-03-11T09:00:00+08:00', items: ['甲'], form: 'written' },
    ];
    const city = factsOf(events, '2025-03-20T10:00:00+08:00', 'city-12', { class: 'instant', promisedLimitWorkingDays: 0 });
    expect(city['otn.noticeLimitWorkingDays']).toBe(0);
    expect(city['otn.noticeWorkingDays']).toBe(1);
    expect(city['otn.deemedAccepted']).toBe(false);
    // Items still untold after the fifth working day (2025-03-17) are 逾期不告知.
    const late = factsOf(events.slice(0, 2), '2025-03-18T10:00:00+08:00', 'national-baseline', { class: 'instant', promisedLimitWorkingDays: 0 });
    expect(late['otn.statutoryNoticeDueDate']).toBe('2025-03-17');
    expect(late['otn.deemedAccepted']).toBe(true);
    expect(factsOf(events.slice(0, 2), '2025-03-17T20:00:00+08:00')['otn.deemedAccepted']).toBe(false);
  });
});

describe('timed completion facts', () => {
  it('starts the clock at receipt when acceptance is deemed, and at completion of materials for a supplement case', () => {
    const deemed = factsOf([
      { type: 'materials-received', at: '2025-03-03T10:00:00+08:00' },
      { type: 'materials-checked', at: '2025-03-03T10:05:00+08:00', missing: ['甲'] },
      { type: 'deficiency-notice', at: '2025-03-13T09:00:00+08:00', items: ['甲'], form: 'written' },
      { type: 'materials-supplemented', at: '2025-03-14T09:00:00+08:00', items: ['甲'] },
      { type: 'accepted', at: '2025-03-14T10:00:00+08:00', acceptanceNotice: true, promisedCompletion: '2025-03-28' },
    ], '2025-03-17T10:00:00+08:00');
    expect(deemed['tc.clockStartDate']).toBe('2025-03-03');
    expect(deemed['tc.dueDate']).toBe(cal.addWorkingDays('2025-03-03', 10));

    const supplement = factsOf([
      { type: 'materials-received', at: '2025-03-03T10:00:00+08:00' },
      { type: 'materials-checked', at: '2025-03-03T10:05:00+08:00', missing: ['甲'] },
      { type: 'deficiency-notice', at: '2025-03-03T10:10:00+08:00', items: ['甲'], form: 'written' },
      { type: 'accepted', at: '2025-03-03T10:30:00+08:00', acceptanceNotice: true, promisedCompletion: '补齐后10日' },
      { type: 'materials-supplemented', at: '2025-03-10T09:00:00+08:00', items: ['甲'] },
    ], '2025-03-12T10:00:00+08:00', 'national-baseline', { class: 'supplement' });
    expect(supplement['tc.clockStartDate']).toBe('2025-03-10');
    expect(supplement['tc.workingDaysUsed']).toBe(2);
  });

  it('explains why an extension does not count and leaves it out of the deadline', () => {
    const facts = factsOf([
      { type: 'materials-received', at: '2025-03-03T10:00:00+08:00' },
      { type: 'accepted', at: '2025-03-03T10:30:00+08:00', acceptanceNotice: true, promisedCompletion: '2025-03-17' },
      { type: 'extension', at: '2025-03-20T10:00:00+08:00', workingDays: 12, writtenNotice: false, approvedBy: 'window' },
    ], '2025-03-21T10:00:00+08:00');
    expect(facts['tc.invalidExtensionCount']).toBe(1);
    const [invalid] = facts['tc.invalidExtensions'] as ReadonlyArray<{ zh: string; en: string }>;
    expect(invalid!.en).toMatch(/after the deadline.*not told in writing.*not approved/);
    expect(invalid!.zh).toMatch(/期限届满后才延期；未书面告知申请人延期理由和时限；超出法定期限的延期未经法律要求的负责人批准/);
    expect(facts['tc.extensionWorkingDays']).toBe(0);
    expect(facts['tc.dueDate']).toBe('2025-03-17');
    expect(facts['tc.late']).toBe(true);
  });
});

describe('rejection filing and online processing facts', () => {
  it('knows whether a complete notice came before a refusal, and how long filing took', () => {
    const facts = factsOf([
      { type: 'materials-received', at: '2025-03-03T10:00:00+08:00' },
      { type: 'materials-checked', at: '2025-03-03T10:05:00+08:00', missing: ['甲', '乙'] },
      { type: 'deficiency-notice', at: '2025-03-03T10:10:00+08:00', items: ['甲'], form: 'written' },
      { type: 'decided', at: '2025-03-07T10:00:00+08:00', outcome: 'returned', reasonCategory: 'missing-materials' },
    ], '2025-03-12T10:00:00+08:00');
    expect(facts['rf.priorCompleteNotice']).toBe(false);
    expect(facts['rf.filingWorkingDays']).toBe(3);
    expect(facts['rf.noticeProblems']).toEqual([
      { zh: '书面通知', en: 'written notice' },
      { zh: '理由', en: 'reasons' },
      { zh: '事实根据', en: 'facts' },
      { zh: '法律依据', en: 'legal basis' },
      { zh: '加盖公章', en: 'seal' },
      { zh: '注明日期', en: 'date' },
    ]);
  });

  it('measures working minutes from receipt to system entry, and acts taken before it', () => {
    const facts = factsOf([
      { type: 'ticket-issued', at: '2025-03-03T09:55:00+08:00' },
      { type: 'materials-received', at: '2025-03-03T10:00:00+08:00' },
      { type: 'accepted', at: '2025-03-03T10:30:00+08:00', acceptanceNotice: true },
      { type: 'decided', at: '2025-03-04T10:00:00+08:00', outcome: 'approved' },
      { type: 'entered-into-system', at: '2025-03-05T10:30:00+08:00' },
    ], '2025-03-12T10:00:00+08:00', 'city-12');
    expect(facts['op.ticketBeforeReceipt']).toBe(true);
    // Working minutes from receipt (not acceptance) under 08–12, 14–18: 360 on Monday, 480 on Tuesday, 150 on Wednesday.
    expect(facts['op.entryDelayMinutes']).toBe(360 + 480 + 150);
    expect(facts['op.actsOutsideSystem']).toEqual([{ zh: '2025-03-04 10:00 作出决定', en: '2025-03-04 10:00 decided' }]);
  });
});
