import { availableParallelism } from 'node:os';
import { Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { loadProfile } from '../../engine/profiles.js';
import { asOfArg, EXIT, profileArg, UsageError, workersArg } from '../args.js';
import type { AuditOptions } from '../audit.js';
import { auditFile, auditStream } from '../audit-run.js';
import { formatCsv, formatHtml, formatTable } from '../format.js';
import { OutputError, ReportFile } from '../report-file.js';
import { terminalSafe } from '../text.js';
import type { CommandContext } from './context.js';

/** The `audit` command. */
export function registerAudit({ program, io, raw, lang, calendarChoice }: CommandContext): void {
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
}
