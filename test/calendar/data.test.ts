import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, cnMainlandCalendarData, createCalendar, ValidationError, type CalendarData } from '../../src/index.js';

const data = cnMainlandCalendarData();
const published = Object.entries(data.years).filter(([, y]) => y.status === 'published') as Array<[string, Extract<CalendarData['years'][string], { status: 'published' }>]>;

function expectRejected(changed: CalendarData, pathPart: string) {
  try {
    createCalendar(changed);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.some((i) => i.path.includes(pathPart))).toBe(true);
    return;
  }
  throw new Error('expected the changed data to be rejected');
}

describe('bundled mainland calendar data', () => {
  it('covers 2018–2026 and lists 2027 as unpublished, not as a year without holidays', () => {
    const cal = cnMainlandCalendar();
    expect(cal.coverage).toEqual({ from: '2018-01-01', to: '2026-12-31' });
    expect(cal.unpublishedYears).toEqual([2027]);
    expect(data.years['2027']).toMatchObject({ status: 'unpublished' });
  });

  it('records the statutory days in force each year: 11 through 2024, 13 in 2020 (extension) and from 2025', () => {
    const days = Object.fromEntries(published.map(([year, y]) => [year, y.statutoryDays]));
    expect(days).toEqual({ 2018: 11, 2019: 11, 2020: 13, 2021: 11, 2022: 11, 2023: 11, 2024: 11, 2025: 13, 2026: 13 });
  });

  it('names the State Council notice of every year, with the 2019 and 2020 amendments', () => {
    const notices = Object.fromEntries(published.map(([year, y]) => [year, y.notice.match(/〔\d{4}〕\d+号/)?.[0]]));
    expect(notices).toEqual({
      2018: '〔2017〕12号', 2019: '〔2018〕15号', 2020: '〔2019〕16号', 2021: '〔2020〕27号', 2022: '〔2021〕11号',
      2023: '〔2022〕16号', 2024: '〔2023〕7号', 2025: '〔2024〕12号', 2026: '〔2025〕7号',
    });
    expect(published.find(([y]) => y === '2019')![1].amendedBy?.[0]).toContain('〔2019〕3号');
    expect(published.find(([y]) => y === '2020')![1].amendedBy?.[0]).toContain('〔2020〕1号');
  });

  it('agrees with the chinese-days package on every date of 2018–2026', () => {
    const cal = cnMainlandCalendar();
    const dates: string[] = [];
    for (let d = '2018-01-01'; d <= '2026-12-31'; d = nextDate(d)) dates.push(d);
    // chinese-days works in host-local dates and goes wrong across daylight-saving changes (under
    // TZ=America/New_York it calls Monday 2025-03-10 a day off), so the oracle runs in a child process in Shanghai time.
    const script = `const c = require('chinese-days'); const dates = JSON.parse(process.argv[1]); process.stdout.write(JSON.stringify(dates.map((d) => c.isWorkday(d))));`;
    const oracle = JSON.parse(
      execFileSync(process.execPath, ['-e', script, JSON.stringify(dates)], { env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8' }),
    ) as boolean[];
    const disagreements = dates.filter((d, i) => cal.isWorkingDay(d) !== oracle[i]);
    expect(disagreements).toEqual([]);
  });

  it('rejects the data when any listed day off is removed (the per-year balance no longer holds)', () => {
    for (const [year, entry] of published) {
      const weekdayIndex = entry.daysOff.findIndex((d) => ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()));
      const changed = cnMainlandCalendarData();
      const target = changed.years[year] as typeof entry;
      target.daysOff.splice(weekdayIndex, 1);
      expectRejected(changed, `$.years.${year}`);
    }
  });

  it('rejects the data when any make-up working day is removed or a weekday is listed as one', () => {
    for (const [year, entry] of published.filter(([, y]) => y.makeUpWorkdays.length > 0)) {
      const removed = cnMainlandCalendarData();
      (removed.years[year] as typeof entry).makeUpWorkdays.pop();
      expectRejected(removed, `$.years.${year}`);
    }
    const weekday = cnMainlandCalendarData();
    (weekday.years['2025'] as (typeof published)[number][1]).makeUpWorkdays.push({ date: '2025-03-05', holiday: '春节' });
    expectRejected(weekday, 'makeUpWorkdays');
  });

  it('rejects duplicated dates, impossible dates and a gap between published years', () => {
    const dup = cnMainlandCalendarData();
    const y2024 = dup.years['2024'] as (typeof published)[number][1];
    y2024.daysOff.push({ ...y2024.daysOff[0]! });
    expectRejected(dup, '$.years.2024');

    const impossible = cnMainlandCalendarData();
    (impossible.years['2025'] as (typeof published)[number][1]).daysOff[0]!.date = '2025-02-30';
    expectRejected(impossible, '$.years.2025.daysOff[0].date');

    const gap = cnMainlandCalendarData();
    delete gap.years['2022'];
    expectRejected(gap, '$.years.2023');
  });

  it('places the late-December days of a holiday block in the next year’s notice', () => {
    const cal = cnMainlandCalendar();
    expect(cal.dayInfo('2018-12-29')).toMatchObject({ kind: 'make-up-workday', isWorkingDay: true });
    expect(cal.dayInfo('2018-12-29').notice).toContain('2019年');
    expect(cal.dayInfo('2018-12-31')).toMatchObject({ kind: 'holiday', holiday: { zh: '元旦', en: "New Year's Day" } });
    expect(cal.dayInfo('2018-12-31').notice).toContain('2019年');
    expect(cal.dayInfo('2023-12-30').notice).toContain('2024年');
  });
});

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
