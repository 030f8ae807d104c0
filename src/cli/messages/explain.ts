// What `explain` prints around the report's own (already bilingual) texts.
import type { Bilingual } from '../../errors.js';

export const EXPLAIN = {
  heading: (subject: string, profile: string, asOf: string): Bilingual => ({ zh: `${subject} — 配置 ${profile}，评估时点 ${asOf}`, en: `${subject} — profile ${profile}, as of ${asOf}` }),
  documents: { zh: '现行文件', en: 'documents in force' },
  findings: (n: number): Bilingual => ({ zh: `发现（${n}）：`, en: `Findings (${n}):` }),
  none: { zh: '  无', en: '  none' },
  under: { zh: '依据', en: 'under' },
  parameter: { zh: '参数', en: 'parameter' },
  appliesInForce: { zh: '适用原因：本配置现行文件', en: 'applies because in force here' },
  appliesBecause: { zh: '适用原因', en: 'applies because of' },
  graded: (from: string): Bilingual => ({ zh: `定级：由「${from}」调整`, en: `graded from ${from}` }),
  evidence: { zh: '事实', en: 'facts' },
  deadlines: { zh: '时限：', en: 'Deadlines:' },
  asOf: { zh: '评估时点', en: 'as of' },
  clockStopped: { zh: '，计时暂停', en: ', clock stopped' },
  deadlineSpan: (start: string, limit: number, used: number, left: number, stopped: string): Bilingual => ({
    zh: `（${start} 起 ${limit} 个工作日，已用 ${used}，余 ${left}${stopped}）`,
    en: `(${limit} working day${limit === 1 ? '' : 's'} from ${start}, ${used} used, ${left} left${stopped})`,
  }),
  obligations: { zh: '应尽义务：', en: 'Obligations:' },
  firedRules: { zh: '触发的规则及其条件：', en: 'Rules that fired, with their conditions:' },
  otherRules: { zh: '未触发的规则：', en: 'Rules that did not fire:' },
  otherRulesHidden: (n: number): Bilingual => ({ zh: `另有 ${n} 条规则未触发（加 --all 显示）`, en: `${n} more rule${n === 1 ? '' : 's'} did not fire (--all shows them)` }),
  fired: { zh: '触发', en: 'fired' },
  notFired: { zh: '未触发', en: 'did not fire' },
  not: { zh: '并非：', en: 'not:' },
  all: { zh: '全部满足：', en: 'all of:' },
  any: { zh: '任一满足：', en: 'any of:' },
};

/** A parameter's value with its unit, by the parameter's name. */
export const UNITS: ReadonlyArray<readonly [RegExp, Bilingual]> = [
  [/WorkingDays$/, { zh: ' 个工作日', en: ' working days' }],
  [/Minutes$/, { zh: ' 分钟', en: ' minutes' }],
  [/Years$/, { zh: ' 年', en: ' years' }],
  [/Days$/, { zh: ' 天', en: ' days' }],
];
