import { evaluate } from '../../engine/evaluate.js';
import { listRules } from '../../engine/list-rules.js';
import { clip, ValidationError } from '../../errors.js';
import { asOfArg, EXIT, jsonFile, profileArg, UsageError } from '../args.js';
import { explainReport, explanationData } from '../explain.js';
import { t } from '../messages/common.js';
import { ERRORS, FILE_KINDS } from '../messages/errors.js';
import { HELP } from '../messages/help.js';
import type { CommandContext } from './context.js';

/** The `explain` command. */
export function registerExplain({ program, io, lang, help, workCalendar }: CommandContext): void {
  program
    .command('explain')
    .description(t(help, HELP.explain))
    .argument('<case.json>', t(help, HELP.explainCase))
    .requiredOption('--profile <id|file>', t(help, HELP.profile))
    .requiredOption('--as-of <instant>', t(help, HELP.asOf))
    .option('--all', t(help, HELP.explainAll))
    .option('--json', t(help, HELP.explainJson))
    .action((file: string, opts: { profile: string; asOf: string; all?: boolean; json?: boolean }) => {
      const profile = profileArg(opts.profile);
      const asOf = asOfArg(opts.asOf);
      let data: unknown;
      try {
        data = jsonFile(file);
      } catch (error) {
        throw new UsageError(ERRORS.cannotReadJson(FILE_KINDS.case, file, clip((error as Error).message, 200)));
      }
      let report;
      try {
        report = evaluate(data as never, { profile, asOf, calendar: workCalendar() });
      } catch (error) {
        // The case's problems are named by the file they are in, not by the library function that found them.
        if (error instanceof ValidationError && error.where.startsWith('evaluate')) throw new ValidationError(file, error.issues, error.issueCount);
        throw error;
      }
      const rules = listRules({ profile });
      // JSON goes through the terminal filter too: its escapes are JSON escapes, so the values are unchanged.
      io.out(opts.json ? JSON.stringify(explanationData(report, rules), null, 2) : explainReport(report, rules, lang(), opts.all === true));
      io.setExit(EXIT.ok);
    });
}
