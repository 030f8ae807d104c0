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
    const hits = report.findings.filter((x) => x.ruleId === 'DS-NO-FORBIDDEN');
    expect(hits.map((x) => x.item)).toEqual([{ scope: 'catalogue/result', key: 'GS-2025-0932' }, { scope: 'catalogue/result', key: 'GS-2025-0932' }]);
    const listed = (name: string) => (x: (typeof hits)[number]) => (x.evidence[name] as Array<{ zh: string; en: string }> | undefined) ?? [];
    expect(hits.flatMap((x) => [...listed('ds.result.residentIds')(x), ...listed('ds.result.mobiles')(x)])).toEqual([
      { zh: '身份证号 110105********002X @12', en: 'resident ID 110105********002X @12' },
      { zh: '手机号 138****5678 @35', en: 'mobile 138****5678 @35' },
    ]);
    expect(hits.map((x) => x.message.zh).join('\n')).toContain('身份证号 110105********002X @12');
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

describe('A/B posts: what counts as a vacancy, and what a finding weighs', () => {
  const base = fixture('ab-post/unsigned-two-hour-vacancy.yaml');
  const at = (time: string) => `2025-10-13T${time}:00+08:00`;
  /** The unsigned-vacancy roster with the A away from `from` to `to` (no sign), everything else as in the fixture. */
  const awayFrom = (from: string, to: string, extra: Partial<RosterSnapshotInput> = {}): RosterSnapshotInput => ({
    ...base.roster!,
    presence: [
      { staff: 'zhang', post: 'A03', from: at('08:00'), to: at(from) },
      { staff: 'zhang', post: 'A03', from: at(to), to: at('12:00') },
      { staff: 'zhang', post: 'A03', from: at('14:00'), to: at('18:00') },
    ],
    ...extra,
  });
  const coverage = (roster: RosterSnapshotInput, profile: string | object = 'county-10') =>
    evaluateRoster(roster, { profile: profile as never, asOf: base.asOf }).findings.filter((f) => f.ruleId === 'AB-COVERAGE');
  const sign = { staff: 'zhang', post: 'A03', from: at('10:00'), to: at('10:40'), reason: '取档案', destination: '三楼档案室', contact: '0797-8220001' };

  it('tolerates an unattended stretch up to the profile’s tolerance and reports the first minute beyond it', () => {
    expect(coverage(awayFrom('10:00', '10:15'))).toEqual([]);
    const [finding] = coverage(awayFrom('10:00', '10:16'));
    expect(finding).toMatchObject({ rule: 'AB-COVERAGE/purpose', severity: 'warning' });
    const span = '2025-10-13 10:00–10:16 16′ (张敏/李强 ✗; B → 李强)';
    expect(finding!.evidence['ab.post.vacancies']).toEqual([{ zh: span, en: span }]);
    expect(finding!.parameters?.vacancyToleranceMinutes).toMatchObject({ value: 15, source: { basis: 'default' } });
  });

  it('counts a complete sign as covered at a post of two, but not during the signer’s leave', () => {
    expect(coverage(awayFrom('10:00', '10:40', { signs: [sign] }))).toEqual([]);
    const onLeave = awayFrom('10:00', '10:40', { signs: [sign], leave: [{ staff: 'zhang', from: at('10:00'), to: at('10:40'), days: 0.5, approvals: [{ by: 'dir-he', role: 'leader-in-charge' }] }] });
    expect(coverage(onLeave).map((f) => f.rule)).toEqual(['AB-COVERAGE/purpose']);
    // A sign put out by someone not assigned to the post covers nothing.
    expect(coverage(awayFrom('10:00', '10:40', { signs: [{ ...sign, staff: 'wu' }] })).map((f) => f.rule)).toEqual(['AB-COVERAGE/purpose']);
    expect(rosterCoverage(awayFrom('10:00', '10:40', { signs: [sign] }), { profile: 'county-10' })[0]!.vacancyMinutes).toBe(0);
  });

  it('is a warning in county-10, whose sentence states a purpose, unless the profile makes it a duty with its own source and number', () => {
    const own = {
      id: 'county-10-own-coverage',
      name: { zh: '县中心（自定空岗时限）', en: 'County center with its own vacancy limit' },
      extends: 'county-10',
      versions: [{
        validFrom: '2010-01-01',
        rules: { 'AB-COVERAGE/purpose': { severity: 'violation', source: { seed: 'center-rules', article: '第三条', text: '窗口不得无人值守超过十分钟' } } },
        params: { vacancyToleranceMinutes: { value: 10, basis: 'text', source: { seed: 'center-rules', article: '第三条', text: '窗口不得无人值守超过十分钟' } } },
      }],
    };
    expect(coverage(awayFrom('10:00', '10:12'), own).map((f) => [f.rule, f.severity])).toEqual([['AB-COVERAGE/purpose', 'violation']]);
  });

  it('under citizen-home, the B must stand in: a sign does not replace it, and 及时 read as a number makes it a warning', () => {
    const f = fixture('ab-post/citizen-home-sign-no-stand-in.yaml');
    const [finding] = coverage(f.roster!, 'citizen-home');
    expect(finding).toMatchObject({ rule: 'AB-COVERAGE/stand-in', severity: 'warning', graded: { from: 'violation' } });
    expect(finding!.citation).toMatchObject({ source: 'citizen-home', article: '第二十八条' });
  });

  it('owes no handover for leave that takes no working hours, and owes it before the first working hour of the leave', () => {
    const f = fixture('ab-post/leave-on-days-off.yaml');
    const handover = (leave: RosterSnapshotInput['leave'], handovers: RosterSnapshotInput['handovers'] = []) =>
      evaluateRoster({ ...f.roster!, leave, handovers }, { profile: 'county-10', asOf: f.asOf }).findings.filter((x) => x.ruleId === 'AB-HANDOVER').length;
    const approved = [{ by: 'dir-he', role: 'leader-in-charge' as const }];
    // Over the lunch break of a working day, and from Friday evening to Sunday night: no working hour is left.
    expect(handover([{ staff: 'zhang', from: '2025-10-17T12:00:00+08:00', to: '2025-10-17T14:00:00+08:00', days: 0.5, approvals: approved }])).toBe(0);
    expect(handover([{ staff: 'zhang', from: '2025-10-17T18:00:00+08:00', to: '2025-10-19T22:00:00+08:00', days: 2, approvals: approved }])).toBe(0);
    // From Saturday to Monday: the post is left on Monday at 08:00, so a handover on Sunday evening is in time.
    const toMonday = [{ staff: 'zhang', from: '2025-10-18T08:00:00+08:00', to: '2025-10-20T18:00:00+08:00', days: 1, approvals: approved }];
    expect(handover(toMonday)).toBe(1);
    expect(handover(toMonday, [{ post: 'A03', from: 'zhang', to: 'li', at: '2025-10-19T20:00:00+08:00' }])).toBe(0);
    expect(handover(toMonday, [{ post: 'A03', from: 'zhang', to: 'li', at: '2025-10-20T09:00:00+08:00' }])).toBe(1);
  });

  it('scores attendance only where plans-11 篇一 is in force', () => {
    const late = fixture('ab-post/attendance-late.yaml');
    const rules = (profile: unknown) => evaluateRoster(late.roster!, { profile: profile as never, asOf: late.asOf }).findings.map((f) => f.ruleId);
    expect(rules(late.profile)).toEqual(['AB-ATTENDANCE']);
    for (const profile of ['national-baseline', 'city-12', 'county-10', 'township', 'citizen-home']) expect(rules(profile), profile).not.toContain('AB-ATTENDANCE');
  });
});

