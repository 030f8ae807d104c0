// Every word the audit's reports print (table, CSV headers, workbook, HTML page), in Chinese and English.
import type { Bilingual } from '../../errors.js';
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from '../../schema/vocabulary.js';
import type { DeadlineKind } from '../report/case-record.js';

/** Headings, column names and sentences of the audit reports. */
export const REPORT_TEXT = {
  title: { zh: '审计汇总', en: 'Audit summary' },
  htmlTitle: { zh: '行政服务中心办件审计报告', en: 'Service center case audit' },
  profile: { zh: '配置', en: 'profile' },
  asOf: { zh: '评估时点', en: 'as of' },
  cases: { zh: '案件', en: 'cases' },
  casesInLog: { zh: '日志中的案件', en: 'cases in the log' },
  evaluated: { zh: '已评估', en: 'evaluated' },
  errors: { zh: '错误', en: 'errors' },
  rule: { zh: '规则', en: 'rule' },
  ruleId: { zh: '规则编号', en: 'rule id' },
  ruleTitle: { zh: '规则名称', en: 'rule' },
  variant: { zh: '变体', en: 'variant' },
  severity: { zh: '级别', en: 'severity' },
  findings: { zh: '发现', en: 'findings' },
  count: { zh: '次数', en: 'count' },
  casesWith: { zh: '涉及案件', en: 'cases' },
  citation: { zh: '依据', en: 'citation' },
  message: { zh: '说明', en: 'message' },
  department: { zh: '部门', en: 'department' },
  window: { zh: '窗口', en: 'window' },
  month: { zh: '月份', en: 'month' },
  center: { zh: '全中心', en: 'whole center' },
  violations: { zh: '违规', en: 'violations' },
  warnings: { zh: '预警', en: 'warnings' },
  deadlines: { zh: '时限', en: 'deadlines' },
  deadlineKind: { zh: '时限类别', en: 'deadline' },
  deadlineId: { zh: '时限编号', en: 'deadline id' },
  status: { zh: '状态', en: 'status' },
  dueDate: { zh: '到期日', en: 'due date' },
  limit: { zh: '时限（工作日）', en: 'limit (working days)' },
  elapsed: { zh: '已用工作日', en: 'working days used' },
  worst: { zh: '超期最久的案件', en: 'most overdue cases' },
  overdue: { zh: '超期工作日', en: 'working days overdue' },
  line: { zh: '行', en: 'line' },
  path: { zh: '位置', en: 'where' },
  none: { zh: '无', en: 'none' },
  case: { zh: '案件编号', en: 'case' },
  deadline: { zh: '时限', en: 'deadline' },
  due: { zh: '到期日', en: 'due' },
  outcome: { zh: '结果', en: 'outcome' },
  otherDepartments: { zh: '（其余部门）', en: '(other departments)' },
  otherWindows: { zh: '（其余窗口）', en: '(other windows)' },
  noWindow: { zh: '（未记录窗口）', en: '(no window recorded)' },
  noMonth: { zh: '（无日期）', en: '(no date)' },
  figures: { zh: '办件指标', en: 'published figures' },
  byDepartment: { zh: '各部门', en: 'by department' },
  byWindow: { zh: '各窗口', en: 'by window' },
  byMonth: { zh: '各月份（按收件月份）', en: 'by month (of receipt)' },
  departmentRules: { zh: '部门 × 规则（涉及案件数）', en: 'departments × rules (cases)' },
  rulesSection: { zh: '规则发现', en: 'findings by rule' },
  deadlinesSection: { zh: '各类时限状态', en: 'deadlines by kind and status' },
  caseFindings: { zh: '逐案发现', en: 'case findings' },
  caseDeadlines: { zh: '逐案时限', en: 'case deadlines' },
  summarySheet: { zh: '概要', en: 'summary' },
  rulesSheet: { zh: '规则', en: 'rules' },
  departmentsSheet: { zh: '部门×规则', en: 'departments x rules' },
  windowsSheet: { zh: '窗口', en: 'windows' },
  monthsSheet: { zh: '月份', en: 'months' },
  errorsSheet: { zh: '错误', en: 'errors' },
  item: { zh: '项目', en: 'item' },
  value: { zh: '数值', en: 'value' },
  more: { zh: '另有 {n} 条未列出', en: '{n} more not listed' },
  drillDown: {
    zh: '查看每个计数背后的案件：加 --cases <文件> 写出逐案 NDJSON（每行一个案件：编号、部门、窗口、月份、规则发现、时限），或用 --format xlsx --out <文件> 在“逐案发现”表中筛选。',
    en: 'To see the cases behind any count: add --cases <file> for per-case NDJSON (one case a line: id, department, window, month, findings, deadlines), or --format xlsx --out <file> and filter the "case findings" sheet.',
  },
  legend: { zh: '指标说明', en: 'How the figures are counted' },
  drillDownLabel: { zh: '查看案件', en: 'cases behind a count' },
  drillDownExample: { zh: '例如列出 {rule} 的案件：', en: 'For example, the cases of {rule}:' },
  filter: { zh: '筛选', en: 'Filter' },
  filterPlaceholder: { zh: '输入案件编号、部门或窗口', en: 'case id, department or window' },
  shown: { zh: '显示 {shown} / {total} 件', en: 'showing {shown} of {total}' },
  listedFirst: { zh: '列出前 {listed} 件，共 {total} 件；全部案件见 --cases 写出的逐案文件或电子表格工作簿', en: 'the first {listed} of {total} cases; all of them with --cases or xlsx' },
  casesOfRule: { zh: '各规则涉及的案件', en: 'cases of each rule' },
  chartRules: { zh: '各规则发现数', en: 'findings by rule' },
  chartMonths: { zh: '各月收件办结情况（件）', en: 'cases by month of receipt and completion status' },
  chartHeat: { zh: '部门 × 规则（涉及案件数）', en: 'departments × rules (cases)' },
  chartOnTime: { zh: '各部门按时办结率', en: 'on-time completion rate by department' },
  inProgress: { zh: '在办（未超期）', en: 'open, not overdue' },
  notTimed: { zh: '其他（未计时）', en: 'other (no completion clock)' },
  progress: { zh: '审计 {value} 件 · {speed} 件/秒 · {errors} 个错误', en: 'audit {value} cases · {speed} cases/s · {errors} errors' },
  heatTop: { zh: '（案件最多的 {n} 个部门）', en: '(the {n} departments with the most cases)' },
  xlsxNeedsOut: { zh: '--format xlsx：工作簿是文件，请用 --out <文件>.xlsx 指定', en: '--format xlsx: a workbook is a file; give --out <file>.xlsx' },
  nothingEvaluated: {
    zh: '没有评估任何案件（日志或导出为空，或每一条都有错误）；退出码 2',
    en: 'no case was evaluated (the log or export is empty, or every entry is an error); exit code 2',
  },
} as const satisfies Record<string, Bilingual>;

