import { readFileSync } from 'node:fs';
import { evaluate } from '../../engine/evaluate.js';
import { listRules } from '../../engine/list-rules.js';
import { asOfArg, EXIT, profileArg, UsageError } from '../args.js';
import { explainReport } from '../explain.js';
import type { CommandContext } from './context.js';

/** The `explain` command. */
export function registerExplain({ program, io, lang, workCalendar }: CommandContext): void {
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
}
