import { readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { CalendarCoverageError, clip, didYouMean, showValue, ValidationError } from '../errors.js';
import { bundledProfiles } from '../engine/profiles.js';
import { RULES } from './messages/rules.js';
import { instant } from '../schema/case.js';
import type { ProfileInput } from '../schema/profile.js';
import type { CalendarAdditions } from './audit.js';
import type { Bilingual } from '../errors.js';
import { t, type Lang } from './messages/common.js';
import { COMMAND_FOR_FUNCTION, ERRORS } from './messages/errors.js';
import { cellSafe } from './text.js';

/** Exit codes: 0 done, 1 a check found failures, 2 bad usage or bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** Bad usage of the command line: one line on stderr in the language in use, exit 2. */
export class UsageError extends Error {
  /** The line in both languages; a plain string is the same line in both. */
  readonly text: Bilingual;
  constructor(text: string | Bilingual) {
    const both = typeof text === 'string' ? { zh: text, en: text } : text;
    super(both.en);
    this.text = both;
  }
}

/** A JSON file's text; a UTF-8 byte order mark at its start (as Windows tools write) is not part of the JSON. */
export function jsonFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** A profile id (a misspelt one gets the nearest bundled id) or a profile JSON file. */
export function profileArg(value: string): string | ProfileInput {
  if (!value.endsWith('.json')) {
    const known = [...bundledProfiles().keys()];
    if (!known.includes(value)) throw new UsageError(RULES.unknownProfile(showValue(value), didYouMean(value, known), known.join(', ')));
    return value;
  }
  let data: unknown;
  try {
    data = jsonFile(value);
  } catch (error) {
    throw new UsageError(ERRORS.profileOption(value, clip((error as Error).message, 200)));
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
    throw new UsageError(ERRORS.calendarOption(file, (error as Error).message));
  }
  // Extending checks the additions here, once, before any work is spread over threads.
  return { calendar: cnMainlandCalendar().extend(additions), additions };
}

/** Worker threads: at most one per core (more only add memory: each thread may grow to its heap limit). */
export function workersArg(value: string | undefined, warn: (text: string) => void, lang: Lang = 'en'): number {
  const cores = availableParallelism();
  if (value === undefined) return cores;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(ERRORS.workers(showValue(value), cores));
  const n = Number(value);
  if (n > cores) {
    warn(t(lang, ERRORS.workersCapped(n, cores)));
    return cores;
  }
  return n;
}

/** A whole number of working days for `calendar add`: digits with an optional sign, nothing else. */
export function workingDaysArg(value: string): number {
  if (!/^[+-]?\d{1,9}$/.test(value)) throw new UsageError(ERRORS.workingDays(showValue(value)));
  return Number(value);
}

export function asOfArg(value: string): string {
  if (!instant.safeParse(value).success) throw new UsageError(ERRORS.asOf(showValue(value)));
  return value;
}

export function yamlFilesUnder(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(ERRORS.noSuchPath(path));
    }
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else if (/\.ya?ml$/.test(path)) out.push(path);
  };
  paths.forEach(visit);
  return out;
}

/** A validation error as lines `where: message`, with a last line when more issues were found than listed. */
export function validationLines(error: ValidationError, lang: Lang, where = error.where): string {
  const place = forCommandLine(where);
  const lines = error.issues.map((i) => `${cellSafe(place)}: ${cellSafe(forCommandLine(i.message[lang]))}`);
  const more = error.issueCount - error.issues.length;
  if (more > 0) lines.push(`${cellSafe(place)}: ${t(lang, ERRORS.moreIssues(more))}`);
  return lines.join('\n');
}

/** A library message as the command line says it: the command (or option) to run instead of a JS function's name. */
export function forCommandLine(text: string): string {
  let out = text;
  for (const [name, command] of COMMAND_FOR_FUNCTION) out = out.replaceAll(name, command);
  return out;
}

/** A date outside the calendar's data, and what the command line offers for it: `--calendar <file>`. */
export function coverageLine(error: CalendarCoverageError, lang: Lang): string {
  return t(lang, ERRORS.calendarCoverage(error.date, error.coverage.from, error.coverage.to));
}

/** Why one fixture could not run: its validation issues, or the error, as lines naming the file. */
export function fixtureFailure(file: string, error: unknown, lang: Lang): string {
  if (error instanceof ValidationError) return validationLines(error, lang, file);
  if (error instanceof CalendarCoverageError) return `${file}: ${coverageLine(error, lang)}`;
  return `${file}: ${cellSafe(error instanceof Error ? clip(error.message, 500) : showValue(error))}`;
}
