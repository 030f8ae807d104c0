import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, computeDeadline, deadlineStatus } from '../../src/index.js';
import { calendarDate } from '../../src/testing/calendar-arbitraries.js';

const cal = cnMainlandCalendar();
const hours = [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }];

describe('computeDeadline', () => {
  it('does not count the day of acceptance and ends at 24:00 of the Nth working day (民法典 201, 203)', () => {
    const d = computeDeadline(cal, { start: '2025-09-30T16:00:00+08:00', workingDays: 3 });
    expect(d.dueDate).toBe('2025-10-11'); // 10-09, 10-10 and the make-up Saturday 10-11
    expect(d.due).toBe('2025-10-11T23:59:59.999+08:00');
  });

  it('can count the start day, or end at close of business, as a profile chooses', () => {
    const sameDay = computeDeadline(cal, { start: '2025-10-09T09:00:00+08:00', workingDays: 3, convention: { startDay: 'same-day' } });
    expect(sameDay.dueDate).toBe('2025-10-11');
    const fromHoliday = computeDeadline(cal, { start: '2025-10-03T09:00:00+08:00', workingDays: 1, convention: { startDay: 'same-day' } });
    expect(fromHoliday.dueDate).toBe('2025-10-09');
    const cob = computeDeadline(cal, { start: '2025-10-09', workingDays: 1, convention: { dueAt: 'close-of-business' }, workingHours: hours });
    expect(cob.due).toBe('2025-10-10T18:00:00+08:00');
  });

  it('a limit of 0 working days is the day itself (or the next working day)', () => {
    expect(computeDeadline(cal, { start: '2025-10-09T10:00:00+08:00', workingDays: 0 }).dueDate).toBe('2025-10-09');
    expect(computeDeadline(cal, { start: '2025-10-04T10:00:00+08:00', workingDays: 0 }).dueDate).toBe('2025-10-09');
  });

  it('a suspension across Spring Festival excludes only its working days', () => {
    // Suspended 2025-01-24 (Fri), resumed 2025-02-07 (Fri): (01-24, 02-07] holds 01-26 (make-up Sunday),
    // 01-27, 02-05, 02-06, 02-07 as working days; 01-28 to 02-04 are the holiday.
    const plain = computeDeadline(cal, { start: '2025-01-20T10:00:00+08:00', workingDays: 10 });
    const suspended = computeDeadline(cal, {
      start: '2025-01-20T10:00:00+08:00', workingDays: 10,
      exclusions: [{ from: '2025-01-24T15:00:00+08:00', to: '2025-02-07T09:00:00+08:00' }],
    });
    expect(suspended.excludedWorkingDays).toBe(5);
    expect(cal.workingDaysBetween(plain.dueDate, suspended.dueDate)).toBe(5);
  });

  it('an extension adds its working days; elapsed and remaining are measured at asOf', () => {
    const d = computeDeadline(cal, { start: '2025-03-03T10:00:00+08:00', workingDays: 20, extensionWorkingDays: 10, asOf: '2025-03-10T10:00:00+08:00' });
    expect(d.dueDate).toBe(cal.addWorkingDays('2025-03-03', 30));
    expect(d.elapsedWorkingDays).toBe(5);
    expect(d.remainingWorkingDays).toBe(25);
  });

  it('an open suspension stops the clock at asOf', () => {
    const d = computeDeadline(cal, {
      start: '2025-03-03T10:00:00+08:00', workingDays: 5,
      exclusions: [{ from: '2025-03-05T10:00:00+08:00' }], asOf: '2025-03-12T10:00:00+08:00',
    });
    expect(d.clockStopped).toBe(true);
    expect(d.elapsedWorkingDays).toBe(2);
    expect(d.remainingWorkingDays).toBe(3);
  });

  it('statuses: met / missed when completed, overdue past due, due-soon near it, on-track otherwise', () => {
    const d = computeDeadline(cal, { start: '2025-03-03T10:00:00+08:00', workingDays: 10, asOf: '2025-03-05T10:00:00+08:00' });
    expect(deadlineStatus(d, { asOf: '2025-03-05T10:00:00+08:00' })).toBe('on-track');
    const late = computeDeadline(cal, { start: '2025-03-03T10:00:00+08:00', workingDays: 10, asOf: '2025-03-14T10:00:00+08:00' });
    expect(deadlineStatus(late, { asOf: '2025-03-14T10:00:00+08:00' })).toBe('due-soon'); // 9 of 10 elapsed
    const atRatio = computeDeadline(cal, { start: '2025-03-03T10:00:00+08:00', workingDays: 10, asOf: '2025-03-13T10:00:00+08:00' });
    expect(deadlineStatus(atRatio, { asOf: '2025-03-13T10:00:00+08:00' })).toBe('due-soon'); // 80 %
    expect(deadlineStatus(atRatio, { asOf: '2025-03-13T10:00:00+08:00' }, { warnElapsedRatio: 0.9 })).toBe('on-track');
    expect(deadlineStatus(d, { asOf: '2025-03-18T00:00:00+08:00' })).toBe('overdue');
    expect(deadlineStatus(d, { asOf: '2025-03-20T00:00:00+08:00', completedAt: '2025-03-17T23:00:00+08:00' })).toBe('met');
    expect(deadlineStatus(d, { asOf: '2025-03-20T00:00:00+08:00', completedAt: '2025-03-18T08:00:00+08:00' })).toBe('missed');
  });
});

