// The one engine that applies a format mapping: reads each row's mapped columns into typed fields, and turns the rows
// of one case (grouped by 办件编号) into a case snapshot validated by the library's own schema. No code here knows a
// column name; those are in the mapping files.
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { showValue, type Bilingual } from '../errors.js';
import { caseSnapshotSchema, type CaseSnapshotInput, type suspensionReasons } from '../schema/case.js';
import { jsonPath } from '../schema/parse.js';
import { fieldType, type FormatMapping, type Role, type TableMapping } from './mapping.js';
import { parseSourceInstant, readLimit, uncountableLimit, type LimitUnit, type SourceInstant, type TimeLimit } from './values.js';

/** One row as a source gives it: column → text (null or '' for an empty cell). */
export type SourceRow = Readonly<Record<string, string | null | undefined>>;

/** A row (or a table, or the source) that could not be mapped: where, what was there, what was expected. */
export interface RowError {
  kind: 'row-error';
  /** The file or database the row came from (a database URL without its password). */
  source: string;
  table: string;
  /** The row's 办件编号 (or item code in the catalogue); absent for an error about a whole table or source. */
  key?: string;
  column?: string;
  value?: string;
  expected: Bilingual;
  /** The case the error keeps from the audit, when the row is not the case's own (e.g. its item in the catalogue). */
  caseId?: string;
}

/** One case read from an export: the snapshot and the source system's own due instant. */
export interface CaseRecord {
  kind: 'case';
  caseId: string;
  snapshot: CaseSnapshotInput;
  /** 承诺办结时间 as the source wrote it, read into an instant (its date is what is compared). */
  sourceDue?: SourceInstant;
  /**
   * A suspension's own limit (特别程序时限), where the record gives one: the case snapshot has no place for it yet, so it
   * is carried here rather than dropped.
   */
  suspensionLimits?: { at: string; limit: TimeLimit }[];
}

export type ImportItem = CaseRecord | RowError;

type FieldValue = string | SourceInstant;
/** A row's fields, read: text, an instant, or a code's meaning. */
type ReadRow = { fields: Record<string, FieldValue>; raw: Record<string, string> };

const present = (value: string | null | undefined): value is string => value != null && value.trim() !== '';

/** The cell of a row, trimmed; undefined when empty. */
export function cell(row: SourceRow, column: string): string | undefined {
  const value = row[column];
  return present(value) ? value.trim() : undefined;
}

const expectedOf = (zh: string, en: string): Bilingual => ({ zh, en });

/** Reads a row's mapped columns. Every cell that does not fit is an error naming the table, key, column and value. */
export function readRow(table: TableMapping, row: SourceRow, source: string, codeLists: CodeLists): { row: ReadRow; errors: RowError[] } {
  const key = cell(row, table.key);
  const errors: RowError[] = [];
  const fields: Record<string, FieldValue> = {};
  const raw: Record<string, string> = {};
  const fail = (column: string, value: string | undefined, expected: Bilingual) =>
    errors.push({ kind: 'row-error', source, table: table.table, ...(key === undefined ? {} : { key }), column, ...(value === undefined ? {} : { value }), expected });
  for (const [name, field] of Object.entries(table.fields)) {
    const value = cell(row, field.column);
    if (value === undefined) {
      if (field.required) fail(field.column, undefined, expectedOf(`必填：${field.column}（${name}）不能为空`, `a value: ${field.column} (${name}) is required`));
      continue;
    }
    raw[name] = value;
    const type = fieldType(table.role, name);
    if (type === 'instant') {
      const instant = parseSourceInstant(value);
      if (instant) fields[name] = instant;
      else fail(field.column, value, expectedOf('日期时间（YYYYMMDDhhmmss、YYYYMMDDThhmmss、YYYYMMDDhh:mm:ss、YYYY-MM-DD HH:mm:ss 或日期），按北京时间读取', 'a date-time (YYYYMMDDhhmmss, YYYYMMDDThhmmss, YYYYMMDDhh:mm:ss, YYYY-MM-DD HH:mm:ss or a date), read in Asia/Shanghai'));
    } else if (type === 'integer') {
      if (/^\d{1,6}(?:\.0+)?$/.test(value)) fields[name] = value;
      else fail(field.column, value, expectedOf('非负整数', 'a non-negative whole number'));
    } else if (typeof type === 'object') {
      const list = codeLists[field.codes!]!;
      const meaning = list.codes[value];
      if (meaning !== undefined) fields[name] = meaning;
      else {
        const listed = Object.entries(list.codes).map(([code, m]) => `${code}=${m}`).join(', ');
        fail(field.column, value, expectedOf(`${list.title}代码之一（${listed}）`, `a code of ${list.title} (${listed})`));
      }
    } else fields[name] = value;
  }
  return { row: { fields, raw }, errors };
}

