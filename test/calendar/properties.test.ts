import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar } from '../../src/index.js';
import { calendarDate } from '../../src/testing/calendar-arbitraries.js';

const cal = cnMainlandCalendar();
// Keep one year away from both ends so that n up to 250 stays inside the data.
const date = calendarDate(cal, { margin: 400 });
// Two chained steps of up to 250 working days need about two years of room.
const roomyDate = calendarDate(cal, { margin: 760 });
const count = fc.integer({ min: 1, max: 250 });
const runs = { numRuns: 2000 };

describe('working-day arithmetic laws', () => {
  it('for n ≥ 1 the result is a working day strictly after the start, from any kind of day', () => {
    fc.assert(fc.property(date, count, (d, n) => {
      const result = cal.addWorkingDays(d, n);
      expect(cal.isWorkingDay(result)).toBe(true);
      expect(result > d).toBe(true);
    }), runs);
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(fc.property(date, count, (d, n) => {
      expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
    }), runs);
  });

  it('n = 0 gives the day itself on a working day and the next working day otherwise', () => {
    fc.assert(fc.property(date, (d) => {
      expect(cal.addWorkingDays(d, 0)).toBe(cal.isWorkingDay(d) ? d : cal.nextWorkingDay(d));
    }), runs);
  });

  it('n < 0 is the |n|th working day strictly before, and undoes a positive step from a working day', () => {
    fc.assert(fc.property(date, count, (d, n) => {
      const back = cal.addWorkingDays(d, -n);
      expect(cal.isWorkingDay(back)).toBe(true);
      expect(back < d).toBe(true);
      // (back, d] holds the n − 1 working days between them, plus d itself when it is a working day.
      expect(cal.workingDaysBetween(back, d)).toBe(n - 1 + (cal.isWorkingDay(d) ? 1 : 0));
      const w = cal.addWorkingDays(d, 0);
      expect(cal.addWorkingDays(cal.addWorkingDays(w, n), -n)).toBe(w);
    }), runs);
  });

  it('workingDaysBetween is antisymmetric and zero on the diagonal', () => {
    fc.assert(fc.property(date, date, (a, b) => {
      expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
      expect(cal.workingDaysBetween(a, a)).toBe(0);
    }), runs);
  });

  it('workingDaysBetween is additive over an intermediate date', () => {
    fc.assert(fc.property(date, date, date, (a, b, c) => {
      expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
    }), runs);
  });

  it('addWorkingDays is additive: add(add(d, a), b) === add(d, a + b) for a, b ≥ 1', () => {
    fc.assert(fc.property(roomyDate, count, count, (d, a, b) => {
      expect(cal.addWorkingDays(cal.addWorkingDays(d, a), b)).toBe(cal.addWorkingDays(d, a + b));
    }), runs);
  });

  it('from a working day, additivity holds for counts of either sign', () => {
    const signed = fc.integer({ min: -250, max: 250 });
    fc.assert(fc.property(roomyDate, signed, signed, (d, a, b) => {
      const w = cal.addWorkingDays(d, 0);
      expect(cal.addWorkingDays(cal.addWorkingDays(w, a), b)).toBe(cal.addWorkingDays(w, a + b));
    }), runs);
  });

  it('is monotone in the date and strictly increasing in n', () => {
    fc.assert(fc.property(date, date, count, (a, b, n) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      expect(cal.addWorkingDays(early, n) <= cal.addWorkingDays(late, n)).toBe(true);
      expect(cal.addWorkingDays(early, n) < cal.addWorkingDays(early, n + 1)).toBe(true);
    }), runs);
  });

  it('the result is the same whatever the host time zone', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    const original = process.env.TZ;
    try {
      fc.assert(fc.property(date, count, fc.integer({ min: 0, max: 23 }), (d, n, hour) => {
        const instant = `${d}T${String(hour).padStart(2, '0')}:30:00+08:00`;
        const answers = zones.map((zone) => {
          process.env.TZ = zone;
          return [cal.addWorkingDays(instant, n), cal.workingDaysBetween(instant, d), cal.isWorkingDay(instant)];
        });
        for (const answer of answers) expect(answer).toEqual(answers[0]);
      }), { numRuns: 300 });
    } finally {
      process.env.TZ = original;
    }
  });
});
