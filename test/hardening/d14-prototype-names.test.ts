// D14 (the parts in the command line, the calendar and validation messages): Object.prototype member names in data.
import { describe, expect, it } from 'vitest';
import { englishHolidayName } from '../../src/calendar/holiday-names.js';
import { cnMainlandCalendarData, createCalendar } from '../../src/index.js';
import { cli } from './helpers.js';

describe('D14: names such as constructor and __proto__ are data, never Object members', () => {
  it('schema __proto__ / constructor / toString / hasOwnProperty is an unknown kind (exit 2), not a TypeError', async () => {
    for (const kind of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const result = await cli('--lang', 'en', 'schema', kind);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/expected one of case, roster/);
    }
  });

  it('a holiday named constructor keeps its name in English', () => {
    expect(englishHolidayName('constructor')).toBe('constructor');
    expect(englishHolidayName('春节、toString')).toBe('Spring Festival and toString');
    const data = cnMainlandCalendarData() as any;
    data.years['2025'].daysOff = data.years['2025'].daysOff.map((d: { date: string; holiday: string }) => (d.date === '2025-10-01' ? { ...d, holiday: 'constructor' } : d));
    expect(createCalendar(data).dayInfo('2025-10-01').holiday).toEqual({ zh: 'constructor', en: 'constructor' });
  });

});
