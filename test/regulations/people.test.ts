import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cnMainlandCalendar, evaluate, evaluateCatalogue, evaluateInquiry, evaluateRoster, findPersonalData, isResidentIdNumber, rosterCoverage,
  ValidationError, type RosterSnapshotInput,
} from '../../src/index.js';
import { parseFixture } from '../../src/fixtures/fixture.js';
import { inquiry, oneDayRoster, residentIdNumber } from '../../src/testing/people-arbitraries.js';

const calendar = cnMainlandCalendar();
const root = join(import.meta.dirname, '..', '..');
const fixture = (path: string) => parseFixture(readFileSync(join(root, 'fixtures', path), 'utf8'), path);
const vacancy = (roster: RosterSnapshotInput) => rosterCoverage(roster)[0]!.vacancyMinutes;

describe('A/B coverage arithmetic', () => {
  it('a post where some B is present whenever the A is absent has no vacancy', () => {
    fc.assert(
      fc.property(oneDayRoster(calendar), (roster) => {
        const date = roster.period.from;
        const a = (roster.presence ?? []).filter((p) => p.staff === 'a');
        // B1 fills every gap between 07:00 and 19:00 that A's own records leave.
        const edges = [`${date}T07:00:00+08:00`, ...a.flatMap((p) => [p.from, p.to]).sort(), `${date}T19:00:00+08:00`];
        const fill = [];
        for (let i = 0; i + 1 < edges.length; i++) if (edges[i]! < edges[i + 1]!) fill.push({ staff: 'b1', post: 'P', from: edges[i]!, to: edges[i + 1]! });
        expect(vacancy({ ...roster, presence: [...a, ...fill] })).toBe(0);
      }),
    );
  });

  it('removing a presence record never reduces the vacant minutes', () => {
    fc.assert(
      fc.property(oneDayRoster(calendar).filter((r) => (r.presence ?? []).length > 0), fc.nat(), (roster, pick) => {
        const presence = roster.presence!;
        const without = presence.filter((_, i) => i !== pick % presence.length);
        expect(vacancy({ ...roster, presence: without })).toBeGreaterThanOrEqual(vacancy(roster));
      }),
    );
  });

  it('vacancy never exceeds the day’s working minutes, and a day off has none', () => {
    fc.assert(
      fc.property(oneDayRoster(calendar), (roster) => {
        const minutes = vacancy(roster);
        expect(minutes).toBeLessThanOrEqual(calendar.isWorkingDay(roster.period.from) ? 480 : 0);
        expect(vacancy({ ...roster, presence: [] })).toBe(calendar.isWorkingDay(roster.period.from) ? 480 : 0);
      }),
    );
  });

  it('reports each vacancy with who was absent and which B should have stood in; lunch is not vacant', () => {
    const report = fixture('ab-post/make-up-saturday-vacancy.yaml');
    const [post] = rosterCoverage(report.roster!, { profile: 'county-10' });
    expect(post!.vacancies).toEqual([{ post: 'A03', from: '2025-10-11 10:00', to: '2025-10-11 10:30', minutes: 30, absent: ['zhang', 'li'], standIn: 'li' }]);
  });
});

describe('personal data in published results', () => {
  it('finds every valid resident ID number, wherever it stands in a text, and masks it', () => {
    fc.assert(
      fc.property(residentIdNumber(), fc.string({ unit: fc.constantFrom('许', '可', '：', ' ', 'a', '，') }), (id, prefix) => {
        const hits = findPersonalData(`${prefix}身份证号${id}。`);
        expect(hits).toEqual([{ kind: 'resident-id', index: prefix.length + 4, length: 18, masked: `${id.slice(0, 6)}********${id.slice(14)}` }]);
      }),
    );
  });

  it('finds no ID number after any one-character change of a valid one', () => {
    fc.assert(
      fc.property(residentIdNumber(), fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, position, replacement) => {
        fc.pre(id[position] !== replacement && (position === 17 || replacement !== 'X'));
        const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(isResidentIdNumber(mutated)).toBe(false);
        expect(findPersonalData(`号码${mutated}`).filter((h) => h.kind === 'resident-id')).toEqual([]);
      }),
    );
  });

  it('takes mobile numbers but not digits inside longer numbers or landlines', () => {
    expect(findPersonalData('电话13812345678，座机0798-8220001，编号913602001234567890').map((h) => [h.kind, h.index, h.masked])).toEqual([['mobile', 2, '138****5678']]);
    expect(findPersonalData('+86 139 0000 0000')).toEqual([]);
    expect(findPersonalData('+8613900000000')).toMatchObject([{ kind: 'mobile', index: 0, masked: '139****0000' }]);
  });

  it('shows the masked values and their positions in the finding, never the numbers themselves', () => {
    const f = fixture('disclosure/guide-gaps-and-personal-data.yaml');
    const report = evaluateCatalogue(f.catalogue!, { profile: 'city-12', asOf: f.asOf });
    const finding = report.findings.find((x) => x.ruleId === 'DS-NO-FORBIDDEN')!;
    expect(finding.item).toEqual({ scope: 'catalogue/result', key: 'GS-2025-0932' });
    expect(finding.evidence['ds.result.personalData']).toEqual(['身份证号 resident ID 110105********002X @12', '手机号 mobile 138****5678 @35']);
    expect(JSON.stringify(report)).not.toContain('11010519491231002X');
  });
});