describe('A/B posts: who may act on a case', () => {
  const f = fixture('ab-post/authority-chief-rep-and-approver.yaml');
  const flagged = (events: unknown[], roster = f.roster!) =>
    evaluate({ ...f.case!, events: events as never }, { profile: 'county-10', asOf: f.asOf, roster }).findings.filter((x) => x.ruleId === 'AB-SUBSTITUTE-AUTHORITY');

  it('checks intake acts only, and flags them as a warning to review', () => {
    const stranger = { id: 'ma', name: '马超', department: '市场监督管理局', role: 'window' as const };
    const roster = { ...f.roster!, staff: [...f.roster!.staff, stranger] };
    const events = f.case!.events.map((e) => (e.type === 'decided' ? { ...e, by: 'ma' } : e));
    expect(flagged(events, roster)).toEqual([]);
    const intake = f.case!.events.map((e) => (e.type === 'accepted' ? { ...e, by: 'ma' } : e));
    expect(flagged(intake, roster).map((x) => [x.severity, x.evidence['ab.unauthorisedActs']])).toEqual([['warning', [{ zh: '受理 2025-10-13 09:40 马超', en: 'accepted 2025-10-13 09:40 马超' }]]]);
  });

  it('exempts the chief representative only within the term, and leaders and approvers only of the case’s department', () => {
    const ended = { ...f.roster!, chiefRepresentatives: [{ ...f.roster!.chiefRepresentatives[0]!, termEnd: '2025-09-30' }] };
    expect(flagged(f.case!.events, ended).map((x) => x.evidence['ab.unauthorisedActs'])).toEqual([
      [
        { zh: '材料审查 2025-10-13 09:25 陈刚', en: 'materials checked 2025-10-13 09:25 陈刚' },
        { zh: '受理 2025-10-13 09:40 陈刚', en: 'accepted 2025-10-13 09:40 陈刚' },
      ],
    ]);
    const otherDepartment = { ...f.roster!, staff: f.roster!.staff.map((s) => (s.id === 'sunli' ? { ...s, department: '税务局' } : s)) };
    expect(flagged(f.case!.events, otherDepartment).map((x) => x.evidence['ab.unauthorisedActs'])).toEqual([[{ zh: '录入系统 2025-10-13 09:45 孙丽', en: 'entered into the system 2025-10-13 09:45 孙丽' }]]);
    const leader = { ...f.roster!, staff: f.roster!.staff.map((s) => (s.id === 'sunli' ? { ...s, role: 'leader-in-charge' as const } : s)) };
    expect(flagged(f.case!.events, leader)).toEqual([]);
  });
});

