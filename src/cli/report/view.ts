// What every report format shows the same way: rule titles, the rows of the figure tables, labels in one language.
import { listRules } from '../../engine/list-rules.js';
import type { Bilingual } from '../../errors.js';
import type { AuditSummary, Tally } from '../audit.js';
import { label, SEVERITY_LABELS, type Lang } from '../labels.js';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_WORDS, FIGURE_LABELS, REPORT_TEXT } from '../messages/report.js';
import type { DeadlineKind } from './case-record.js';
import { mean, percent, rates, type Figures } from './figures.js';

export type TextKey = keyof typeof REPORT_TEXT;
export const text = (key: TextKey, lang: Lang): string => REPORT_TEXT[key][lang];

let titles: Map<string, Bilingual> | undefined;

/** Rule titles by rule id (and by `id/variant`), from the bundled rule files; read once. */
function ruleTitles(): Map<string, Bilingual> {
  if (titles) return titles;
  titles = new Map();
  const variants = new Map<string, Bilingual[]>();
  for (const rule of listRules()) {
    if (!rule.title) continue;
    titles.set(rule.rule, rule.title);
    if (rule.rule !== rule.id) variants.set(rule.id, [...(variants.get(rule.id) ?? []), rule.title]);
  }
  // An id with variants only (TC-ON-TIME) is named by the topic its variants' titles share (按时办结 / On time), never
  // by one variant's title: a count of the id covers all of them.
  for (const [id, list] of variants) {
    if (titles.has(id)) continue;
    const topic = (lang: Lang) => {
      const heads = new Set(list.map((title) => title[lang].split(/：|: /)[0]!));
      return heads.size === 1 ? [...heads][0]! : undefined;
    };
    const zh = topic('zh');
    const en = topic('en');
    if (zh && en) titles.set(id, { zh, en });
  }
  return titles;
}

/** A rule's title in the language, or undefined when its file gives none. */
export const ruleTitle = (id: string, lang: Lang): string | undefined => ruleTitles().get(id)?.[lang];

/** A rule as a report names it: the title first and the id second, or the id alone. */
export function ruleName(id: string, lang: Lang): string {
  const title = ruleTitle(id, lang);
  if (!title) return id;
  return lang === 'zh' ? `${title}（${id}）` : `${title} (${id})`;
}

export const severityName = (severity: string, lang: Lang) => label(SEVERITY_LABELS, severity, lang);
export const kindName = (kind: DeadlineKind, lang: Lang) => DEADLINE_KIND_LABELS[kind][lang];
export const statusName = (kind: DeadlineKind, status: string, lang: Lang) => (DEADLINE_STATUS_WORDS[kind] as Record<string, Bilingual>)[status]?.[lang] ?? status;

/** The figure columns, in the order centers publish them. */
export const FIGURE_COLUMNS = [
  'received',
  'accepted',
  'completed',
  'completedOnTime',
  'onTimeRate',
  'overdueOpen',
  'overdueClosed',
  'meanWorkingDays',
  'meanPromised',
  'meanLegal',
  'speedUpRate',
  'refused',
  'notAccepted',
  'deficiencyNotices',
] as const satisfies ReadonlyArray<keyof typeof FIGURE_LABELS>;

export const figureHeaders = (lang: Lang): string[] => FIGURE_COLUMNS.map((c) => FIGURE_LABELS[c][lang]);

/** A row of figures as numbers where they are counts and rates, as text where they pair two means. */
export function figureValues(f: Figures): Array<number | string | null> {
  const r = rates(f);
  const pair = (limit: number | null, used: number | null) => (limit === null ? '—' : `${mean(limit)} / ${mean(used)}`);
  return [
    f.received,
    f.accepted,
    f.completed,
    f.completedOnTime,
    r.onTimeRate,
    f.overdueOpen,
    f.overdueClosed,
    r.meanWorkingDays,
    pair(r.meanPromisedLimit, r.meanUsedAgainstPromised),
    pair(r.meanLegalLimit, r.meanUsedAgainstLegal),
    r.speedUpRate,
    f.refused,
    f.notAccepted,
    f.deficiencyNotices,
  ];
}

/** The same row as text: rates in percent, means with one decimal. */
export function figureCells(f: Figures): string[] {
  const values = figureValues(f);
  return values.map((v, i) => {
    const column = FIGURE_COLUMNS[i]!;
    if (column === 'onTimeRate' || column === 'speedUpRate') return percent(v as number | null);
    if (column === 'meanWorkingDays') return mean(v as number | null);
    return String(v);
  });
}

export interface NamedTally extends Tally {
  name: string;
}

/** Rows of a tally table: the names listed, then the sum of those not listed. */
export function tallyRows(s: AuditSummary, key: 'department' | 'window', lang: Lang): NamedTally[] {
  const rows = key === 'department' ? s.departments.map((d) => ({ ...d, name: d.department })) : s.windows.map((w) => ({ ...w, name: w.window === '—' ? text('noWindow', lang) : w.window }));
  const other = key === 'department' ? s.otherDepartments : s.otherWindows;
  return [...rows, ...(other ? [{ ...other, name: text(key === 'department' ? 'otherDepartments' : 'otherWindows', lang) }] : [])];
}

export const monthRows = (s: AuditSummary, lang: Lang): NamedTally[] => s.months.map((m) => ({ ...m, name: m.month === '—' ? text('noMonth', lang) : m.month }));
