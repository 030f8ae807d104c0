import type { z } from 'zod';
import { issue, ValidationError, type ValidationIssue } from '../errors.js';

/** Renders a zod path as a JSON path: `$.events[3].at`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['a string', '字符串'],
  number: ['a number', '数字'],
  int: ['an integer', '整数'],
  boolean: ['true or false', 'true 或 false'],
  object: ['an object', '对象'],
  array: ['a list', '列表'],
};

/** What a zod issue expected, in words for people (zod's own message says "Invalid input: …"). */
function expectation(problem: z.core.$ZodIssue): [string, string] {
  if (problem.code === 'invalid_type') {
    const [en, zh] = TYPE_NAMES[problem.expected] ?? [problem.expected, problem.expected];
    return problem.input === undefined ? [`${en} (the field is missing)`, `${zh}（缺少该字段）`] : [en, zh];
  }
  if (problem.code === 'invalid_value') {
    const values = problem.values.map((v) => JSON.stringify(v)).join(', ');
    return problem.values.length === 1 ? [values, values] : [`one of ${values}`, `以下之一：${values}`];
  }
  return [problem.message, problem.message];
}

export function zodIssues(input: unknown, error: z.ZodError): ValidationIssue[] {
  return error.issues.map((problem) => {
    const path = problem.code === 'unrecognized_keys' ? [...problem.path, problem.keys[0] ?? ''] : problem.path;
    const found = valueAt(input, path);
    if (problem.code === 'unrecognized_keys') return issue(jsonPath(path), found, 'no such field here (check its spelling and indentation)', '此处没有该字段（请检查拼写和缩进）');
    const [expected, expectedZh] = expectation(problem);
    return issue(jsonPath(path), found, expected, expectedZh);
  });
}

/** Parses with a zod schema; on failure throws a ValidationError naming every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(where, zodIssues(input, result.error));
}
