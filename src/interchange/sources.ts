// Where the rows come from. A source opens each table of a mapping as one ordered stream of rows (by 办件编号, then
// by every read column, so ties come out the same from every source), and reports what it cannot open as one error.
// Two sources: a folder of CSV/TSV exports grouped out of core by DuckDB, and a MySQL/MariaDB exchange database read
// with one ordered, streamed query per table.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
// DuckDB and mysql2 are loaded when a source of theirs is opened: every audit would otherwise pay their ~55 MB.
import type { DuckDBConnection } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import type mysql from 'mysql2';
import { clip } from '../errors.js';
import type { RowError, SourceRow } from './assemble.js';

/** What a source gives for one table. */
export type OpenedTable =
  | {
      status: 'open';
      source: string;
      rows: AsyncIterable<SourceRow>;
      /** Lines the reader could not take as records (too few or too many fields), each with its 办件编号 when readable. */
      rejected?: RowError[];
    }
  | { status: 'absent'; source: string }
  | { status: 'error'; error: RowError };

export interface TableSource {
  /** The name errors give for the source as a whole (the folder, or the URL without its password). */
  readonly name: string;
  /** Opens a table with the columns to read; `required` must be in its header. Rows come ordered by `key`. */
  openTable(table: string, key: string, columns: readonly string[], required: readonly string[]): Promise<OpenedTable>;
  close(): Promise<void>;
}

const rowError = (source: string, table: string, expected: { zh: string; en: string }, extra: Partial<RowError> = {}): RowError => ({ kind: 'row-error', source, table, ...extra, expected });

const missingColumns = (source: string, table: string, header: readonly string[], required: readonly string[]): RowError | undefined => {
  const missing = required.filter((column) => !header.includes(column));
  if (!missing.length) return undefined;
  return rowError(source, table, {
    zh: `表头中有必需的列 ${missing.join('、')}（该表未读取，其余表照常审查）`,
    en: `the required column(s) ${missing.join(', ')} in the header (the table was not read; the rest of the export is audited)`,
  }, { column: missing.join(','), value: clip(header.join(','), 200) });
};

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The encodings an export file may be in, as detected. */
export type DetectedEncoding = 'utf-8-bom' | 'utf-8' | 'gbk';

/**
 * Detects a file's encoding (a BOM → UTF-8; valid UTF-8 → UTF-8; else GBK) and gives a UTF-8 file DuckDB can read:
 * the file itself, or a GBK file decoded as a stream into `tempDir`. GBK that does not decode cleanly is an error:
 * the file is in neither encoding.
 */
export async function utf8FileOf(path: string, tempDir: string): Promise<{ path: string; encoding: DetectedEncoding } | { error: { zh: string; en: string } }> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(3);
  try {
    await handle.read(head, 0, 3, 0);
  } finally {
    await handle.close();
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { path, encoding: 'utf-8-bom' };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return { path, encoding: 'utf-8' };
  } catch {
    // Not UTF-8: offices export GBK.
  }
  const target = join(tempDir, `${Math.random().toString(36).slice(2)}.utf8.csv`);
  let bad = false;
  const watch = new Transform({
    transform(chunk: string, _encoding, done) {
      if (chunk.includes('\uFFFD')) bad = true;
      done(null, Buffer.from(chunk, 'utf8'));
    },
    decodeStrings: false,
  });
  await pipeline(createReadStream(path), iconv.decodeStream('gbk'), watch, createWriteStream(target));
  if (bad) {
    await rm(target, { force: true });
    return { error: { zh: 'UTF-8（可带 BOM）或 GBK 编码的文本：该文件两种编码都无法完整解码', en: 'text in UTF-8 (with or without BOM) or GBK: the file decodes as neither' } };
  }
  return { path: target, encoding: 'gbk' };
}

/**
 * A folder of CSV (or TSV) files, one per table, named after the table (up_pro_accept.csv, EA_JC_STEP_DONE.tsv; any
 * letter case). DuckDB reads them as text and sorts them out of core: its temp directory lets a sort spill to disk,
 * so memory does not grow with the export.
 */
