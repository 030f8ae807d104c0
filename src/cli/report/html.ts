// The HTML report a director reads: one self-contained file (inline CSS, server-rendered SVG charts, a few lines of
// inline script for the case filter), printable on A4, every word in the chosen language.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EChartsOption } from 'echarts';
import type { Bilingual } from '../../errors.js';
import type { AuditSummary } from '../audit.js';
import type { Lang } from '../labels.js';
import { FIGURE_LABELS, FIGURE_LEGEND, fill, OUTCOME_LABELS } from '../messages/report.js';
import { deadlineKind, type CaseRecord } from './case-record.js';
import { renderChart, textUnits } from './charts.js';
import { rates } from './figures.js';
import { figureCells, figureHeaders, kindName, monthRows, ruleName, ruleTitle, severityName, statusName, tallyRows, text, type NamedTally } from './view.js';

/** Cases listed per rule in the page; all of them are in the per-case NDJSON and the workbook. */
export const CASES_PER_RULE = 200;
/** Departments drawn in the heat map and the on-time chart (those with the most cases). */
export const CHART_DEPARTMENTS = 30;

export interface CaseRow {
  caseId: string;
  department: string;
  window: string | null;
  month: string | null;
  severity: string;
  message: Bilingual;
  outcome: string | null;
}

/** Up to `perRule` cases of each rule, in log order, with how many there are in all. */
export type CasesByRule = Map<string, { total: number; rows: CaseRow[] }>;

