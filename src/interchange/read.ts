// readCaseRecords: an export (a folder of CSV tables, or an exchange database) in, case snapshots and row errors out,
// one case at a time in 办件编号 order. The tables are read as ordered streams and merged by key, so only the rows of
// the current case are in memory.
import { z } from 'zod';
import { cnMainlandCalendar } from '../calendar/cn-mainland.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { issue, ValidationError } from '../errors.js';
import { parseWith } from '../schema/parse.js';
import { assembleCase, readRow, type AssemblyContext, type CatalogueItem, type CodeLists, type ImportItem, type RowError, type SourceRow } from './assemble.js';
import { eajc } from './formats/eajc.js';
import { nationalExchange } from './formats/national-exchange.js';
import { formatMappingSchema, mappingOverridesSchema, type FormatMapping, type FormatMappingInput, type MappingOverrides, type TableMapping } from './mapping.js';
import { csvFolderSource, mysqlSource, type TableSource } from './sources.js';

/** The formats the library ships a mapping for. */
export const bundledFormats = { 'national-exchange': nationalExchange, eajc } as const satisfies Record<string, FormatMappingInput>;
export type BundledFormat = keyof typeof bundledFormats;

const optionsSchema = z.strictObject({
  format: z.enum(Object.keys(bundledFormats) as [BundledFormat, ...BundledFormat[]]).optional(),
  /** A folder of CSV/TSV tables, or mysql://user:password@host:port/database. */
  from: z.string().min(1),
  /** Your own mapping, instead of a bundled format's. */
  mapping: z.unknown().optional(),
  overrides: z.unknown().optional(),
  calendar: z.instanceof(WorkCalendar, { message: 'a WorkCalendar (cnMainlandCalendar() or createCalendar(…))' }).optional(),
  /** DuckDB's memory limit for grouping CSV exports (it spills to a temp directory beyond it), e.g. '256MB'. */
  memoryLimit: z.string().regex(/^\d+(?:\.\d+)?\s*[KMGT]i?B$/i).optional(),
});
export interface ReadCaseRecordsOptions {
  format?: BundledFormat;
  from: string;
  mapping?: FormatMappingInput;
  overrides?: MappingOverrides;
  calendar?: WorkCalendar;
  memoryLimit?: string;
}

/** A mapping with a center's code lists put in place of the lists of the same name. */
export function resolveMapping(options: { format?: BundledFormat; mapping?: unknown; overrides?: unknown }, where = 'resolveMapping'): FormatMapping {
  if (options.format === undefined && options.mapping === undefined) throw new ValidationError(where, [issue('format', undefined, 'a bundled format (national-exchange, eajc) or a mapping', '内置格式（national-exchange、eajc）或映射')]);
  const mapping = parseWith(formatMappingSchema, options.mapping ?? bundledFormats[options.format!], `${where}(mapping)`);
  const overrides = parseWith(mappingOverridesSchema, options.overrides ?? {}, `${where}(overrides)`);
  const codeLists = { ...mapping.codeLists };
  for (const [name, codes] of Object.entries(overrides.codeLists ?? {})) {
    const list = codeLists[name];
    if (!list) throw new ValidationError(where, [issue(`overrides.codeLists.${name}`, name, `a code list of the mapping (${Object.keys(codeLists).join(', ')})`, `映射中的代码表（${Object.keys(codeLists).join('、')}）`)]);
    codeLists[name] = { ...list, source: 'overridden by the caller', codes };
  }
  // Validated again as a whole: an override's meanings must be meanings of its list's kind.
  return parseWith(formatMappingSchema, { ...mapping, codeLists }, `${where}(overrides)`);
}

