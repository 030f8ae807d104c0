// `explain`: one report as a readable trace, in Chinese or English. The regulation's sentence is always
// quoted in Chinese, since it is the source; everything around it follows --lang.
import type { Report, RuleTrace } from '../engine/run-rules.js';
import type { TraceNode } from '../engine/compile.js';
import type { RuleInfo } from '../engine/list-rules.js';
import { FACT_DESCRIPTIONS } from '../regulations/index.js';
import { label, OPERATOR_SYMBOLS, say, SEVERITY_LABELS, STATUS_LABELS, type Lang } from './labels.js';
import { compareCodePoints } from './text.js';

function describeFact(fact: string, lang: Lang): string {
  const description = FACT_DESCRIPTIONS[fact]?.[lang];
  return description ? `  — ${description}` : '';
}

function conditionLines(node: TraceNode, depth: number, lang: Lang): string[] {
  const indent = '  '.repeat(depth);
  const mark = node.result ? '✓' : '✗';
  if ('fact' in node) {
    const reference = node.value !== null && typeof node.value === 'object' && !Array.isArray(node.value) ? (node.value as { fact: string; is: unknown }) : undefined;
    const compared = reference ? `${reference.fact} (${JSON.stringify(reference.is)})` : JSON.stringify(node.value);
    return [`${indent}${mark} ${node.fact} (${JSON.stringify(node.factValue ?? null)}) ${OPERATOR_SYMBOLS[node.operator]} ${compared}${describeFact(node.fact, lang)}`];
  }
  if ('not' in node) return [`${indent}${mark} ${say(lang, '并非：', 'not:')}`, ...conditionLines(node.not, depth + 1, lang)];
  const [word, children] = 'all' in node ? [say(lang, '全部满足：', 'all of:'), node.all] : [say(lang, '任一满足：', 'any of:'), node.any];
  return [`${indent}${mark} ${word}`, ...children.flatMap((child) => conditionLines(child, depth + 1, lang))];
}

function ruleLines(entry: RuleTrace, rule: RuleInfo | undefined, lang: Lang): string[] {
  const item = entry.item ? ` [${entry.item.label ?? entry.item.key}]` : '';
  const head = `${entry.fired ? '●' : '○'} ${entry.rule}${item}  ${entry.fired ? say(lang, '触发', 'fired') : say(lang, '未触发', 'did not fire')}`;
  const lines = [head];
  if (rule) lines.push(`    ${rule.citation.document} ${rule.citation.article}：${rule.citation.text}`);
  lines.push(...conditionLines(entry.conditions, 2, lang));
  return lines;
}

/** The deadlines in due order, with the as-of instant placed among them. */
function timelineLines(report: Report, lang: Lang): string[] {
  const deadlines = [...report.deadlines].sort((a, b) => compareCodePoints(a.due, b.due) || compareCodePoints(a.id, b.id));
  const asOfDate = report.asOf.slice(0, 10);
  const lines: string[] = [];
  let placed = false;
  for (const d of deadlines) {
    if (!placed && d.dueDate > asOfDate) {
      lines.push(`  ${asOfDate} ▶ ${say(lang, '评估时点', 'as of')} ${report.asOf}`);
      placed = true;
    }
    const stopped = d.clockStopped ? say(lang, '，计时暂停', ', clock stopped') : '';
    lines.push(
      `  ${d.dueDate} ┼ ${label(STATUS_LABELS, d.status, lang)}  ${d.label[lang]}  ` +
        say(lang, `（${d.start.slice(0, 16)} 起 ${d.limitWorkingDays} 个工作日，已用 ${d.elapsedWorkingDays}，余 ${d.remainingWorkingDays}${stopped}）`, `(${d.limitWorkingDays} working day${d.limitWorkingDays === 1 ? '' : 's'} from ${d.start.slice(0, 16)}, ${d.elapsedWorkingDays} used, ${d.remainingWorkingDays} left${stopped})`),
    );
  }
  if (!placed) lines.push(`  ${asOfDate} ▶ ${say(lang, '评估时点', 'as of')} ${report.asOf}`);
  return lines;
}

/** The whole explanation: rules with sentences and conditions, then findings, deadlines and obligations. */
export function explainReport(report: Report, rules: readonly RuleInfo[], lang: Lang): string {
  const byRule = new Map(rules.map((rule) => [rule.rule, rule]));
  const out: string[] = [
    say(lang, `${report.subject.id} — 配置 ${report.profile.id}，评估时点 ${report.asOf}`, `${report.subject.id} — profile ${report.profile.id}, as of ${report.asOf}`),
    `${say(lang, '现行文件', 'documents in force')}: ${report.profile.documents.join(', ')}`,
    '',
  ];
  out.push(say(lang, '规则：', 'Rules:'));
  for (const entry of report.trace ?? []) out.push(...ruleLines(entry, byRule.get(entry.rule), lang));
  out.push('', say(lang, `发现（${report.findings.length}）：`, `Findings (${report.findings.length}):`));
  for (const finding of report.findings) {
    out.push(`  ${label(SEVERITY_LABELS, finding.severity, lang)}  ${finding.rule}: ${finding.message[lang]}`);
    if (finding.citation) out.push(`      ${say(lang, '依据', 'under')}: ${finding.citation.document} ${finding.citation.article}：${finding.citation.text}`);
    const why = finding.appliesUnder;
    if (why) {
      out.push(
        why.kind === 'document'
          ? `      ${say(lang, '适用原因：本配置现行文件', 'applies because in force here')}: ${why.title[lang]} (${why.document})`
          : `      ${say(lang, '适用原因', 'applies because of')}: ${why.reason[lang]}`,
      );
    }
    if (finding.graded) out.push(`      ${say(lang, `定级：由「${label(SEVERITY_LABELS, finding.graded.from, lang)}」调整`, `graded from ${label(SEVERITY_LABELS, finding.graded.from, lang)}`)}: ${finding.graded.reason[lang]}`);
  }
  if (report.findings.length === 0) out.push(say(lang, '  无', '  none'));
  out.push('', say(lang, '时限：', 'Deadlines:'), ...timelineLines(report, lang));
  if (report.obligations.length) {
    out.push('', say(lang, '应尽义务：', 'Obligations:'));
    for (const o of report.obligations) out.push(`  ${o.due ? o.due.slice(0, 16) : '—'}  ${o.what[lang]}`);
  }
  return out.join('\n');
}
