import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, evaluate, type CaseSnapshotInput } from '../../src/index.js';
import { promisedCase, shiftCase } from '../../src/testing/case-arbitraries.js';

const cal = cnMainlandCalendar();
const tcFindings = (snapshot: CaseSnapshotInput, asOf: string, profile = 'city-12') =>
  evaluate(snapshot, { profile, asOf, trace: false }).findings.filter((f) => f.regulation === 'timed-completion').map((f) => f.ruleId);

describe('laws of evaluation', () => {
  it('a case completed on or before its deadline never gets TC-ON-TIME (across National Day and Spring Festival)', () => {
    const cases = fc.oneof(
      promisedCase(cal, { from: '2025-09-15', to: '2025-10-31', decideWithinLimit: true }),
      promisedCase(cal, { from: '2025-01-06', to: '2025-02-20', decideWithinLimit: true }),
    );
    fc.assert(fc.property(cases, (snapshot) => {
      const report = evaluate(snapshot, { profile: 'city-12', asOf: '2025-12-31T18:00:00+08:00', trace: false });
      expect(report.findings.map((f) => f.ruleId)).not.toContain('TC-ON-TIME');
      expect(report.deadlines.find((d) => d.id === 'completion')!.status).toBe('met');
    }), { numRuns: 300 });
  });

  it('adding a valid extension never adds a timed-completion violation; it can only turn red into yellow', () => {
    // Not "never adds any finding": an overdue case (TC-ON-TIME, red) whose extension moves the deadline to
    // the as-of day becomes due soon (TC-SUPERVISION, yellow). That is the extension working, not a new breach.
    const cases = promisedCase(cal, { from: '2025-03-03', to: '2025-11-28' });
    fc.assert(fc.property(cases, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 30 }), (snapshot, days, later) => {
      const asOf = `${cal.addWorkingDays('2025-12-01', later)}T12:00:00+08:00`;
      const before = tcFindings(snapshot, asOf);
      const accepted = snapshot.events.find((e) => e.type === 'accepted')!;
      // Granted on the day of acceptance: necessarily before the deadline it extends.
      const extended = {
        ...snapshot,
        events: [...snapshot.events, { type: 'extension' as const, at: accepted.at, workingDays: days, reason: '需现场核查', writtenNotice: true, copiedToCenter: true, approvedBy: 'agency-head' as const }],
      };
      for (const id of tcFindings(extended, asOf)) {
        if (id === 'TC-SUPERVISION' && !before.includes(id)) expect(before).toContain('TC-ON-TIME');
        else expect(before).toContain(id);
      }
    }), { numRuns: 500 });
  });

  it('moving every event by whole working days within a holiday-free stretch changes no finding', () => {
    // 2025-06-03 to 2025-09-26 has no statutory day off and no make-up working day.
    const cases = promisedCase(cal, { from: '2025-06-03', to: '2025-06-20', limit: { min: 1, max: 10 } });
    fc.assert(fc.property(cases, fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 15 }), (snapshot, shift, asOfOffset) => {
      const asOfDate = cal.addWorkingDays('2025-06-20', asOfOffset);
      const original = evaluate(snapshot, { profile: 'city-12', asOf: `${asOfDate}T17:30:00+08:00`, trace: false });
      const moved = evaluate(shiftCase(cal, snapshot, shift), { profile: 'city-12', asOf: `${cal.addWorkingDays(asOfDate, shift)}T17:30:00+08:00`, trace: false });
      expect(moved.findings.map((f) => f.rule)).toEqual(original.findings.map((f) => f.rule));
      expect(moved.deadlines.map((d) => [d.id, d.status, d.elapsedWorkingDays])).toEqual(original.deadlines.map((d) => [d.id, d.status, d.elapsedWorkingDays]));
    }), { numRuns: 300 });
  });

  it('the arbitrary\'s own extensions are valid, and a completion deadline without suspensions moves by exactly their days', () => {
    const cases = promisedCase(cal, { from: '2025-03-03', to: '2025-11-28', extensions: true, suspensions: false, classes: ['promised', 'supplement', 'instant'] });
    fc.assert(fc.property(cases, (snapshot) => {
      // As of the end of the year, or of the case's last event where that is later: an event after the as-of instant
      // is not yet known (a case received in late November may be extended in January).
      const last = snapshot.events.map((e) => e.at).sort().at(-1)!;
      const asOf = last > '2025-12-31T18:00:00+08:00' ? last : '2025-12-31T18:00:00+08:00';
      const report = evaluate(snapshot, { profile: 'national-baseline', asOf, trace: false });
      expect(report.findings.map((f) => f.ruleId)).not.toContain('TC-EXTENSION-VALID');
      const extension = snapshot.events.find((e) => e.type === 'extension');
      const accepted = snapshot.events.find((e) => e.type === 'accepted')!;
      const limit = snapshot.matter.promisedLimitWorkingDays!;
      const completion = report.deadlines.find((d) => d.id === 'completion')!;
      const unextended = limit === 0 ? accepted.at.slice(0, 10) : cal.addWorkingDays(accepted.at.slice(0, 10), limit);
      expect(completion.dueDate).toBe(extension ? cal.addWorkingDays(unextended, extension.workingDays) : unextended);
      if (snapshot.matter.class === 'instant') expect(extension).toBeUndefined();
    }), { numRuns: 300 });
  });
});
