import type { Bilingual } from '../errors.js';
import type { CaseTimeline, TimedEvent } from './case-timeline.js';
import { EVENT_WORDS } from './words.js';

/** Every data-integrity finding id: contradictions in a case, a roster or a joint case. */
export const DATA_INTEGRITY_IDS = [
  'DATA-EVENT-AFTER-AS-OF', 'DATA-ACCEPTED-BEFORE-RECEIVED', 'DATA-DECIDED-BEFORE-ACCEPTED', 'DATA-RESUME-WITHOUT-SUSPENSION',
  'DATA-SEVERAL-DECISIONS', 'DATA-OPINION-BEFORE-COPY', 'DATA-PRESENCE-OVERLAP', 'DATA-UNKNOWN-REFERENCE',
] as const;

export interface IntegrityProblem {
  ruleId: string;
  message: Bilingual;
  evidence: Record<string, string | number>;
}

/**
 * Contradictions inside a snapshot that fits the schema. They are reported as findings, never thrown,
 * so that an audit of many cases never stops at one.
 */
export function integrityProblems(tl: CaseTimeline, asOf: string): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const path = (index: number) => `$.events[${index}]`;
  for (const event of tl.future) {
    problems.push({
      ruleId: 'DATA-EVENT-AFTER-AS-OF',
      message: { zh: `事件「${EVENT_WORDS[event.type].zh}」（${event.at}）晚于评估时点 ${asOf}，已忽略`, en: `event ${event.type} at ${event.at} is after the as-of instant ${asOf} and was ignored` },
      evidence: { path: path(event.index), at: event.at },
    });
  }
  const received = tl.first('materials-received');
  const accepted = tl.acceptance;
  if (accepted && received && accepted.ms < received.ms) {
    problems.push({
      ruleId: 'DATA-ACCEPTED-BEFORE-RECEIVED',
      message: { zh: `受理时间 ${accepted.at} 早于收件时间 ${received.at}`, en: `accepted at ${accepted.at}, before the materials were received at ${received.at}` },
      evidence: { path: path(accepted.index), acceptedAt: accepted.at, receivedAt: received.at },
    });
  }
  const decision = tl.decision;
  if (decision && (decision.outcome === 'approved' || decision.outcome === 'refused')) {
    if (!accepted || decision.ms < accepted.ms) {
      problems.push({
        ruleId: 'DATA-DECIDED-BEFORE-ACCEPTED',
        message: accepted
          ? { zh: `决定时间 ${decision.at} 早于受理时间 ${accepted.at}`, en: `decided at ${decision.at}, before acceptance at ${accepted.at}` }
          : { zh: `已作出${decision.outcome === 'approved' ? '准予' : '不予'}许可决定，但没有受理记录`, en: `a ${decision.outcome} decision with no acceptance on record` },
        evidence: { path: path(decision.index), decidedAt: decision.at },
      });
    }
  }
  let openSuspensions = 0;
  for (const event of tl.events) {
    if (event.type === 'suspended') openSuspensions++;
    else if (event.type === 'resumed') {
      if (openSuspensions === 0) {
        problems.push({
          ruleId: 'DATA-RESUME-WITHOUT-SUSPENSION',
          message: { zh: `${event.at} 恢复计时，但此前没有中止记录`, en: `clock resumed at ${event.at} with no suspension before it` },
          evidence: { path: path(event.index), at: event.at },
        });
      } else openSuspensions--;
    }
  }
  // Events are in time order, so the first copy to a department is its earliest: one lookup per opinion.
  const firstCopy = new Map<string, TimedEvent<'copied-to-co-department'>>();
  for (const copy of tl.all('copied-to-co-department')) if (!firstCopy.has(copy.department)) firstCopy.set(copy.department, copy);
  for (const opinion of tl.all('opinion')) {
    const earliest = firstCopy.get(opinion.department);
    if (earliest && earliest.ms > opinion.ms) {
      problems.push({
        ruleId: 'DATA-OPINION-BEFORE-COPY',
        message: { zh: `${opinion.department} 的意见（${opinion.at}）早于抄告给它的时间 ${earliest.at}`, en: `the opinion of ${opinion.department} at ${opinion.at} predates the copy it answers (${earliest.at})` },
        evidence: { path: path(opinion.index), department: opinion.department },
      });
    }
  }
  if (tl.all('decided').length > 1) {
    const second = tl.all('decided')[1]!;
    problems.push({
      ruleId: 'DATA-SEVERAL-DECISIONS',
      message: { zh: `有 ${tl.all('decided').length} 个决定记录；以最早的 ${tl.decision!.at} 为准`, en: `${tl.all('decided').length} decisions on record; the earliest (${tl.decision!.at}) is used` },
      evidence: { path: path(second.index), count: tl.all('decided').length },
    });
  }
  return problems;
}
