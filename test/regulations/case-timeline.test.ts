import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar } from '../../src/index.js';
import { buildTimeline } from '../../src/regulations/case-timeline.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';

const calendar = cnMainlandCalendar();
const BASE = Date.parse('2025-03-03T09:00:00+08:00');
const instant = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString().replace('.000Z', 'Z');

describe('the case timeline', () => {
  it('orders events by instant, keeping the recorded order of equal instants, and cuts them at as-of', () => {
    // Short logs (an insertion sort) and long ones (Array.prototype.sort), with many ties.
    const minutes = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 70 });
    fc.assert(
      fc.property(minutes, fc.integer({ min: 0, max: 45 }), (offsets, asOfMinute) => {
        const snapshot = caseSnapshotSchema.parse({
          id: 'T-1',
          matter: { id: 'M', name: '事项', department: '局', class: 'promised', legalLimitWorkingDays: 20 },
          channel: 'window',
          events: offsets.map((m) => ({ type: 'urged', at: instant(m), department: '协办局' })),
        });
        const asOfMs = BASE + asOfMinute * 60_000;
        const timeline = buildTimeline(snapshot, calendar, asOfMs);
        // The reference: a stable sort of (instant, position in the log).
        const expected = offsets.map((m, index) => ({ ms: BASE + m * 60_000, index })).sort((a, b) => a.ms - b.ms || a.index - b.index);
        const known = expected.filter((e) => e.ms <= asOfMs);
        expect(timeline.events.map((e) => e.index)).toEqual(known.map((e) => e.index));
        expect(timeline.future.map((e) => e.index)).toEqual(expected.filter((e) => e.ms > asOfMs).map((e) => e.index));
        expect(timeline.events.every((e) => e.ms === BASE + offsets[e.index]! * 60_000)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
