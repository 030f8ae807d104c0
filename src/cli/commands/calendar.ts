import { EXIT, workingDaysArg } from '../args.js';
import { t } from '../messages/common.js';
import { HELP } from '../messages/help.js';
import type { CommandContext } from './context.js';

/** The `calendar` command. */
export function registerCalendar({ program, io, help, workCalendar }: CommandContext): void {
  const calendar = program.command('calendar').description(t(help, HELP.calendarCommand));
  calendar.command('is-working-day').description(t(help, HELP.isWorkingDay)).argument('<date>', t(help, HELP.date)).action((date: string) => {
    const working = workCalendar().isWorkingDay(date);
    io.out(String(working));
    io.setExit(EXIT.ok);
  });
  calendar.command('add').description(t(help, HELP.add)).argument('<date>', t(help, HELP.date)).argument('<workingDays>', t(help, HELP.workingDays)).action((date: string, n: string) => {
    io.out(workCalendar().addWorkingDays(date, workingDaysArg(n)));
    io.setExit(EXIT.ok);
  });
  calendar.command('between').description(t(help, HELP.between)).argument('<from>', t(help, HELP.from)).argument('<to>', t(help, HELP.to)).action((from: string, to: string) => {
    io.out(String(workCalendar().workingDaysBetween(from, to)));
    io.setExit(EXIT.ok);
  });
  calendar.command('info').description(t(help, HELP.info)).argument('<date>', t(help, HELP.date)).action((date: string) => {
    io.out(JSON.stringify(workCalendar().dayInfo(date), null, 2));
    io.setExit(EXIT.ok);
  });
}