export type CodeLists = Record<string, { title: string; codes: Record<string, string> }>;

/** An item of the catalogue, read. */
export interface CatalogueItem {
  row: ReadRow;
}

/** What assembly needs besides the rows: the mapping, code lists after overrides, the catalogue, the calendar. */
export interface AssemblyContext {
  mapping: FormatMapping;
  codeLists: CodeLists;
  catalogue: ReadonlyMap<string, CatalogueItem>;
  calendar: WorkCalendar;
  /** The source name of each table (its file, or the database URL). */
  sourceOf: (table: string) => string;
}

const text = (row: ReadRow, name: string): string | undefined => {
  const value = row.fields[name];
  return typeof value === 'string' ? value : undefined;
};
const instantOf = (row: ReadRow, name: string): SourceInstant | undefined => {
  const value = row.fields[name];
  return typeof value === 'object' ? value : undefined;
};

/**
 * The rows of one case, from every table, become one case snapshot, or the errors that stop it. A case with any
 * row that cannot be mapped is not audited (a partial record would be guessed), and every such row is reported.
 */
export function assembleCase(context: AssemblyContext, caseId: string, rowsByTable: ReadonlyMap<string, readonly SourceRow[]>): ImportItem[] {
  // One column can feed two fields (acceptance stands for entry too): its problem is reported once.
  const seen = new Set<string>();
  return assemble(context, caseId, rowsByTable).filter((item) => {
    const signature = JSON.stringify(item);
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

function assemble(context: AssemblyContext, caseId: string, rowsByTable: ReadonlyMap<string, readonly SourceRow[]>): ImportItem[] {
  const { mapping } = context;
  const errors: RowError[] = [];
  const read = new Map<Role, { table: TableMapping; rows: ReadRow[] }[]>();
  for (const table of mapping.tables) {
    if (table.role === 'catalogue') continue;
    const rows = rowsByTable.get(table.table) ?? [];
    const readRows: ReadRow[] = [];
    for (const row of rows) {
      const result = readRow(table, row, context.sourceOf(table.table), context.codeLists);
      errors.push(...result.errors);
      readRows.push(result.row);
    }
    const list = read.get(table.role) ?? [];
    list.push({ table, rows: readRows });
    read.set(table.role, list);
  }
  const acceptTable = mapping.tables.find((table) => table.role === 'accept')!;
  const acceptRows = read.get('accept')?.[0]?.rows ?? [];
  const fail = (table: TableMapping, column: string | undefined, value: string | undefined, expected: Bilingual) => {
    // A catalogue row is keyed by its item code; the case it stops is named beside it.
    const key = table.role === 'catalogue' ? { key: String(context.catalogue.get(text(acceptRows[0]!, 'matterCode') ?? '')?.row.raw.matterCode ?? ''), caseId } : { key: caseId };
    errors.push({ kind: 'row-error', source: context.sourceOf(table.table), table: table.table, ...key, ...(column === undefined ? {} : { column }), ...(value === undefined ? {} : { value }), expected });
  };

  if (acceptRows.length === 0) {
    // Every row of a case that was never accepted is reported: it cannot be audited, and it is not dropped.
    for (const table of mapping.tables) {
      if (table.role === 'catalogue') continue;
      for (const _row of rowsByTable.get(table.table) ?? []) {
        fail(table, table.key, caseId, expectedOf(`${acceptTable.table} 中有该办件编号的受理行`, `an acceptance row for this case in ${acceptTable.table}`));
      }
    }
    return errors;
  }
  const accept = mergeDuplicates(acceptTable, acceptRows, fail);
  const resultEntry = read.get('result')?.[0];
  const result = resultEntry && resultEntry.rows.length ? mergeDuplicates(resultEntry.table, resultEntry.rows, fail) : undefined;
  if (errors.length || !accept) return errors;

  // The item: from the catalogue when the format has one, with the acceptance row's own values taking precedence.
  const catalogueTable = mapping.tables.find((table) => table.role === 'catalogue');
  const matterCode = text(accept, 'matterCode')!;
  const item = context.catalogue.get(matterCode);
  if (catalogueTable && !item) {
    fail(acceptTable, acceptTable.fields.matterCode?.column, matterCode, expectedOf(`${catalogueTable.table} 中登记的实施编码`, `an item code listed in ${catalogueTable.table}`));
    return errors;
  }
  const pick = (name: string) => (accept.fields[name] !== undefined ? { row: accept, table: acceptTable } : item && item.row.fields[name] !== undefined ? { row: item.row, table: catalogueTable! } : undefined);

  const limitOf = (valueName: string, unitName: string): number | undefined => {
    const from = pick(valueName);
    if (!from) return undefined;
    const valueText = text(from.row, valueName)!;
    const unit = text(from.row, unitName) as LimitUnit | undefined;
    if (!unit) {
      fail(from.table, from.table.fields[unitName]?.column ?? unitName, undefined, expectedOf('时限单位（工作日、自然日…）', 'the unit of the limit (working days, natural days…)'));
      return undefined;
    }
    const limit = readLimit(valueText, unit) as TimeLimit;
    if (limit.unit !== 'working-days') {
      fail(from.table, from.table.fields[unitName]?.column, from.row.raw[unitName], uncountableLimit(limit));
      return undefined;
    }
    return limit.days;
  };
  const legal = limitOf('legalLimit', 'legalLimitUnit');
  const promised = limitOf('promisedLimit', 'promisedLimitUnit');
  const classFrom = pick('caseClass');
  if (!classFrom) fail(acceptTable, acceptTable.fields.caseClass?.column, undefined, expectedOf('办件类型（即办件、承诺件…）', 'the case class (即办件, 承诺件…)'));
  if (errors.length) return errors;

  const events: CaseSnapshotInput['events'] = [];
  const acceptedAt = instantOf(accept, 'acceptedAt')!;
  const sourceDue = instantOf(accept, 'sourceDue');
  const materialNames = (read.get('material') ?? []).flatMap((entry) => entry.rows.map((row) => text(row, 'name')!));
  const appliedAt = instantOf(accept, 'appliedAt');
  if (appliedAt) events.push({ type: 'materials-received', at: appliedAt.instant, items: [...new Set(materialNames)] });
  const acceptedBy = text(accept, 'acceptedBy');
  const noticeColumn = acceptTable.fields.acceptanceDocument;
  events.push({
    type: 'accepted',
    at: acceptedAt.instant,
    ...(acceptedBy ? { by: acceptedBy } : {}),
    // Without a document column the format does not say, and the platform issues the notice with every acceptance.
    acceptanceNotice: noticeColumn ? text(accept, 'acceptanceDocument') !== undefined : true,
    ...(sourceDue ? { promisedCompletion: sourceDue.date } : {}),
  });
  const enteredAt = instantOf(accept, 'enteredAt');
  if (enteredAt) events.push({ type: 'entered-into-system', at: enteredAt.instant });

  for (const { rows } of read.get('process') ?? []) {
    for (const row of rows) {
      const action = text(row, 'action');
      const start = instantOf(row, 'startAt')!;
      const handler = text(row, 'handler');
      const by = handler ? { by: handler } : {};
      if (action === 'deficiency-notice') {
        // The platform sends the 补正告知 as a written notice; its items are not exchanged.
        events.push({ type: 'deficiency-notice', at: start.instant, ...by, items: [], form: 'written' });
      } else if (action === 'suspension') {
        events.push({ type: 'suspended', at: start.instant, ...by, reason: suspensionReason(context, text(row, 'stepName')), writtenNotice: mapping.specialProcedureApprovedAndNotified });
        const end = instantOf(row, 'endAt');
        if (end && end.instant !== start.instant) events.push({ type: 'resumed', at: end.instant });
      }
    }
  }
  const suspensionLimits: { at: string; limit: TimeLimit }[] = [];
  for (const { table, rows } of read.get('special') ?? []) {
    for (const row of rows) {
      const start = instantOf(row, 'startAt')!;
      const end = instantOf(row, 'endAt');
      const reason = text(row, 'reason');
      if (text(row, 'kind') === 'extension') {
        let days: number | undefined;
        if (row.fields.limit !== undefined) {
          const unit = (text(row, 'limitUnit') ?? 'working-days') as LimitUnit;
          const limit = readLimit(text(row, 'limit')!, unit)!;
          if (limit.unit !== 'working-days') fail(table, table.fields.limitUnit?.column, row.raw.limitUnit, uncountableLimit(limit));
          else days = limit.days;
        } else if (end) {
          days = context.calendar.workingDaysBetween(start.date, end.date);
        }
        if (days === undefined || days < 1) {
          if (!errors.length) fail(table, table.fields.endAt?.column ?? table.fields.startAt?.column, end?.instant ?? start.instant, expectedOf('延长审批的时限，或晚于开始日的结束时间', 'the extension\'s limit, or an end later than its start'));
          continue;
        }
        const approved = mapping.specialProcedureApprovedAndNotified;
        events.push({
          type: 'extension', at: start.instant, workingDays: days, ...(reason ? { reason } : {}),
          writtenNotice: approved, copiedToCenter: approved, approvedBy: approved ? 'agency-head' : 'none',
        });
      } else {
        const limitText = text(row, 'limit');
        if (limitText !== undefined) suspensionLimits.push({ at: start.instant, limit: readLimit(limitText, (text(row, 'limitUnit') ?? 'working-days') as LimitUnit)! });
        events.push({ type: 'suspended', at: start.instant, reason: suspensionReason(context, text(row, 'name')), writtenNotice: mapping.specialProcedureApprovedAndNotified, ...(reason ? { note: reason } : {}) });
        if (end) events.push({ type: 'resumed', at: end.instant });
      }
    }
  }
  if (result && resultEntry) {
    const outcome = text(result, 'outcome')!;
    const completedAt = instantOf(result, 'completedAt')!;
    if (outcome === 'void' || outcome === 'deleted' || outcome === 'forwarded') {
      const column = resultEntry.table.fields.outcome?.column;
      fail(resultEntry.table, column, result.raw.outcome, expectedOf('可审查的办结结果（准予、不予许可、不予受理、退件）：作废、删除、转报办结的办件没有可审查的决定', 'an outcome the library audits (approved, refused, not accepted, returned): a voided, deleted or forwarded case has no decision to audit'));
      return errors;
    }
    const handler = text(result, 'handler');
    const explanation = text(result, 'explanation');
    events.push({
      type: 'decided', at: completedAt.instant, ...(handler ? { by: handler } : {}),
      outcome: outcome as 'approved' | 'refused' | 'not-accepted' | 'returned',
      ...(explanation && outcome !== 'approved' ? { reasons: explanation } : {}),
    });
  }
  if (errors.length) return errors;

  const applicantName = text(accept, 'applicantName');
  const snapshot: CaseSnapshotInput = {
    id: caseId,
    matter: {
      id: matterCode,
      name: text(accept, 'matterName') ?? (item ? text(item.row, 'matterName') : undefined) ?? matterCode,
      department: text(accept, 'department')!,
      class: text(classFrom!.row, 'caseClass') as CaseSnapshotInput['matter']['class'],
      ...(legal === undefined ? {} : { legalLimitWorkingDays: legal }),
      ...(promised === undefined ? {} : { promisedLimitWorkingDays: promised }),
    },
    channel: (text(accept, 'channel') ?? 'window') as 'window' | 'online',
    ...(applicantName ? { applicant: { name: applicantName } } : {}),
    events,
  };
  // The library's own schema is the last word: anything it refuses is reported against the acceptance row.
  const checked = caseSnapshotSchema.safeParse(snapshot);
  if (!checked.success) {
    for (const problem of checked.error.issues) {
      fail(acceptTable, undefined, showValue(problem.path.length ? jsonPath(problem.path) : '$'), expectedOf(`符合案件快照结构：${problem.message}`, `a case the snapshot schema accepts: ${problem.message}`));
    }
    return errors;
  }
  return [{ kind: 'case', caseId, snapshot, ...(sourceDue ? { sourceDue } : {}), ...(suspensionLimits.length ? { suspensionLimits } : {}) }];
}

/** Several rows of a table for one case must agree; identical copies are one row, differing ones an error per column. */
function mergeDuplicates(table: TableMapping, rows: readonly ReadRow[], fail: (table: TableMapping, column: string | undefined, value: string | undefined, expected: Bilingual) => void): ReadRow | undefined {
  let conflict = false;
  for (const name of Object.keys(table.fields)) {
    const values = [...new Set(rows.map((row) => row.raw[name] ?? ''))];
    if (values.length > 1) {
      conflict = true;
      fail(table, table.fields[name]!.column, values.join(' | '), expectedOf(`同一办件编号在 ${table.table} 中只有一个值`, `one value per case in ${table.table}`));
    }
  }
  return conflict ? undefined : rows[0];
}

function suspensionReason(context: AssemblyContext, name: string | undefined): (typeof suspensionReasons)[number] {
  if (!name) return 'other';
  for (const [keyword, reason] of context.mapping.suspensionKeywords) if (name.includes(keyword)) return reason;
  return 'other';
}