/** The figures' names, as centers publish them. */
export const FIGURE_LABELS = {
  received: { zh: '收件数', en: 'received' },
  accepted: { zh: '受理数', en: 'accepted' },
  completed: { zh: '办结数', en: 'completed' },
  completedOnTime: { zh: '按时办结数', en: 'completed on time' },
  onTimeRate: { zh: '按时办结率', en: 'on-time rate' },
  overdueOpen: { zh: '超期在办', en: 'overdue, open' },
  overdueClosed: { zh: '超期办结', en: 'overdue, closed' },
  meanWorkingDays: { zh: '平均办结工作日', en: 'mean working days to completion' },
  meanPromised: { zh: '平均承诺时限 / 实际', en: 'mean promised limit / used' },
  meanLegal: { zh: '平均法定时限 / 实际', en: 'mean legal limit / used' },
  speedUpRate: { zh: '提速率', en: 'speed-up rate' },
  refused: { zh: '不予许可', en: 'refused' },
  notAccepted: { zh: '不予受理', en: 'not accepted' },
  deficiencyNotices: { zh: '补正告知', en: 'deficiency notices' },
} as const satisfies Record<string, Bilingual>;

/** How each figure is counted: the report's legend and the README say the same. */
export const FIGURE_LEGEND: ReadonlyArray<{ figure: keyof typeof FIGURE_LABELS; how: Bilingual }> = [
  { figure: 'received', how: { zh: '日志中已评估的案件，每案计 1 次；月份取首次收件的日期（北京时间），无收件记录的取最早的记录', en: 'every evaluated case of the log, once; its month is that of its first materials-received event (mainland time), else of its earliest event' } },
  { figure: 'accepted', how: { zh: '有受理记录的案件', en: 'cases with an accepted event' } },
  { figure: 'completed', how: { zh: '已作出准予许可或不予许可决定的案件', en: 'cases decided: approved or refused' } },
  { figure: 'onTimeRate', how: { zh: '按时办结数 ÷ 办结时限已起算的办结案件数', en: 'completed on time ÷ completed cases whose completion clock started' } },
  { figure: 'overdueOpen', how: { zh: '评估时点已过办结时限仍未办结的案件（按案件计，不按时限计）', en: 'cases still open past their completion deadline at the as-of instant (per case, not per deadline)' } },
  { figure: 'overdueClosed', how: { zh: '在办结时限之后办结的案件', en: 'cases completed after their completion deadline' } },
  { figure: 'meanWorkingDays', how: { zh: '办结案件自起算日至办结日的工作日（不含法定中止期间）之平均', en: 'mean working days from the clock start to completion, excluding lawful suspensions' } },
  { figure: 'speedUpRate', how: { zh: '对记录了法定时限的办结案件，取 (法定时限 − 实际办理工作日) ÷ 法定时限 的平均值；负值表示超过法定时限', en: 'over the completed cases with a legal limit on record, the mean of (legal limit − working days used) ÷ legal limit; negative means beyond the legal limit' } },
  { figure: 'refused', how: { zh: '决定为不予许可的案件', en: 'cases decided refused' } },
  { figure: 'notAccepted', how: { zh: '决定为不予受理的案件', en: 'cases decided not accepted' } },
  { figure: 'deficiencyNotices', how: { zh: '至少有一次补正告知的案件', en: 'cases with at least one deficiency notice' } },
];