export async function csvFolderSource(folder: string, options: { memoryLimit?: string } = {}): Promise<TableSource | RowError> {
  let files: string[];
  try {
    files = await readdir(folder);
  } catch (error) {
    return rowError(folder, '', { zh: '一个可读取的导出文件夹', en: 'a readable folder of exported tables' }, { value: clip(String((error as Error).message), 120) });
  }
  const tempDir = await mkdtemp(join(tmpdir(), 'scr-interchange-'));
  // An on-disk database in the temp directory: each table is sorted once into it (spilling as it must), and the
  // tables are then scanned side by side from disk, so neither step holds an export in memory.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(join(tempDir, 'import.duckdb'), {
    temp_directory: join(tempDir, 'spill'),
    memory_limit: options.memoryLimit ?? '256MB',
    threads: '2',
  });
  let sorted = 0;
  const connections: DuckDBConnection[] = [];
  return {
    name: folder,
    async openTable(table, key, columns, required) {
      const file = files.filter((name) => /\.(csv|tsv|txt)$/i.test(name) && name.replace(/\.(csv|tsv|txt)$/i, '').toLowerCase() === table.toLowerCase()).sort()[0];
      if (!file) return { status: 'absent', source: join(folder, `${table}.csv`) };
      const source = join(folder, file);
      const utf8 = await utf8FileOf(source, tempDir);
      if ('error' in utf8) return { status: 'error', error: rowError(source, table, utf8.error) };
      const connection = await instance.connect();
      connections.push(connection);
      const delimiter = /\.tsv$/i.test(file) ? '\t' : ',';
      const tableNumber = ++sorted;
      // The header is read here and the columns given to DuckDB: its dialect sniffer gives up on a file whose lines
      // disagree in length, and such a line should be one reported record, not a refused table.
      let header: string[];
      try {
        header = splitCsvLine(await firstLine(utf8.path), delimiter).map((name) => name.trim());
      } catch (error) {
        return { status: 'error', error: rowError(source, table, { zh: '可读取的文件', en: 'a readable file' }, { value: clip((error as Error).message, 160) }) };
      }
      const duplicate = header.find((name, i) => name === '' || header.indexOf(name) !== i);
      if (duplicate !== undefined) {
        return { status: 'error', error: rowError(source, table, { zh: '表头中每列都有不重复的列名', en: 'a header naming every column once' }, { value: clip(header.join(','), 200) }) };
      }
      const columnTypes = `{${header.map((name) => `${quoteLiteral(name)}: 'VARCHAR'`).join(', ')}}`;
      const plainReader = `read_csv(${quoteLiteral(utf8.path)}, auto_detect = false, header = true, columns = ${columnTypes}, delim = ${quoteLiteral(delimiter)}, quote = '"', escape = '"'`;
      // A line with too few or too many fields is set aside (store_rejects) and reported, not the whole table refused.
      const rejectingReader = `${plainReader}, store_rejects = true, rejects_table = 'rejects_${tableNumber}', rejects_scan = 'rejects_scan_${tableNumber}')`;
      const missing = missingColumns(source, table, header, [key, ...required]);
      if (missing) return { status: 'error', error: missing };
      const read = [key, ...columns.filter((column) => column !== key && header.includes(column))];
      const select = read.map(quoteIdentifier).join(', ');
      const order = read.map((column) => `${quoteIdentifier(column)} NULLS FIRST`).join(', ');
      const name = `sorted_${tableNumber}`;
      const rejected: RowError[] = [];
      try {
        // Insertion order is kept (preserve_insertion_order, on by default): the scan below gives the sorted order.
        await connection.run(`CREATE TABLE ${name} AS SELECT ${select} FROM ${rejectingReader} ORDER BY ${order}`);
        const rejects = await connection.run(`SELECT line, error_message, csv_line FROM rejects_${tableNumber} ORDER BY line, column_idx`);
        const keyIndex = header.indexOf(key);
        const lines = new Set<bigint>();
        for (const reject of (await rejects.getRowObjectsJS()) as { line: bigint; error_message: string; csv_line: string }[]) {
          // DuckDB lists a short line once per missing field: one line, one error.
          if (lines.has(reject.line)) continue;
          lines.add(reject.line);
          const caseKey = splitCsvLine(reject.csv_line, delimiter)[keyIndex]?.trim();
          rejected.push(rowError(source, table, {
            zh: `一条 CSV 记录，字段数与表头一致（第 ${reject.line} 行：${reject.error_message}）`,
            en: `a CSV record with as many fields as the header (line ${reject.line}: ${reject.error_message})`,
          }, { ...(caseKey ? { key: caseKey } : {}), value: clip(reject.csv_line, 120) }));
        }
      } catch (error) {
        return { status: 'error', error: rowError(source, table, { zh: '可按 CSV 读取的表（RFC 4180，首行为表头）', en: 'a table readable as CSV (RFC 4180, header in the first row)' }, { value: clip((error as Error).message, 160) }) };
      }
      return {
        status: 'open',
        source,
        rejected,
        rows: (async function* () {
          const result = await connection.stream(`SELECT * FROM ${name}`);
          for await (const chunk of result.yieldRowObjectJs()) {
            for (const row of chunk) yield row as SourceRow;
          }
        })(),
      };
    },
    async close() {
      for (const connection of connections) connection.closeSync();
      instance.closeSync();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** The first line of a UTF-8 file, without a BOM or line end (a header is never longer than 1 MB). */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** The fields of one CSV line (RFC 4180 quotes), to find the 办件编号 of a line the reader set aside. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) fields.push(field), (field = '');
    else field += char;
  }
  fields.push(field);
  return fields;
}

