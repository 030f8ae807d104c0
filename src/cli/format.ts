// The audit summary as a terminal table and as CSV; the HTML page and the workbook are in ./report/.
import type { AuditSummary } from './audit.js';
import { type Lang } from './labels.js';
import { INTERCHANGE_TEXT } from './messages/interchange.js';
import { fill } from './messages/report.js';
import { deadlineKind } from './report/case-record.js';
import { figureCells, figureHeaders, figureValues, FIGURE_COLUMNS, kindName, monthRows, ruleName, severityName, statusName, tallyRows, text, type NamedTally } from './report/view.js';
import { cellSafe, csvText } from './text.js';

export { formatHtml } from './report/html.js';

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

function table(headers: string[], data: string[][]): string {
  // Cells come from the log: no control sequence or line break of theirs reaches the terminal.
  const rows = data.map((row) => row.map(cellSafe));
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => padEnd(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The figures the terminal's per-department and per-month tables show. */
const TERMINAL_FIGURES = new Set<string>(['received', 'accepted', 'completed', 'onTimeRate', 'overdueOpen', 'overdueClosed', 'meanWorkingDays', 'speedUpRate', 'notAccepted', 'deficiencyNotices']);

export function formatTable(s: AuditSummary, lang: Lang): string {
  const t = (key: Parameters<typeof text>[0]) => text(key, lang);
  const out: string[] = [];
  out.push(`${t('title')} — ${t('profile')} ${cellSafe(s.profile)}, ${t('asOf')} ${s.asOf}`);
  out.push(`${t('cases')}: ${s.cases}   ${t('evaluated')}: ${s.evaluated}   ${t('errors')}: ${s.errorCount}   ` +
    Object.entries(s.findingsBySeverity).map(([k, v]) => `${severityName(k, lang)}: ${v}`).join('   '));
  out.push('');
  // The center's figures one a line; per department and month the columns that fit a terminal (all of them are in
  // the CSV, the workbook and the HTML page).
  out.push(`${t('figures')}（${t('center')}）:`);
  const headers = figureHeaders(lang);
  const centerCells = figureCells(s.figures);
  const labelWidth = Math.max(...headers.map(width));
  headers.forEach((h, i) => out.push(`  ${padEnd(h, labelWidth)}  ${centerCells[i]}`));
  const compact = FIGURE_COLUMNS.map((c, i) => [c, i] as const).filter(([c]) => TERMINAL_FIGURES.has(c)).map(([, i]) => i);
  const figureTable = (rows: NamedTally[], head: string) =>
    table([head, ...compact.map((i) => headers[i]!)], rows.map((r) => {
      const cells = figureCells(r.figures);
      return [r.name, ...compact.map((i) => cells[i]!)];
    }));
  out.push('');
  out.push(s.rules.length ? table([t('rule'), t('severity'), t('count'), t('casesWith'), t('citation')], s.rules.map((r) => [ruleName(r.rule, lang), severityName(r.severity, lang), String(r.count), String(r.cases), r.citation ? `${r.citation.document} ${r.citation.article}` : '—'])) : t('none'));
  out.push('');
  const tallies = (head: string, rows: NamedTally[]) => table([head, t('cases'), t('violations'), t('warnings')], rows.map((d) => [d.name, String(d.cases), String(d.violations), String(d.warnings)]));
  out.push(tallies(t('department'), tallyRows(s, 'department', lang)));
  out.push('');
  out.push(figureTable(tallyRows(s, 'department', lang), t('department')));
  out.push('');
  out.push(tallies(t('window'), tallyRows(s, 'window', lang)));
  out.push('');
  out.push(figureTable(monthRows(s, lang), t('month')));
  out.push('');
  out.push(`${t('deadlinesSection')}:`);
  if (s.deadlines.length === 0) out.push(`  ${t('none')}`);
  for (const { kind, counts } of s.deadlines) out.push(`  ${kindName(kind, lang)}: ${Object.entries(counts).map(([k, v]) => `${statusName(kind, k, lang)} ${v}`).join(' · ')}`);
  if (s.worstOverdue.length) {
    out.push('');
    out.push(`${t('worst')}:`);
    out.push(table([t('case'), t('deadline'), t('due'), t('overdue'), t('department')], s.worstOverdue.map((w) => [w.caseId, kindName(deadlineKind(w.deadline), lang), w.dueDate, String(w.overdueWorkingDays), w.department])));
  }
  if (s.notRecorded?.length) {
    out.push('');
    out.push(`${INTERCHANGE_TEXT.notRecorded[lang]}:`);
    for (const gap of s.notRecorded) out.push(`  ${gap.rules.join(', ')}: ${gap.because[lang]}`);
  }
  if (s.sourceDue) {
    out.push('');
    out.push(`${INTERCHANGE_TEXT.sourceDue[lang]}（${fill(INTERCHANGE_TEXT.sourceDueSummary[lang], { compared: s.sourceDue.compared, disagreements: s.sourceDue.disagreements })}）:`);
    if (s.sourceDue.cases.length) {
      out.push(table([t('case'), t('department'), INTERCHANGE_TEXT.ours[lang], INTERCHANGE_TEXT.theirs[lang], t('message')], s.sourceDue.cases.map((c) => [c.caseId, c.department, c.ours, c.theirs, c.message[lang]])));
    }
  }
  if (s.errors.length) {
    out.push('');
    out.push(`${t('errors')}:`);
    for (const e of s.errors) out.push(`  ${t('line')} ${e.line}${e.caseId ? ` (${cellSafe(e.caseId)})` : ''}: ${cellSafe(e.path)}: ${cellSafe(lang === 'zh' ? e.messageZh : e.message)}`);
    if (s.errorCount > s.errors.length) out.push(`  … ${fill(t('more'), { n: s.errorCount - s.errors.length })}`);
  }
  out.push('');
  out.push(t('drillDown'));
  const top = s.rules[0]?.rule;
  if (top) out.push(`${fill(t('drillDownExample'), { rule: top })}jq -c 'select(any(.findings[]?; .rule == "${top}"))' cases.ndjson`);
  return out.join('\n');
}

/**
 * One table for machines: one row per rule (with its citation), department, window, month and deadline kind and
 * status, then errors, told apart by the `section` column; the published figures in the last columns. RFC 4180
 * with a UTF-8 byte order mark and formulas neutralised (see `csvField`).
 */
export function formatCsv(s: AuditSummary): string {
  const figureColumns = FIGURE_COLUMNS.map((c) => c.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`));
  const rows: Array<Array<string | number>> = [['section', 'key', 'severity', 'count', 'cases', 'violations', 'warnings', 'detail', ...figureColumns]];
  const figures = (t: NamedTally | { figures: NamedTally['figures'] }) => figureValues(t.figures).map((v) => (v === null ? '' : v));
  rows.push(['center', s.profile, '', '', s.evaluated, '', '', '', ...figureValues(s.figures).map((v) => (v === null ? '' : v))]);
  for (const r of s.rules) rows.push(['rule', r.rule, r.severity, r.count, r.cases, '', '', r.citation ? `${r.citation.seed} ${r.citation.document} ${r.citation.article}: ${r.citation.text}` : '']);
  for (const d of s.departments) rows.push(['department', d.department, '', '', d.cases, d.violations, d.warnings, '', ...figures(d)]);
  if (s.otherDepartments) rows.push(['other-departments', '', '', '', s.otherDepartments.cases, s.otherDepartments.violations, s.otherDepartments.warnings, '', ...figures(s.otherDepartments)]);
  for (const w of s.windows) rows.push(['window', w.window, '', '', w.cases, w.violations, w.warnings, '', ...figures(w)]);
  if (s.otherWindows) rows.push(['other-windows', '', '', '', s.otherWindows.cases, s.otherWindows.violations, s.otherWindows.warnings, '', ...figures(s.otherWindows)]);
  for (const m of s.months) rows.push(['month', m.month, '', '', m.cases, m.violations, m.warnings, '', ...figures(m)]);
  for (const { kind, counts } of s.deadlines) for (const [status, count] of Object.entries(counts)) rows.push(['deadline', `${kind}/${status}`, '', count, '', '', '', '']);
  for (const e of s.errors) rows.push(['error', String(e.line), '', '', '', '', '', `${e.caseId ?? ''} ${e.path}: ${e.message}`.trim()]);
  // RFC 4180: every record has the header's number of fields.
  const columns = rows[0]!.length;
  return csvText(rows.map((row) => (row.length < columns ? [...row, ...Array<string>(columns - row.length).fill('')] : row)));
}
