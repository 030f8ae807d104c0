// The exchange database as centers have it: a real MariaDB server, started here, loaded with the sample tables. Its
// import must equal the CSV folder's, case for case and error for error. No server binary is a failure, not a skip.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaseRecords, utf8FileOf } from '../../src/interchange/index.js';
import { cli } from '../cli/helpers.js';
import { collect, sampleFolder, withoutSource } from './helpers.js';

let server: ChildProcess | undefined;
let dir = '';
let port = 0;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address() as { port: number };
      probe.close(() => resolve(found));
    });
  });

async function waitForServer(deadlineMs: number): Promise<void> {
  let last: unknown;
  while (Date.now() < deadlineMs) {
    if (server?.exitCode != null) throw new Error(`mariadbd exited with code ${server.exitCode} before accepting connections`);
    try {
      const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
      await connection.end();
      return;
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`mariadbd did not accept connections in time: ${String(last)}`);
}

/** The sample's tables, read from the CSV files as text (GBK decoded), to load into the database. */
async function sampleTables(): Promise<Map<string, { columns: string[]; rows: (string | null)[][] }>> {
  const tables = new Map<string, { columns: string[]; rows: (string | null)[][] }>();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const file of (await readdir(sampleFolder)).sort()) {
    const utf8 = await utf8FileOf(join(sampleFolder, file), dir);
    if ('error' in utf8) throw new Error(`${file}: ${utf8.error.en}`);
    const result = await connection.run(`SELECT * FROM read_csv('${utf8.path}', header = true, all_varchar = true, quote = '"', escape = '"')`);
    tables.set(file.replace(/\.csv$/, ''), { columns: result.columnNames(), rows: (await result.getRowsJS()) as (string | null)[][] });
  }
  connection.closeSync();
  instance.closeSync();
  return tables;
}

beforeAll(async () => {
  const found = spawnSync('sh', ['-c', 'command -v mariadbd && command -v mariadb-install-db'], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error('mariadbd / mariadb-install-db not found: install Debian\'s mariadb-server (apt-get install mariadb-server) to run the exchange-database test');
  }
  dir = mkdtempSync(join(tmpdir(), 'scr-mariadb-'));
  const install = spawnSync('mariadb-install-db', [`--datadir=${join(dir, 'data')}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr.slice(-500)}`);
  port = await freePort();
  server = spawn('mariadbd', [
    '--no-defaults', `--datadir=${join(dir, 'data')}`, `--socket=${join(dir, 's')}`, `--port=${port}`, '--bind-address=127.0.0.1',
    '--user=root', '--skip-grant-tables', `--pid-file=${join(dir, 'pid')}`, '--skip-log-bin', '--innodb-buffer-pool-size=32M',
  ], { stdio: 'ignore' });
  await waitForServer(Date.now() + 60_000);

  const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', charset: 'utf8mb4', multipleStatements: true });
  await connection.query('CREATE DATABASE exchange CHARACTER SET utf8mb4; CREATE DATABASE broken CHARACTER SET utf8mb4');
  for (const [table, { columns, rows }] of await sampleTables()) {
    // Case-insensitive collation, as exchange databases are set up: the import must still order by bytes.
    await connection.query(`CREATE TABLE exchange.\`${table}\` (${columns.map((c) => `\`${c}\` VARCHAR(255) NULL`).join(', ')}) COLLATE utf8mb4_general_ci`);
    for (let i = 0; i < rows.length; i += 500) {
      await connection.query(`INSERT INTO exchange.\`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`, [rows.slice(i, i + 500)]);
    }
  }
  await connection.query('CREATE TABLE broken.up_pro_accept (project_no VARCHAR(50), task_code VARCHAR(50))');
  await connection.end();
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    // mariadbd flushes and exits on SIGTERM; its files are removed only once it has.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}, 40_000);

describe('the exchange database (MariaDB)', () => {
  it('imports exactly what the CSV export gives: the same cases and the same row errors, in the same order', async () => {
    const fromCsv = await collect({ format: 'national-exchange', from: sampleFolder });
    const fromDatabase = await collect({ format: 'national-exchange', from: `mysql://root@127.0.0.1:${port}/exchange` });
    expect(fromDatabase.filter((item) => item.kind === 'case').length).toBe(402);
    expect(withoutSource(fromDatabase)).toEqual(withoutSource(fromCsv));
    for (const item of fromDatabase) if (item.kind === 'row-error') expect(item.source).toBe(`mysql://root@127.0.0.1:${port}/exchange`);
  });

  it('audited from the command line, gives the same report as the CSV export (but for the source each error names)', async () => {
    const audit = async (from: string) => {
      const { code, out } = await cli('audit', '--input', 'national-exchange', '--from', from, '--profile', 'city-12', '--as-of', '2025-12-31T18:00:00+08:00', '--format', 'json', '--workers', '1');
      expect(code).toBe(0);
      const summary = JSON.parse(out);
      // Each error names its source first (a file of the folder, or the database): the rest must be the same.
      for (const error of summary.errors) {
        error.message = error.message.replace(/^.*? table /, 'table ');
        error.messageZh = error.messageZh.replace(/^.*? 表 /, '表 ');
      }
      return summary;
    };
    const fromDatabase = await audit(`mysql://root@127.0.0.1:${port}/exchange`);
    expect(fromDatabase.evaluated).toBe(402);
    expect(fromDatabase).toEqual(await audit(sampleFolder));
  });

  it('a reader that stops early closes its connections and does not hang', async () => {
    const seen: string[] = [];
    for await (const item of readCaseRecords({ format: 'national-exchange', from: `mysql://root@127.0.0.1:${port}/exchange` })) {
      if (item.kind === 'case') seen.push(item.caseId);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['JDZ-2025-00001', 'JDZ-2025-00002', 'JDZ-2025-00003']);
  });

  it('a missing required column is one error naming the table and the columns, and nothing is guessed', async () => {
    const items = await collect({ format: 'national-exchange', from: `mysql://root:secret@127.0.0.1:${port}/broken` });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'row-error', table: 'up_pro_accept', source: `mysql://root:***@127.0.0.1:${port}/broken` });
    expect((items[0] as { column: string }).column).toBe('task_name,org_name,accept_date,apply_type');
  });

  it('an unreachable database is one clear error', async () => {
    const closed = await freePort();
    const items = await collect({ format: 'national-exchange', from: `mysql://root:pw@127.0.0.1:${closed}/exchange` });
    expect(items).toEqual([
      expect.objectContaining({ kind: 'row-error', source: `mysql://root:***@127.0.0.1:${closed}/exchange`, table: '', expected: { zh: '可连接的 MySQL/MariaDB 数据库', en: 'a reachable MySQL/MariaDB database' } }),
    ]);
    expect((items[0] as { value: string }).value).toMatch(/ECONNREFUSED/);
  });
});
