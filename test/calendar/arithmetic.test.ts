import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar } from '../../src/index.js';

const cal = cnMainlandCalendar();

describe('the contract examples in DESIGN.md', () => {
  it('National Day and make-up Sunday', () => {
    expect(cal.isWorkingDay('2025-10-01')).toBe(false);
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-10')).toBe(2);
  });
});

describe('named edge cases', () => {
  it('zero working days on a holiday is the next working day; on a working day it is the day itself', () => {
    expect(cal.addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-10-08', 0)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-10-09', 0)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-10-11', 0)).toBe('2025-10-11'); // make-up Saturday
  });

  it('starting on a make-up Saturday counts the following days normally', () => {
    expect(cal.dayInfo('2025-10-11')).toMatchObject({ kind: 'make-up-workday', weekday: 6 });
    expect(cal.addWorkingDays('2025-10-11', 1)).toBe('2025-10-13');
    expect(cal.addWorkingDays('2025-10-10', 1)).toBe('2025-10-11');
    expect(cal.workingDaysBetween('2025-10-10', '2025-10-13')).toBe(2);
  });

  it('crosses year boundaries, including a make-up Sunday in the new year', () => {
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.dayInfo('2026-01-04').kind).toBe('make-up-workday');
    expect(cal.addWorkingDays('2018-12-28', 1)).toBe('2018-12-29');
    expect(cal.addWorkingDays('2018-12-29', 1)).toBe('2019-01-02');
    expect(cal.workingDaysBetween('2024-12-31', '2025-01-02')).toBe(1);
  });

  it('follows the 2019 Labour Day change (〔2019〕3号): 1–4 May off, 28 April and 5 May worked', () => {
    for (const d of ['2019-05-01', '2019-05-02', '2019-05-03', '2019-05-04']) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.dayInfo('2019-04-28').kind).toBe('make-up-workday');
    expect(cal.dayInfo('2019-05-05').kind).toBe('make-up-workday');
    expect(cal.addWorkingDays('2019-04-30', 1)).toBe('2019-05-05');
  });

  it('follows the 2020 Spring Festival extension (〔2020〕1号): off 24 Jan – 2 Feb, the 1 Feb make-up Saturday cancelled', () => {
    expect(cal.dayInfo('2020-02-01')).toMatchObject({ kind: 'holiday', isWorkingDay: false });
    expect(cal.dayInfo('2020-01-31').kind).toBe('holiday');
    expect(cal.addWorkingDays('2020-01-23', 1)).toBe('2020-02-03');
    expect(cal.workingDaysBetween('2020-01-23', '2020-02-03')).toBe(1);
  });

  it('negative counts step back over days off', () => {
    expect(cal.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-10-05', -1)).toBe('2025-09-30');
    expect(cal.previousWorkingDay('2025-10-09')).toBe('2025-09-30');
    expect(cal.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(cal.workingDaysBetween('2025-10-10', '2025-09-30')).toBe(-2);
  });

  it('reads an instant by its Asia/Shanghai date, whatever its offset', () => {
    // 2025-09-30T20:00Z is 2025-10-01 04:00 in Shanghai: a holiday.
    expect(cal.isWorkingDay('2025-09-30T20:00:00Z')).toBe(false);
    expect(cal.isWorkingDay('2025-09-30T15:59:59Z')).toBe(true);
    expect(cal.addWorkingDays('2025-09-30T16:00:00Z', 0)).toBe('2025-10-09');
  });

  it('describes each kind of day in both languages', () => {
    expect(cal.dayInfo('2025-01-29')).toMatchObject({ kind: 'holiday', holiday: { zh: '春节', en: 'Spring Festival' } });
    expect(cal.dayInfo('2025-03-08')).toMatchObject({ kind: 'weekend', isWorkingDay: false, weekday: 6 });
    expect(cal.dayInfo('2025-03-10')).toMatchObject({ kind: 'workday', isWorkingDay: true, weekday: 1 });
  });
});

describe('extending the calendar', () => {
  it('center closures remove working days, never add them, and leave the shared calendar alone', () => {
    const closed = cal.extend({ closures: [{ date: '2025-03-10', reason: '中心搬迁' }] });
    expect(closed.dayInfo('2025-03-10')).toMatchObject({ kind: 'closure', closure: '中心搬迁', isWorkingDay: false });
    expect(closed.addWorkingDays('2025-03-07', 1)).toBe('2025-03-11');
    expect(cal.isWorkingDay('2025-03-10')).toBe(true);
  });

  it('a newly published year extends the coverage', () => {
    const next = cal.extend({
      years: {
        2027: {
          status: 'published', notice: '（示例）2027年通知', statutoryDays: 1,
          daysOff: [{ date: '2027-01-01', holiday: '元旦' }], makeUpWorkdays: [],
        },
      },
    });
    expect(next.coverage.to).toBe('2027-12-31');
    expect(next.unpublishedYears).toEqual([]);
    expect(next.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('weekends-only outside the data only when asked for by name, and says the day was guessed', () => {
    const lenient = cnMainlandCalendar({ outsideCoverage: 'weekends-only' });
    expect(lenient.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(lenient.dayInfo('2027-01-01')).toMatchObject({ kind: 'workday', guessed: true });
    expect(lenient.dayInfo('2025-10-01').guessed).toBeUndefined();
  });
});
