import type { Command } from 'commander';
import type { WorkCalendar } from '../../calendar/work-calendar.js';
import type { calendarArg } from '../args.js';
import type { Lang } from '../messages/common.js';

/** What every command is given: the output streams, the chosen language and the calendar in use. */
export interface CommandContext {
  program: Command;
  /** Terminal-safe output (see `terminalSafe`). */
  io: { out: (text: string) => void; err: (text: string) => void; setExit: (code: number) => void };
  /** Output written as it is: CSV and HTML reports. */
  raw: { out: (text: string) => void };
  lang: () => Lang;
  /** The language help is written in: chosen from argv before the program is built (see `langOf`). */
  help: Lang;
  /** The calendar chosen by --calendar, read once, and the additions it came from. */
  calendarChoice: () => ReturnType<typeof calendarArg>;
  workCalendar: () => WorkCalendar;
}
