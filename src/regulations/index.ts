import type { ParamName, RegulationId } from '../schema/profile.js';
import { CASE_FACTS } from './case-facts.js';
import type { CaseContext, Derived, FactCatalogue } from './context.js';
import { deriveOnlineProcessing, OP_FACTS } from './online-processing/facts.js';
import { deriveOneTimeNotification, OTN_FACTS } from './one-time-notification/facts.js';
import { deriveRejectionFiling, RF_FACTS } from './rejection-filing/facts.js';
import { deriveTimedCompletion, TC_FACTS } from './timed-completion/facts.js';

export interface RegulationModule {
  facts: FactCatalogue;
  derive(ctx: CaseContext): Derived;
}

/** Each case regulation's derived facts. Rule files may use these facts, the case facts, and `param.*`. */
export const CASE_REGULATIONS: Record<RegulationId, RegulationModule> = {
  'one-time-notification': { facts: OTN_FACTS, derive: deriveOneTimeNotification },
  'timed-completion': { facts: TC_FACTS, derive: deriveTimedCompletion },
  'rejection-filing': { facts: RF_FACTS, derive: deriveRejectionFiling },
  'online-processing': { facts: OP_FACTS, derive: deriveOnlineProcessing },
};

/** Derived facts that carry a profile parameter, so findings can show where the value comes from. */
export const PARAM_BEHIND_FACT: Readonly<Record<string, ParamName>> = {
  'otn.noticeLimitWorkingDays': 'oneTimeNoticeWorkingDays',
  'tc.jointAllowedWorkingDays': 'jointLimitWorkingDays',
  'tc.deliveryDueDate': 'deliveryWorkingDays',
  'tc.status': 'warnWorkingDays',
};

export { CASE_FACTS };
