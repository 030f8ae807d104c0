// `explain`: one report, read as an officer reads it: the findings first (title, id, severity, message, the
// sentence, each parameter's value and where it comes from), then the deadlines on a timeline, then the rules
// behind them. The regulation's sentence is always quoted in Chinese, since it is the source.
import type { Finding, Report, RuleTrace } from '../engine/run-rules.js';
import type { TraceNode } from '../schema/report.js';
import type { RuleInfo } from '../engine/list-rules.js';
import { factValueIn } from '../engine/render.js';
import { FACT_DESCRIPTIONS } from '../regulations/index.js';
import { colon, label, t, type Lang } from './messages/common.js';
import { EXPLAIN, UNITS } from './messages/explain.js';
import { BASIS_LABELS, OPERATOR_SYMBOLS, SEVERITY_LABELS } from './messages/labels.js';
import { DEADLINE_STATUS_WORDS } from './messages/report.js';
import { deadlineKind } from './report/case-record.js';
import { compareCodePoints } from './text.js';

/**
 * What a fact means and, where it implements a sentence of a document in force under the report's profile, that
 * sentence's place (a city's sentence is never shown as the source of a fact under a profile without that city's
 * documents).
 */
function describeFact(fact: string, lang: Lang, inForce: ReadonlySet<string>): string {
  const declaration = FACT_DESCRIPTIONS[fact];
  if (!declaration) return '';
  const sentence = declaration.implements && inForce.has(declaration.implements.document) ? declaration.implements : undefined;
  const source = sentence ? (lang === 'zh' ? `（${sentence.document} ${sentence.article}）` : ` (${sentence.document} ${sentence.article})`) : '';
  return `  — ${declaration[lang]}${source}`;
}

function conditionLines(node: TraceNode, depth: number, lang: Lang, inForce: ReadonlySet<string>): string[] {
  const indent = '  '.repeat(depth);
  const mark = node.result ? '✓' : '✗';
  if ('fact' in node) {
    const reference = node.value !== null && typeof node.value === 'object' && !Array.isArray(node.value) ? (node.value as { fact: string; is: unknown }) : undefined;
    const compared = reference ? `${reference.fact} (${JSON.stringify(reference.is)})` : JSON.stringify(node.value);
    return [`${indent}${mark} ${node.fact} (${JSON.stringify(factValueIn(node.factValue, lang) ?? null)}) ${OPERATOR_SYMBOLS[node.operator]} ${compared}${describeFact(node.fact, lang, inForce)}`];
  }
  if ('not' in node) return [`${indent}${mark} ${t(lang, EXPLAIN.not)}`, ...conditionLines(node.not, depth + 1, lang, inForce)];
  const [word, children] = 'all' in node ? [t(lang, EXPLAIN.all), node.all] : [t(lang, EXPLAIN.any), node.any];
  return [`${indent}${mark} ${word}`, ...children.flatMap((child) => conditionLines(child, depth + 1, lang, inForce))];
}

function ruleLines(entry: RuleTrace, rule: RuleInfo | undefined, lang: Lang, inForce: ReadonlySet<string>): string[] {
  const item = entry.item ? ` [${entry.item.label ?? entry.item.key}]` : '';
  const title = rule ? `${rule.title[lang]}  ` : '';
  const lines = [`${entry.fired ? '●' : '○'} ${title}${entry.rule}${item}  ${t(lang, entry.fired ? EXPLAIN.fired : EXPLAIN.notFired)}`];
  if (rule) lines.push(`    ${rule.citation.document} ${rule.citation.article}：${rule.citation.text}`);
  lines.push(...conditionLines(entry.conditions, 2, lang, inForce));
  return lines;
}

/** A parameter's value with its unit: `3 个工作日`, `60 minutes`, lists joined. */
export function parameterValue(name: string, value: unknown, lang: Lang): string {
  const shown = Array.isArray(value) ? value.join(lang === 'zh' ? '、' : ', ') : String(value);
  const unit = typeof value === 'number' ? UNITS.find(([pattern]) => pattern.test(name))?.[1] : undefined;
  return unit ? `${shown}${unit[lang]}` : shown;
}

/** A finding's parameters: `name：3 个工作日，city-12 一次性告知制度 第五条(一)（原文规定）「…」`. */
function parameterLines(finding: Finding, lang: Lang): string[] {
  return Object.entries(finding.parameters ?? {}).map(([name, { value, source }]) => {
    const basis = source.basis ? (lang === 'zh' ? `（${label(BASIS_LABELS, source.basis, lang)}）` : ` (${label(BASIS_LABELS, source.basis, lang)})`) : '';
    const sentence = source.text ? `「${source.text}」` : '';
    const comma = lang === 'zh' ? '，' : ', ';
    return `      ${t(lang, EXPLAIN.parameter)} ${name}${colon(lang)}${parameterValue(name, value, lang)}${comma}${source.seed} ${source.article}${basis}${sentence}`;
  });
}

