// The source system's own due date against ours: where they fall on different dates, which days explain it.
import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import type { DayInfo, WorkCalendar } from '../calendar/work-calendar.js';
import type { Bilingual } from '../errors.js';
import type { Report } from '../engine/run-rules.js';
import type { CaseSnapshotInput } from '../schema/case.js';
import type { SourceInstant } from './values.js';

/** Why the two due dates differ: the days between them that one side may have counted differently. */
export type DueDifferenceReason =
  | { kind: 'make-up-workday' | 'holiday' | 'closure'; date: string; to?: string; holiday?: Bilingual; notice?: string }
  | { kind: 'excluded-period'; from: string; to?: string }
  | { kind: 'extension'; at: string; workingDays: number };

export interface DueDisagreement {
  caseId: string;
  /** Our completion due date (report deadline `completion`). */
  ours: string;
  /** The source's 承诺办结时间, as a date (the source writes 23:59:59 on it). */
  theirs: string;
  /** Working days from our due date to theirs (positive: theirs is later). */
  workingDays: number;
  reasons: DueDifferenceReason[];
  message: Bilingual;
}

const KIND_ZH: Record<string, string> = { 'make-up-workday': '调休上班日', holiday: '法定节假日', closure: '中心闭馆日' };

/**
 * Compares the source's due date with the report's completion deadline. Undefined when they agree (same date), when
 * the case has no source due or no completion deadline. Reasons: every make-up working day, holiday or closure from
 * the deadline's start to the later of the two dates, and the suspensions and extensions recorded on the case.
 */
export function compareSourceDue(report: Report, sourceDue: SourceInstant | undefined, options: { snapshot?: CaseSnapshotInput; calendar?: WorkCalendar } = {}): DueDisagreement | undefined {
  const completion = report.deadlines.find((deadline) => deadline.id === 'completion');
  if (!sourceDue || !completion || completion.dueDate === sourceDue.date) return undefined;
  const calendar = options.calendar ?? cnMainlandCalendar();
  const ours = completion.dueDate;
  const theirs = sourceDue.date;
  // Both sides counted from the same start: any day in the counted period that is not an ordinary weekday or weekend
  // may have been counted differently. A holiday's days are one reason, from its first day to its last.
  const from = completion.start.slice(0, 10);
  const to = ours < theirs ? theirs : ours;
  const reasons: DueDifferenceReason[] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    const info: DayInfo = calendar.dayInfo(day);
    if (info.kind !== 'make-up-workday' && info.kind !== 'holiday' && info.kind !== 'closure') continue;
    const last = reasons.at(-1);
    if (info.kind === 'holiday' && last?.kind === 'holiday' && last.holiday?.en === info.holiday?.en && nextDay(last.to ?? last.date) === day) {
      last.to = day;
      continue;
    }
    reasons.push({ kind: info.kind, date: day, ...(info.holiday ? { holiday: info.holiday } : {}), ...(info.notice ? { notice: info.notice } : {}) });
  }
  const events = options.snapshot?.events ?? [];
  for (const event of events) {
    if (event.type === 'suspended') {
      const resumed = events.filter((e) => e.type === 'resumed' && e.at > event.at).map((e) => e.at).sort()[0];
      reasons.push({ kind: 'excluded-period', from: event.at, ...(resumed ? { to: resumed } : {}) });
    }
    if (event.type === 'extension') reasons.push({ kind: 'extension', at: event.at, workingDays: event.workingDays });
  }
  const workingDays = calendar.workingDaysBetween(ours, theirs);
  const zhReasons = reasons.map((reason) =>
    reason.kind === 'excluded-period' ? `中止期间 ${reason.from.slice(0, 10)}–${reason.to?.slice(0, 10) ?? '未恢复'}`
      : reason.kind === 'extension' ? `延长 ${reason.workingDays} 个工作日`
        : `${reason.date}${reason.to ? `–${reason.to}` : ''} ${KIND_ZH[reason.kind]}${reason.holiday ? `（${reason.holiday.zh}）` : ''}`);
  const enReasons = reasons.map((reason) =>
    reason.kind === 'excluded-period' ? `excluded period ${reason.from.slice(0, 10)}–${reason.to?.slice(0, 10) ?? 'not resumed'}`
      : reason.kind === 'extension' ? `extension of ${reason.workingDays} working days`
        : `${reason.date}${reason.to ? `–${reason.to}` : ''} ${reason.kind}${reason.holiday ? ` (${reason.holiday.en})` : ''}`);
  return {
    caseId: report.subject.id,
    ours,
    theirs,
    workingDays,
    reasons,
    message: {
      zh: `源系统承诺办结日期 ${theirs} 与本库计算的 ${ours} 不同${zhReasons.length ? `；可能原因：${zhReasons.join('；')}` : '；两日之间没有节假日或调休，也没有中止或延长'}`,
      en: `the source's promised completion date ${theirs} differs from ours, ${ours}${enReasons.length ? `; possible reasons: ${enReasons.join('; ')}` : '; no holiday, make-up day, suspension or extension lies between them'}`,
    },
  };
}

function nextDay(date: string): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
