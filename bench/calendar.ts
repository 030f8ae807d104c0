// Deadline arithmetic against what a user would otherwise reach for, measured in one run:
// chinese-days (official holidays, walks day by day) and date-fns (fast, but knows weekends only).
import chineseDays from 'chinese-days';
import { addBusinessDays, differenceInBusinessDays, format } from 'date-fns';
import { Bench } from 'tinybench';
import { cnMainlandCalendar } from '../src/index.js';

const { findWorkday, getWorkdaysInRange } = chineseDays;
const cal = cnMainlandCalendar();

/** Deterministic start dates spread over 2019–2025 (a fixed linear congruential sequence). */
function startDates(count: number): string[] {
  const dates: string[] = [];
  let seed = 20251009;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const day = new Date(Date.UTC(2019, 0, 1) + (seed % (365 * 7)) * 86_400_000);
    dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

interface Row {
  label: string;
  opsPerSecond: number;
}

async function measure(tasks: Array<{ label: string; batch: number; run: () => void }>): Promise<Row[]> {
  const bench = new Bench({ time: 400, warmupTime: 100 });
  for (const task of tasks) bench.add(task.label, task.run);
  await bench.run();
  return tasks.map((task, i) => {
    const result = bench.tasks[i]!.result;
    if (result.state !== 'completed') throw new Error(`${task.label}: ${result.state}`);
    return { label: task.label, opsPerSecond: result.throughput.mean * task.batch };
  });
}

const fmt = (ops: number) => Math.round(ops).toLocaleString('en-US').padStart(14);

export async function benchCalendar(): Promise<void> {
  const starts = startDates(1000);
  const startsAsDates = starts.map((s) => new Date(`${s}T00:00:00`));
  console.log('## Calendar arithmetic (ops/s, higher is better; each op is one call)\n');

  const ours: Record<number, number> = {};
  for (const n of [5, 60, 250]) {
    const fast = 1000;
    const slow = n === 250 ? 10 : n === 60 ? 40 : 200;
    const rows = await measure([
      { label: `addWorkingDays n=${n}`, batch: fast, run: () => { for (const s of starts) cal.addWorkingDays(s, n); } },
      { label: `chinese-days findWorkday n=${n}`, batch: slow, run: () => { for (let i = 0; i < slow; i++) findWorkday(n, starts[i]!); } },
      { label: `date-fns addBusinessDays n=${n}`, batch: fast, run: () => { for (const d of startsAsDates) addBusinessDays(d, n); } },
    ]);
    const [mine, cd, df] = rows as [Row, Row, Row];
    ours[n] = mine.opsPerSecond;
    // How often the weekend-only answer differs from the official calendar, over the same inputs.
    const wrong = starts.filter((s, i) => format(addBusinessDays(startsAsDates[i]!, n), 'yyyy-MM-dd') !== cal.addWorkingDays(s, n)).length;
    for (const row of rows) console.log(`${row.label.padEnd(36)} ${fmt(row.opsPerSecond)}`);
    console.log(`  ratio vs chinese-days findWorkday: ${(mine.opsPerSecond / cd.opsPerSecond).toFixed(0)}×`);
    console.log(`  ratio vs date-fns addBusinessDays: ${(mine.opsPerSecond / df.opsPerSecond).toFixed(2)}× (date-fns is wrong on ${((wrong / starts.length) * 100).toFixed(0)}% of these inputs: it knows no holidays)\n`);
  }
  console.log(`  addWorkingDays: one call with n=250 takes ${(ours[5]! / ours[250]!).toFixed(2)}× the time of one with n=5 (aim: at most 2×)\n`);

  for (const n of [5, 60, 250]) {
    const ends = starts.map((s) => cal.addWorkingDays(s, n));
    const endsAsDates = ends.map((e) => new Date(`${e}T00:00:00`));
    const slow = n === 250 ? 10 : n === 60 ? 40 : 200;
    const rows = await measure([
      { label: `workingDaysBetween n=${n}`, batch: 1000, run: () => { for (let i = 0; i < 1000; i++) cal.workingDaysBetween(starts[i]!, ends[i]!); } },
      { label: `chinese-days getWorkdaysInRange n=${n}`, batch: slow, run: () => { for (let i = 0; i < slow; i++) getWorkdaysInRange(starts[i]!, ends[i]!, false).length; } },
      { label: `date-fns differenceInBusinessDays n=${n}`, batch: 1000, run: () => { for (let i = 0; i < 1000; i++) differenceInBusinessDays(endsAsDates[i]!, startsAsDates[i]!); } },
    ]);
    const [mine, cd, df] = rows as [Row, Row, Row];
    for (const row of rows) console.log(`${row.label.padEnd(40)} ${fmt(row.opsPerSecond)}`);
    console.log(`  ratio vs chinese-days: ${(mine.opsPerSecond / cd.opsPerSecond).toFixed(0)}×, vs date-fns: ${(mine.opsPerSecond / df.opsPerSecond).toFixed(2)}×\n`);
  }
}
