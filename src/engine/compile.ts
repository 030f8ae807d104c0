import type { Facts } from '../regulations/context.js';
import { generatedOr } from './generated.js';
import type { TraceNode } from '../schema/report.js';
import type { Condition, LeafCondition, OperatorName } from '../schema/rule-file.js';

export type { TraceNode };

export interface CompiledCondition {
  /** The verdict alone: short-circuits, allocates nothing. */
  test(facts: Facts): boolean;
  /** The verdict with every sub-condition evaluated and recorded. */
  explain(facts: Facts): TraceNode;
}

const isNumeric = (value: unknown) => Number.parseFloat(value as string).toString() !== 'NaN';

/**
 * The operators exactly as json-rules-engine defines them (engine-default-operators.js), including its
 * guards: numeric comparisons are false unless the fact parses as a number, contains needs an array.
 */
const OPERATORS: Record<OperatorName, (fact: unknown, value: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

function compileLeaf(leaf: LeafCondition): CompiledCondition {
  const op = OPERATORS[leaf.operator];
  const factName = leaf.fact;
  const ref = typeof leaf.value === 'object' && leaf.value !== null && !Array.isArray(leaf.value) ? leaf.value.fact : undefined;
  const constant = leaf.value;
  const valueOf = ref === undefined ? () => constant : (facts: Facts) => facts[ref];
  return {
    test: (facts) => op(facts[factName], valueOf(facts)),
    explain: (facts) => {
      const factValue = facts[factName];
      const value = valueOf(facts);
      return { fact: factName, operator: leaf.operator, value: ref === undefined ? value : { fact: ref, is: value }, factValue, result: op(factValue, value) };
    },
  };
}

/** Compiles a json-rules-engine condition tree into plain functions, once per rule-set version. */
export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return {
      test: (facts) => parts.every((p) => p.test(facts)),
      explain: (facts) => {
        const all = parts.map((p) => p.explain(facts));
        return { all, result: all.every((n) => n.result) };
      },
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return {
      test: (facts) => parts.some((p) => p.test(facts)),
      explain: (facts) => {
        const any = parts.map((p) => p.explain(facts));
        return { any, result: any.some((n) => n.result) };
      },
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return {
      test: (facts) => !inner.test(facts),
      explain: (facts) => {
        const not = inner.explain(facts);
        return { not, result: !not.result };
      },
    };
  }
  return compileLeaf(condition);
}

/** Every fact a condition reads, including facts named as comparison values. */
export function factsOf(condition: Condition, into: Set<string> = new Set()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => factsOf(c, into));
  else if ('any' in condition) condition.any.forEach((c) => factsOf(c, into));
  else if ('not' in condition) factsOf(condition.not, into);
  else {
    into.add(condition.fact);
    if (typeof condition.value === 'object' && condition.value !== null && !Array.isArray(condition.value)) into.add(condition.value.fact);
  }
  return into;
}

/** json-rules-engine's numeric guard, without parsing a value that is already a number. */
const numeric = (value: unknown): boolean => (typeof value === 'number' ? value === value : isNumeric(value));

const inlinable = (value: unknown) => value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';

/**
 * A condition as one function of the facts, generated as source once per rule × resolved profile, with the
 * profile's `param.*` values inlined and every fact read directly: the verdict `test` gives, with the operators'
 * semantics written out as in OPERATORS (a differential test holds both to json-rules-engine). Where the host
 * forbids code generation (--disallow-code-generation-from-strings) it is `compileCondition(…).test` over the
 * same facts, with the parameters read from them.
 */
export function compileTest(condition: Condition, params: Readonly<Record<string, unknown>>): (facts: Facts) => boolean {
  const constants: unknown[] = [];
  const constant = (value: unknown) => (inlinable(value) && !Object.is(value, -0) ? `(${JSON.stringify(value)})` : `K[${constants.push(value) - 1}]`);
  const read = (name: string) => (name.startsWith('param.') && Object.hasOwn(params, name.slice(6)) ? constant(params[name.slice(6)]) : `f[${JSON.stringify(name)}]`);
  const source = (node: Condition): string => {
    if ('all' in node) return `(${node.all.map(source).join(' && ')})`;
    if ('any' in node) return `(${node.any.map(source).join(' || ')})`;
    if ('not' in node) return `!${source(node.not)}`;
    const a = read(node.fact);
    const b = typeof node.value === 'object' && node.value !== null && !Array.isArray(node.value) ? read(node.value.fact) : constant(node.value);
    switch (node.operator) {
      case 'equal': return `(${a} === ${b})`;
      case 'notEqual': return `(${a} !== ${b})`;
      case 'in': return `(${b}.indexOf(${a}) > -1)`;
      case 'notIn': return `(${b}.indexOf(${a}) === -1)`;
      case 'contains': return `(Array.isArray(${a}) && ${a}.indexOf(${b}) > -1)`;
      case 'doesNotContain': return `(Array.isArray(${a}) && ${a}.indexOf(${b}) === -1)`;
      case 'lessThan': return `(numeric(${a}) && ${a} < ${b})`;
      case 'lessThanInclusive': return `(numeric(${a}) && ${a} <= ${b})`;
      case 'greaterThan': return `(numeric(${a}) && ${a} > ${b})`;
      case 'greaterThanInclusive': return `(numeric(${a}) && ${a} >= ${b})`;
    }
  };
  const body = source(condition);
  return generatedOr(
    () => new Function('K', 'numeric', `'use strict'; return function test(f) { return ${body}; };`)(constants, numeric) as (facts: Facts) => boolean,
    () => {
      const compiled = compileCondition(condition);
      // Defined, not assigned: a fact record inherits the profile's parameter facts from a frozen object, and assigning
      // over an inherited read-only property throws.
      const paramFacts = Object.fromEntries(Object.entries(params).map(([name, value]) => [`param.${name}`, { value, enumerable: true }]));
      return (facts: Facts) => compiled.test(Object.create(facts, paramFacts) as Facts);
    },
  );
}