/** What each kind of deadline is. */
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, Bilingual> = {
  completion: { zh: '办结时限', en: 'completion' },
  delivery: { zh: '证件送达', en: 'certificate delivery' },
  'one-time-notice': { zh: '一次性告知', en: 'one-time notice' },
  'rejection-filing': { zh: '否定性决定备案', en: 'refusal filing' },
  'result-notice': { zh: '告知办理结果', en: 'result notice' },
  'guide-update': { zh: '办事指南更新', en: 'guide update' },
  'co-department-copy': { zh: '抄告协办部门', en: 'copy to co-department' },
  'co-department-opinion': { zh: '协办部门意见', en: 'co-department opinion' },
  other: { zh: '其他时限', en: 'other deadline' },
};

type StatusWords = Record<DeadlineStatus, Bilingual>;

/** Status words for a duty that ends in an act (告知, 送达, 备案…): done on time, done late, not done yet. */
const actWords = (act: Bilingual): StatusWords => ({
  'on-track': { zh: `待${act.zh}（未到期）`, en: `to ${act.en}, not yet due` },
  'due-soon': { zh: `待${act.zh}（临近到期）`, en: `to ${act.en}, due soon` },
  overdue: { zh: `逾期未${act.zh}`, en: `${act.en}: overdue, not done` },
  met: { zh: `按期${act.zh}`, en: `${act.en}: on time` },
  missed: { zh: `逾期${act.zh}`, en: `${act.en}: late` },
});

/** Each kind of deadline's statuses in its own words: only completion is 按时办结 / 超期办结. */
export const DEADLINE_STATUS_WORDS: Record<DeadlineKind, StatusWords> = {
  completion: {
    'on-track': { zh: '在办（未到期）', en: 'open, not yet due' },
    'due-soon': { zh: '在办（临近办结时限）', en: 'open, due soon' },
    overdue: { zh: '超期在办', en: 'open, overdue' },
    met: { zh: '按时办结', en: 'completed on time' },
    missed: { zh: '超期办结', en: 'completed late' },
  },
  delivery: actWords({ zh: '送达', en: 'deliver' }),
  'one-time-notice': actWords({ zh: '告知', en: 'notify' }),
  'rejection-filing': actWords({ zh: '备案', en: 'file' }),
  'result-notice': actWords({ zh: '告知结果', en: 'tell the result' }),
  'guide-update': actWords({ zh: '更新', en: 'update' }),
  'co-department-copy': actWords({ zh: '抄告', en: 'copy' }),
  'co-department-opinion': actWords({ zh: '出具意见', en: 'give an opinion' }),
  other: DEADLINE_STATUS_LABELS,
};

export const OUTCOME_LABELS: Record<string, Bilingual> = {
  approved: { zh: '准予许可', en: 'approved' },
  refused: { zh: '不予许可', en: 'refused' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  returned: { zh: '退回', en: 'returned' },
};

/** `{name}` placeholders filled in. */
export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
