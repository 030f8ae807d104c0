import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSourceInstant, readLimit } from '../../src/interchange/index.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** The Shanghai wall-clock parts of an instant. */
const local = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000);
  return { y: pad(d.getUTCFullYear(), 4), mo: pad(d.getUTCMonth() + 1), d: pad(d.getUTCDate()), h: pad(d.getUTCHours()), mi: pad(d.getUTCMinutes()), s: pad(d.getUTCSeconds()) };
};
const shapes: ((ms: number) => string)[] = [
  (ms) => { const p = local(ms); return `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`; },
  (ms) => { const p = local(ms); return `${p.y}${p.mo}${p.d}T${p.h}${p.mi}${p.s}`; },
  (ms) => { const p = local(ms); return `${p.y}${p.mo}${p.d}${p.h}:${p.mi}:${p.s}`; },
  (ms) => { const p = local(ms); return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`; },
  (ms) => { const p = local(ms); return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}.0`; },
  (ms) => new Date(ms).toISOString(),
  (ms) => { const d = new Date(ms - 5 * 3_600_000); return `${d.toISOString().slice(0, 19)}-05:00`; },
];
// Whole seconds from 1992 (China has kept UTC+8 without DST since 1991) to 2099.
const instants = fc.integer({ min: Date.UTC(1992, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => s * 1000);

describe('source date-times', () => {
  it('every shape of one instant reads as the same +08:00 instant', () => {
    fc.assert(fc.property(instants, (ms) => {
      const read = shapes.map((shape) => parseSourceInstant(shape(ms))?.instant);
      for (const instant of read) expect(instant).toBe(read[0]);
      expect(Date.parse(read[0]!)).toBe(ms);
      expect(read[0]).toMatch(/\+08:00$/);
    }));
  });

  it('round trip: reading its own output gives the same instant', () => {
    fc.assert(fc.property(instants, (ms) => {
      const once = parseSourceInstant(shapes[0]!(ms))!;
      expect(parseSourceInstant(once.instant)).toEqual(once);
    }));
  });

  it('a bare date is that day in Shanghai; an offset is honoured', () => {
    expect(parseSourceInstant('20250208')).toEqual({ instant: '2025-02-08T00:00:00+08:00', date: '2025-02-08', hasTime: false });
    expect(parseSourceInstant('2025-02-08')).toEqual({ instant: '2025-02-08T00:00:00+08:00', date: '2025-02-08', hasTime: false });
    expect(parseSourceInstant('2025-02-07T20:30:00Z')).toEqual({ instant: '2025-02-08T04:30:00+08:00', date: '2025-02-08', hasTime: true });
  });

  it('refuses days and times that do not exist, and other text', () => {
    for (const text of ['20250230', '2025-13-03 10:00', '20250101 25:00:00', '2025-01-01 10:61:00', '明天', '', '2025/01/01']) {
      expect(parseSourceInstant(text), text).toBeUndefined();
    }
  });
});

describe('time limits', () => {
  it('working days stay working days; months and years become natural days (30, 365)', () => {
    expect(readLimit('20', 'working-days')).toEqual({ unit: 'working-days', days: 20 });
    expect(readLimit('2', 'months')).toEqual({ unit: 'natural-days', days: 60, written: { value: 2, unit: 'months' } });
    expect(readLimit('1', 'years')).toEqual({ unit: 'natural-days', days: 365, written: { value: 1, unit: 'years' } });
    expect(readLimit('4', 'hours')).toEqual({ unit: 'hours', amount: 4 });
    expect(readLimit('-1', 'working-days')).toBeUndefined();
    expect(readLimit('十', 'working-days')).toBeUndefined();
  });
});
