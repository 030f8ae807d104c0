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

  describe('the days a suspension takes out (convention.suspension)', () => {
    // Accepted Mon 2025-03-03, 20 working days: due 2025-03-31 without a suspension. An expert review runs the whole
    // of Mon 03-10 to Fri 03-14: it begins at 07:30, before opening time (08:00).
    const start = '2025-03-03T10:00:00+08:00';
    const review = (from: string, to: string | undefined, suspension?: 'start-day-counts' | 'whole-days', asOf?: string) =>
      computeDeadline(cal, {
        start, workingDays: 20, exclusions: [to === undefined ? { from } : { from, to }], workingHours: hours,
        ...(asOf ? { asOf } : {}), ...(suspension ? { convention: { suspension } } : {}),
      });

    it('start-day-counts (the default): the day it begins is counted and the day it ends is excluded, (from, to]', () => {
      expect(computeDeadline(cal, { start, workingDays: 20 }).dueDate).toBe('2025-03-31');
      // Resumed after close on 03-14, the fifth day of the review: 03-11 … 03-14 are excluded, four days.
      const sameEvening = review('2025-03-10T07:30:00+08:00', '2025-03-14T18:30:00+08:00');
      expect(sameEvening.excludedWorkingDays).toBe(4);
      // 清明 (Qingming) 04-04 is a day off: four working days after 03-31 is 04-07.
      expect(sameEvening.dueDate).toBe('2025-04-07');
      expect(review('2025-03-10T07:30:00+08:00', '2025-03-14T18:30:00+08:00', 'start-day-counts').dueDate).toBe('2025-04-07');
      // Resumed at opening on Mon 03-17: 03-11 … 03-17, five days; the hour of either event does not matter.
      expect(review('2025-03-10T07:30:00+08:00', '2025-03-17T08:00:00+08:00').excludedWorkingDays).toBe(5);
      expect(review('2025-03-10T15:00:00+08:00', '2025-03-17T09:00:00+08:00').excludedWorkingDays).toBe(5);
    });

    it('whole-days: a review that begins before opening time and runs five working days excludes five, not four', () => {
      const sameEvening = review('2025-03-10T07:30:00+08:00', '2025-03-14T18:30:00+08:00', 'whole-days');
      expect(sameEvening.excludedWorkingDays).toBe(5);
      // Five working days after 03-31, 04-04 skipped.
      expect(sameEvening.dueDate).toBe('2025-04-08');
      expect(cal.workingDaysBetween('2025-03-31', sameEvening.dueDate)).toBe(5);
      // Resumed before close on 03-14: that day was worked on, so it counts.
      expect(review('2025-03-10T07:30:00+08:00', '2025-03-14T16:00:00+08:00', 'whole-days').excludedWorkingDays).toBe(4);
      // Resumed at opening on Mon 03-17: 03-10 … 03-14 are out, 03-17 counts.
      expect(review('2025-03-10T07:30:00+08:00', '2025-03-17T08:00:00+08:00', 'whole-days').excludedWorkingDays).toBe(5);
      // Begun in the afternoon and resumed in the morning: only the four whole days between are out.
      expect(review('2025-03-10T15:00:00+08:00', '2025-03-17T09:00:00+08:00', 'whole-days').excludedWorkingDays).toBe(4);
      // A date without a time is its midnight: 03-10 … 03-16, five working days.
      expect(review('2025-03-10', '2025-03-17', 'whole-days').excludedWorkingDays).toBe(5);
    });

    it('across National Day: a review begun before opening on D and resumed on the fifth working day after it', () => {
      // Accepted 2025-09-22, 20 working days: due 10-24. A hearing begins at 07:30 on Mon 09-29 (D) and runs through the
      // working days 09-29, 09-30, 10-09, 10-10 and the make-up Saturday 10-11 (10-01 … 10-08 are the holiday).
      const hearing = (to: string, suspension: 'start-day-counts' | 'whole-days') =>
        computeDeadline(cal, {
          start: '2025-09-22T10:00:00+08:00', workingDays: 20, workingHours: hours, convention: { suspension },
          exclusions: [{ from: '2025-09-29T07:30:00+08:00', to }],
        });
      // Ended after close on 10-11, the fifth working day of the hearing: four days out by default, five as whole days.
      expect(hearing('2025-10-11T18:30:00+08:00', 'start-day-counts')).toMatchObject({ excludedWorkingDays: 4, dueDate: '2025-10-30' });
      expect(hearing('2025-10-11T18:30:00+08:00', 'whole-days')).toMatchObject({ excludedWorkingDays: 5, dueDate: '2025-10-31' });
      // Resumed at opening on Mon 10-13 (D + 5 working days): five either way; by default 09-29 counts and 10-13 is
      // out, as whole days 09-29 is out and 10-13 counts.
      expect(hearing('2025-10-13T08:00:00+08:00', 'start-day-counts')).toMatchObject({ excludedWorkingDays: 5, dueDate: '2025-10-31' });
      expect(hearing('2025-10-13T08:00:00+08:00', 'whole-days')).toMatchObject({ excludedWorkingDays: 5, dueDate: '2025-10-31' });
      expect(cal.addWorkingDays('2025-10-24', 5)).toBe('2025-10-31');
    });

    it('whole-days: a suspension still open stops the clock from its first whole day to asOf', () => {
      const open = review('2025-03-10T07:30:00+08:00', undefined, 'whole-days', '2025-03-12T10:00:00+08:00');
      expect(open.clockStopped).toBe(true);
      // 03-04 … 03-07 counted; 03-10 … 03-12 stopped.
      expect(open.elapsedWorkingDays).toBe(4);
      expect(open.excludedWorkingDays).toBe(3);
      expect(review('2025-03-10T07:30:00+08:00', undefined, 'start-day-counts', '2025-03-12T10:00:00+08:00').elapsedWorkingDays).toBe(5);
    });

    it('whole-days: a suspension that begins after the due date does not move it; one begun on the last day does', () => {
      // Five working days from 03-03: due Mon 03-10.
      const five = (from: string, to: string) => computeDeadline(cal, {
        start, workingDays: 5, exclusions: [{ from, to }], workingHours: hours, convention: { suspension: 'whole-days' },
      });
      expect(five('2025-03-11T07:30:00+08:00', '2025-03-14T18:30:00+08:00').dueDate).toBe('2025-03-10');
      expect(five('2025-03-10T15:00:00+08:00', '2025-03-12T18:30:00+08:00').dueDate).toBe('2025-03-12');
      expect(five('2025-03-10T07:30:00+08:00', '2025-03-12T18:30:00+08:00').dueDate).toBe('2025-03-13');
    });

    it('whole-days needs working hours', () => {
      expect(() => computeDeadline(cal, { start, workingDays: 5, exclusions: [{ from: '2025-03-04', to: '2025-03-05' }], convention: { suspension: 'whole-days' } }))
        .toThrow(/workingHours/);
    });
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

  it('whole-days: a suspension over k whole working days, opening to close, moves the deadline by exactly k', () => {
    fc.assert(fc.property(start, limit, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), (s, n, offset, k) => {
      const first = cal.addWorkingDays(s, Math.min(offset, n));
      const last = cal.addWorkingDays(first, k - 1);
      const plain = computeDeadline(cal, { start: s, workingDays: n });
      const suspended = computeDeadline(cal, {
        start: s, workingDays: n, workingHours: hours, convention: { suspension: 'whole-days' },
        exclusions: [{ from: `${first}T07:00:00+08:00`, to: `${last}T19:00:00+08:00` }],
      });
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
