// Shared by the hardening tests: the command line run in this process, and the sample log's cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';

export const root = join(import.meta.dirname, '..', '..');
export const sampleLog = join(root, 'fixtures', 'sample', 'cases.ndjson');
export const AS_OF = '2025-11-20T18:00:00+08:00';
export const AUDIT = ['--profile', 'city-12', '--as-of', AS_OF] as const;

/** The sample log's well-formed cases, as text lines. */
export function sampleLines(count: number): string[] {
  return readFileSync(sampleLog, 'utf8')
    .split('\n')
    .filter((line) => {
      try {
        return typeof JSON.parse(line).matter === 'object';
      } catch {
        return false;
      }
    })
    .slice(0, count);
}

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Whether a text is well-formed UTF-16: no surrogate without its pair (String.prototype.isWellFormed, ES2024). */
export const isWellFormed = (text: string): boolean => !/\p{Cs}/u.test(text);
