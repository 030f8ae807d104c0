// The public API of service-center-rules, and nothing else.
export { CalendarCoverageError, ValidationError } from './errors.js';
export type { Bilingual, Coverage, ValidationIssue } from './errors.js';

export { cnMainlandCalendar, cnMainlandCalendarData } from './calendar/cn-mainland.js';
export { createCalendar, WorkCalendar } from './calendar/work-calendar.js';
export type { CalendarOptions, Closure, DayInfo, DayKind } from './calendar/work-calendar.js';
export type { CalendarData, CalendarYear } from './schema/calendar-data.js';
export { WorkingHours } from './calendar/working-hours.js';
export type { WorkingInterval } from './calendar/working-hours.js';
export { computeDeadline, deadlineStatus } from './calendar/deadline.js';
export type { CountingConvention, Deadline, DeadlineInput, DeadlineStatus, WarningThresholds } from './calendar/deadline.js';

export { evaluate, evaluateCatalogue, evaluateInquiry, evaluateRoster } from './engine/evaluate.js';
export type { EvaluateCaseOptions, EvaluateOptions, Finding, ItemRef, Report, RuleTrace, Subject } from './engine/evaluate.js';
export { rosterCoverage } from './engine/coverage.js';
export type { PostCoverage, Vacancy } from './engine/coverage.js';
export { findPersonalData, isResidentIdNumber } from './regulations/disclosure/personal-data.js';
export type { PersonalDataHit } from './regulations/disclosure/personal-data.js';
export { loadProfile } from './engine/profiles.js';
export type { BundledProfileId, LoadProfileOptions, ProfileId, ResolvedProfile } from './engine/profiles.js';
export { bundledProfileIds } from './engine/profiles.js';
export { listRules } from './engine/list-rules.js';
export type { RuleInfo } from './engine/list-rules.js';
export { factCatalogue, factCatalogueJsonSchema } from './engine/fact-catalogue.js';
export type { FactInfo } from './engine/fact-catalogue.js';
export type { TraceNode } from './engine/compile.js';
export type { DeadlineEntry, FactValue, LegalSentence, Obligation, ProfileValueName } from './regulations/context.js';
export type { CaseEvent, CaseSnapshot, CaseSnapshotInput } from './schema/case.js';
export { caseSnapshotSchema } from './schema/case.js';
export type { RosterSnapshot, RosterSnapshotInput } from './schema/roster.js';
export { rosterSnapshotSchema } from './schema/roster.js';
export type { InquirySnapshot, InquirySnapshotInput } from './schema/inquiry.js';
export { inquirySnapshotSchema } from './schema/inquiry.js';
export type { CatalogueSnapshot, CatalogueSnapshotInput } from './schema/catalogue.js';
export { catalogueSnapshotSchema } from './schema/catalogue.js';
export type { Scope, SubjectKind } from './schema/scopes.js';
export type { Profile, ProfileInput, Source } from './schema/profile.js';
export { profileSchema } from './schema/profile.js';
export { reportSchema } from './schema/report.js';
// The closed vocabularies of reports and rule files, each defined once, with the generic words for a deadline's status.
export { DEADLINE_STATUS_LABELS, deadlineStatusSchema, owedBySchema, ruleSeveritySchema, severitySchema } from './schema/vocabulary.js';
export type { OwedBy, RuleSeverity } from './schema/vocabulary.js';
export type { Citation, Severity } from './schema/rule-file.js';
// The per-case lines of `audit --format ndjson` / `audit --cases FILE`, for programs that read them.
export { auditRecordSchema, caseRecordSchema, errorRecordSchema } from './cli/report/case-record.js';
export type { AuditRecord, CaseRecord, DeadlineKind, ErrorRecord } from './cli/report/case-record.js';
