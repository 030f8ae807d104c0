import { issue, type ValidationIssue } from '../errors.js';
import type { PublishedCalendarYear } from '../schema/calendar-data.js';
import { tryParseDate, weekdayOf } from './dates.js';

const isWeekend = (day: number) => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/**
 * Consistency of one year's notice: the weekday days off, less the make-up working days, must equal
 * the statutory days in force. A date missing from or added to the data breaks that equation.
 */
export function checkPublishedYear(year: string, data: PublishedCalendarYear): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const at = `$.years.${year}`;
  const seen = new Map<number, string>();
  const firstAllowed = tryParseDate(`${Number(year) - 1}-12-01`)!;
  const lastAllowed = tryParseDate(`${year}-12-31`)!;

  const visit = (list: 'daysOff' | 'makeUpWorkdays') =>
    data[list].forEach((entry, index) => {
      const path = `${at}.${list}[${index}].date`;
      const day = tryParseDate(entry.date)!;
      if (day < firstAllowed || day > lastAllowed) {
        problems.push(issue(path, entry.date, `a date in ${year} (or late December of ${Number(year) - 1})`));
      }
      const other = seen.get(day);
      if (other) problems.push(issue(path, entry.date, `a date listed once, but it is also in ${other}`));
      seen.set(day, path);
      if (list === 'makeUpWorkdays' && !isWeekend(day)) {
        problems.push(issue(path, entry.date, 'a Saturday or Sunday (a make-up working day replaces a weekend day)'));
      }
    });
  visit('daysOff');
  visit('makeUpWorkdays');

  const weekdaysOff = data.daysOff.filter((d) => !isWeekend(tryParseDate(d.date)!)).length;
  const balance = weekdaysOff - data.makeUpWorkdays.length;
  if (balance !== data.statutoryDays) {
    problems.push(
      issue(
        at,
        { weekdaysOff, makeUpWorkdays: data.makeUpWorkdays.length },
        `weekday days off minus make-up days to equal statutoryDays (${data.statutoryDays})`,
        `工作日放假天数减调休上班天数等于法定节假日天数（${data.statutoryDays}）`,
      ),
    );
  }
  return problems;
}
