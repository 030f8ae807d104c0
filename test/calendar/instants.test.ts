import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInstant, localDay, localMinuteOfDay, parseInstantMs } from '../../src/calendar/instants.js';
import { formatDayNumber } from '../../src/calendar/dates.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO-like strings, most well-formed, some with days, hours or offsets that do not exist. */
const instantText = fc
  .record({
    year: fc.integer({ min: 1990, max: 2099 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
    offset: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45), fc.boolean()).map(([s, h, m, colon]) => `${s}${pad(h)}${colon ? ':' : ''}${pad(m)}`)),
  })
  .map(({ year, month, day, hour, minute, second, fraction, offset }) =>
    `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${second === undefined ? '' : `:${pad(second)}${fraction === undefined ? '' : `.${fraction}`}`}${offset}`,
  );

describe('instants without luxon', () => {
  it('parseInstantMs agrees with luxon on every string: the same instant, or both reject it', () => {
    fc.assert(
      fc.property(instantText, (text) => {
        const ours = parseInstantMs(text);
        const theirs = DateTime.fromISO(text, { setZone: true });
        if (theirs.isValid) expect(ours).toBe(theirs.toMillis());
        else expect(ours).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects local times without an offset and non-ISO shapes', () => {
    for (const text of ['2025-10-09T09:30:00', '2025-10-09 09:30:00+08:00', '2025-10-09', '2025-1-09T09:30:00+08:00', '２０２５-10-09T09:30:00+08:00']) {
      expect(parseInstantMs(text), text).toBeUndefined();
    }
  });

  it('formatInstant, localDay and localMinuteOfDay read an instant as luxon does in Asia/Shanghai and elsewhere, and format round-trips', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2099, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const local = DateTime.fromMillis(ms, { zone });
        expect(formatInstant(ms, zone)).toBe(local.toISO({ suppressMilliseconds: true }));
        expect(parseInstantMs(formatInstant(ms, zone))).toBe(ms);
        expect(formatDayNumber(localDay(ms, zone))).toBe(local.toISODate());
        expect(localMinuteOfDay(ms, zone)).toBeCloseTo(local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60000, 9);
      }),
      { numRuns: 3000 },
    );
  });
});