/** The byte order of UTF-8 text: the order DuckDB and a BINARY sort in MySQL give 办件编号. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A row stream that can be looked at before it is taken. */
class Cursor {
  head: SourceRow | undefined;
  done = false;
  constructor(private readonly iterator: AsyncIterator<SourceRow>, readonly table: TableMapping, readonly source: string) {}
  async advance(): Promise<void> {
    const next = await this.iterator.next();
    this.done = next.done === true;
    this.head = next.done ? undefined : next.value;
  }
  key(): string {
    const value = this.head?.[this.table.key];
    return value == null ? '' : value.trim();
  }
  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

/**
 * Reads an export: yields `{ kind: 'case', caseId, snapshot, sourceDue? }` for each case that maps cleanly and
 * `{ kind: 'row-error', source, table, key?, column?, value?, expected }` for every row, table or source that does
 * not, in a stable order (errors about the source and its tables first, then case by case in 办件编号 byte order).
 * Throws ValidationError only for bad options; everything about the data is a yielded error.
 */
export async function* readCaseRecords(options: ReadCaseRecordsOptions): AsyncGenerator<ImportItem> {
  const parsed = parseWith(optionsSchema, options, 'readCaseRecords(options)');
  const mapping = resolveMapping(parsed, 'readCaseRecords');
  const calendar = parsed.calendar ?? cnMainlandCalendar();
  const isDatabase = /^(mysql|mariadb):\/\//i.test(parsed.from);
  const source: TableSource | RowError = isDatabase
    ? await mysqlSource(parsed.from.replace(/^mariadb:/i, 'mysql:'))
    : await csvFolderSource(parsed.from, parsed.memoryLimit === undefined ? {} : { memoryLimit: parsed.memoryLimit });
  if ('kind' in source) {
    yield source;
    return;
  }
  const cursors: Cursor[] = [];
  try {
    const sources = new Map<string, string>();
    const open = async (table: TableMapping) => {
      const columns = [...new Set(Object.values(table.fields).map((field) => field.column))];
      const required = [...new Set(Object.values(table.fields).filter((field) => field.required).map((field) => field.column))];
      const opened = await source.openTable(table.table, table.key, columns, required);
      if (opened.status === 'error') return { error: opened.error };
      sources.set(table.table, opened.status === 'open' ? opened.source : source.name);
      if (opened.status === 'absent') {
        if (!table.required) return {};
        return { error: { kind: 'row-error', source: opened.source, table: table.table, expected: { zh: `导出中有 ${table.table} 表`, en: `the table ${table.table} in the export` } } satisfies RowError };
      }
      return { rows: opened.rows, source: opened.source, rejected: opened.rejected ?? [] };
    };
    const codeLists: CodeLists = mapping.codeLists;
    // The item catalogue is small (one row per item): read whole, keyed by item code.
    const catalogue = new Map<string, CatalogueItem>();
    for (const table of mapping.tables.filter((t) => t.role === 'catalogue')) {
      const opened = await open(table);
      if (opened.error) yield opened.error;
      if (!opened.rows) continue;
      const seen = new Map<string, string>();
      for await (const row of opened.rows) {
        const { row: item, errors } = readRow(table, row, opened.source, codeLists);
        for (const error of errors) yield error;
        if (errors.length) continue;
        const code = String(item.fields.matterCode);
        const signature = JSON.stringify(item.raw);
        const before = seen.get(code);
        if (before !== undefined && before !== signature) {
          catalogue.delete(code);
          yield { kind: 'row-error', source: opened.source, table: table.table, key: code, column: table.key, value: code, expected: { zh: `每个实施编码在 ${table.table} 中只有一行（或完全相同的行）`, en: `one row per item code in ${table.table} (or identical copies)` } };
          continue;
        }
        if (before === undefined) catalogue.set(code, { row: item });
        seen.set(code, signature);
      }
    }
    const context: AssemblyContext = { mapping, codeLists, catalogue, calendar, sourceOf: (table) => sources.get(table) ?? source.name };
    const rejected: RowError[] = [];
    for (const table of mapping.tables.filter((t) => t.role !== 'catalogue')) {
      const opened = await open(table);
      if (opened.error) {
        yield opened.error;
        // Without its acceptance table an export has no case to audit.
        if (table.role === 'accept') return;
      }
      if (opened.rows) cursors.push(new Cursor(opened.rows[Symbol.asyncIterator](), table, opened.source));
      for (const error of opened.rejected ?? []) {
        // A line set aside without a readable 办件编号 belongs to no case; one with a key keeps its case from the audit.
        if (error.key === undefined) yield error;
        else rejected.push(error);
      }
    }
    rejected.sort((a, b) => compareKeys(a.key!, b.key!));
    let nextRejected = 0;
    for (const cursor of cursors) await cursor.advance();
    for (;;) {
      const live = cursors.filter((cursor) => !cursor.done);
      const pendingRejected = rejected[nextRejected]?.key;
      if (!live.length && pendingRejected === undefined) break;
      const key = [...live.map((cursor) => cursor.key()), ...(pendingRejected === undefined ? [] : [pendingRejected])].reduce((min, k) => (compareKeys(k, min) < 0 ? k : min));
      const rows = new Map<string, SourceRow[]>();
      for (const cursor of live) {
        while (!cursor.done && cursor.key() === key) {
          if (key === '') {
            // A row without a 办件编号 belongs to no case: reported, row by row.
            yield { kind: 'row-error', source: cursor.source, table: cursor.table.table, column: cursor.table.key, expected: { zh: '办件编号', en: 'a case number (办件编号)' } };
          } else {
            const list = rows.get(cursor.table.table) ?? [];
            list.push(cursor.head!);
            rows.set(cursor.table.table, list);
          }
          await cursor.advance();
        }
      }
      const setAside: RowError[] = [];
      while (rejected[nextRejected]?.key === key) setAside.push(rejected[nextRejected++]!);
      if (key === '') continue;
      const assembled = assembleCase(context, key, rows);
      if (setAside.length) {
        // Auditing the case without the line it lost would guess: its errors only.
        yield* setAside;
        yield* assembled.filter((item) => item.kind === 'row-error');
      } else yield* assembled;
    }
  } catch (error) {
    // A query that fails mid-stream (a dropped connection, a read error): the rest cannot be merged reliably.
    yield { kind: 'row-error', source: source.name, table: '', value: String((error as Error).message).slice(0, 160), expected: { zh: '完整读完的查询（读取中断，之后的办件未审查）', en: 'a query read to its end (it failed; later cases were not audited)' } };
  } finally {
    for (const cursor of cursors) await cursor.close().catch(() => undefined);
    await source.close();
  }
}
