// The figures service centers publish (受理数, 办结数, 按时办结率, 超期件数, 平均办结工作日, 提速率…), counted per case
// from the audit's case records, for the center and for each department, window and month. Every figure is a sum
// of whole numbers, so folding batches in any grouping gives the same result to the last digit.
import type { CaseRecord } from './case-record.js';

/** Fixed-point scale of the per-case speed-up ratio: sums of integers are exact whatever the order of addition. */
const RATIO_SCALE = 1_000_000;

export interface Figures {
  /** 收件: every evaluated case. */
  received: number;
  /** 受理: an accepted event on record. */
  accepted: number;
  /** 办结: decided, approved or refused. */
  completed: number;
  /** Completed cases whose completion clock ran (the base of 按时办结率). */
  completedTimed: number;
  /** 按时办结: completed by the completion deadline. */
  completedOnTime: number;
  /** 超期在办: still open past the completion deadline. */
  overdueOpen: number;
  /** Open with the completion clock running, not yet overdue. */
  openInTime: number;
  /** 超期办结: completed after it. */
  overdueClosed: number;
  /** 不予许可. */
  refused: number;
  /** 不予受理. */
  notAccepted: number;
  /** Cases given at least one 补正告知. */
  deficiencyNotices: number;
  /** Working days used by the completed cases whose clock ran. */
  workingDaysUsed: number;
  /** Of those, the cases with a promised limit on record: their working days used and their promised limits. */
  promised: { cases: number; workingDaysUsed: number; limitWorkingDays: number };
  /** …and with a legal limit above zero on record: days used, legal limits, and Σ(法定 − 实际)/法定 in millionths. */
  legal: { cases: number; workingDaysUsed: number; limitWorkingDays: number; speedUpMillionths: number };
}

export const emptyFigures = (): Figures => ({
  received: 0,
  accepted: 0,
  completed: 0,
  completedTimed: 0,
  completedOnTime: 0,
  overdueOpen: 0,
  openInTime: 0,
  overdueClosed: 0,
  refused: 0,
  notAccepted: 0,
  deficiencyNotices: 0,
  workingDaysUsed: 0,
  promised: { cases: 0, workingDaysUsed: 0, limitWorkingDays: 0 },
  legal: { cases: 0, workingDaysUsed: 0, limitWorkingDays: 0, speedUpMillionths: 0 },
});

/** Adds `from` into `into`. */
export function addFigures(into: Figures, from: Figures): Figures {
  // Written out, not looped over a list of keys: an audit adds a case's figures four times (center, department,
  // window, month).
  into.received += from.received;
  into.accepted += from.accepted;
  into.completed += from.completed;
  into.completedTimed += from.completedTimed;
  into.completedOnTime += from.completedOnTime;
  into.overdueOpen += from.overdueOpen;
  into.openInTime += from.openInTime;
  into.overdueClosed += from.overdueClosed;
  into.refused += from.refused;
  into.notAccepted += from.notAccepted;
  into.deficiencyNotices += from.deficiencyNotices;
  into.workingDaysUsed += from.workingDaysUsed;
  into.promised.cases += from.promised.cases;
  into.promised.workingDaysUsed += from.promised.workingDaysUsed;
  into.promised.limitWorkingDays += from.promised.limitWorkingDays;
  into.legal.cases += from.legal.cases;
  into.legal.workingDaysUsed += from.legal.workingDaysUsed;
  into.legal.limitWorkingDays += from.legal.limitWorkingDays;
  into.legal.speedUpMillionths += from.legal.speedUpMillionths;
  return into;
}

/** One case's contribution. */
export function caseFigures(record: CaseRecord): Figures {
  const f = emptyFigures();
  f.received = 1;
  if (record.accepted) f.accepted = 1;
  if (record.completed) f.completed = 1;
  if (record.outcome === 'refused') f.refused = 1;
  if (record.outcome === 'not-accepted') f.notAccepted = 1;
  if (record.deficiencyNotice) f.deficiencyNotices = 1;
  const c = record.completion;
  if (!c) return f;
  if (c.status === 'overdue') f.overdueOpen = 1;
  if (c.status === 'on-track' || c.status === 'due-soon') f.openInTime = 1;
  if (record.completed) {
    f.completedTimed = 1;
    if (c.status === 'met') f.completedOnTime = 1;
    if (c.status === 'missed') f.overdueClosed = 1;
    f.workingDaysUsed = c.workingDaysUsed;
    if (c.promisedLimitWorkingDays !== null) f.promised = { cases: 1, workingDaysUsed: c.workingDaysUsed, limitWorkingDays: c.promisedLimitWorkingDays };
    const legal = c.legalLimitWorkingDays;
    if (legal !== null && legal > 0) {
      const speedUp = Math.round(((legal - c.workingDaysUsed) / legal) * RATIO_SCALE);
      f.legal = { cases: 1, workingDaysUsed: c.workingDaysUsed, limitWorkingDays: legal, speedUpMillionths: speedUp };
    }
  } else if (c.status === 'missed') {
    // Closed late without an approval or refusal (returned): late all the same.
    f.overdueClosed = 1;
  }
  return f;
}

/** The published ratios and means; null where there is nothing to divide by. */
export interface Rates {
  /** 按时办结率 = 按时办结 ÷ 办结件中计时者. */
  onTimeRate: number | null;
  /** 平均办结工作日. */
  meanWorkingDays: number | null;
  /** Mean promised limit, and mean days used, over the completed cases with a promise on record. */
  meanPromisedLimit: number | null;
  meanUsedAgainstPromised: number | null;
  /** Mean legal limit, and mean days used, over the completed cases with a legal limit on record. */
  meanLegalLimit: number | null;
  meanUsedAgainstLegal: number | null;
  /** 提速率 = mean over those cases of (法定时限 − 实际办理工作日) ÷ 法定时限. */
  speedUpRate: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function rates(f: Figures): Rates {
  return {
    onTimeRate: ratio(f.completedOnTime, f.completedTimed),
    meanWorkingDays: ratio(f.workingDaysUsed, f.completedTimed),
    meanPromisedLimit: ratio(f.promised.limitWorkingDays, f.promised.cases),
    meanUsedAgainstPromised: ratio(f.promised.workingDaysUsed, f.promised.cases),
    meanLegalLimit: ratio(f.legal.limitWorkingDays, f.legal.cases),
    meanUsedAgainstLegal: ratio(f.legal.workingDaysUsed, f.legal.cases),
    speedUpRate: f.legal.cases === 0 ? null : f.legal.speedUpMillionths / RATIO_SCALE / f.legal.cases,
  };
}

/** A rate as a percentage with one decimal (`93.5%`), or `—`. */
export const percent = (value: number | null): string => (value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`);
/** A mean with one decimal, or `—`. */
export const mean = (value: number | null): string => (value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1));