describe('parallel approval', () => {
  it('attributes a late opinion to its co-department, with its deadline in the report', () => {
    const f = fixture('parallel-approval/joint-case-late-co-department.yaml');
    const report = evaluate(f.case!, { profile: 'county-10', asOf: f.asOf });
    const late = report.findings.filter((x) => x.ruleId === 'PA-CO-DEADLINE');
    expect(late.map((x) => x.item)).toEqual([{ scope: 'case/co-department', key: '住房和城乡建设局' }]);
    expect(report.deadlines.find((d) => d.id === 'pa-co:住房和城乡建设局')).toMatchObject({ dueDate: '2025-10-10', status: 'missed' });
  });

  it('lists urging as the lead department’s obligation, due when the co-department is', () => {
    const f = fixture('parallel-approval/joint-case-due-not-urged.yaml');
    const report = evaluate(f.case!, { profile: 'county-10', asOf: f.asOf });
    expect(report.obligations.filter((o) => o.id.startsWith('pa-urge'))).toEqual([
      expect.objectContaining({ id: 'pa-urge:住房和城乡建设局', owedBy: 'lead-department', due: '2025-10-10T23:59:59.999+08:00' }),
    ]);
  });

  it('reports an opinion dated before the copy it answers as a data-integrity finding', () => {
    const f = fixture('parallel-approval/joint-case-in-order.yaml');
    const events = f.case!.events.map((e) => (e.type === 'opinion' && e.department === '自然资源局' ? { ...e, at: '2025-09-26T09:35:00+08:00' } : e));
    const report = evaluate({ ...f.case!, events }, { profile: 'county-10', asOf: f.asOf });
    expect(report.findings.filter((x) => x.severity === 'data-integrity').map((x) => x.ruleId)).toEqual(['DATA-OPINION-BEFORE-COPY']);
  });
});

describe('rosters and inquiries as input', () => {
  it('rejects a presence interval that ends before it starts, naming the field', () => {
    const f = fixture('ab-post/make-up-saturday-vacancy.yaml');
    const roster = { ...f.roster!, presence: [{ staff: 'zhang', post: 'A03', from: '2025-10-11T10:00:00+08:00', to: '2025-10-11T09:00:00+08:00' }] };
    const error = (() => {
      try {
        evaluateRoster(roster, { profile: 'county-10', asOf: f.asOf });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.issues.map((i) => i.path)).toEqual(['$.presence[0].to']);
  });

  it('names unknown staff and posts as data-integrity findings instead of throwing', () => {
    const f = fixture('ab-post/make-up-saturday-vacancy.yaml');
    const roster = { ...f.roster!, presence: [...f.roster!.presence, { staff: 'ghost', post: 'Z99', from: '2025-10-11T08:00:00+08:00', to: '2025-10-11T09:00:00+08:00' }] };
    const report = evaluateRoster(roster, { profile: 'county-10', asOf: f.asOf });
    expect(report.findings.filter((x) => x.ruleId === 'DATA-UNKNOWN-REFERENCE').map((x) => x.evidence.path)).toEqual(['$.presence[3].staff', '$.presence[3].post']);
  });

  it('evaluates any valid inquiry without throwing, and a turned-away person is always a finding', () => {
    fc.assert(
      fc.property(inquiry(), (input) => {
        const report = evaluateInquiry(input, { profile: 'city-12', asOf: '2025-10-13T18:00:00+08:00' });
        if (input.actions?.some((a) => a.type === 'declined')) expect(report.findings.map((x) => x.rule)).toContain('FI-REFERRAL/declined');
      }),
    );
  });
});
