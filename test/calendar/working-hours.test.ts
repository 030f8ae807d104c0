import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, WorkingHours } from '../../src/index.js';
import { calendarInstant } from '../../src/testing/calendar-arbitraries.js';

const cal = cnMainlandCalendar();
const hall = new WorkingHours(cal, [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }]);
// plans-11 篇一: a center whose afternoon runs 15:00–18:00.
const lateAfternoon = new WorkingHours(cal, [{ from: '08:00', to: '12:00' }, { from: '15:00', to: '18:00' }]);

describe('working hours', () => {
  it('knows the working intervals of working days only', () => {
    expect(hall.isWithinWorkingHours('2025-10-09T08:00:00+08:00')).toBe(true);
    expect(hall.isWithinWorkingHours('2025-10-09T12:00:00+08:00')).toBe(false); // lunch starts
    expect(hall.isWithinWorkingHours('2025-10-09T14:30:00+08:00')).toBe(true);
    expect(lateAfternoon.isWithinWorkingHours('2025-10-09T14:30:00+08:00')).toBe(false);
    expect(hall.isWithinWorkingHours('2025-10-11T09:00:00+08:00')).toBe(true); // make-up Saturday
    expect(hall.isWithinWorkingHours('2025-10-08T09:00:00+08:00')).toBe(false); // National Day
    expect(hall.isWithinWorkingHours('2025-10-09T01:00:00Z')).toBe(true); // 09:00 in Shanghai
  });

  it('counts working minutes across lunch, nights and holidays', () => {
    expect(hall.minutesPerDay).toBe(480);
    expect(lateAfternoon.minutesPerDay).toBe(420);
    expect(hall.workingMinutesBetween('2025-10-09T11:30:00+08:00', '2025-10-09T14:30:00+08:00')).toBe(60);
    expect(hall.workingMinutesBetween('2025-09-30T17:00:00+08:00', '2025-10-09T08:30:00+08:00')).toBe(90);
    expect(hall.workingMinutesBetween('2025-10-09T08:30:00+08:00', '2025-09-30T17:00:00+08:00')).toBe(-90);
    expect(hall.workingMinutesBetween('2025-10-10T08:00:00+08:00', '2025-10-13T08:00:00+08:00')).toBe(960);
  });

  it('gives the opening and closing time of a working day, and null on a day off', () => {
    expect(hall.closeOfBusiness('2025-10-09')).toBe('2025-10-09T18:00:00+08:00');
    expect(hall.openingTime('2025-10-11')).toBe('2025-10-11T08:00:00+08:00');
    expect(hall.closeOfBusiness('2025-10-01')).toBeNull();
  });

  it('working minutes are additive and antisymmetric, and bounded by whole working days', () => {
    const instant = calendarInstant(cal, { margin: 30 });
    fc.assert(fc.property(instant, instant, instant, (a, b, c) => {
      const ab = hall.workingMinutesBetween(a, b);
      expect(ab + hall.workingMinutesBetween(b, c)).toBeCloseTo(hall.workingMinutesBetween(a, c), 9);
      expect(ab + hall.workingMinutesBetween(b, a)).toBeCloseTo(0, 9);
      const days = Math.abs(cal.workingDaysBetween(a, b)) + 1;
      expect(Math.abs(ab)).toBeLessThanOrEqual(days * hall.minutesPerDay);
    }), { numRuns: 500 });
  });
});
