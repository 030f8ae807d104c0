// Realistic case snapshots from a seed: six departments and a joint-case lead; deficiencies, late notices, refusals,
// joint cases with co-department opinions, suspensions, late decisions and deliveries; receipts in 2025, so the
// deadlines cross the Spring Festival, May Day, Dragon Boat and National Day holidays. Used by the bundled sample
// log (scripts/generate-sample.ts) and the evaluation benchmark, so both see the same mix.
import { cnMainlandCalendar, type CaseSnapshotInput } from '../src/index.js';

/** mulberry32: a small seeded generator, so the sample is the same on every machine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const calendar = cnMainlandCalendar();

const MATTERS = [
  { id: 'SP-001', name: '食品经营许可', department: '市场监督管理局', window: 'A03', legal: 20, promised: 10, materials: ['申请书', '营业执照', '经营场所平面图'] },
  { id: 'SC-002', name: '个体工商户设立登记', department: '市场监督管理局', window: 'A01', legal: 15, promised: 3, materials: ['登记申请书', '身份证明'] },
  { id: 'JS-011', name: '建筑工程施工许可', department: '住房和城乡建设局', window: 'B02', legal: 15, promised: 7, materials: ['申请表', '用地批准文件', '施工合同'] },
  { id: 'ZR-004', name: '建设项目用地预审', department: '自然资源局', window: 'B05', legal: 20, promised: 12, materials: ['申请书', '项目批准文件'] },
  { id: 'WS-007', name: '公共场所卫生许可', department: '卫生健康委员会', window: 'C04', legal: 20, promised: 8, materials: ['申请书', '卫生检测报告'] },
  { id: 'JT-003', name: '道路运输经营许可', department: '交通运输局', window: 'C07', legal: 20, promised: 10, materials: ['申请表', '车辆技术等级证明'] },
] as const;
const JOINT = { id: 'TZ-01', name: '企业投资项目开工前审批', department: '发展和改革局', window: 'C01', legal: 45, promised: 15, materials: ['项目申请书', '用地预审材料'] };
const STAFF = ['zhang', 'li', 'wang', 'zhao', 'chen', 'zhou', 'wu', 'sun'];

const at = (date: string, hour: number, minute = 0) => `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
const workingDay = (from: string, n: number) => calendar.addWorkingDays(from, n);

/** A generator of cases: the same seed gives the same cases, in the same order, on every machine. */
export function caseGenerator(seed: number): (n: number) => CaseSnapshotInput {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const chance = (p: number) => rand() < p;

  function workingDate(): string {
    // Receipts from January to late October 2025, on working days (make-up weekends included).
    const start = Date.UTC(2025, 0, 2);
    const day = new Date(start + Math.floor(rand() * 295) * 86_400_000).toISOString().slice(0, 10);
    return calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
  }

  function makeCase(n: number): CaseSnapshotInput {
    const isJoint = chance(0.08);
    const m = isJoint ? JOINT : pick(MATTERS);
    const cls = isJoint ? 'joint' : chance(0.18) ? 'instant' : chance(0.08) ? 'supplement' : 'promised';
    const promised = cls === 'instant' ? 0 : m.promised;
    const received = workingDate();
    const by = pick(STAFF);
    const events: CaseSnapshotInput['events'] = [];
    const online = chance(0.15);
    if (!online && chance(0.96)) events.push({ type: 'ticket-issued', at: at(received, 9, 0) });
    events.push({ type: 'materials-received', at: at(received, 9, 10), by, items: [...m.materials] });
    const missing = chance(0.22) ? [m.materials[m.materials.length - 1]!] : [];
    events.push({ type: 'materials-checked', at: at(received, 9, 30), by, missing });
    let acceptDay = received;
    if (missing.length) {
      const noticeDay = chance(0.85) ? received : workingDay(received, chance(0.5) ? 2 : 5);
      events.push({ type: 'deficiency-notice', at: at(noticeDay, 10), by, items: missing, form: chance(0.9) ? 'written' : 'oral' });
      acceptDay = workingDay(noticeDay, 1 + Math.floor(rand() * 4));
      events.push({ type: 'materials-supplemented', at: at(acceptDay, 9), items: missing });
    }
    if (chance(0.04)) {
      const reasonCategory = pick(['missing-materials', 'ineligible', 'out-of-jurisdiction'] as const);
      events.push({ type: 'decided', at: at(acceptDay, 11), by, outcome: 'not-accepted', reasonCategory, reasons: '不符合受理条件', written: chance(0.8), sealed: true, dated: true, ...(reasonCategory === 'out-of-jurisdiction' ? { referredTo: '市政务服务中心' } : {}) });
      if (chance(0.7)) events.push({ type: 'refusal-registered', at: at(acceptDay, 11, 30), reason: '不符合受理条件' });
      if (chance(0.75)) events.push({ type: 'filed-with-center', at: at(workingDay(acceptDay, chance(0.8) ? 0 : 3), 16) });
      return { id: `JDZ-2025-${String(n).padStart(5, '0')}`, matter: { id: m.id, name: m.name, department: m.department, window: m.window, class: cls, legalLimitWorkingDays: m.legal, promisedLimitWorkingDays: promised }, channel: online ? 'online' : 'window', events };
    }
    const completion = workingDay(acceptDay, promised);
    events.push({ type: 'accepted', at: at(acceptDay, 10), by, acceptanceNotice: cls === 'instant' || chance(0.95), promisedCompletion: completion, ...(isJoint ? { parallelGuide: chance(0.85) } : {}) });
    // Entered at intake, as 网上办理 第五条(二) asks; a few are entered after the fact, on the day of acceptance.
    events.push({ type: 'entered-into-system', at: chance(0.93) ? at(received, 9, 20) : at(acceptDay, 15, 20) });

    let joint: CaseSnapshotInput['joint'];
    if (isJoint) {
      const co = ['自然资源局', '住房和城乡建设局'];
      joint = { lead: m.department, coDepartments: co.map((department) => ({ department, limitWorkingDays: 5 })) };
      for (const department of co) {
        const copyDay = chance(0.9) ? acceptDay : workingDay(acceptDay, 3);
        events.push({ type: 'copied-to-co-department', at: at(copyDay, 11), department });
        const opinionDay = workingDay(copyDay, chance(0.8) ? 3 : 7);
        events.push({ type: 'opinion', at: at(opinionDay, 15), department, opinion: 'approve' });
      }
    }
    // Most cases are decided on time; some late; some still open at the audit date.
    const lateness = chance(0.1) ? 1 + Math.floor(rand() * 6) : -Math.floor(rand() * Math.max(1, promised));
    const decisionDay = workingDay(acceptDay, Math.max(0, promised + lateness));
    if (decisionDay <= '2025-10-31') {
      if (cls === 'promised' && chance(0.05)) {
        const suspendDay = workingDay(acceptDay, 1);
        events.push({ type: 'suspended', at: at(suspendDay, 10), reason: 'expert-review', writtenNotice: true });
        events.push({ type: 'resumed', at: at(workingDay(suspendDay, 3), 10) });
      }
      events.push({ type: 'decided', at: at(decisionDay, 16), by, outcome: 'approved' });
      if (chance(0.92)) events.push({ type: 'result-notified', at: at(decisionDay, 17), channel: pick(['sms', 'phone', 'in-person'] as const) });
      if (chance(0.9)) events.push({ type: 'certificate-delivered', at: at(workingDay(decisionDay, chance(0.9) ? 1 : 12), 10) });
    }
    return {
      id: `JDZ-2025-${String(n).padStart(5, '0')}`,
      matter: { id: m.id, name: m.name, department: m.department, window: m.window, class: cls, legalLimitWorkingDays: m.legal, promisedLimitWorkingDays: promised, ...(isJoint ? { otherDepartments: ['自然资源局', '住房和城乡建设局'] } : {}) },
      channel: online ? 'online' : 'window',
      ...(joint ? { joint } : {}),
      events,
    };
  }

  return makeCase;
}
