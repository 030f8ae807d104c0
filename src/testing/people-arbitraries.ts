import fc from 'fast-check';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { residentIdCheckCharacter } from '../regulations/disclosure/personal-data.js';
import type { InquirySnapshotInput } from '../schema/inquiry.js';
import type { RosterSnapshotInput } from '../schema/roster.js';
import { calendarDate } from './calendar-arbitraries.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const at = (date: string, minute: number) => `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00+08:00`;

/** Minute-aligned [from, to) intervals of one day, between 07:00 and 19:00, possibly overlapping. */
export function dayIntervals(options: { maxCount?: number } = {}): fc.Arbitrary<Array<[number, number]>> {
  return fc.array(
    fc.tuple(fc.integer({ min: 7 * 60, max: 19 * 60 - 1 }), fc.integer({ min: 1, max: 6 * 60 })).map(([from, length]): [number, number] => [from, Math.min(19 * 60, from + length)]),
    { maxLength: options.maxCount ?? 6 },
  );
}

/**
 * A one-day roster with one post (an A and one to three Bs) and random presence of each of them, on a
 * date of the calendar (often near holidays and make-up days). Valid by construction.
 */
export function oneDayRoster(calendar: WorkCalendar): fc.Arbitrary<RosterSnapshotInput> {
  return fc
    .record({
      date: calendarDate(calendar, { margin: 1 }),
      bCount: fc.integer({ min: 1, max: 3 }),
      presence: fc.array(dayIntervals(), { minLength: 4, maxLength: 4 }),
    })
    .map(({ date, bCount, presence }) => {
      const people = ['a', ...Array.from({ length: bCount }, (_, i) => `b${i + 1}`)];
      return {
        id: `R-${date}`,
        period: { from: date, to: date },
        staff: people.map((id) => ({ id, department: 'D' })),
        posts: [{ id: 'P', department: 'D', window: 'W', a: 'a', bs: people.slice(1) }],
        presence: people.flatMap((staff, i) => presence[i]!.map(([from, to]) => ({ staff, post: 'P', from: at(date, from), to: at(date, to) }))),
      };
    });
}

/** A valid PRC resident ID number: a region code, a real birth date from 1900 to 2025, a sequence and its MOD 11-2 check. */
export function residentIdNumber(): fc.Arbitrary<string> {
  return fc
    .record({
      region: fc.integer({ min: 110000, max: 659999 }),
      birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ region, birth, sequence }) => {
      const body = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${pad(sequence, 3)}`;
      return body + residentIdCheckCharacter(body);
    });
}

/** Inquiries of every channel, scope and course of action; valid by construction. */
export function inquiry(): fc.Arbitrary<InquirySnapshotInput> {
  const action = fc.oneof(
    fc.constant({ type: 'answered' as const }),
    fc.constant({ type: 'handled' as const }),
    fc.record({ type: fc.constant('reply-time-agreed' as const), recorded: fc.boolean() }),
    fc.record({ type: fc.constant('explained-ineligible' as const), full: fc.boolean() }),
    fc.record({ type: fc.constant('referred' as const), to: fc.option(fc.constantFrom('咨询台', 'B05'), { nil: undefined }) }),
    fc.record({ type: fc.constant('declined' as const), words: fc.constantFrom('不知道', '不清楚', '不归我管') }),
    fc.record({ type: fc.constant('transferred' as const), to: fc.constantFrom('zhao', 'sun'), approvedBy: fc.option(fc.constant('leader-li'), { nil: undefined }) }),
    fc.record({ type: fc.constant('escalated' as const), to: fc.constant('leader-li') }),
  );
  return fc.record({
    id: fc.constantFrom('Q-1', 'Q-2'),
    channel: fc.constantFrom('window' as const, 'desk' as const, 'phone' as const, 'online' as const),
    at: fc.constant('2025-10-13T09:00:00+08:00'),
    firstStaff: fc.constant('wang'),
    matter: fc.record({ name: fc.constant('事项'), inScope: fc.boolean(), barred: fc.boolean(), urgent: fc.boolean() }),
    actions: fc.array(action, { maxLength: 3 }),
  });
}
