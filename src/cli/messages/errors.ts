// Errors of the command line's own arguments and files, and the words around validation errors.
import type { Bilingual } from '../../errors.js';

export const ERRORS = {
  cannotReadJson: (what: Bilingual, file: string, reason: string): Bilingual => ({ zh: `${file}：无法读取 JSON ${what.zh}（${reason}）`, en: `${file}: cannot read a JSON ${what.en} (${reason})` }),
  profileOption: (file: string, reason: string): Bilingual => ({ zh: `--profile ${file}：无法读取 JSON 配置（${reason}）`, en: `--profile ${file}: cannot read a JSON profile (${reason})` }),
  calendarOption: (file: string, reason: string): Bilingual => ({ zh: `--calendar ${file}：无法读取 JSON 文件（${reason}）`, en: `--calendar ${file}: cannot read a JSON file (${reason})` }),
  workers: (shown: string, cores: number): Bilingual => ({ zh: `--workers ${shown}：应为 1 至 ${cores} 的整数`, en: `--workers ${shown}: expected a whole number from 1 to ${cores}` }),
  workersCapped: (n: number, cores: number): Bilingual => ({ zh: `--workers ${n}：本机只有 ${cores} 个核心，使用 ${cores} 个`, en: `--workers ${n}: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores}` }),
  workingDays: (shown: string): Bilingual => ({ zh: `${shown}：应为整数个工作日，如 3 或 -2`, en: `${shown}: expected a whole number of working days, e.g. 3 or -2` }),
  asOf: (shown: string): Bilingual => ({ zh: `--as-of ${shown}：应为含时区的 ISO 时刻，如 2025-10-13T18:00:00+08:00`, en: `--as-of ${shown}: expected an ISO instant with offset, e.g. 2025-10-13T18:00:00+08:00` }),
  onDate: (shown: string): Bilingual => ({ zh: `--on ${shown}：应为日期 YYYY-MM-DD，如 2025-10-13`, en: `--on ${shown}: expected a date YYYY-MM-DD, e.g. 2025-10-13` }),
  noSuchPath: (path: string): Bilingual => ({ zh: `${path}：没有此文件或文件夹`, en: `${path}: no such file or folder` }),
  noFixtures: (paths: string): Bilingual => ({ zh: `${paths}：没有找到用例文件（.yaml / .yml）`, en: `${paths}: no fixture files (.yaml / .yml) found` }),
  schemaKind: (shown: string, kinds: string): Bilingual => ({ zh: `schema ${shown}：应为以下之一：${kinds}`, en: `schema ${shown}: expected one of ${kinds}` }),
  moreIssues: (n: number): Bilingual => ({ zh: `另有 ${n} 处问题未列出`, en: `${n} more problem${n === 1 ? '' : 's'} not listed` }),
  calendarCoverage: (date: string, from: string, to: string): Bilingual => ({
    zh: `${date} 超出日历数据范围（${from} 至 ${to}）：请用 --calendar <文件> 补充该年度国务院办公厅放假安排通知（格式见 README「--calendar」）`,
    en: `${date} is outside the calendar's data (${from} to ${to}): add that year's State Council holiday notice with --calendar <file> (format: README, "--calendar")`,
  }),
  junit: (file: string, reason: string): Bilingual => ({ zh: `--junit ${file}：无法写入（${reason}）`, en: `--junit ${file}: cannot write (${reason})` }),
};

/** What a file was expected to hold, for `cannotReadJson`. */
export const FILE_KINDS = {
  case: { zh: '案件', en: 'case' },
} satisfies Record<string, Bilingual>;

/**
 * Library function names in validation messages, and the command a user of the command line runs instead to see
 * the valid names.
 */
export const COMMAND_FOR_FUNCTION: ReadonlyArray<readonly [string, string]> = [
  ['`listRules()`', '`service-center-rules rules`'],
  ['listRules(options)', '--regulation'],
  ['listRules', '--regulation'],
  ['loadProfile', '--profile'],
];