/** Reads the per-case NDJSON once, keeping at most `perRule` cases of each rule: memory does not grow with the log. */
export async function casesByRule(casesFile: string, perRule = CASES_PER_RULE): Promise<CasesByRule> {
  const out: CasesByRule = new Map();
  const lines = createInterface({ input: createReadStream(casesFile), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const record = JSON.parse(line) as CaseRecord | { kind: 'error' };
    if (record.kind !== 'case') continue;
    const seen = new Set<string>();
    for (const finding of record.findings) {
      const key = rowKey(finding);
      if (seen.has(key)) continue;
      seen.add(key);
      let entry = out.get(key);
      if (!entry) out.set(key, (entry = { total: 0, rows: [] }));
      entry.total++;
      if (entry.rows.length < perRule) {
        entry.rows.push({ caseId: record.caseId, department: record.department, window: record.window, month: record.month, severity: finding.severity, message: finding.message, outcome: record.outcome });
      }
    }
  }
  return out;
}

const escape = (value: string | number) => String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const SEVERITY_COLOURS: Record<string, string> = { violation: '#c62828', warning: '#ef8f00', notice: '#1565c0', 'data-integrity': '#757575' };
const STACK_COLOURS = { completedOnTime: '#2e7d32', overdueClosed: '#8e24aa', overdueOpen: '#c62828', openInTime: '#64b5f6', notTimed: '#bdbdbd' } as const;

/** An id for an element, from a rule id: only letters, digits and dashes. */
/** A row of the rules table and its cases: a rule as it fired (id or id/variant) at one severity. */
const rowKey = (r: { rule: string; severity: string }) => `${r.rule}~${r.severity}`;
const anchor = (key: string) => `rule-${key.replace(/[^A-Za-z0-9-]/g, '_')}`;

function table(headers: string[], rows: Array<Array<string | number>>, attributes = ''): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>`;
  // Cells arrive as HTML: text escaped by the caller, markup (code, links) its own.
  return `<table${attributes}>${head}<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const figureTable = (head: string, rows: NamedTally[], lang: Lang) =>
  table([head, ...figureHeaders(lang)], rows.map((r) => [escape(r.name), ...figureCells(r.figures).map(escape)]), ' class="figures"');

function rulesChart(s: AuditSummary, lang: Lang): string {
  const rules = [...s.rules].reverse();
  // The chart names each rule by its title alone (the table under it gives the ids): a variant's id is long.
  const names = rules.map((r) => ruleTitle(r.rule, lang) ?? r.rule);
  // About 7.5 px per Latin character at 12 px (a CJK character counts as two): ids stay on one line, long titles wrap.
  const labelWidth = Math.min(340, Math.max(80, ...names.map((n) => textUnits(n) * 7.5)));
  const severities = [...new Set(rules.map((r) => r.severity))];
  const option: EChartsOption = {
    legend: { top: 0, data: severities.map((sev) => severityName(sev, lang)) },
    grid: { left: 10, right: 60, top: 36, bottom: 30, containLabel: true },
    xAxis: { type: 'value', name: text('findings', lang), nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: { type: 'category', data: names, axisLabel: { width: labelWidth, overflow: 'break', lineHeight: 14, fontSize: 12 } },
    series: severities.map((sev) => ({
      type: 'bar',
      name: severityName(sev, lang),
      stack: 'findings',
      barMaxWidth: 22,
      itemStyle: { color: SEVERITY_COLOURS[sev] ?? '#757575' },
      label: { show: true, position: 'right', fontSize: 11 },
      data: rules.map((r) => (r.severity === sev ? r.count : '-')),
    })),
  };
  return renderChart('rules', option, 960, Math.max(160, rules.length * 34 + 80));
}

function monthsChart(s: AuditSummary, lang: Lang): string {
  const months = monthRows(s, lang);
  const stacks = [
    ['completedOnTime', FIGURE_LABELS.completedOnTime[lang], (r: NamedTally) => r.figures.completedOnTime],
    ['overdueClosed', FIGURE_LABELS.overdueClosed[lang], (r: NamedTally) => r.figures.overdueClosed],
    ['overdueOpen', FIGURE_LABELS.overdueOpen[lang], (r: NamedTally) => r.figures.overdueOpen],
    ['openInTime', text('inProgress', lang), (r: NamedTally) => r.figures.openInTime],
    ['notTimed', text('notTimed', lang), (r: NamedTally) => r.figures.received - r.figures.completedOnTime - r.figures.overdueClosed - r.figures.overdueOpen - r.figures.openInTime],
  ] as const;
  const option: EChartsOption = {
    legend: { top: 0 },
    grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.name), axisLabel: { rotate: months.length > 12 ? 90 : 0, interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', name: text('cases', lang), minInterval: 1 },
    series: stacks.map(([key, name, value]) => ({
      type: 'bar',
      name,
      stack: 'status',
      barMaxWidth: 40,
      itemStyle: { color: STACK_COLOURS[key] },
      data: months.map((m) => value(m)),
    })),
  };
  return renderChart('months', option, 960, 360);
}

/** The departments with the most cases, at most `CHART_DEPARTMENTS`, in the report's order of names. */
function chartDepartments(s: AuditSummary): AuditSummary['departments'] {
  const top = new Set([...s.departments].sort((a, b) => b.cases - a.cases).slice(0, CHART_DEPARTMENTS).map((d) => d.department));
  return s.departments.filter((d) => top.has(d.department));
}

function heatChart(s: AuditSummary, lang: Lang): string {
  const departments = chartDepartments(s);
  // Departments × rule ids: a department's tally counts its cases per id.
  const rules = [...new Set(s.rules.map((r) => r.ruleId))];
  let max = 1;
  const data: Array<[number, number, number]> = [];
  departments.forEach((d, y) =>
    rules.forEach((id, x) => {
      const n = d.rules[id] ?? 0;
      max = Math.max(max, n);
      if (n) data.push([x, y, n]);
    }),
  );
  const leftUnits = Math.max(8, ...departments.map((d) => textUnits(d.department)));
  const option: EChartsOption = {
    grid: { left: 10, right: 20, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: rules, axisLabel: { rotate: 90, interval: 0, fontSize: 11 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: departments.map((d) => d.department), inverse: true, axisLabel: { interval: 0, fontSize: 12, width: Math.min(240, leftUnits * 7), overflow: 'truncate' }, splitArea: { show: true } },
    // Every cell is labelled with its count, so the colour scale needs no legend of its own.
    visualMap: { show: false, min: 0, max, inRange: { color: ['#fff5eb', '#fd8d3c', '#a63603'] } },
    series: [{ type: 'heatmap', data, label: { show: true, fontSize: 10 } }],
  };
  const ruleLabelHeight = Math.max(...rules.map((r) => r.length), 4) * 7 + 20;
  return renderChart('heat', option, Math.max(480, Math.min(1400, rules.length * 40 + leftUnits * 7 + 60)), departments.length * 28 + ruleLabelHeight + 30);
}

function onTimeChart(s: AuditSummary, lang: Lang): string {
  const departments = chartDepartments(s).filter((d) => d.figures.completedTimed > 0).reverse();
  const names = departments.map((d) => d.department);
  const option: EChartsOption = {
    grid: { left: 10, right: 70, top: 20, bottom: 30, containLabel: true },
    xAxis: { type: 'value', max: 100, name: '%', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: names, axisLabel: { interval: 0, fontSize: 12, width: 240, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: FIGURE_LABELS.onTimeRate[lang],
        barMaxWidth: 22,
        itemStyle: { color: '#2e7d32' },
        label: { show: true, position: 'right', formatter: '{c}%', fontSize: 11 },
        data: departments.map((d) => Math.round((rates(d.figures).onTimeRate ?? 0) * 1000) / 10),
      },
    ],
  };
  return renderChart('ontime', option, 960, Math.max(140, departments.length * 30 + 70));
}

const STYLE = `
@page{size:A4;margin:14mm}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;margin:2rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{margin-top:2rem;border-bottom:2px solid #1565c0;padding-bottom:.2rem;font-size:1.2rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}th{background:#f3f6fa}
table.figures td:not(:first-child){text-align:right}
.chart svg{max-width:100%;height:auto;display:block}
.legend dt{font-weight:bold;float:left;clear:left;width:9em}.legend dd{margin-left:10em;margin-bottom:.2rem}
.filters{display:flex;gap:1rem;align-items:center;margin:.5rem 0}.filters input{min-width:18em;padding:.2rem}
.shown{color:#555;font-size:.85rem}
code{font-family:ui-monospace,Consolas,monospace;font-size:.85em}
@media print{body{margin:0}.filters{display:none}section{break-inside:auto}h2,h3{break-after:avoid}tr,.chart{break-inside:avoid}.rule-cases{break-before:auto}a{color:inherit;text-decoration:none}}
`;

/** The page's only script: filters the case tables by rule and by text, and says how many rows each shows. */
const SCRIPT = `
(function(){
var text=document.getElementById('case-filter'),rule=document.getElementById('rule-filter');
function apply(){
var q=text.value.trim().toLowerCase(),r=rule.value;
document.querySelectorAll('.rule-cases').forEach(function(block){
var on=!r||block.getAttribute('data-rule')===r;block.hidden=!on;if(!on)return;
var rows=block.querySelectorAll('tbody tr'),shown=0;
rows.forEach(function(tr){var hit=!q||tr.textContent.toLowerCase().indexOf(q)>=0;tr.hidden=!hit;if(hit)shown++;});
var out=block.querySelector('.shown');out.textContent=out.getAttribute('data-template').replace('{shown}',shown).replace('{total}',rows.length);
});
}
text.addEventListener('input',apply);rule.addEventListener('change',apply);apply();
})();
`;

/**
 * A single self-contained HTML file: inline CSS, SVG charts rendered here, no external asset or network request.
 * With `cases` (see `casesByRule`), a table of each rule's cases, filtered in the page.
 */
export function formatHtml(s: AuditSummary, lang: Lang, cases?: CasesByRule): string {
  const t = (key: Parameters<typeof text>[0]) => text(key, lang);
  const citation = (r: AuditSummary['rules'][number]) => (r.citation ? `${escape(r.citation.document)} ${escape(r.citation.article)}：${escape(r.citation.text)}` : '—');
  const ruleCell = (id: string) => {
    const title = ruleTitle(id, lang);
    return `${title ? `${escape(title)}<br>` : ''}<code>${escape(id)}</code>`;
  };
  const count = (id: string, n: number) => (cases?.has(id) ? `<a href="#${anchor(id)}">${n}</a>` : String(n));
  const parts: string[] = [];
  parts.push(`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(t('htmlTitle'))} — ${escape(s.profile)}</title><style>${STYLE}</style></head>
<body><header><h1>${escape(t('htmlTitle'))}</h1>
<p>${t('profile')} <code>${escape(s.profile)}</code> · ${t('asOf')} ${escape(s.asOf)} · ${t('casesInLog')} ${s.cases} · ${t('evaluated')} ${s.evaluated} · ${t('errors')} ${s.errorCount}${Object.entries(s.findingsBySeverity).map(([k, v]) => ` · ${escape(severityName(k, lang))} ${v}`).join('')}</p></header>`);
  parts.push(`<section><h2>${t('figures')}</h2>${figureTable(t('center'), [{ name: s.profile, cases: s.evaluated, violations: 0, warnings: 0, rules: {}, figures: s.figures }], lang)}
<h3>${t('legend')}</h3><dl class="legend">${FIGURE_LEGEND.map(({ figure, how }) => `<dt>${escape(FIGURE_LABELS[figure][lang])}</dt><dd>${escape(how[lang])}</dd>`).join('')}</dl></section>`);
  parts.push(`<section><h2>${t('chartRules')}</h2>${s.rules.length ? `<div class="chart">${rulesChart(s, lang)}</div>` : `<p>${t('none')}</p>`}
${table([t('ruleTitle'), t('severity'), t('findings'), t('casesWith'), t('citation')], s.rules.map((r) => [ruleCell(r.rule), escape(severityName(r.severity, lang)), r.count, count(rowKey(r), r.cases), citation(r)]))}</section>`);
  parts.push(`<section><h2>${t('chartMonths')}</h2><div class="chart">${monthsChart(s, lang)}</div>${figureTable(t('month'), monthRows(s, lang), lang)}</section>`);
  const topNote = s.departments.length > CHART_DEPARTMENTS ? escape(fill(t('heatTop'), { n: CHART_DEPARTMENTS })) : '';
  if (s.departments.length && s.rules.length) parts.push(`<section><h2>${t('chartHeat')}${topNote}</h2><div class="chart">${heatChart(s, lang)}</div></section>`);
  parts.push(`<section><h2>${t('chartOnTime')}${topNote}</h2><div class="chart">${onTimeChart(s, lang)}</div>${figureTable(t('department'), tallyRows(s, 'department', lang), lang)}</section>`);
  parts.push(`<section><h2>${t('byWindow')}</h2>${figureTable(t('window'), tallyRows(s, 'window', lang), lang)}</section>`);
  parts.push(`<section><h2>${t('deadlinesSection')}</h2>${table([t('deadlineKind'), t('status'), t('count')], s.deadlines.flatMap(({ kind, counts }) => Object.entries(counts).map(([status, n]) => [escape(kindName(kind, lang)), escape(statusName(kind, status, lang)), n])))}</section>`);
  if (s.worstOverdue.length) {
    parts.push(`<section><h2>${t('worst')}</h2>${table([t('case'), t('deadline'), t('due'), t('overdue'), t('department')], s.worstOverdue.map((w) => [`<code>${escape(w.caseId)}</code>`, escape(kindName(deadlineKind(w.deadline), lang)), w.dueDate, w.overdueWorkingDays, escape(w.department)]))}</section>`);
  }
  if (cases) parts.push(casesSection(s, lang, cases));
  if (s.errors.length) {
    parts.push(`<section><h2>${t('errors')}</h2><ul>${s.errors.map((e) => `<li>${t('line')} ${e.line}${e.caseId ? ` (<code>${escape(e.caseId)}</code>)` : ''}: <code>${escape(e.path)}</code> <span class="message">${escape(lang === 'zh' ? e.messageZh : e.message)}</span></li>`).join('')}</ul>${s.errorCount > s.errors.length ? `<p>${escape(fill(t('more'), { n: s.errorCount - s.errors.length }))}</p>` : ''}</section>`);
  }
  if (cases) parts.push(`<script>${SCRIPT}</script>`);
  parts.push('</body></html>\n');
  return parts.join('\n');
}

function casesSection(s: AuditSummary, lang: Lang, cases: CasesByRule): string {
  const t = (key: Parameters<typeof text>[0]) => text(key, lang);
  const blocks = s.rules
    .filter((r) => cases.has(rowKey(r)))
    .map((r) => {
      const { total, rows } = cases.get(rowKey(r))!;
      const note = rows.length < total ? `<p>${escape(fill(t('listedFirst'), { listed: rows.length, total }))}</p>` : '';
      const body = rows.map((c) => [
        `<code>${escape(c.caseId)}</code>`,
        escape(c.department),
        escape(c.window ?? '—'),
        escape(c.month ?? '—'),
        escape(severityName(c.severity, lang)),
        escape(c.outcome ? (OUTCOME_LABELS[c.outcome]?.[lang] ?? c.outcome) : '—'),
        // Messages come from the rule files and the regulations, with the facts they quote.
        `<span class="message">${escape(c.message[lang])}</span>`,
      ]);
      return `<div class="rule-cases" id="${anchor(rowKey(r))}" data-rule="${escape(rowKey(r))}"><h3>${escape(ruleName(r.rule, lang))}</h3>${note}<p class="shown" data-template="${escape(t('shown'))}"></p>
${table([t('case'), t('department'), t('window'), t('month'), t('severity'), t('outcome'), t('message')], body)}</div>`;
    });
  const options = s.rules.filter((r) => cases.has(rowKey(r))).map((r) => `<option value="${escape(rowKey(r))}">${escape(ruleName(r.rule, lang))}</option>`);
  return `<section id="cases"><h2>${t('casesOfRule')}</h2>
<div class="filters"><label>${t('rule')} <select id="rule-filter"><option value="">—</option>${options.join('')}</select></label>
<label>${t('filter')} <input id="case-filter" type="search" placeholder="${escape(t('filterPlaceholder'))}"></label></div>
${blocks.join('\n')}</section>`;
}
