import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, computeDeadline, ValidationError, WorkingHours } from '../../src/index.js';

const cal = cnMainlandCalendar();
const intervals = [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }];

describe('computeDeadline with a WorkingHours object', () => {
  it('gives the same deadline as the intervals it was made from', () => {
    const input = { start: '2025-09-22T10:00:00+08:00', workingDays: 5, exclusions: [{ from: '2025-09-23T09:00:00+08:00', to: '2025-09-25T17:00:00+08:00' }], convention: { suspension: 'whole-days' as const, dueAt: 'close-of-business' as const } };
    const fromObject = computeDeadline(cal, { ...input, workingHours: new WorkingHours(cal, intervals) });
    expect(fromObject).toEqual(computeDeadline(cal, { ...input, workingHours: intervals }));
    expect(fromObject.due).toMatch(/T18:00:00\+08:00$/);
  });

  it('applies its intervals to the calendar given, not to the one it was made with', () => {
    const closed = cal.extend({ closures: [{ date: '2025-10-10', reason: '中心搬迁' }] });
    const hours = new WorkingHours(cal, intervals);
    const due = computeDeadline(closed, { start: '2025-10-09', workingDays: 1, convention: { dueAt: 'close-of-business' }, workingHours: hours });
    expect(due.due).toBe('2025-10-11T18:00:00+08:00');
  });

  it('anything else is a ValidationError naming workingHours', () => {
    expect(() => computeDeadline(cal, { start: '2025-10-09', workingDays: 1, workingHours: new Map() as never })).toThrow(ValidationError);
    expect(() => computeDeadline(cal, { start: '2025-10-09', workingDays: 1, workingHours: new Map() as never })).toThrow(/workingHours/);
  });
});
