import { readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { CalendarCoverageError, clip, showValue, ValidationError } from '../errors.js';
import { instant } from '../schema/case.js';
import type { ProfileInput } from '../schema/profile.js';
import type { CalendarAdditions } from './audit.js';
import { say, type Lang } from './labels.js';
import { cellSafe } from './text.js';

/** Exit codes: 0 done, 1 a check found failures, 2 bad usage or bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** Bad usage of the command line: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** A JSON file's text; a UTF-8 byte order mark at its start (as Windows tools write) is not part of the JSON. */
export function jsonFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

export function profileArg(value: string): string | ProfileInput {
  if (!value.endsWith('.json')) return value;
  let data: unknown;
  try {
    data = jsonFile(value);
  } catch (error) {
    throw new UsageError(`--profile ${value}: cannot read a JSON profile (${(error as Error).message})`);
  }
  return data as ProfileInput;
}

/** Additions to the bundled calendar from a file in the `extend` format: `{ "years": {…}, "closures": […] }`. */
export function calendarArg(file: string | undefined): { calendar: WorkCalendar; additions?: CalendarAdditions } {
  if (!file) return { calendar: cnMainlandCalendar() };
  let additions: CalendarAdditions;
  try {
    additions = jsonFile(file) as CalendarAdditions;
  } catch (error) {
    throw new UsageError(`--calendar ${file}: cannot read a JSON file (${(error as Error).message})`);
  }
  // Extending checks the additions here, once, before any work is spread over threads.
  return { calendar: cnMainlandCalendar().extend(additions), additions };
}

/** Worker threads: at most one per core (more only add memory: each thread may grow to its heap limit). */
export function workersArg(value: string | undefined, warn: (text: string) => void): number {
  const cores = availableParallelism();
  if (value === undefined) return cores;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--workers ${showValue(value)}: expected a whole number from 1 to ${cores}`);
  const n = Number(value);
  if (n > cores) {
    warn(`--workers ${n}: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores}`);
    return cores;
  }
  return n;
}

/** A whole number of working days for `calendar add`: digits with an optional sign, nothing else. */
export function workingDaysArg(value: string): number {
  if (!/^[+-]?\d{1,9}$/.test(value)) throw new UsageError(`${showValue(value)}: expected a whole number of working days, e.g. 3 or -2`);
  return Number(value);
}

export function asOfArg(value: string): string {
  if (!instant.safeParse(value).success) throw new UsageError(`--as-of ${showValue(value)}: expected an ISO instant with offset, e.g. 2025-10-13T18:00:00+08:00`);
  return value;
}

export function yamlFilesUnder(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else if (/\.ya?ml$/.test(path)) out.push(path);
  };
  paths.forEach(visit);
  return out;
}

/** A validation error as lines `where: message`, with a last line when more issues were found than listed. */
export function validationLines(error: ValidationError, lang: Lang, where = error.where): string {
  const lines = error.issues.map((i) => `${cellSafe(where)}: ${cellSafe(i.message[lang])}`);
  const more = error.issueCount - error.issues.length;
  if (more > 0) lines.push(`${cellSafe(where)}: ${say(lang, `另有 ${more} 处问题未列出`, `${more} more problem${more === 1 ? '' : 's'} not listed`)}`);
  return lines.join('\n');
}

/** Why one fixture could not run: its validation issues, or the error, as lines naming the file. */
export function fixtureFailure(file: string, error: unknown, lang: Lang): string {
  if (error instanceof ValidationError) return validationLines(error, lang, file);
  if (error instanceof CalendarCoverageError) return `${file}: ${lang === 'zh' ? error.messageZh : error.message}`;
  return `${file}: ${cellSafe(error instanceof Error ? clip(error.message, 500) : showValue(error))}`;
}
