import fc from 'fast-check';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { CaseSnapshotInput } from '../schema/case.js';

type EventInput = CaseSnapshotInput['events'][number];

export interface PromisedCaseOptions {
  /** First and last possible receipt dates (YYYY-MM-DD); receipt falls on a working day between them. */
  from: string;
  to: string;
  /** Promised limit in working days (default 1–20). */
  limit?: { min: number; max: number };
  /** When set, the decision comes this many working days or fewer after acceptance (default: up to limit + 5, or none). */
  decideWithinLimit?: boolean;
  /** Allow suspensions (always told in writing, so they stop the clock). Default true. */
  suspensions?: boolean;
  /**
   * Allow one valid extension (told in writing, copied to the center, approved by the agency head, at most
   * `maxWorkingDays`, granted before the original due date). Default false.
   */
  extensions?: boolean | { maxWorkingDays: number };
  /** Case classes to draw from: promised (default), supplement (补办件, same flow) or instant (即办件: limit 0). */
  classes?: ReadonlyArray<'promised' | 'supplement' | 'instant'>;
}

const at = (date: string, hour: number, minute = 0) => `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;

/**
 * Valid-by-construction promised cases, received at a window with a front-desk ticket and entered into the
 * system at once: incomplete materials told in one timely written notice (or none missing), acceptance with a
 * notice stating the completion date, optional notified suspensions, an optional decision and certificate delivery.
 */
export function promisedCase(calendar: WorkCalendar, options: PromisedCaseOptions): fc.Arbitrary<CaseSnapshotInput> {
  const span = calendar.workingDaysBetween(options.from, options.to);
  const limitRange = options.limit ?? { min: 1, max: 20 };
  return fc
    .record({
      receiptOffset: fc.integer({ min: 0, max: Math.max(0, span - 1) }),
      limit: fc.integer(limitRange),
      missing: fc.boolean(),
      noticeAfter: fc.integer({ min: 0, max: 3 }),
      supplementAfter: fc.integer({ min: 0, max: 5 }),
      suspension: options.suspensions === false ? fc.constant(undefined) : fc.option(fc.record({ after: fc.integer({ min: 0, max: 10 }), days: fc.integer({ min: 1, max: 8 }) })),
      decision: options.decideWithinLimit ? fc.double({ min: 0, max: 1, noNaN: true }).map((r) => ({ share: r })) : fc.option(fc.double({ min: 0, max: 1.25, noNaN: true }).map((r) => ({ share: r }))),
      deliverAfter: fc.integer({ min: 0, max: 10 }),
      hour: fc.integer({ min: 8, max: 16 }),
      serial: fc.integer({ min: 1, max: 9999 }),
      caseClass: fc.constantFrom(...(options.classes?.length ? options.classes : (['promised'] as const))),
      extension: options.extensions
        ? fc.option(fc.record({ share: fc.double({ min: 0, max: 0.99, noNaN: true }), days: fc.integer({ min: 1, max: typeof options.extensions === 'object' ? options.extensions.maxWorkingDays : 10 }) }))
        : fc.constant(null),
    })
    .map((raw) => {
      // An instant case (即办件) is due the day it is accepted, so a deficiency is told on the spot; extensions
      // and suspensions do not apply to it.
      const g = raw.caseClass === 'instant' ? { ...raw, limit: 0, noticeAfter: 0, extension: null, suspension: undefined } : raw;
      const receipt = calendar.addWorkingDays(options.from, g.receiptOffset);
      const events: EventInput[] = [
        { type: 'ticket-issued', at: at(receipt, g.hour, 0) },
        { type: 'materials-received', at: at(receipt, g.hour, 10), items: ['申请书'] },
        { type: 'entered-into-system', at: at(receipt, g.hour, 15) },
      ];
      let acceptDay = receipt;
      if (g.missing) {
        const noticeDay = calendar.addWorkingDays(receipt, Math.min(g.noticeAfter, 3));
        acceptDay = calendar.addWorkingDays(noticeDay, g.supplementAfter);
        events.push(
          { type: 'materials-checked', at: at(receipt, g.hour, 20), missing: ['营业执照'] },
          { type: 'deficiency-notice', at: at(noticeDay, g.hour, 30), items: ['营业执照'], form: 'written' },
          { type: 'materials-supplemented', at: at(acceptDay, g.hour, 40), items: ['营业执照'] },
        );
      } else events.push({ type: 'materials-checked', at: at(receipt, g.hour, 20) });
      events.push({ type: 'accepted', at: at(acceptDay, g.hour, 50), acceptanceNotice: true, promisedCompletion: calendar.addWorkingDays(acceptDay, g.limit) });
      if (g.suspension) {
        const from = calendar.addWorkingDays(acceptDay, Math.min(g.suspension.after, g.limit));
        events.push(
          { type: 'suspended', at: at(from, 17), reason: 'expert-review', writtenNotice: true },
          { type: 'resumed', at: at(calendar.addWorkingDays(from, g.suspension.days), 9) },
        );
      }
      let extraDays = 0;
      // Working days from acceptance to the extension: a decision never comes before it (a decided case is not extended).
      let grantedAfter = 0;
      if (g.extension) {
        // Granted on a working day before the original due date, never at or after it.
        grantedAfter = Math.floor(g.extension.share * g.limit);
        const grantedOn = calendar.addWorkingDays(acceptDay, grantedAfter);
        events.push({ type: 'extension', at: at(grantedOn, 11), workingDays: g.extension.days, reason: '需要专家评审', writtenNotice: true, copiedToCenter: true, approvedBy: 'agency-head' });
        extraDays = g.extension.days;
      }
      if (g.decision) {
        const decisionDay = calendar.addWorkingDays(acceptDay, Math.max(grantedAfter, Math.floor(g.decision.share * (g.limit + extraDays))));
        events.push({ type: 'decided', at: at(decisionDay, 16), outcome: 'approved' });
        events.push({ type: 'certificate-delivered', at: at(calendar.addWorkingDays(decisionDay, g.deliverAfter), 10) });
      }
      return {
        id: `GEN-${receipt}-${g.serial}`,
        matter: { id: 'GEN-001', name: '食品经营许可', department: '市场监督管理局', window: 'A01', class: g.caseClass, legalLimitWorkingDays: 20, promisedLimitWorkingDays: g.limit },
        channel: 'window',
        events,
      } satisfies CaseSnapshotInput;
    });
}

/** The same case with every event moved by `n` working days, times of day kept. */
export function shiftCase(calendar: WorkCalendar, snapshot: CaseSnapshotInput, n: number): CaseSnapshotInput {
  const move = (event: EventInput): EventInput => {
    const shifted = { ...event, at: calendar.addWorkingDays(event.at.slice(0, 10), n) + event.at.slice(10) } as EventInput;
    if (shifted.type === 'accepted' && shifted.promisedCompletion) shifted.promisedCompletion = calendar.addWorkingDays(shifted.promisedCompletion, n);
    return shifted;
  };
  return { ...snapshot, events: snapshot.events.map(move) };
}

