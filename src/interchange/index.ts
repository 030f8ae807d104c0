// service-center-rules/interchange: the national case-record formats in, e-supervision records out.
export { readCaseRecords, resolveMapping, bundledFormats, compareKeys } from './read.js';
export type { ReadCaseRecordsOptions, BundledFormat } from './read.js';
export type { CaseRecord, ImportItem, RowError, SourceRow } from './assemble.js';
export { formatMappingSchema, mappingOverridesSchema, codeMeanings, roleFields } from './mapping.js';
export type { FormatMapping, FormatMappingInput, MappingOverrides } from './mapping.js';
export { nationalExchange } from './formats/national-exchange.js';
export { eajc } from './formats/eajc.js';
export { parseSourceInstant, readLimit, limitUnits } from './values.js';
export type { SourceInstant, TimeLimit, LimitUnit } from './values.js';
export { compareSourceDue } from './source-due.js';
export type { DueDisagreement, DueDifferenceReason } from './source-due.js';
export {
  supervisionRecords, supervisionRecordSchema, supervisionRecordJsonSchema, supervisionColumns, warningTypes,
  writeSupervisionCsv, writeSupervisionNdjson,
} from './supervision.js';
export type { SupervisionRecord } from './supervision.js';
export { utf8FileOf } from './sources.js';
export type { DetectedEncoding } from './sources.js';
