import type { DayNumber } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { CaseEvent, CaseEventType, CaseSnapshot } from '../schema/case.js';
import { instantMs, localDay } from '../calendar/instants.js';

export type TimedEvent<T extends CaseEventType = CaseEventType> = Extract<CaseEvent, { type: T }> & {
  /** Position in the snapshot's own list, for JSON paths in evidence. */
  index: number;
  ms: number;
  day: DayNumber;
};

/**
 * One case's events read once, in time order (ties keep the order they were recorded in), with the
 * moments every regulation asks about. Events after the as-of instant are set aside: at that moment
 * they had not happened.
 */
export interface CaseTimeline {
  snapshot: CaseSnapshot;
  events: readonly TimedEvent[];
  /** Events dated after asOf, left out of every computation. */
  future: readonly TimedEvent[];
  asOfMs: number;
  asOfDay: DayNumber;
  /** First contact: materials received, else the first event of any kind. */
  receipt: TimedEvent | undefined;
  /** Items deficient at the first check (missing or not in legal form). */
  initialDeficiencies: readonly string[];
  notices: readonly TimedEvent<'deficiency-notice'>[];
  acceptance: TimedEvent<'accepted'> | undefined;
  decision: TimedEvent<'decided'> | undefined;
  /** Items of the initial deficiencies not yet supplied at asOf. */
  owedItems: readonly string[];
  /** When the last initially deficient item was supplied (undefined while any is owed or none was). */
  materialsCompletedAt: TimedEvent<'materials-supplemented'> | undefined;
  first<T extends CaseEventType>(type: T): TimedEvent<T> | undefined;
  all<T extends CaseEventType>(type: T): readonly TimedEvent<T>[];
}

const NONE: readonly TimedEvent[] = Object.freeze([]);

/**
 * Reads a case's events into its timeline. The snapshot is evaluation's own copy (the schema's output, never the
 * caller's object): each event object is given its position, instant and local day in place rather than copied, so
 * a case's events are read once and not duplicated. Reading the same snapshot again, in the same zone, gives them the
 * same values.
 */
export function buildTimeline(snapshot: CaseSnapshot, calendar: WorkCalendar, asOfMs: number): CaseTimeline {
  const zone = calendar.timeZone;
  const timed: TimedEvent[] = new Array(snapshot.events.length);
  let inOrder = true;
  for (let index = 0; index < timed.length; index++) {
    const event = snapshot.events[index] as TimedEvent;
    const ms = instantMs(event.at);
    event.index = index;
    event.ms = ms;
    event.day = localDay(ms, zone);
    timed[index] = event;
    if (index > 0 && timed[index - 1]!.ms > ms) inOrder = false;
  }
  // Sorted only when out of order (ties keep the recorded order either way): a log often records an event after a
  // later one (an entry into the system noted after the acceptance), so one or two events move a few places, which an
  // insertion sort does in a few comparisons; Array.prototype.sort is for the rare long list.
  if (!inOrder) {
    if (timed.length <= 32) insertionSort(timed);
    else timed.sort((a, b) => a.ms - b.ms || a.index - b.index);
  }
  // In time order, the events up to asOf are a prefix.
  let known = timed.length;
  while (known > 0 && timed[known - 1]!.ms > asOfMs) known--;
  const events = known === timed.length ? timed : timed.slice(0, known);
  const future = known === timed.length ? NONE : timed.slice(known);

  const byType = new Map<CaseEventType, TimedEvent[]>();
  for (const event of events) {
    const list = byType.get(event.type);
    if (list) list.push(event);
    else byType.set(event.type, [event]);
  }
  const all = <T extends CaseEventType>(type: T) => (byType.get(type) ?? NONE) as readonly TimedEvent<T>[];
  const first = <T extends CaseEventType>(type: T) => all(type)[0];

  const check = first('materials-checked');
  const notices = all('deficiency-notice');
  const initialDeficiencies = check ? unique([...check.missing, ...check.nonConforming]) : [];

  const supplied = new Set<string>();
  let materialsCompletedAt: TimedEvent<'materials-supplemented'> | undefined;
  for (const supplement of all('materials-supplemented')) {
    for (const item of supplement.items) supplied.add(item);
    if (!materialsCompletedAt && initialDeficiencies.length > 0 && initialDeficiencies.every((item) => supplied.has(item))) {
      materialsCompletedAt = supplement;
    }
  }

  return {
    snapshot,
    events,
    future,
    asOfMs,
    asOfDay: localDay(asOfMs, zone),
    receipt: first('materials-received') ?? events[0],
    initialDeficiencies,
    notices,
    acceptance: first('accepted'),
    decision: first('decided'),
    owedItems: initialDeficiencies.filter((item) => !supplied.has(item)),
    materialsCompletedAt,
    first,
    all,
  };
}

/** Stable in-place sort by instant: an event moves before those later than it, never past an equal one. */
function insertionSort(events: TimedEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    const event = events[i]!;
    let j = i - 1;
    while (j >= 0 && events[j]!.ms > event.ms) {
      events[j + 1] = events[j]!;
      j--;
    }
    events[j + 1] = event;
  }
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export const REFUSAL_OUTCOMES: ReadonlySet<string> = new Set(['refused', 'not-accepted', 'returned']);
