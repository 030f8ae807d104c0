import { closeSync, copyFileSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { loadProfile } from '../../engine/profiles.js';
import { asOfArg, EXIT, profileArg, UsageError, workersArg } from '../args.js';
import type { AuditOptions } from '../audit.js';
import { auditFile, auditLines, auditStream } from '../audit-run.js';
import { importedCases, importFormats, interchangeLines, profileForFormat, writeSupervision } from '../interchange-audit.js';
import { INTERCHANGE_TEXT } from '../messages/interchange.js';
import type { BundledFormat } from '../../interchange/index.js';
import { resolveMapping } from '../../interchange/read.js';
import { formatCsv, formatHtml, formatTable } from '../format.js';
import { fill, REPORT_TEXT } from '../messages/report.js';
import { casesByRule } from '../report/html.js';
import { writeXlsx } from '../report/xlsx.js';
import { OutputError, ReportFile } from '../report-file.js';
import { terminalSafe } from '../text.js';
import { AUDIT_HELP, OUTPUT_ERRORS } from '../messages/audit.js';
import { t } from '../messages/common.js';
import type { CommandContext } from './context.js';

/** The `audit` command. */
export function registerAudit({ program, io, raw, lang, help, calendarChoice }: CommandContext): void {
  program
    .command('audit')
    .description(t(help, AUDIT_HELP.command))
    .argument('[log]', t(help, AUDIT_HELP.log))
    .addOption(new Option('--input <format>', t(help, INTERCHANGE_TEXT.inputOption)).choices(['log', ...importFormats]).default('log'))
    .option('--from <folder|url>', t(help, INTERCHANGE_TEXT.fromOption))
    .requiredOption('--profile <id|file>', t(help, AUDIT_HELP.profile))
    .requiredOption('--as-of <instant>', t(help, AUDIT_HELP.asOf))
    .addOption(new Option('--format <format>', t(help, AUDIT_HELP.format)).choices(['table', 'json', 'csv', 'html', 'xlsx', 'ndjson', 'supervision']).default('table'))
    .option('--out <file>', t(help, AUDIT_HELP.out))
    .option('--cases <file>', t(help, AUDIT_HELP.cases))
    .option('--fail-on-findings', t(help, AUDIT_HELP.failOnFindings))
    .option('--workers <n>', fill(t(help, AUDIT_HELP.workers), { cores: availableParallelism() }))
    .action(async (log: string | undefined, opts: { profile: string; asOf: string; format: string; out?: string; cases?: string; failOnFindings?: boolean; workers?: string; input: string; from?: string }) => {
      // Every option is checked before the log is read: a bad one is one clear line and exit 2, not a lost audit.
      const source = sourceArg(log, opts, lang());
      const { additions } = calendarChoice();
      const profile = source.kind === 'export' ? profileForFormat(profileArg(opts.profile), source.format) : profileArg(opts.profile);
      const options: AuditOptions = { profile, asOf: asOfArg(opts.asOf), workers: workersArg(opts.workers, io.err, lang()), ...(additions ? { calendarAdditions: additions } : {}), ...(source.kind === 'export' ? { imported: true } : {}) };
      loadProfile(options.profile);
      if (opts.format === 'xlsx' && opts.out === undefined) throw new UsageError(REPORT_TEXT.xlsxNeedsOut[lang()]);
      let outFile: ReportFile | undefined;
      let casesOut: ReportFile | undefined;
      try {
        outFile = opts.out === undefined ? undefined : ReportFile.open(opts.out);
        casesOut = opts.cases === undefined ? undefined : ReportFile.open(opts.cases, '--cases');
      } catch (error) {
        outFile?.discard();
        throw error instanceof OutputError ? new UsageError(error.text[lang()]) : error;
      }
      // The per-case records go to disk as the audit runs: into the --cases file (or an ndjson report) directly,
      // else into a scratch folder that is removed at the end.
      const needsRecords = casesOut !== undefined || ['ndjson', 'xlsx', 'html'].includes(opts.format);
      const scratch = (needsRecords && !casesOut && !(opts.format === 'ndjson' && outFile)) || opts.format === 'supervision' ? mkdtempSync(join(tmpdir(), 'service-center-audit-')) : undefined;
      const recordsFile = needsRecords ? (casesOut?.temporaryPath ?? (opts.format === 'ndjson' && outFile ? outFile.temporaryPath : join(scratch!, 'cases.ndjson'))) : undefined;
      if (recordsFile) options.casesFile = recordsFile;
      if (opts.format === 'supervision') options.supervisionFile = join(scratch!, 'supervision.ndjson');
      try {
        await runAudit(source, opts, options, { io, raw, lang: lang(), outFile, casesOut, recordsFile });
      } finally {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      }
    });
}

interface Outputs {
  io: CommandContext['io'];
  raw: CommandContext['raw'];
  lang: ReturnType<CommandContext['lang']>;
  outFile: ReportFile | undefined;
  casesOut: ReportFile | undefined;
  recordsFile: string | undefined;
}

/** What is audited: a case log (a file, or - for stdin), or a platform's export in one of the bundled formats. */
type AuditSource = { kind: 'log'; log: string } | { kind: 'export'; format: BundledFormat; from: string };

function sourceArg(log: string | undefined, opts: { input: string; from?: string }, lang: 'zh' | 'en'): AuditSource {
  if (opts.input === 'log') {
    if (opts.from !== undefined) throw new UsageError(INTERCHANGE_TEXT.fromWithoutInput[lang]);
    if (log === undefined) throw new UsageError(INTERCHANGE_TEXT.needsLog[lang]);
    return { kind: 'log', log };
  }
  if (opts.from === undefined) throw new UsageError(fill(INTERCHANGE_TEXT.needsFrom[lang], { format: opts.input }));
  if (log !== undefined) throw new UsageError(fill(INTERCHANGE_TEXT.logAndFrom[lang], { format: opts.input, log }));
  return { kind: 'export', format: opts.input as BundledFormat, from: opts.from };
}

async function runAudit(source: AuditSource, opts: { format: string; failOnFindings?: boolean; out?: string }, options: AuditOptions, { io, raw, lang, outFile, casesOut, recordsFile }: Outputs): Promise<void> {
  const bar = process.stderr.isTTY ? new SingleBar({ format: REPORT_TEXT.progress[lang], stream: process.stderr }) : undefined;
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
    summary =
      source.kind === 'export' ? await auditLines(interchangeLines(importedCases(source.format, source.from)), options)
      : source.log === '-' ? await auditStream(process.stdin, options)
      : await auditFile(source.log, options);
  } catch (error) {
    bar?.stop();
    outFile?.discard();
    casesOut?.discard();
    // The log cannot be opened or read (missing, a folder, no permission, an I/O error).
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new UsageError(fill(OUTPUT_ERRORS.cannotRead[lang], { source: source.kind === 'log' ? source.log : source.from, reason: (error as Error).message }));
    throw error;
  }
  bar?.stop();
  if (source.kind === 'export') {
    const gaps = resolveMapping({ format: source.format }).notRecorded;
    if (gaps.length) summary = { ...summary, notRecorded: gaps.map((gap) => ({ rules: [...gap.rules], because: { ...gap.because } })) };
  }
  try {
    if (opts.format === 'supervision') {
      // CSV for a spreadsheet or a database import when the file is named so; NDJSON otherwise.
      const as = opts.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson';
      if (outFile) {
        // Streamed into the report's temporary file, then put in place.
        const fd = openSync(outFile.temporaryPath, 'w');
        try {
          await writeSupervision(options.supervisionFile!, as, (text) => void writeSync(fd, text));
        } finally {
          closeSync(fd);
        }
        outFile.commit();
      } else await writeSupervision(options.supervisionFile!, as, (text) => raw.out(text.replace(/\n$/, '')));
    } else if (opts.format === 'xlsx') {
      await writeXlsx(outFile!.temporaryPath, summary, lang, recordsFile!);
      outFile!.commit();
    } else if (opts.format === 'ndjson') {
      if (outFile) {
        // The records went straight into the report's file, or into the --cases file and are copied.
        if (recordsFile !== outFile.temporaryPath) copyFileSync(recordsFile!, outFile.temporaryPath);
        outFile.commit();
      } else {
        // Each line through the terminal filter: its escapes are JSON escapes, so the values are unchanged.
        const lines = createInterface({ input: createReadStream(recordsFile!), crlfDelay: Infinity });
        for await (const line of lines) io.out(line);
      }
    } else {
      // JSON goes through the terminal filter too: its escapes are JSON escapes, so the values are unchanged.
      const text =
        opts.format === 'json' ? terminalSafe(JSON.stringify(summary, null, 2))
        : opts.format === 'csv' ? formatCsv(summary)
        : opts.format === 'html' ? formatHtml(summary, lang, await casesByRule(recordsFile!))
        : formatTable(summary, lang);
      if (outFile) outFile.write(text);
      else if (opts.format === 'csv' || opts.format === 'html') raw.out(text);
      else io.out(text);
    }
    casesOut?.commit();
  } catch (error) {
    outFile?.discard();
    casesOut?.discard();
    if (error instanceof OutputError) throw new UsageError(error.text[lang]);
    throw error;
  }
  if (summary.evaluated === 0) {
    // Nothing was checked: a pipeline must not read an empty report as a clean one.
    io.err(REPORT_TEXT.nothingEvaluated[lang]);
    io.setExit(EXIT.badInput);
    return;
  }
  io.setExit(opts.failOnFindings && (summary.findingsBySeverity.violation ?? 0) > 0 ? EXIT.failed : EXIT.ok);
}
