import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import { parseWith } from '../schema/parse.js';
import { isLabelType } from '../regulations/context.js';
import { FACT_DESCRIPTIONS, PARAM_BEHIND_FACT, type ProfileValueName } from '../regulations/index.js';
import { profileParamsShape } from '../schema/profile.js';
import { ruleFileSchema, type Citation, type Condition, type RuleFile, type Severity } from '../schema/rule-file.js';
import type { Scope } from '../schema/scopes.js';
import { compileCondition, factsOf, type CompiledCondition } from './compile.js';
import { bundledDocuments } from './documents.js';
import { placeholdersOf } from './render.js';

export interface CompiledRule {
  /** json-rules-engine rule name: the id, with a variant. */
  name: string;
  id: string;
  regulation: string;
  severity: Severity;
  /** What the rule runs for: the case (default), or each item of a scope such as roster/post. */
  scope: Scope;
  /** The documents that impose the rule, each with its sentence, in the rule file's order. */
  imposedBy: readonly Citation[];
  message: { zh: string; en: string };
  /** Short bilingual name of the rule (or variant), shown before its id. */
  title: { zh: string; en: string };
  conditions: Condition;
  condition: CompiledCondition;
  /** Facts shown as evidence: those the conditions read and the message shows. */
  evidenceFacts: readonly string[];
  /** The profile parameters the conditions measure against, directly or through a derived fact: they grade its findings. */
  measuredParams: readonly ProfileValueName[];
}

export interface CompiledRuleSet {
  regulation: string;
  title: { zh: string; en: string };
  file: string;
  rules: readonly CompiledRule[];
  /** The file as written, for json-rules-engine. */
  source: RuleFile;
}

const PARAM_NAMES = new Set(Object.keys(profileParamsShape).map((name) => `param.${name}`));

/**
 * Validates a rule file and compiles its conditions. An unknown fact, parameter or placeholder is a load
 * error naming the file and the rule: a typo must not become a rule that silently never fires.
 */
export function loadRuleSet(input: unknown, file: string, factsOfScope: (scope: Scope) => ReadonlySet<string>): CompiledRuleSet {
  const parsed = parseWith(ruleFileSchema, input, file);
  const problems: ValidationIssue[] = [];
  const names = new Set<string>();
  parsed.rules.forEach((rule, index) => {
    const at = `$.rules[${index}]`;
    const scope = rule.event.params.scope ?? 'case';
    const knownFacts = factsOfScope(scope);
    if (names.has(rule.name)) problems.push(issue(`${at}.name`, rule.name, 'a rule name used once in the file'));
    names.add(rule.name);
    if (rule.name.split('/')[0] !== rule.event.params.id) problems.push(issue(`${at}.event.params.id`, rule.event.params.id, `the id the name starts with (${rule.name.split('/')[0]})`));
    if (rule.event.params.regulation !== parsed.regulation) problems.push(issue(`${at}.event.params.regulation`, rule.event.params.regulation, `the file's regulation (${parsed.regulation})`));
    for (const fact of factsOf(rule.conditions)) {
      if (!knownFacts.has(fact) && !PARAM_NAMES.has(fact)) {
        problems.push(issue(`${at}.conditions`, fact, fact.startsWith('param.') ? 'a profile parameter name' : `a fact known in scope ${scope}`));
      } else if (Object.hasOwn(FACT_DESCRIPTIONS, fact) && isLabelType(FACT_DESCRIPTIONS[fact]!.type)) {
        // A label is { zh, en }: equal would compare objects, contains would look for a string among them. Never true.
        problems.push(issue(`${at}.conditions`, fact, 'a fact a condition can compare (this one is words for messages, in both languages: compare its count)', '条件可比较的事实（此事实是供消息显示的中英文文字：请比较其计数）'));
      }
    }
    checkOperands(rule.conditions, `${at}.conditions`, problems);
    const seen = new Set<string>();
    rule.event.params.imposedBy.forEach((sentence, i) => {
      if (!bundledDocuments().has(sentence.document)) problems.push(issue(`${at}.event.params.imposedBy[${i}].document`, sentence.document, 'a document id from rules/documents.json'));
      if (seen.has(sentence.document)) problems.push(issue(`${at}.event.params.imposedBy[${i}].document`, sentence.document, 'each imposing document once'));
      seen.add(sentence.document);
    });
    for (const lang of ['zh', 'en'] as const) {
      for (const name of placeholdersOf(rule.event.params.message[lang])) {
        if (!knownFacts.has(name) && !PARAM_NAMES.has(name)) problems.push(issue(`${at}.event.params.message.${lang}`, `{{${name}}}`, 'a placeholder naming a known fact'));
      }
    }
  });
  if (problems.length) throw new ValidationError(`${file}: rule file`, problems);

  return {
    regulation: parsed.regulation,
    title: parsed.title,
    file,
    source: parsed,
    rules: parsed.rules.map((rule) => {
      const evidence = new Set(factsOf(rule.conditions));
      for (const name of [...placeholdersOf(rule.event.params.message.zh), ...placeholdersOf(rule.event.params.message.en)]) evidence.add(name);
      return {
        name: rule.name,
        id: rule.event.params.id,
        regulation: parsed.regulation,
        severity: rule.event.params.severity,
        scope: rule.event.params.scope ?? 'case',
        imposedBy: rule.event.params.imposedBy.map((sentence) => {
          const document = bundledDocuments().get(sentence.document)!;
          return { source: document.id, seed: document.seed, document: sentence.section ?? document.heading, article: sentence.article, text: sentence.text };
        }),
        message: rule.event.params.message,
        title: rule.event.params.title,
        conditions: rule.conditions,
        condition: compileCondition(rule.conditions),
        evidenceFacts: [...evidence].sort(),
        measuredParams: [...new Set([...factsOf(rule.conditions)].flatMap((fact) => (fact.startsWith('param.') ? [fact.slice(6) as ProfileValueName] : PARAM_BEHIND_FACT[fact] ?? [])))].sort(),
      };
    }),
  };
}

/** in / notIn compare with a list; the other operators with one value. */
function checkOperands(condition: Condition, at: string, problems: ValidationIssue[]): void {
  if ('all' in condition) condition.all.forEach((c, i) => checkOperands(c, `${at}.all[${i}]`, problems));
  else if ('any' in condition) condition.any.forEach((c, i) => checkOperands(c, `${at}.any[${i}]`, problems));
  else if ('not' in condition) checkOperands(condition.not, `${at}.not`, problems);
  else {
    const isList = Array.isArray(condition.value);
    const isRef = typeof condition.value === 'object' && condition.value !== null && !isList;
    const wantsList = condition.operator === 'in' || condition.operator === 'notIn';
    if (!isRef && wantsList !== isList) problems.push(issue(`${at}.value`, condition.value, wantsList ? `a list, for ${condition.operator}` : `a single value, for ${condition.operator}`));
  }
}