/** A database URL as errors show it: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return clip(url, 80);
  }
}

const cellText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
};

/**
 * A MySQL/MariaDB exchange database (mysql://user:password@host:port/database). Each table is one query ordered by
 * the 办件编号's bytes (as DuckDB orders text), streamed row by row on its own connection.
 */
export async function mysqlSource(url: string, options: { connectTimeoutMs?: number } = {}): Promise<TableSource | RowError> {
  const name = redactUrl(url);
  const { default: mysqlDriver } = await import('mysql2');
  const connect = () =>
    new Promise<mysql.Connection>((resolve, reject) => {
      const connection = mysqlDriver.createConnection({ uri: url, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, connectTimeout: options.connectTimeoutMs ?? 10_000, charset: 'utf8mb4' });
      connection.connect((error) => (error ? (connection.destroy(), reject(error)) : resolve(connection)));
    });
  const connections: mysql.Connection[] = [];
  try {
    connections.push(await connect());
  } catch (error) {
    return rowError(name, '', { zh: '可连接的 MySQL/MariaDB 数据库', en: 'a reachable MySQL/MariaDB database' }, { value: clip(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`.trim(), 160) });
  }
  return {
    name,
    async openTable(table, key, columns, required) {
      // One connection per table: a connection streams one query at a time, and the tables are read side by side.
      let connection: mysql.Connection;
      try {
        connection = await connect();
      } catch (error) {
        return { status: 'error', error: rowError(name, table, { zh: '可连接的 MySQL/MariaDB 数据库', en: 'a reachable MySQL/MariaDB database' }, { value: clip((error as Error).message, 160) }) };
      }
      connections.push(connection);
      const id = (column: string) => `\`${column.replaceAll('`', '``')}\``;
      let header: string[];
      try {
        const [, fields] = await connection.promise().query(`SELECT * FROM ${id(table)} LIMIT 0`);
        header = (fields ?? []).map((field) => field.name);
      } catch (error) {
        if ((error as { code?: string }).code === 'ER_NO_SUCH_TABLE') return { status: 'absent', source: name };
        return { status: 'error', error: rowError(name, table, { zh: '可执行的查询', en: 'a query that runs' }, { value: clip((error as Error).message, 160) }) };
      }
      const missing = missingColumns(name, table, header, [key, ...required]);
      if (missing) return { status: 'error', error: missing };
      const read = [key, ...columns.filter((column) => column !== key && header.includes(column))];
      // CAST … AS BINARY: byte order, the order DuckDB gives text, whatever the column's collation (often case-blind).
      const sql = `SELECT ${read.map(id).join(', ')} FROM ${id(table)} ORDER BY ${read.map((column) => `CAST(${id(column)} AS BINARY)`).join(', ')}`;
      return {
        status: 'open',
        source: name,
        rows: (async function* () {
          const stream = connection.query(sql).stream({ highWaterMark: 256 });
          for await (const row of stream as AsyncIterable<Record<string, unknown>>) {
            const out: Record<string, string | null> = {};
            for (const column of read) out[column] = cellText(row[column]);
            yield out;
          }
        })(),
      };
    },
    async close() {
      // destroy, not end: a consumer that stopped early leaves queries unread, and end() would wait for them.
      for (const connection of connections) connection.destroy();
    },
  };
}
