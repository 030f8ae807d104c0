// The package as users get it: build, `npm pack`, install the tarball into a fresh project, then use it
// from ESM, CommonJS, the type checker and the shell. Dependencies come from npm's cache (filled by `npm ci`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regulationIds } from '../src/schema/profile.js';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'scr-pack-'));
const consumer = join(work, 'consumer');
let packedFiles: string[] = [];

function sh(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw Object.assign(new Error(`${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`), { status: (error as { status?: number }).status, stdout: failure.stdout, stderr: failure.stderr });
  }
}

/** Runs a command expected to fail and returns its exit status and output. */
function shFailing(command: string, args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  try {
    sh(command, args, cwd);
    return { status: 0, stdout: '', stderr: '' };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { status: failure.status, stdout: failure.stdout, stderr: failure.stderr };
  }
}

beforeAll(() => {
  sh(npm, ['run', 'build', '--silent'], root);
  const [packed] = JSON.parse(sh(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as [{ filename: string; files: { path: string }[] }];
  packedFiles = packed.files.map((file) => file.path);
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const fastCheck = JSON.parse(sh('node', ['-p', 'JSON.stringify(require("fast-check/package.json"))'], root)).version as string;
  sh(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', join(work, packed.filename), `fast-check@${fastCheck}`], consumer);
}, 300_000);

// Removing the installed consumer (native DuckDB binaries among it) can outlast the default 10 s hook timeout on a loaded machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

const esmConsumer = `
import { cnMainlandCalendar, evaluate, listRules, loadProfile } from 'service-center-rules';
import { calendarDate } from 'service-center-rules/testing';
import fc from 'fast-check';
const report = evaluate({
  id: 'C-1', channel: 'window',
  matter: { id: 'M-1', name: '食品经营许可', department: '市场监管局', class: 'promised', legalLimitWorkingDays: 20, promisedLimitWorkingDays: 5 },
  events: [
    { type: 'materials-received', at: '2025-09-30T10:00:00+08:00', items: ['申请书'] },
    { type: 'materials-checked', at: '2025-09-30T10:30:00+08:00' },
    { type: 'accepted', at: '2025-09-30T11:00:00+08:00', acceptanceNotice: true },
  ],
}, { profile: 'city-12', asOf: '2025-10-20T09:00:00+08:00' });
const next: string = cnMainlandCalendar().addWorkingDays('2025-09-30', 3);
const sampled: string[] = fc.sample(calendarDate(cnMainlandCalendar()), 3);
console.log(JSON.stringify({ next, due: report.deadlines.map((d) => d.due), findings: report.findings.map((f) => f.ruleId), rules: listRules().length, profile: loadProfile('city-12').id, sampled: sampled.length }));
`;

const cjsConsumer = `
import scr = require('service-center-rules');
import testing = require('service-center-rules/testing');
const next: string = scr.cnMainlandCalendar().addWorkingDays('2025-09-30', 3);
const working: boolean = scr.cnMainlandCalendar().isWorkingDay('2025-10-11');
console.log(JSON.stringify({ next, working, arbitrary: typeof testing.calendarDate }));
`;

function compileAndRun(file: string, source: string, emitted: string): unknown {
  writeFileSync(join(consumer, file), source);
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, types: [], skipLibCheck: false, outDir: 'out' }, files: [file] }),
  );
  sh('node', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], consumer);
  return JSON.parse(sh('node', [join(consumer, 'out', emitted)], consumer));
}

describe('the packed package', () => {
  it('holds the build, the rule files, profiles, calendar data and sources, and nothing of the repository', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/testing.js', 'dist/testing.cjs', 'dist/cli.js', 'rules/calendars/cn-mainland.json', 'rules/profiles/city-12.json', 'rules/sources/city-12.txt', 'README.md', 'CHANGELOG.md']));
    for (const id of regulationIds) expect(packedFiles).toContain(`rules/${id}.json`);
    expect(packedFiles.filter((path) => /^(src|test|fixtures|scripts|bench)\//.test(path))).toEqual([]);
  });

  it('imports as ESM with types: evaluate, the calendar and the testing arbitraries', () => {
    const result = compileAndRun('consumer.mts', esmConsumer, 'consumer.mjs') as { next: string; due: string[]; rules: number; profile: string; sampled: number };
    expect(result.next).toBe('2025-10-11');
    expect(result.due.length).toBeGreaterThan(0);
    expect(result.rules).toBeGreaterThan(50);
    expect(result.profile).toBe('city-12');
    expect(result.sampled).toBe(3);
  });

  it('requires as CommonJS with types', () => {
    expect(compileAndRun('consumer.cts', cjsConsumer, 'consumer.cjs')).toEqual({ next: '2025-10-11', working: true, arbitrary: 'function' });
  });

  it('a type error in a consumer is caught by the shipped declarations', () => {
    writeFileSync(join(consumer, 'wrong.mts'), `import { cnMainlandCalendar } from 'service-center-rules';\nconst n: number = cnMainlandCalendar().addWorkingDays('2025-09-30', 3);\nconsole.log(n);\n`);
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, types: [], noEmit: true }, files: ['wrong.mts'] }));
    const failure = shFailing('node', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], consumer);
    expect(failure.status).not.toBe(0);
    expect(failure.stdout).toMatch(/TS2322/);
  });

  it('runs the command line from node_modules/.bin: calendar, rules, check and audit', () => {
    const bin = join(consumer, 'node_modules', '.bin', 'service-center-rules');
    expect(sh(bin, ['calendar', 'add', '2025-09-30', '3'], consumer).trim()).toBe('2025-10-11');
    expect(sh(bin, ['rules', '--regulation', 'rejection-filing'], consumer)).toMatch(/RF-/);
    const fixtureDir = join(root, 'fixtures', 'rejection-filing');
    const fixture = readdirSync(fixtureDir).find((name) => name.endsWith('.yaml'))!;
    copyFileSync(join(fixtureDir, fixture), join(consumer, fixture));
    expect(sh(bin, ['--lang', 'en', 'check', fixture], consumer).trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^✓ ${fixture} — `)), '1 passed, 0 failed']);
    expect(sh(bin, ['--version'], consumer).trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    writeFileSync(join(consumer, 'cases.ndjson'), 'not json\n');
    // A log whose only line is an error: the report is written, and the exit code says nothing was evaluated.
    const audit = shFailing(bin, ['audit', 'cases.ndjson', '--profile', 'city-12', '--as-of', '2025-10-31T18:00:00+08:00', '--format', 'json'], consumer);
    expect(audit.status).toBe(2);
    expect(JSON.parse(audit.stdout)).toMatchObject({ cases: 1, evaluated: 0 });
    expect(audit.stderr).toContain('没有评估任何案件');
    // The reports that need exceljs and ECharts work from the installed package.
    const sample = join(root, 'fixtures', 'sample', 'cases.ndjson');
    sh(bin, ['audit', sample, '--profile', 'city-12', '--as-of', '2025-10-31T18:00:00+08:00', '--format', 'xlsx', '--out', 'report.xlsx'], consumer);
    sh(bin, ['audit', sample, '--profile', 'city-12', '--as-of', '2025-10-31T18:00:00+08:00', '--format', 'html', '--out', 'report.html'], consumer);
    expect(readFileSync(join(consumer, 'report.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(consumer, 'report.html'), 'utf8').match(/<svg /g)).toHaveLength(4);
  });
});
