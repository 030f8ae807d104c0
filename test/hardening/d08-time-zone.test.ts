// D8: an unknown time zone was accepted and every date came out as "0NaN-NaN-NaN".
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { cnMainlandCalendarData, createCalendar } from '../../src/index.js';

describe('D8: a calendar time zone must be a real IANA zone', () => {
  it('Mars/Olympus is a ValidationError naming $.timeZone; real zones are accepted', () => {
    const data = { ...cnMainlandCalendarData(), timeZone: 'Mars/Olympus' };
    expect(() => createCalendar(data)).toThrow(ValidationError);
    try {
      createCalendar(data);
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['$.timeZone']);
    }
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC']) expect(createCalendar({ ...cnMainlandCalendarData(), timeZone: zone }).dayInfo('2025-10-09').date).toBe('2025-10-09');
  });
});
