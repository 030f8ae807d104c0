// The command line run in this process, for the tests of test/cli.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run } from '../../src/cli/main.js';

export const root = join(import.meta.dirname, '..', '..');

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const scratch = (prefix: string) => mkdtempSync(join(tmpdir(), `scr-${prefix}-`));

/** A bundled fixture's parsed YAML. */
export const fixtureData = (path: string): { case: Record<string, unknown>; profile: string; asOf: string } => parse(readFileSync(join(root, 'fixtures', path), 'utf8'));

/** A file in a new scratch folder with the given text; its path. */
export function writeScratch(name: string, text: string): string {
  const file = join(scratch('file'), name);
  writeFileSync(file, text);
  return file;
}
