/** A message shown to people, in both languages the library speaks. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One problem in an input: where it is (a JSON path or an argument name), what was there, what was expected. */
export interface ValidationIssue {
  path: string;
  value: unknown;
  expected: string;
  message: Bilingual;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

export function issue(path: string, value: unknown, expected: string, zhExpected: string = expected): ValidationIssue {
  const shown = describeValue(value);
  return {
    path,
    value,
    expected,
    message: {
      zh: `${path}：应为${zhExpected}，实际为 ${shown}`,
      en: `${path}: expected ${expected}, got ${shown}`,
    },
  };
}

/** Thrown when an input does not have the expected shape. Lists every problem found, not just the first. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];
  readonly where: string;

  constructor(where: string, issues: readonly ValidationIssue[]) {
    const lines = issues.map((i) => `  - ${i.message.en}`).join('\n');
    super(`${where}: invalid input (${issues.length} problem${issues.length === 1 ? '' : 's'})\n${lines}`);
    this.where = where;
    this.issues = issues;
  }

  /** The same report in Chinese. */
  get messageZh(): string {
    return `${this.where}：输入无效（${this.issues.length} 处）\n${this.issues.map((i) => `  - ${i.message.zh}`).join('\n')}`;
  }
}

export interface Coverage {
  from: string;
  to: string;
}

/**
 * Thrown when a date lies outside the years the calendar has official data for.
 * Guessing weekdays there would silently misplace every deadline that crosses a holiday.
 */
export class CalendarCoverageError extends Error {
  override readonly name = 'CalendarCoverageError';
  readonly date: string;
  readonly coverage: Coverage;
  readonly messageZh: string;

  constructor(date: string, coverage: Coverage, unpublishedYears: readonly number[] = []) {
    const pending = unpublishedYears.length ? ` Not yet published: ${unpublishedYears.join(', ')}.` : '';
    const pendingZh = unpublishedYears.length ? `尚未发布：${unpublishedYears.join('、')}年。` : '';
    super(
      `${date} is outside the calendar's data (${coverage.from} to ${coverage.to}).${pending} ` +
        `Add the year's State Council holiday notice with calendar.extend({ years: { … } }) ` +
        `or createCalendar(data); or opt in to outsideCoverage: 'weekends-only'.`,
    );
    this.date = date;
    this.coverage = coverage;
    this.messageZh =
      `${date} 超出日历数据范围（${coverage.from} 至 ${coverage.to}）。${pendingZh}` +
      `请用 calendar.extend({ years: { … } }) 或 createCalendar(data) 补充该年度国务院办公厅放假安排通知；` +
      `或明确指定 outsideCoverage: 'weekends-only'。`;
  }
}
