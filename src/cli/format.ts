import type { AuditSummary, Tally } from './audit.js';
import { label, SEVERITY_LABELS, STATUS_LABELS, type Lang } from './labels.js';
import { cellSafe, csvText } from './text.js';

const T = {
  title: { zh: '审计汇总', en: 'Audit summary' },
  cases: { zh: '案件', en: 'cases' },
  evaluated: { zh: '已评估', en: 'evaluated' },
  errors: { zh: '错误', en: 'errors' },
  rule: { zh: '规则', en: 'rule' },
  severity: { zh: '级别', en: 'severity' },
  count: { zh: '次数', en: 'count' },
  citation: { zh: '依据', en: 'citation' },
  department: { zh: '部门', en: 'department' },
  window: { zh: '窗口', en: 'window' },
  violations: { zh: '违规', en: 'violations' },
  warnings: { zh: '预警', en: 'warnings' },
  deadlines: { zh: '时限状态', en: 'deadline status' },
  worst: { zh: '超期最久的案件', en: 'most overdue cases' },
  overdue: { zh: '超期工作日', en: 'working days overdue' },
  line: { zh: '行', en: 'line' },
  none: { zh: '无', en: 'none' },
  profile: { zh: '配置', en: 'profile' },
  asOf: { zh: '评估时点', en: 'as of' },
  case: { zh: '案件', en: 'case' },
  deadline: { zh: '时限', en: 'deadline' },
  due: { zh: '到期日', en: 'due' },
  otherDepartments: { zh: '（其余部门）', en: '(other departments)' },
  otherWindows: { zh: '（其余窗口）', en: '(other windows)' },
} as const;

/** Rows of a tally table: the names listed, then the sum of those not listed (a report lists a bounded number). */
const tallyRows = <K extends 'department' | 'window'>(rows: ReadonlyArray<Record<K, string> & Tally>, key: K, other: Tally | undefined, otherLabel: string) => [
  ...rows.map((r) => ({ name: r[key], cases: r.cases, violations: r.violations, warnings: r.warnings })),
  ...(other ? [{ name: otherLabel, ...other }] : []),
];

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

