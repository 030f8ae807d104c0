import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, cnMainlandCalendar, computeDeadline, ValidationError, WorkingHours } from '../../src/index.js';

const cal = cnMainlandCalendar();

function validationIssue(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues[0]!;
  }
  throw new Error('expected a ValidationError');
}

describe('bad arguments get a typed error naming the argument, the value and what was expected', () => {
  it.each([
    ['2025-02-30'], ['2025-13-01'], ['2025-1-01'], [''], [null], [20250101], ['2025-10-09T10:00:00'], ['yesterday'],
  ])('date %j', (bad) => {
    const problem = validationIssue(() => cal.addWorkingDays(bad as string, 1));
    expect(problem.path).toBe('date');
    expect(problem.value).toBe(bad);
    expect(problem.expected).toMatch(/ISO date/);
    expect(problem.message.zh).toMatch(/ISO 日期/);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['3'], [undefined]])('count %j', (bad) => {
    const problem = validationIssue(() => cal.addWorkingDays('2025-10-09', bad as number));
    expect(problem.path).toBe('n');
    expect(problem.expected).toBe('an integer');
  });

  it('names which of two dates is wrong', () => {
    expect(validationIssue(() => cal.workingDaysBetween('2025-10-09', '2025-02-29')).path).toBe('to');
  });

  it('rejects unknown option keys', () => {
    const problem = validationIssue(() => cnMainlandCalendar({ fallback: 'weekdays' } as never));
    expect(problem.path).toBe('$.fallback');
    const deadline = validationIssue(() => computeDeadline(cal, { start: '2025-10-09', workingDays: 3, limit: 5 } as never));
    expect(deadline.path).toBe('$.limit');
  });

  it('rejects malformed working hours, naming the interval', () => {
    expect(validationIssue(() => new WorkingHours(cal, [{ from: '14:00', to: '12:00' }])).path).toBe('$[0].to');
    expect(validationIssue(() => new WorkingHours(cal, [{ from: '8:00', to: '12:00' }])).path).toBe('$[0].from');
    expect(validationIssue(() => new WorkingHours(cal, [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '18:00' }])).path).toBe('$[1].from');
  });
});

describe('dates outside the data', () => {
  it('throw CalendarCoverageError naming the covered range, the unpublished year and how to add one', () => {
    let caught: unknown;
    try {
      cal.isWorkingDay('2027-01-04');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarCoverageError);
    const error = caught as CalendarCoverageError;
    expect(error.coverage).toEqual({ from: '2018-01-01', to: '2026-12-31' });
    expect(error.message).toContain('2027');
    expect(error.message).toContain('extend');
    expect(error.messageZh).toContain('超出日历数据范围');
  });

  it('also when the start is inside but the answer would fall outside', () => {
    expect(() => cal.addWorkingDays('2026-12-28', 10)).toThrow(CalendarCoverageError);
    expect(() => cal.addWorkingDays('2018-01-03', -5)).toThrow(CalendarCoverageError);
    expect(() => cal.workingDaysBetween('2017-12-29', '2018-01-03')).toThrow(CalendarCoverageError);
  });
});
