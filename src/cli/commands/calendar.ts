import { EXIT, workingDaysArg } from '../args.js';
import type { CommandContext } from './context.js';

/** The `calendar` command. */
export function registerCalendar({ program, io, workCalendar }: CommandContext): void {
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
}
