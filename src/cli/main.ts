import { Command, Option, type Argument, type Help } from 'commander';
import { version } from '../../package.json';
import { CalendarCoverageError, ValidationError } from '../errors.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { calendarArg, coverageLine, EXIT, UsageError, validationLines } from './args.js';
import { registerAudit } from './commands/audit.js';
import { registerCalendar } from './commands/calendar.js';
import { registerCheck } from './commands/check.js';
import type { CommandContext } from './commands/context.js';
import { registerExplain } from './commands/explain.js';
import { registerProfiles } from './commands/profiles.js';
import { registerRules } from './commands/rules.js';
import { registerSchema } from './commands/schema.js';
import { t, type Lang } from './messages/common.js';
import { COMMANDER_ERRORS, HELP, HELP_EXTRA, HELP_HINT, HELP_TITLES } from './messages/help.js';
import { terminalSafe } from './text.js';

export { EXIT } from './args.js';

/** commander's help, with its headings and the extra words of option descriptions in the language in use. */
function localizedHelp(lang: Lang): Partial<Help> {
  const withExtra = (description: string, choices: readonly string[] | undefined, fallback: unknown): string => {
    const extra: string[] = [];
    if (choices) extra.push(t(lang, HELP_EXTRA.choices(choices.join(', '))));
    if (fallback !== undefined) extra.push(t(lang, HELP_EXTRA.default(JSON.stringify(fallback))));
    if (!extra.length) return description;
    const words = lang === 'zh' ? `（${extra.join('；')}）` : `(${extra.join(', ')})`;
    return description ? `${description}${lang === 'zh' ? '' : ' '}${words}` : words;
  };
  return {
    styleTitle: (title: string) => (Object.hasOwn(HELP_TITLES, title) ? t(lang, HELP_TITLES[title]!) : title),
    optionDescription: (option: Option) => withExtra(option.description ?? '', option.argChoices, option.required || option.optional ? option.defaultValue : undefined),
    argumentDescription: (argument: Argument) => withExtra(argument.description, argument.argChoices, argument.defaultValue),
  };
}

/** One of commander's own error messages in the language in use. */
export function commanderMessage(message: string, lang: Lang): string {
  const text = message.replace(/\n$/, '');
  for (const [pattern, entry] of COMMANDER_ERRORS) {
    const match = pattern.exec(text);
    if (match) return `${t(lang, entry(...match.slice(1).map((group) => group ?? '')))}\n`;
  }
  return message;
}

/**
 * The program, with every text in `lang`: help is printed while parsing, so the language is chosen first, from
 * argv (see `langOf`), and the program built in it.
 */
export function buildProgram(raw: { out: (text: string) => void; err: (text: string) => void; setExit: (code: number) => void }, chosen: Lang = 'zh'): Command {
  // Everything printed is terminal-safe (see `terminalSafe`), except CSV and HTML reports, written as they are.
  const io = { out: (text: string) => raw.out(terminalSafe(text)), err: (text: string) => raw.err(terminalSafe(text)), setExit: raw.setExit };
  const program = new Command('service-center-rules');
  program
    .description(t(chosen, HELP.program))
    .addOption(new Option('--lang <lang>', t(chosen, HELP.lang)).choices(['zh', 'en']).default(chosen === 'en' ? 'en' : 'zh'))
    .option('--calendar <file>', t(chosen, HELP.calendar))
    .version(version, '-V, --version', t(chosen, HELP.version))
    .helpOption('-h, --help', t(chosen, HELP.help))
    .helpCommand('help [command]', t(chosen, HELP.helpCommand))
    .configureHelp(localizedHelp(chosen))
    .showHelpAfterError(t(chosen, HELP_HINT))
    // commander ends what it writes with a line break; io.out and io.err add their own.
    .configureOutput({ writeOut: (text) => io.out(text.replace(/\n$/, '')), writeErr: (text) => io.err(text.replace(/\n$/, '')), outputError: (message, write) => write(commanderMessage(message, chosen)) })
    .exitOverride();
  const lang = (): Lang => (program.opts().lang === 'en' ? 'en' : 'zh');
  let calendarInUse: ReturnType<typeof calendarArg> | undefined;
  const calendarChoice = () => (calendarInUse ??= calendarArg(program.opts().calendar as string | undefined));
  const workCalendar = (): WorkCalendar => calendarChoice().calendar;

  const context: CommandContext = { program, io, raw, lang, help: chosen, calendarChoice, workCalendar };
  for (const register of [registerCheck, registerAudit, registerExplain, registerRules, registerProfiles, registerCalendar, registerSchema]) register(context);
  return program;
}

/** The --lang of an argv, for help and for errors raised before or outside commander's parse. */
export function langOf(argv: readonly string[]): Lang {
  const at = argv.indexOf('--lang');
  return (at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7)) === 'en' ? 'en' : 'zh';
}

/** Runs the command line; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: string[], io = { out: (t: string) => console.log(t), err: (t: string) => console.error(t) }): Promise<number> {
  let code: number = EXIT.ok;
  const lang = langOf(argv);
  const program = buildProgram({ ...io, setExit: (c) => (code = c) }, lang);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    const e = error as { code?: string; exitCode?: number };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) return EXIT.badInput;
    const err = (text: string) => io.err(terminalSafe(text));
    if (error instanceof UsageError) err(error.text[lang]);
    else if (error instanceof ValidationError) err(validationLines(error, lang));
    else if (error instanceof CalendarCoverageError) err(coverageLine(error, lang));
    else throw error;
    return EXIT.badInput;
  }
}
