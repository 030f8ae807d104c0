import { Command, Option } from 'commander';
import { CalendarCoverageError, ValidationError } from '../errors.js';
import { calendarArg, EXIT, UsageError, validationLines } from './args.js';
import { registerAudit } from './commands/audit.js';
import { registerCalendar } from './commands/calendar.js';
import { registerCheck } from './commands/check.js';
import type { CommandContext } from './commands/context.js';
import { registerExplain } from './commands/explain.js';
import { registerRules } from './commands/rules.js';
import { registerSchema } from './commands/schema.js';
import type { Lang } from './labels.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { terminalSafe } from './text.js';

export { EXIT } from './args.js';

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

  const context: CommandContext = { program, io, raw, lang, calendarChoice, workCalendar };
  for (const register of [registerCheck, registerAudit, registerExplain, registerRules, registerCalendar, registerSchema]) register(context);
  return program;
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
