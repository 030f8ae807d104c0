import { readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { evaluate } from '../engine/evaluate.js';
import { listRules } from '../engine/list-rules.js';
import { loadProfile } from '../engine/profiles.js';
import { CalendarCoverageError, clip, showValue, ValidationError } from '../errors.js';
import { fixtureSchema, parseFixture, readFixtureFile, runFixture } from '../fixtures/fixture.js';
import { catalogueSnapshotSchema } from '../schema/catalogue.js';
import { caseSnapshotSchema, instant } from '../schema/case.js';
import { inquirySnapshotSchema } from '../schema/inquiry.js';
import { profileSchema, type ProfileInput } from '../schema/profile.js';
import { reportSchema } from '../schema/report.js';
import { rosterSnapshotSchema } from '../schema/roster.js';
import type { AuditOptions, CalendarAdditions } from './audit.js';
import { auditFile, auditStream } from './audit-run.js';
import { explainReport } from './explain.js';
import { formatCsv, formatHtml, formatTable } from './format.js';
import { label, MATTER_KIND_LABELS, say, type Lang } from './labels.js';
import { OutputError, ReportFile } from './report-file.js';
import { cellSafe, terminalSafe } from './text.js';

/** Exit codes: 0 done, 1 a check found failures, 2 bad usage or bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

class UsageError extends Error {}

/** A JSON file's text; a UTF-8 byte order mark at its start (as Windows tools write) is not part of the JSON. */
function jsonFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function profileArg(value: string): string | ProfileInput {
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
function calendarArg(file: string | undefined): { calendar: WorkCalendar; additions?: CalendarAdditions } {
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
function workersArg(value: string | undefined, warn: (text: string) => void): number {
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
function workingDaysArg(value: string): number {
  if (!/^[+-]?\d{1,9}$/.test(value)) throw new UsageError(`${showValue(value)}: expected a whole number of working days, e.g. 3 or -2`);
  return Number(value);
}

function asOfArg(value: string): string {
  if (!instant.safeParse(value).success) throw new UsageError(`--as-of ${showValue(value)}: expected an ISO instant with offset, e.g. 2025-10-13T18:00:00+08:00`);
  return value;
}

function yamlFilesUnder(paths: string[]): string[] {
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

const SCHEMAS = {
  case: caseSnapshotSchema,
  roster: rosterSnapshotSchema,
  inquiry: inquirySnapshotSchema,
  catalogue: catalogueSnapshotSchema,
  profile: profileSchema,
  fixture: fixtureSchema,
  report: reportSchema,
} as const;

export function buildProgram(raw: { out: (text: string) => void; err: (text: string) => void; setExit: (code: number) => void }): Command {
  // Everything printed is terminal-safe (see `terminalSafe`), except CSV and HTML reports, written as they are.
  const io = { out: (text: string) => raw.out(terminalSafe(text)), err: (text: string) => raw.err(terminalSafe(text)), setExit: raw.setExit };
  const program = new Command('service-center-rules');
  program
    .description('行政服务中心规则检查 — check cases, rosters and logs against service-center regulations')
    .addOption(new Option('--lang <lang>', 'message language 语言').choices(['zh', 'en']).default('zh'))
    .option('--calendar <file>', 'JSON additions to the bundled calendar: next year\'s notice, center closures 日历补充（次年通知、中心停办日）')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  const lang = (): Lang => program.opts().lang as Lang;
  let calendarInUse: ReturnType<typeof calendarArg> | undefined;
  const calendarChoice = () => (calendarInUse ??= calendarArg(program.opts().calendar as string | undefined));
  const workCalendar = (): WorkCalendar => calendarChoice().calendar;

  program
    .command('check')
    .description('run fixture files (YAML) and compare findings with what they expect 运行规则用例')
    .argument('<paths...>', 'fixture files or folders')
    .action((paths: string[]) => {
      let passed = 0;
      let failed = 0;
      for (const file of yamlFilesUnder(paths)) {
        let result;
        try {
          result = runFixture(parseFixture(readFixtureFile(file), file), file);
        } catch (error) {
          // One bad fixture is reported and the rest still run.
          failed++;
          io.err(fixtureFailure(file, error, lang()));
          continue;
        }
        if (result.passed) {
          passed++;
          continue;
        }
        failed++;
        // A finding that fired cites the sentence of the document in force that imposed it; a rule that did not fire,
        // its first imposing sentence.
        const cite = (id: string) => {
          const citation = result.report.findings.find((f) => f.ruleId === id)?.citation ?? listRules().find((r) => r.id === id)?.citation;
          return citation ? `  ${citation.document} ${citation.article}：${citation.text}` : '';
        };
        io.out(`✗ ${file} — ${cellSafe(result.description)}`);
        io.out(`    ${say(lang(), '期望', 'expected')}: ${result.expected.join(', ') || '—'}`);
        io.out(`    ${say(lang(), '实际', 'actual')}:${say(lang(), ' ', '   ')}${result.actual.join(', ') || '—'}`);
        for (const id of result.missing) io.out(`    - ${id} ${say(lang(), '未触发', 'did not fire')}${cite(id)}`);
        for (const id of result.unexpected) io.out(`    + ${id} ${say(lang(), '意外触发', 'fired unexpectedly')}${cite(id)}`);
        for (const id of result.nearMissesFired) io.out(`    ! ${id} ${say(lang(), '近似用例却触发了', 'is a near-miss but fired')}`);
        for (const problem of result.deadlineProblems) io.out(`    ! ${problem}`);
      }
      io.out(say(lang(), `${passed} 通过, ${failed} 失败`, `${passed} passed, ${failed} failed`));
      io.setExit(failed ? EXIT.failed : EXIT.ok);
    });

  program
    .command('audit')
    .description('evaluate a case log (NDJSON, a JSON array, or - for stdin) and summarise 审计案件日志')
    .argument('<log>', 'cases.ndjson | cases.json | -')
    .requiredOption('--profile <id|file>', 'profile id or a profile JSON file')
    .requiredOption('--as-of <instant>', 'the moment the audit describes, e.g. 2025-10-13T18:00:00+08:00')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'html']).default('table'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--fail-on-findings', 'exit 1 when any violation is found')
    .option('--workers <n>', `worker threads (default: this machine's ${availableParallelism()}); 1 runs in one thread`)
    .action(async (log: string, opts: { profile: string; asOf: string; format: string; out?: string; failOnFindings?: boolean; workers?: string }) => {
      // Every option is checked before the log is read: a bad one is one clear line and exit 2, not a lost audit.
      const { additions } = calendarChoice();
      const options: AuditOptions = { profile: profileArg(opts.profile), asOf: asOfArg(opts.asOf), workers: workersArg(opts.workers, io.err), ...(additions ? { calendarAdditions: additions } : {}) };
      loadProfile(options.profile);
      let outFile: ReportFile | undefined;
      try {
        outFile = opts.out === undefined ? undefined : ReportFile.open(opts.out);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'audit {value} cases · {speed} cases/s · {errors} errors', stream: process.stderr }) : undefined;
      if (bar) {
        const started = Date.now();
        bar.start(0, 0, { speed: 0, errors: 0 });
        options.onProgress = ({ cases, errors }) => {
          // Called once per batch of lines, so every call updates the bar.
          bar.update(cases, { speed: Math.round(cases / Math.max(0.001, (Date.now() - started) / 1000)), errors });
        };
      }
      let summary;
      try {
        summary = log === '-' ? await auditStream(process.stdin, options) : await auditFile(log, options);
      } catch (error) {
        bar?.stop();
        outFile?.discard();
        // The log cannot be opened or read (missing, a folder, no permission, an I/O error).
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new UsageError(`${log}: cannot read (${(error as Error).message})`);
        throw error;
      }
      bar?.stop();
      // JSON goes through the terminal filter too: its escapes are JSON escapes, so the values are unchanged.
      const text = opts.format === 'json' ? terminalSafe(JSON.stringify(summary, null, 2)) : opts.format === 'csv' ? formatCsv(summary) : opts.format === 'html' ? formatHtml(summary, lang()) : formatTable(summary, lang());
      if (outFile) {
        try {
          outFile.write(text);
        } catch (error) {
          throw new UsageError((error as OutputError).message);
        }
      } else if (opts.format === 'csv' || opts.format === 'html') raw.out(text);
      else io.out(text);
      io.setExit(opts.failOnFindings && (summary.findingsBySeverity.violation ?? 0) > 0 ? EXIT.failed : EXIT.ok);
    });

  program
    .command('explain')
    .description('one case as a readable trace: each rule, its sentence, the conditions and their values 解释单个案件')
    .argument('<case.json>')
    .requiredOption('--profile <id|file>')
    .requiredOption('--as-of <instant>')
    .action((file: string, opts: { profile: string; asOf: string }) => {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new UsageError(`${file}: cannot read a JSON case (${(error as Error).message})`);
      }
      const report = evaluate(data as never, { profile: profileArg(opts.profile), asOf: asOfArg(opts.asOf), calendar: workCalendar() });
      io.out(explainReport(report, listRules({ profile: profileArg(opts.profile) }), lang()));
      io.setExit(EXIT.ok);
    });

  program
    .command('rules')
    .description('list rule ids with severity, citation and message; with --profile, only the rules that run there and the document that makes each run 列出规则')
    .option('--regulation <id>', 'only this regulation')
    .option('--profile <id|file>', 'only the rules that run under this profile')
    .action((opts: { regulation?: string; profile?: string }) => {
      const rules = listRules({ ...(opts.regulation ? { regulation: opts.regulation } : {}), ...(opts.profile ? { profile: profileArg(opts.profile) } : {}) });
      for (const rule of rules) {
        io.out(`${rule.rule.padEnd(38)} ${rule.severity.padEnd(9)} ${rule.citation.document} ${rule.citation.article}\n    ${rule.message[lang()]}`);
        const why = rule.appliesUnder;
        if (why) {
          const kindNames = (rule.matterKinds ?? []).map((k) => label(MATTER_KIND_LABELS, k, lang())).join(say(lang(), '、', ', '));
          const kinds = kindNames ? say(lang(), `（事项类型：${kindNames}）`, ` (matters: ${kindNames})`) : '';
          io.out(`    ${say(lang(), '适用依据', 'runs under')}: ${why.kind === 'document' ? `${why.title[lang()]} [${why.document}]` : why.reason[lang()]}${kinds}`);
        }
      }
      if (opts.profile) io.out(say(lang(), `共 ${rules.length} 条规则在此配置下运行`, `${rules.length} rules run under this profile`));
      io.setExit(EXIT.ok);
    });

  const calendar = program.command('calendar').description('the mainland working-day calendar 工作日历');
  calendar.command('is-working-day').argument('<date>').action((date: string) => {
    const working = workCalendar().isWorkingDay(date);
    io.out(String(working));
    io.setExit(EXIT.ok);
  });
  calendar.command('add').argument('<date>').argument('<workingDays>').action((date: string, n: string) => {
    io.out(workCalendar().addWorkingDays(date, workingDaysArg(n)));
    io.setExit(EXIT.ok);
  });
  calendar.command('between').argument('<from>').argument('<to>').action((from: string, to: string) => {
    io.out(String(workCalendar().workingDaysBetween(from, to)));
    io.setExit(EXIT.ok);
  });
  calendar.command('info').argument('<date>').action((date: string) => {
    io.out(JSON.stringify(workCalendar().dayInfo(date), null, 2));
    io.setExit(EXIT.ok);
  });

  program
    .command('schema')
    .description('print the JSON Schema of an input format, generated from the zod schemas 输出 JSON Schema')
    .argument('<kind>', Object.keys(SCHEMAS).join(' | '))
    .action((kind: string) => {
      // Own keys only: `schema constructor` or `schema __proto__` is an unknown kind, not Object's.
      const schema = Object.hasOwn(SCHEMAS, kind) ? SCHEMAS[kind as keyof typeof SCHEMAS] : undefined;
      if (!schema) throw new UsageError(`schema ${showValue(kind)}: expected one of ${Object.keys(SCHEMAS).join(', ')}`);
      // Inputs are described as accepted (defaults optional); the report as produced.
      io.out(JSON.stringify(z.toJSONSchema(schema, { io: kind === 'report' ? 'output' : 'input', unrepresentable: 'any' }), null, 2));
      io.setExit(EXIT.ok);
    });

  return program;
}

/** A validation error as lines `where: message`, with a last line when more issues were found than listed. */
function validationLines(error: ValidationError, lang: Lang, where = error.where): string {
  const lines = error.issues.map((i) => `${cellSafe(where)}: ${cellSafe(i.message[lang])}`);
  const more = error.issueCount - error.issues.length;
  if (more > 0) lines.push(`${cellSafe(where)}: ${say(lang, `另有 ${more} 处问题未列出`, `${more} more problem${more === 1 ? '' : 's'} not listed`)}`);
  return lines.join('\n');
}

/** Why one fixture could not run: its validation issues, or the error, as lines naming the file. */
function fixtureFailure(file: string, error: unknown, lang: Lang): string {
  if (error instanceof ValidationError) return validationLines(error, lang, file);
  if (error instanceof CalendarCoverageError) return `${file}: ${lang === 'zh' ? error.messageZh : error.message}`;
  return `${file}: ${cellSafe(error instanceof Error ? clip(error.message, 500) : showValue(error))}`;
}

/** The --lang of an argv, for errors raised before or outside commander's parse. */
function langOf(argv: string[]): Lang {
  const at = argv.indexOf('--lang');
  return (at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7)) === 'en' ? 'en' : 'zh';
}

/** Runs the command line; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: string[], io = { out: (t: string) => console.log(t), err: (t: string) => console.error(t) }): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram({ ...io, setExit: (c) => (code = c) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    const e = error as { code?: string; exitCode?: number };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) return EXIT.badInput;
    const err = (text: string) => io.err(terminalSafe(text));
    if (error instanceof UsageError) err(error.message);
    else if (error instanceof ValidationError) err(validationLines(error, langOf(argv)));
    else if (error instanceof CalendarCoverageError) err(langOf(argv) === 'zh' ? error.messageZh : error.message);
    else throw error;
    return EXIT.badInput;
  }
}