describe('deadline laws', () => {
  const start = calendarDate(cal, { margin: 200 });
  const limit = fc.integer({ min: 1, max: 60 });

  it('a suspension wholly inside days off does not move the deadline', () => {
    // Every run of days off, as (last working day before it, last day of it].
    const offRuns: Array<[string, string]> = [];
    for (let d = '2018-03-01'; d < '2026-06-01'; d = cal.nextWorkingDay(d)) {
      const next = cal.nextWorkingDay(d);
      const dayBefore = new Date(`${next}T00:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      const last = dayBefore.toISOString().slice(0, 10);
      if (last > d) offRuns.push([d, last]);
    }
    const offRun = fc.constantFrom(...offRuns);
    fc.assert(fc.property(offRun, limit, ([lastWorking, lastOff], n) => {
      // (lastWorking, lastOff] holds no working day.
      const startDate = cal.addWorkingDays(lastWorking, -Math.min(n, 5));
      const plain = computeDeadline(cal, { start: startDate, workingDays: n });
      const suspended = computeDeadline(cal, { start: startDate, workingDays: n, exclusions: [{ from: lastWorking, to: lastOff }] });
      expect(suspended.excludedWorkingDays).toBe(0);
      expect(suspended.dueDate).toBe(plain.dueDate);
    }), { numRuns: 500 });
  });

  it('a suspension of k whole working days before the deadline moves it by exactly k working days', () => {
    fc.assert(fc.property(start, limit, fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 30 }), (s, n, offset, k) => {
      const from = cal.addWorkingDays(s, Math.min(offset, n - 1));
      const to = cal.addWorkingDays(from, k);
      const plain = computeDeadline(cal, { start: s, workingDays: n });
      const suspended = computeDeadline(cal, { start: s, workingDays: n, exclusions: [{ from, to }] });
      expect(suspended.excludedWorkingDays).toBe(k);
      expect(cal.workingDaysBetween(plain.dueDate, suspended.dueDate)).toBe(k);
    }), { numRuns: 1000 });
  });

  it('remaining + elapsed is always the total, and the due date is monotone in the limit', () => {
    fc.assert(fc.property(start, limit, fc.integer({ min: 0, max: 80 }), (s, n, later) => {
      const asOf = cal.addWorkingDays(s, later);
      const d = computeDeadline(cal, { start: s, workingDays: n, asOf });
      expect(d.elapsedWorkingDays! + d.remainingWorkingDays!).toBe(n);
      expect(d.elapsedWorkingDays).toBe(cal.workingDaysBetween(s, asOf));
      expect(computeDeadline(cal, { start: s, workingDays: n + 1 }).dueDate > d.dueDate).toBe(true);
    }), { numRuns: 1000 });
  });
});

describe('suspension days', () => {
  const hours = [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }];
  // Accepted Mon 2025-06-09 with 10 working days; an expert review runs from Tue 06-10 before opening to Mon 06-16
  // after close: five working days (06-10, 11, 12, 13, 16) with no working time left to the clock.
  const review = { start: '2025-06-09T10:00:00+08:00', workingDays: 10, exclusions: [{ from: '2025-06-10T07:30:00+08:00', to: '2025-06-16T18:30:00+08:00' }], workingHours: hours };

  it('by default the day a suspension begins counts as used and the day it ends is excluded: (from, to]', () => {
    const d = computeDeadline(cal, review);
    expect(d.excludedWorkingDays).toBe(4);
    expect(d.dueDate).toBe(cal.addWorkingDays('2025-06-09', 14));
  });

  it("'whole-days' excludes every working day the suspension took whole, the first included", () => {
    const d = computeDeadline(cal, { ...review, convention: { suspension: 'whole-days' } });
    expect(d.excludedWorkingDays).toBe(5);
    expect(d.dueDate).toBe(cal.addWorkingDays('2025-06-09', 15));
    // Ending before close of business gives the last day back; beginning after opening keeps the first.
    const partial = computeDeadline(cal, { ...review, convention: { suspension: 'whole-days' }, exclusions: [{ from: '2025-06-10T09:00:00+08:00', to: '2025-06-16T10:00:00+08:00' }] });
    expect(partial.excludedWorkingDays).toBe(3);
  });

  it("'whole-days' needs working hours, and says so", () => {
    const { workingHours: _, ...withoutHours } = review;
    expect(() => computeDeadline(cal, { ...withoutHours, convention: { suspension: 'whole-days' } })).toThrow(/workingHours/);
  });
});
