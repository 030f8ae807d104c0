// Help text: the program's, each command's and each option's description, and the words commander itself prints.
import type { Bilingual } from '../../errors.js';

export const HELP = {
  program: { zh: '行政服务中心规则检查：按服务中心制度检查案件、名册和日志', en: 'Check cases, rosters and logs against the regulations of administrative service centers' },
  lang: { zh: '输出语言', en: 'language of what is printed' },
  calendar: { zh: '日历补充 JSON 文件（次年放假安排、中心停办日）', en: "JSON additions to the bundled calendar: next year's notice, center closures" },
  version: { zh: '显示版本号', en: 'print the version number' },
  help: { zh: '显示帮助', en: 'display help for command' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'display help for a command' },

  check: { zh: '运行用例文件（YAML），逐个比对发现与期望', en: 'run fixture files (YAML) and compare their findings with what they expect' },
  checkPaths: { zh: '用例文件或文件夹', en: 'fixture files or folders' },
  checkJson: { zh: '以 JSON 输出每个用例的结果', en: 'print each fixture’s result as JSON' },
  checkJunit: { zh: '另将结果写成 JUnit XML 文件（供 CI 使用）', en: 'also write the results as a JUnit XML file (for CI)' },
  checkFilter: { zh: '只运行路径或描述含此文本（或匹配此通配模式，如 otn/*late*）的用例', en: 'run only fixtures whose path or description contains this text (or matches this glob, e.g. otn/*late*)' },

  explain: { zh: '解释单个案件：先列发现（规则标题、原文、参数来源），再列时限', en: 'explain one case: its findings first (title, sentence, where each parameter comes from), then its deadlines' },
  explainCase: { zh: '案件 JSON 文件（格式见 schema case）', en: 'a case JSON file (format: schema case)' },
  profile: { zh: '配置 id（见 profiles 命令）或配置 JSON 文件', en: 'a profile id (see the profiles command) or a profile JSON file' },
  asOf: { zh: '评估时点（含时区的 ISO 时刻），如 2025-10-13T18:00:00+08:00', en: 'the moment evaluated (ISO instant with offset), e.g. 2025-10-13T18:00:00+08:00' },
  explainAll: { zh: '同时列出未触发的规则及其条件', en: 'also list the rules that did not fire, with their conditions' },
  explainJson: { zh: '以 JSON 输出报告及解释数据', en: 'print the report and the explanation data as JSON' },

  rules: { zh: '列出规则（标题、编号、级别、依据）；指定 --profile 时只列在该配置下运行的规则及其依据文件', en: 'list the rules (title, id, severity, citation); with --profile, only those that run there and the document that makes each run' },
  regulation: { zh: '只列此制度的规则', en: 'only the rules of this regulation' },
  rulesProfile: { zh: '只列在此配置下运行的规则', en: 'only the rules that run under this profile' },

  profiles: { zh: '列出内置配置（id、名称、现行文件）', en: 'list the bundled profiles (id, title, documents)' },
  profilesShow: { zh: '显示一个配置的每个参数（取值、依据类型、原文）及在其下运行的规则', en: "show a profile's every parameter (value, basis, source sentence) and the rules that run under it" },
  profilesShowId: { zh: '配置 id 或配置 JSON 文件', en: 'a profile id or a profile JSON file' },
  profilesOn: { zh: '按此日期（YYYY-MM-DD）生效的版本；缺省为最新版本', en: 'the version in force on this date (YYYY-MM-DD); the latest without it' },

  calendarCommand: { zh: '中国大陆工作日历', en: 'the mainland working-day calendar' },
  isWorkingDay: { zh: '某日是否为工作日（true/false）', en: 'whether a date is a working day (true/false)' },
  add: { zh: '某日加减若干工作日后的日期', en: 'the date a number of working days after (or before) a date' },
  between: { zh: '两日之间的工作日数', en: 'the working days between two dates' },
  info: { zh: '某日的日历信息（JSON）', en: "a date's calendar entry (JSON)" },
  date: { zh: '日期 YYYY-MM-DD', en: 'a date, YYYY-MM-DD' },
  workingDays: { zh: '工作日数（可为负）', en: 'working days (may be negative)' },
  from: { zh: '起始日期 YYYY-MM-DD', en: 'first date, YYYY-MM-DD' },
  to: { zh: '截止日期 YYYY-MM-DD', en: 'last date, YYYY-MM-DD' },

  schema: { zh: '输出一种输入格式的 JSON Schema（由 zod 定义生成，可供编辑器使用）', en: 'print the JSON Schema of an input format, generated from the zod schemas, for editors' },
  schemaKind: { zh: '格式', en: 'format' },
} satisfies Record<string, Bilingual>;

/** The headings commander prints in help, by its English wording. */
export const HELP_TITLES: Record<string, Bilingual> = {
  'Usage:': { zh: '用法：', en: 'Usage:' },
  'Options:': { zh: '选项：', en: 'Options:' },
  'Commands:': { zh: '命令：', en: 'Commands:' },
  'Arguments:': { zh: '参数：', en: 'Arguments:' },
  'Global Options:': { zh: '全局选项：', en: 'Global Options:' },
};

/** The extra information commander adds to an option's or argument's description. */
export const HELP_EXTRA = {
  choices: (values: string): Bilingual => ({ zh: `可选：${values}`, en: `choices: ${values}` }),
  default: (value: string): Bilingual => ({ zh: `默认：${value}`, en: `default: ${value}` }),
};

/**
 * commander's own error messages, by their English wording (commander 14), in both languages. A message not
 * listed here is shown as commander wrote it: the test of the catalogue lists every kind this program can raise.
 */
export const COMMANDER_ERRORS: ReadonlyArray<readonly [RegExp, (...groups: string[]) => Bilingual]> = [
  [/^error: unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/s, (flag, suggestion) => ({
    zh: `错误：未知选项 '${flag}'${suggestion ? `（是否想用 ${suggestion.replace(/^one of /, '')}？）` : ''}`,
    en: `error: unknown option '${flag}'${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  })],
  [/^error: unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/s, (name, suggestion) => ({
    zh: `错误：未知命令 '${name}'${suggestion ? `（是否想用 ${suggestion.replace(/^one of /, '')}？）` : ''}`,
    en: `error: unknown command '${name}'${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  })],
  [/^error: missing required argument '([^']*)'$/, (name) => ({ zh: `错误：缺少参数 '${name}'`, en: `error: missing required argument '${name}'` })],
  [/^error: option '([^']*)' argument missing$/, (flags) => ({ zh: `错误：选项 '${flags}' 缺少取值`, en: `error: option '${flags}' needs a value` })],
  [/^error: required option '([^']*)' not specified$/, (flags) => ({ zh: `错误：必须指定选项 '${flags}'`, en: `error: required option '${flags}' not specified` })],
  [/^error: option '([^']*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (flags, value, choices) => ({
    zh: `错误：选项 '${flags}' 的取值 '${value}' 无效，可选：${choices}`,
    en: `error: option '${flags}' value '${value}' is invalid; allowed: ${choices}`,
  })],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (command, expected, got) => ({
    zh: `错误：${command ? `命令 '${command}' 的` : ''}参数过多：应为 ${expected} 个，实际 ${got} 个`,
    en: `error: too many arguments${command ? ` for '${command}'` : ''}: expected ${expected}, got ${got}`,
  })],
];

/** commander's line after an error that suggests help. */
export const HELP_HINT: Bilingual = { zh: '（运行 --help 查看用法）', en: '(run with --help for usage)' };