function findingLines(finding: Finding, rule: RuleInfo | undefined, lang: Lang): string[] {
  const item = finding.item ? ` [${finding.item.label ?? finding.item.key}]` : '';
  const title = rule ? `${rule.title[lang]}  ` : '';
  const out = [`  ${label(SEVERITY_LABELS, finding.severity, lang)}  ${title}${finding.rule}${item}`, `      ${finding.message[lang]}`];
  if (finding.citation) out.push(`      ${t(lang, EXPLAIN.under)}${colon(lang)}${finding.citation.document} ${finding.citation.article}：${finding.citation.text}`);
  out.push(...parameterLines(finding, lang));
  const why = finding.appliesUnder;
  if (why) {
    out.push(why.kind === 'document' ? `      ${t(lang, EXPLAIN.appliesInForce)}${colon(lang)}${why.title[lang]} (${why.document})` : `      ${t(lang, EXPLAIN.appliesBecause)}${colon(lang)}${why.reason[lang]}`);
  }
  if (finding.graded) out.push(`      ${t(lang, EXPLAIN.graded(label(SEVERITY_LABELS, finding.graded.from, lang)))}${colon(lang)}${finding.graded.reason[lang]}`);
  return out;
}

/** The deadlines in due order, with the as-of instant placed among them. */
function timelineLines(report: Report, lang: Lang): string[] {
  const deadlines = [...report.deadlines].sort((a, b) => compareCodePoints(a.due, b.due) || compareCodePoints(a.id, b.id));
  const asOfDate = report.asOf.slice(0, 10);
  const asOfLine = `  ${asOfDate} ▶ ${t(lang, EXPLAIN.asOf)} ${report.asOf}`;
  const lines: string[] = [];
  let placed = false;
  for (const d of deadlines) {
    if (!placed && d.dueDate > asOfDate) {
      lines.push(asOfLine);
      placed = true;
    }
    const stopped = d.clockStopped ? t(lang, EXPLAIN.clockStopped) : '';
    // In the words of the deadline's kind (按期送达, 逾期告知…), as the audit's reports word it: 办结 is for the completion only.
    const status = DEADLINE_STATUS_WORDS[deadlineKind(d.id)][d.status][lang];
    lines.push(`  ${d.dueDate} ┼ ${status}  ${d.label[lang]}  ${t(lang, EXPLAIN.deadlineSpan(d.start.slice(0, 16), d.limitWorkingDays, d.elapsedWorkingDays, d.remainingWorkingDays, stopped))}`);
  }
  if (!placed) lines.push(asOfLine);
  return lines;
}

/** What `explain --json` adds to the report: each finding's and each traced rule's title, and its citation. */
export function explanationData(report: Report, rules: readonly RuleInfo[]) {
  const byRule = new Map(rules.map((rule) => [rule.rule, rule]));
  return {
    report,
    explanation: {
      findings: report.findings.map((finding) => ({ rule: finding.rule, title: byRule.get(finding.rule)?.title ?? null, parameters: finding.parameters ?? {} })),
      rules: (report.trace ?? []).map((entry) => ({
        rule: entry.rule,
        ...(entry.item ? { item: entry.item } : {}),
        title: byRule.get(entry.rule)?.title ?? null,
        fired: entry.fired,
        citation: byRule.get(entry.rule)?.citation ?? null,
      })),
    },
  };
}

/**
 * The whole explanation: findings, deadlines and obligations, then the rules that fired with their conditions;
 * the rules that did not fire only with `all` (otherwise a line counting them).
 */
export function explainReport(report: Report, rules: readonly RuleInfo[], lang: Lang, all = false): string {
  const byRule = new Map(rules.map((rule) => [rule.rule, rule]));
  const inForce = new Set(report.profile.documents);
  const out: string[] = [
    t(lang, EXPLAIN.heading(report.subject.id, report.profile.id, report.asOf)),
    `${t(lang, EXPLAIN.documents)}${colon(lang)}${report.profile.documents.join(', ')}`,
    '',
    t(lang, EXPLAIN.findings(report.findings.length)),
  ];
  for (const finding of report.findings) out.push(...findingLines(finding, byRule.get(finding.rule), lang));
  if (report.findings.length === 0) out.push(t(lang, EXPLAIN.none));
  out.push('', t(lang, EXPLAIN.deadlines), ...timelineLines(report, lang));
  if (report.obligations.length) {
    out.push('', t(lang, EXPLAIN.obligations));
    for (const o of report.obligations) out.push(`  ${o.due ? o.due.slice(0, 16) : '—'}  ${o.what[lang]}`);
  }
  const trace = report.trace ?? [];
  const fired = trace.filter((entry) => entry.fired);
  const other = trace.filter((entry) => !entry.fired);
  if (fired.length) out.push('', t(lang, EXPLAIN.firedRules), ...fired.flatMap((entry) => ruleLines(entry, byRule.get(entry.rule), lang, inForce)));
  if (other.length) {
    if (all) out.push('', t(lang, EXPLAIN.otherRules), ...other.flatMap((entry) => ruleLines(entry, byRule.get(entry.rule), lang, inForce)));
    else out.push('', t(lang, EXPLAIN.otherRulesHidden(other.length)));
  }
  return out.join('\n');
}
