import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type CaseSnapshotInput } from '../../src/index.js';
import { parseFixture } from '../../src/fixtures/fixture.js';

const root = join(import.meta.dirname, '..', '..');
const fixture = (path: string) => parseFixture(readFileSync(join(root, 'fixtures', path), 'utf8'), path);
const report = (path: string, profile?: object) => {
  const f = fixture(path);
  return evaluate(f.case!, { profile: (profile ?? f.profile) as never, asOf: f.asOf });
};
const op = (path: string, profile?: object) => report(path, profile).findings.filter((x) => x.regulation === 'online-processing');

/**
 * city-12 with the center's own entry limit written into its own document: a number stated as text, counted in
 * working hours the center also states (minutes in hours nobody stated would still be graded a warning).
 */
const ownLimit = (minutes: number) => ({
  id: 'jdz-center-entry',
  name: { zh: '示例中心', en: 'Example center' },
  extends: 'city-12',
  versions: [{
    validFrom: '2013-01-01',
    workingHours: {
      value: [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }], basis: 'text',
      source: { seed: 'jdz-center-2025', article: '第二条', text: '中心工作时间为上午8:00—12:00，下午14:00—18:00' },
    },
    params: {
      systemEntryToleranceMinutes: {
        value: minutes, basis: 'text',
        source: { seed: 'jdz-center-2025', article: '第五条', text: `窗口应在发号后${minutes}分钟内将申请录入网上审批系统` },
      },
    },
  }],
});

describe('online processing (city-12 网上办理制度)', () => {
  it('an online application is in the system from receipt: no entry finding, no off-system finding, no ticket finding', () => {
    expect(op('online-processing/online-application-never-entered.yaml')).toEqual([]);
  });

  it('measures entry from the ticket or the window’s later receipt, not from acceptance, in working minutes', () => {
    const [late] = op('online-processing/entered-late-counted-from-intake.yaml');
    expect(late).toMatchObject({ rule: 'OP-ENTRY-TIMELY/late', evidence: { 'op.entryDelayMinutes': 70, 'op.entryDueFrom': { zh: '2025-06-10 09:40（收件）', en: '2025-06-10 09:40 (receipt)' } } });
    expect(op('online-processing/entered-after-lunch-break.yaml')).toEqual([]);
    expect(op('online-processing/queue-wait-not-counted.yaml')).toEqual([]);
  });

  it('the 60 minutes are a reading of 及时: a warning, a violation once the center states its own number', () => {
    const [reading] = op('online-processing/entered-three-hours-late.yaml');
    expect(reading).toMatchObject({ rule: 'OP-ENTRY-TIMELY/late', severity: 'warning', graded: { from: 'violation' } });
    expect(reading!.parameters!['systemEntryToleranceMinutes']!.source.basis).toBe('reading');
    const [own] = op('online-processing/entered-three-hours-late.yaml', ownLimit(30));
    expect(own).toMatchObject({ rule: 'OP-ENTRY-TIMELY/late', severity: 'violation' });
    expect(own!.graded).toBeUndefined();
    // 45 working minutes after receipt: inside 60, outside a center's own 30.
    expect(op('online-processing/entered-within-the-hour.yaml')).toEqual([]);
    expect(op('online-processing/entered-within-the-hour.yaml', ownLimit(30)).map((x) => x.rule)).toEqual(['OP-ENTRY-TIMELY/late']);
  });

  it('a case never entered says so, and never that it was entered N minutes after', () => {
    const [pending] = op('online-processing/window-ticket-not-yet-entered.yaml');
    expect(pending!.rule).toBe('OP-ENTRY-TIMELY/not-entered');
    expect(pending!.message.en).toMatch(/still not in the approval system, 170 working minutes after 2025-06-10 09:10/);
    expect(pending!.message.zh).toMatch(/至今未录入/);
    for (const finding of op('online-processing/decided-outside-system.yaml')) {
      expect(finding.message.en).not.toMatch(/came into|entered into/);
      expect(finding.message.zh).not.toMatch(/才进入/);
    }
    expect(op('online-processing/decided-outside-system.yaml').map((x) => x.rule)).toEqual(['OP-ENTRY-TIMELY/not-entered', 'OP-IN-SYSTEM/never-entered']);
  });

  it('a batch import the center agreed to is no after-the-fact entry; one without its consent is', () => {
    expect(op('online-processing/batch-import-with-center-consent.yaml')).toEqual([]);
    expect(op('online-processing/batch-import-without-consent.yaml').map((x) => [x.rule, x.severity])).toEqual([
      ['OP-ENTRY-TIMELY/late', 'warning'],
      ['OP-IN-SYSTEM/after-the-fact', 'violation'],
    ]);
  });

  it('runs only where the online-processing system is in force', () => {
    const f = fixture('online-processing/decided-outside-system.yaml');
    for (const profile of ['national-baseline', 'county-10', 'township', 'citizen-home']) {
      const findings = evaluate(f.case!, { profile, asOf: f.asOf }).findings.filter((x) => x.regulation === 'online-processing');
      expect(findings, profile).toEqual([]);
    }
  });

  it('without a ticket the clock starts at the window’s receipt', () => {
    const snapshot: CaseSnapshotInput = {
      id: 'T-OP-1',
      matter: { id: 'SP-001', name: '食品经营许可', department: '市场监督管理局', class: 'promised', legalLimitWorkingDays: 20, promisedLimitWorkingDays: 10 },
      channel: 'window',
      events: [
        { type: 'materials-received', at: '2025-06-10T09:15:00+08:00' },
        { type: 'entered-into-system', at: '2025-06-10T10:05:00+08:00' },
      ],
    };
    const findings = evaluate(snapshot, { profile: 'city-12', asOf: '2025-06-10T17:00:00+08:00' }).findings;
    expect(findings.map((x) => x.rule)).toEqual(['OP-TICKET']);
  });
});