function table(headers: string[], data: string[][]): string {
  // Cells come from the log: no control sequence or line break of theirs reaches the terminal.
  const rows = data.map((row) => row.map(cellSafe));
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => padEnd(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatTable(s: AuditSummary, lang: Lang): string {
  const t = (key: keyof typeof T) => T[key][lang];
  const out: string[] = [];
  out.push(`${t('title')} — ${t('profile')} ${cellSafe(s.profile)}, ${t('asOf')} ${s.asOf}`);
  out.push(`${t('cases')}: ${s.cases}   ${t('evaluated')}: ${s.evaluated}   ${t('errors')}: ${s.errorCount}   ` +
    Object.entries(s.findingsBySeverity).map(([k, v]) => `${label(SEVERITY_LABELS, k, lang)}: ${v}`).join('   '));
  out.push('');
  out.push(s.rules.length ? table([t('rule'), t('severity'), t('count'), t('citation')], s.rules.map((r) => [r.ruleId, label(SEVERITY_LABELS, r.severity, lang), String(r.count), r.citation ? `${r.citation.document} ${r.citation.article}` : '—'])) : t('none'));
  out.push('');
  const cells = (rows: Array<{ name: string } & Tally>) => rows.map((d) => [d.name, String(d.cases), String(d.violations), String(d.warnings)]);
  out.push(table([t('department'), t('cases'), t('violations'), t('warnings')], cells(tallyRows(s.departments, 'department', s.otherDepartments, t('otherDepartments')))));
  out.push('');
  out.push(table([t('window'), t('cases'), t('violations'), t('warnings')], cells(tallyRows(s.windows, 'window', s.otherWindows, t('otherWindows')))));
  out.push('');
  out.push(`${t('deadlines')}: ${Object.entries(s.deadlineStatus).map(([k, v]) => `${label(STATUS_LABELS, k, lang)} ${v}`).join(' · ') || t('none')}`);
  if (s.worstOverdue.length) {
    out.push('');
    out.push(`${t('worst')}:`);
    out.push(table([t('case'), t('deadline'), t('due'), t('overdue'), t('department')], s.worstOverdue.map((w) => [w.caseId, w.deadline, w.dueDate, String(w.overdueWorkingDays), w.department])));
  }
  if (s.errors.length) {
    out.push('');
    out.push(`${t('errors')}:`);
    for (const e of s.errors) out.push(`  ${t('line')} ${e.line}${e.caseId ? ` (${cellSafe(e.caseId)})` : ''}: ${cellSafe(e.path)}: ${cellSafe(lang === 'zh' ? e.messageZh : e.message)}`);
    if (s.errorCount > s.errors.length) out.push(`  … ${s.errorCount - s.errors.length} more`);
  }
  return out.join('\n');
}

/**
 * One row per rule (with its citation), then per department and window, then errors: one section column.
 * RFC 4180 with a UTF-8 byte order mark and formulas neutralised (see `csvField`).
 */
export function formatCsv(s: AuditSummary): string {
  const rows: Array<Array<string | number>> = [['section', 'key', 'severity', 'count', 'cases', 'violations', 'warnings', 'detail']];
  for (const r of s.rules) rows.push(['rule', r.ruleId, r.severity, r.count, '', '', '', r.citation ? `${r.citation.seed} ${r.citation.document} ${r.citation.article}: ${r.citation.text}` : '']);
  for (const d of s.departments) rows.push(['department', d.department, '', '', d.cases, d.violations, d.warnings, '']);
  if (s.otherDepartments) rows.push(['other-departments', '', '', '', s.otherDepartments.cases, s.otherDepartments.violations, s.otherDepartments.warnings, '']);
  for (const w of s.windows) rows.push(['window', w.window, '', '', w.cases, w.violations, w.warnings, '']);
  if (s.otherWindows) rows.push(['other-windows', '', '', '', s.otherWindows.cases, s.otherWindows.violations, s.otherWindows.warnings, '']);
  for (const [status, count] of Object.entries(s.deadlineStatus)) rows.push(['deadline-status', status, '', count, '', '', '', '']);
  for (const e of s.errors) rows.push(['error', String(e.line), '', '', '', '', '', `${e.caseId ?? ''} ${e.path}: ${e.message}`.trim()]);
  return csvText(rows);
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const STATUS_COLOURS: Record<string, string> = { met: '#2e7d32', 'on-track': '#66bb6a', 'due-soon': '#f9a825', overdue: '#c62828', missed: '#8e24aa' };

/** A single self-contained HTML file: inline CSS and SVG charts, no scripts or external assets. */
export function formatHtml(s: AuditSummary, lang: Lang): string {
  const t = (key: keyof typeof T) => T[key][lang];
  const maxRule = Math.max(1, ...s.rules.map((r) => r.count));
  const barHeight = 22;
  const ruleChart = `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${s.rules.length * barHeight + 10}" role="img" aria-label="${t('rule')}">${s.rules
    .map((r, i) => {
      const w = Math.round((r.count / maxRule) * 440);
      const colour = r.severity === 'violation' ? '#c62828' : r.severity === 'warning' ? '#f9a825' : r.severity === 'notice' ? '#1565c0' : '#757575';
      return `<text x="0" y="${i * barHeight + 16}" font-size="12">${escape(r.ruleId)}</text><rect x="230" y="${i * barHeight + 4}" width="${w}" height="16" fill="${colour}"><title>${escape(r.message)}</title></rect><text x="${236 + w}" y="${i * barHeight + 16}" font-size="12">${r.count}</text>`;
    })
    .join('')}</svg>`;
  const statuses = Object.keys(STATUS_COLOURS);
  const maxMonth = Math.max(1, ...s.deadlinesByMonth.map((m) => Object.values(m.counts).reduce((a, b) => a + b, 0)));
  const colWidth = Math.max(14, Math.min(48, Math.floor(700 / Math.max(1, s.deadlinesByMonth.length))));
  const monthChart = `<svg xmlns="http://www.w3.org/2000/svg" width="${s.deadlinesByMonth.length * colWidth + 60}" height="240" role="img" aria-label="${t('deadlines')}">${s.deadlinesByMonth
    .map((m, i) => {
      let y = 200;
      const stack = statuses
        .map((status) => {
          const h = Math.round(((m.counts[status] ?? 0) / maxMonth) * 180);
          y -= h;
          return h ? `<rect x="${i * colWidth + 40}" y="${y}" width="${colWidth - 4}" height="${h}" fill="${STATUS_COLOURS[status]}"><title>${m.month} ${status}: ${m.counts[status]}</title></rect>` : '';
        })
        .join('');
      return `${stack}<text x="${i * colWidth + 40}" y="216" font-size="10" transform="rotate(45 ${i * colWidth + 40} 216)">${m.month}</text>`;
    })
    .join('')}</svg>`;
  const legend = statuses.map((st) => `<span class="key" style="background:${STATUS_COLOURS[st]}"></span>${st}`).join(' ');
  const rows = (items: Array<{ name: string; cases: number; violations: number; warnings: number }>) =>
    items.map((d) => `<tr><td>${escape(d.name)}</td><td>${d.cases}</td><td>${d.violations}</td><td>${d.warnings}</td></tr>`).join('');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${t('title')} — ${escape(s.profile)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #ddd;padding:.25rem .75rem;text-align:left}.key{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}h2{margin-top:2rem}</style></head>
<body><h1>${t('title')}</h1>
<p>profile <b>${escape(s.profile)}</b> · as of ${escape(s.asOf)} · ${t('cases')} ${s.cases} · ${t('evaluated')} ${s.evaluated} · ${t('errors')} ${s.errorCount}</p>
<h2>${t('rule')}</h2>${ruleChart}
<table><tr><th>${t('rule')}</th><th>${t('severity')}</th><th>${t('count')}</th><th>${t('citation')}</th></tr>${s.rules.map((r) => `<tr><td>${escape(r.ruleId)}</td><td>${r.severity}</td><td>${r.count}</td><td>${r.citation ? `${escape(r.citation.document)} ${escape(r.citation.article)}：${escape(r.citation.text)}` : '—'}</td></tr>`).join('')}</table>
<h2>${t('deadlines')}</h2><p>${legend}</p>${monthChart}
<h2>${t('department')}</h2><table><tr><th>${t('department')}</th><th>${t('cases')}</th><th>${t('violations')}</th><th>${t('warnings')}</th></tr>${rows(tallyRows(s.departments, 'department', s.otherDepartments, t('otherDepartments')))}</table>
<h2>${t('window')}</h2><table><tr><th>${t('window')}</th><th>${t('cases')}</th><th>${t('violations')}</th><th>${t('warnings')}</th></tr>${rows(tallyRows(s.windows, 'window', s.otherWindows, t('otherWindows')))}</table>
${s.worstOverdue.length ? `<h2>${t('worst')}</h2><table><tr><th>case</th><th>deadline</th><th>due</th><th>${t('overdue')}</th><th>${t('department')}</th></tr>${s.worstOverdue.map((w) => `<tr><td>${escape(w.caseId)}</td><td>${escape(w.deadline)}</td><td>${w.dueDate}</td><td>${w.overdueWorkingDays}</td><td>${escape(w.department)}</td></tr>`).join('')}</table>` : ''}
${s.errors.length ? `<h2>${t('errors')}</h2><ul>${s.errors.map((e) => `<li>${t('line')} ${e.line}${e.caseId ? ` (${escape(e.caseId)})` : ''}: <code>${escape(e.path)}</code> ${escape(lang === 'zh' ? e.messageZh : e.message)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
