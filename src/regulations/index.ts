import type { ParamName, RegulationId } from '../schema/profile.js';
import type { Scope } from '../schema/scopes.js';
import { AB_CASE_FACTS, AB_LEAVE_FACTS, AB_POST_FACTS, AB_STAFF_FACTS, DEPARTMENT_FACTS, deriveAbCase } from './ab-post/facts.js';
import { CASE_FACTS } from './case-facts.js';
import { CR_FACTS } from './chief-representative/facts.js';
import type { CaseContext, Derived, FactCatalogue } from './context.js';
import { deriveDisclosureCase, DS_CASE_FACTS, DS_CATALOGUE_FACTS, DS_MATTER_FACTS, DS_RESULT_FACTS } from './disclosure/facts.js';
import { FI_FACTS } from './first-inquiry/facts.js';
import { deriveOnlineProcessing, OP_FACTS } from './online-processing/facts.js';
import { deriveOneTimeNotification, OTN_FACTS } from './one-time-notification/facts.js';
import { deriveParallelApproval, PA_CO_FACTS, PA_FACTS } from './parallel-approval/facts.js';
import { deriveRejectionFiling, RF_FACTS } from './rejection-filing/facts.js';
import { deriveTimedCompletion, TC_FACTS } from './timed-completion/facts.js';

export interface RegulationModule {
  facts: FactCatalogue;
  derive(ctx: CaseContext): Derived;
}

/**
 * What each regulation derives from a case. Rule files may use these facts, the case facts, and
 * `param.*`. The people regulations (first inquiry, chief representative) derive nothing from a case;
 * A/B posts and disclosure derive one check each (a substitute's authority, telling the result).
 */
export const CASE_REGULATIONS: Partial<Record<RegulationId, RegulationModule>> = {
  'one-time-notification': { facts: OTN_FACTS, derive: deriveOneTimeNotification },
  'timed-completion': { facts: TC_FACTS, derive: deriveTimedCompletion },
  'rejection-filing': { facts: RF_FACTS, derive: deriveRejectionFiling },
  'online-processing': { facts: OP_FACTS, derive: deriveOnlineProcessing },
  'parallel-approval': { facts: PA_FACTS, derive: deriveParallelApproval },
  'ab-post': { facts: AB_CASE_FACTS, derive: deriveAbCase },
  disclosure: { facts: DS_CASE_FACTS, derive: deriveDisclosureCase },
};

const names = (...catalogues: FactCatalogue[]) => new Set(catalogues.flatMap((c) => Object.keys(c)));
const CASE_SCOPE_FACTS = [CASE_FACTS, ...Object.values(CASE_REGULATIONS).map((m) => m.facts)];

/** The facts a rule of each scope may read (besides `param.*`): an item's own and its subject's. */
export const FACTS_BY_SCOPE: Readonly<Record<Scope, ReadonlySet<string>>> = {
  case: names(...CASE_SCOPE_FACTS),
  'case/co-department': names(...CASE_SCOPE_FACTS, PA_CO_FACTS),
  'roster/post': names(AB_POST_FACTS),
  'roster/leave': names(AB_LEAVE_FACTS),
  'roster/staff': names(AB_STAFF_FACTS),
  'roster/department': names(DEPARTMENT_FACTS),
  'roster/chief-representative': names(CR_FACTS),
  inquiry: names(FI_FACTS),
  catalogue: names(DS_CATALOGUE_FACTS),
  'catalogue/matter': names(DS_CATALOGUE_FACTS, DS_MATTER_FACTS),
  'catalogue/result': names(DS_CATALOGUE_FACTS, DS_RESULT_FACTS),
};

/** Every fact with its description, for documentation and `explain`. */
export const FACT_DESCRIPTIONS: FactCatalogue = Object.assign(
  {},
  ...CASE_SCOPE_FACTS,
  PA_CO_FACTS, AB_POST_FACTS, AB_LEAVE_FACTS, AB_STAFF_FACTS, DEPARTMENT_FACTS, CR_FACTS, FI_FACTS,
  DS_CATALOGUE_FACTS, DS_MATTER_FACTS, DS_RESULT_FACTS,
);

/**
 * Derived facts computed from profile parameters, so that a finding shows where each value comes from and is
 * graded by what the value rests on (a breach measured against a reading of 及时 is a warning).
 */
/** A value of the profile a fact can rest on: a parameter, or the working hours that minutes are counted in. */
export type ProfileValueName = ParamName | 'workingHours';

export const PARAM_BEHIND_FACT: Readonly<Record<string, readonly ProfileValueName[]>> = {
  'otn.noticeLimitWorkingDays': ['oneTimeNoticeWorkingDays'],
  'otn.statutoryLimitWorkingDays': ['statutoryNoticeWorkingDays'],
  'otn.deemedAccepted': ['statutoryNoticeWorkingDays', 'deemedAcceptanceOnLateNotice'],
  'tc.jointAllowedWorkingDays': ['jointLimitWorkingDays', 'jointExtensionMaxWorkingDays'],
  'tc.deliveryDueDate': ['deliveryWorkingDays'],
  'tc.deliveryLate': ['deliveryWorkingDays'],
  'tc.status': ['warnWorkingDays', 'warnElapsedRatio'],
  'tc.repeatedExtensions': ['extensionMaxCount'],
  'tc.repeatedExtensionCount': ['extensionMaxCount'],
  'pa.lateCopies': ['copyWithinWorkingDays'],
  'pa.lateCopyCount': ['copyWithinWorkingDays'],
  'ab.post.vacancies': ['vacancyToleranceMinutes', 'workingHours'],
  'ab.post.vacancyCount': ['vacancyToleranceMinutes', 'workingHours'],
  'ab.post.unstaffed': ['vacancyToleranceMinutes', 'workingHours'],
  'ab.post.vacancyMinutes': ['workingHours'],
  'ab.post.longestVacancyMinutes': ['workingHours'],
  'ab.post.unstaffedMinutes': ['workingHours'],
  'ab.post.longestUnstaffedMinutes': ['workingHours'],
  'ab.staff.attendanceIssues': ['lateToleranceMinutes', 'offPostMinutes', 'halfDayAbsenceMinutes', 'workingHours'],
  'ab.staff.attendanceIssueCount': ['lateToleranceMinutes', 'offPostMinutes', 'halfDayAbsenceMinutes', 'workingHours'],
  'op.entryDelayMinutes': ['workingHours'],
  'op.minutesNotEntered': ['workingHours'],
  'cr.qualified': ['chiefRepQualification'],
  'ds.matter.missingFields': ['guideRequiredFields'],
  'ds.matter.missingFieldCount': ['guideRequiredFields'],
  'ds.unlawfulFees': ['unlawfulInformationFeeItems'],
  'ds.unlawfulFeeCount': ['unlawfulInformationFeeItems'],
  'ds.matter.staleChanges': ['disclosureUpdateWorkingDays'],
  'ds.matter.staleChangeCount': ['disclosureUpdateWorkingDays'],
  'ds.resultNoticeDueDate': ['resultNoticeWorkingDays'],
  'ds.resultNoticeLate': ['resultNoticeWorkingDays'],
};

export { CASE_FACTS };
