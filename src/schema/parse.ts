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

export function zodIssues(input: unknown, error: z.ZodError): ValidationIssue[] {
  return error.issues.map((problem) => {
    const path = problem.code === 'unrecognized_keys' ? [...problem.path, problem.keys[0] ?? ''] : problem.path;
    const found = valueAt(input, path);
    if (problem.code === 'unrecognized_keys') return issue(jsonPath(path), found, 'no such field here (check its spelling and indentation)', '此处没有该字段（请检查拼写和缩进）');
    return issue(jsonPath(path), found, problem.message);
  });
}

/** Parses with a zod schema; on failure throws a ValidationError naming every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(where, zodIssues(input, result.error));
}
