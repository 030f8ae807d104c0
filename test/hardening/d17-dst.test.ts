// D17: opening time and close of business were an hour off on a DST-transition day (calendars outside Shanghai).
import { describe, expect, it } from 'vitest';
import { cnMainlandCalendarData, createCalendar, WorkingHours } from '../../src/index.js';

describe('D17: working hours are wall-clock times on days when the clocks change', () => {
  it('08:00–18:00 in New York on the spring-forward and fall-back days', () => {
    const data = cnMainlandCalendarData() as any;
    data.timeZone = 'America/New_York';
    // Both transition Sundays made working days, so that the hours apply.
    data.years['2025'].makeUpWorkdays.push({ date: '2025-03-09', holiday: 't' }, { date: '2025-11-02', holiday: 't' });
    data.years['2025'].daysOff.push({ date: '2025-03-12', holiday: 't' }, { date: '2025-11-05', holiday: 't' });
    const hours = new WorkingHours(createCalendar(data), [{ from: '08:00', to: '18:00' }]);
    expect([hours.openingTime('2025-03-09'), hours.closeOfBusiness('2025-03-09')]).toEqual(['2025-03-09T08:00:00-04:00', '2025-03-09T18:00:00-04:00']);
    expect([hours.openingTime('2025-11-02'), hours.closeOfBusiness('2025-11-02')]).toEqual(['2025-11-02T08:00:00-05:00', '2025-11-02T18:00:00-05:00']);
    // Ten working hours on each of those days, as on any other.
    expect(hours.workingMinutesBetween('2025-03-09T00:00:00-05:00', '2025-03-10T00:00:00-04:00')).toBe(600);
  });
});