describe('chief representatives and first inquiry: which document applies', () => {
  it('a term cut short is a warning to review, and a return to the home unit for unfitness is not a breach of the term', () => {
    const early = fixture('chief-representative/replaced-early-without-cause.yaml');
    const report = evaluateRoster(early.roster!, { profile: 'city-12', asOf: early.asOf });
    expect(report.findings.map((x) => [x.rule, x.severity])).toEqual([['CR-TERM', 'warning']]);
    const returned = { ...early.roster!, chiefRepresentatives: early.roster!.chiefRepresentatives.map((c, i) => (i === 0 ? { ...c, termEndReason: 'returned-as-unfit' as const } : c)) };
    expect(evaluateRoster(returned, { profile: 'city-12', asOf: early.asOf }).findings).toEqual([]);
  });

  it('citizen-home holds its own chief-representative duties (appointment, position), none of city-12’s', () => {
    const f = fixture('chief-representative/citizen-home-six-month-chief-rep.yaml');
    const city = evaluateRoster(f.roster!, { profile: 'city-12', asOf: f.asOf }).findings.map((x) => x.ruleId);
    expect(new Set(city)).toEqual(new Set(['AB-STAFFING', 'CR-AUTHORISATION', 'CR-RESIDENT', 'CR-TERM', 'CR-CHANGE-NOTICE']));
    expect(evaluateRoster(f.roster!, { profile: 'citizen-home', asOf: f.asOf }).findings).toEqual([]);
    const unqualified = { ...f.roster!, chiefRepresentatives: f.roster!.chiefRepresentatives.map((c) => ({ ...c, position: 'other' as const })) };
    expect(evaluateRoster(unqualified, { profile: 'citizen-home', asOf: f.asOf }).findings.map((x) => [x.rule, x.citation?.source])).toEqual([
      ['CR-RANK/position', 'citizen-home'],
      ['CR-RANK/position', 'citizen-home'],
    ]);
  });

  it('a turned-away person is a finding where the document in force forbids it, citing that document, and nowhere else', () => {
    const f = fixture('first-inquiry/county-10-turned-away.yaml');
    const cited = (profile: string) => evaluateInquiry(f.inquiry!, { profile, asOf: f.asOf }).findings.map((x) => [x.rule, x.citation?.source]);
    expect(cited('city-12')).toEqual([['FI-REFERRAL/no-target', 'city-12/first-inquiry'], ['FI-REFERRAL/declined', 'city-12/first-inquiry']]);
    expect(cited('county-10')).toEqual([['FI-REFERRAL/no-target', 'county-10/handling'], ['FI-REFERRAL/declined', 'county-10/first-inquiry']]);
    expect(cited('township')).toEqual([]);
    expect(cited('citizen-home')).toEqual([]);
    expect(cited('national-baseline')).toEqual([]);
  });
});
