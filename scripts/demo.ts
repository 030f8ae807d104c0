// `npm start`: the main job on bundled data. For now, deadlines around the holidays of 2025 on the
// official mainland calendar; the case audit replaces this once the rule engine lands.
import { cnMainlandCalendar, computeDeadline, deadlineStatus } from '../src/index.js';

const cal = cnMainlandCalendar();
const asOf = '2025-10-20T10:00:00+08:00';
console.log(`中国大陆工作日历 / mainland working-day calendar: ${cal.coverage.from} – ${cal.coverage.to}` +
  ` (未发布 / unpublished: ${cal.unpublishedYears.join(', ')})\n`);

const cases = [
  { matter: '食品经营许可（承诺件）', accepted: '2025-09-30T16:20:00+08:00', limit: 10 },
  { matter: '建设工程规划许可（承诺件，含专家评审）', accepted: '2025-09-26T09:10:00+08:00', limit: 20,
    exclusions: [{ from: '2025-10-13T09:00:00+08:00', to: '2025-10-15T17:00:00+08:00' }] },
  { matter: '一次性告知补正期限（city-12：3个工作日）', accepted: '2025-09-29T11:00:00+08:00', limit: 3 },
  { matter: '春节前受理（承诺件）', accepted: '2025-01-24T15:00:00+08:00', limit: 5 },
];

console.log(`as of ${asOf}`);
console.log('事项 matter'.padEnd(40), 'accepted'.padEnd(12), 'limit', 'due'.padEnd(12), 'elapsed', 'left', 'status');
for (const c of cases) {
  const d = computeDeadline(cal, { start: c.accepted, workingDays: c.limit, exclusions: c.exclusions ?? [], asOf });
  console.log(
    c.matter.padEnd(34), d.startDate.padEnd(12), String(c.limit).padStart(5), d.dueDate.padEnd(12),
    String(d.elapsedWorkingDays).padStart(7), String(d.remainingWorkingDays).padStart(4), deadlineStatus(d, { asOf }),
  );
}
console.log('\n2025-10-01 …', cal.dayInfo('2025-10-01').holiday?.zh, '| 2025-09-28 …', cal.dayInfo('2025-09-28').kind);
