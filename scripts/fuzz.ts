// `npm run fuzz`: the long reliability campaigns, not part of `npm test` (about 8 minutes on 2 cores).
//   api    100,000 hostile inputs into the public API (see scripts/hostile-inputs.ts): only typed errors, inputs
//          untouched, built-in prototypes unchanged.
//   audit  the built command line (dist/cli.js) on a 1,000,000-line log with 1 and 2 workers (identical
//          reports, exact counts), 300 lines of 900 KB with 2 workers (a report, one error per line), 650 lines
//          of 900 KB with distinct names (a small report), a log of hostile lines, and a 200,000-case JSON array;
//          each with its time and peak memory.
// `npm run fuzz -- api` or `-- audit` runs one; `--quick` runs each at a tenth of the size; `--seed N` fixes the
// API campaign's seed. Exit code 1 when any promise was broken.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ENTRIES, loadSeeds, violation, type Outcome } from './hostile-inputs.js';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const seedAt = args.indexOf('--seed');
const baseSeed = seedAt >= 0 ? Number(args[seedAt + 1]) : Date.now() % 1_000_000;
const only = args.find((a) => a === 'api' || a === 'audit');
const scale = quick ? 0.1 : 1;
const failures: string[] = [];

function table(rows: Array<Array<string | number>>): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const row of rows) console.log(row.map((cell, i) => String(cell).padEnd(widths[i]!)).join('  '));
}

// ---- api ----

function apiCampaign(): void {
  const total = Math.round(100_000 * scale);
  const seeds = loadSeeds();
  // The snapshot evaluators get most of the inputs; each other entry point a fixed share.
  const share = (name: string) => (name === 'evaluate' ? 0.4 : name.startsWith('evaluate') ? 0.06 : 0.03);
  console.log(`\n## API: ${total} hostile inputs (seed ${baseSeed})\n`);
  const rows: Array<Array<string | number>> = [['entry point', 'inputs', 'ok', 'ValidationError', 'CalendarCoverageError', 'broken promises', 'note']];
  const started = Date.now();
  for (const [index, entry] of ENTRIES.entries()) {
    const runs = Math.max(200, Math.round(total * share(entry.name)));
    const counts: Record<Outcome, number> = { ok: 0, ValidationError: 0, CalendarCoverageError: 0 };
    const problems = new Map<string, number>();
    const arbitrary = entry.arbitrary(seeds);
    for (let done = 0; done < runs; done += 500) {
      for (const { args: input, call } of fc.sample(arbitrary, { numRuns: Math.min(500, runs - done), seed: baseSeed + index * 100_003 + done })) {
        const result = violation(entry, input, call);
        if (result.outcome) counts[result.outcome]++;
        else problems.set(result.problem!, (problems.get(result.problem!) ?? 0) + 1);
      }
    }
    const broken = [...problems.values()].reduce((a, b) => a + b, 0);
    rows.push([entry.name, runs, counts.ok, counts.ValidationError, counts.CalendarCoverageError, broken, entry.pending && broken ? `known (${entry.pending})` : '']);
    for (const [problem, count] of problems) {
      const line = `${count} × ${problem}`;
      if (entry.pending) console.log(`  known, ${entry.pending}: ${line}`);
      else failures.push(line);
    }
  }
  table(rows);
  console.log(`\n${Math.round((Date.now() - started) / 1000)} s`);
}

// ---- audit ----

interface Measured {
  code: number;
  seconds: number;
  peakMb: number;
  stderr: string;
}

/** Runs the built command line, measuring its wall time and peak resident memory (worker threads included). */
async function cli(argv: string[]): Promise<Measured> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', join(root, 'scripts', 'peak-rss.mjs'), join(root, 'dist', 'cli.js'), ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number];
  const peak = /peak-rss-kb (\d+)/.exec(stderr);
  return { code, seconds: (Date.now() - started) / 1000, peakMb: peak ? Math.round(Number(peak[1]) / 1024) : Number.NaN, stderr: stderr.replace(/peak-rss-kb \d+\n?/, '') };
}

async function writeLines(file: string, count: number, line: (i: number) => string | Buffer): Promise<void> {
  const stream = createWriteStream(file);
  for (let i = 1; i <= count; i++) {
    const text = line(i);
    if (!stream.write(typeof text === 'string' ? `${text}\n` : Buffer.concat([text, Buffer.from('\n')]))) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

const AUDIT = ['--profile', 'city-12', '--as-of', '2025-11-20T18:00:00+08:00', '--format', 'json'];

async function auditCampaign(): Promise<void> {
  console.log('\n## Audit (built command line)\n');
  const built = spawnSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    failures.push('build failed');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'scr-fuzz-'));
  const rows: Array<Array<string | number>> = [['campaign', 'workers', 'input', 'cases', 'evaluated', 'errors', 'time', 'peak RSS']];
  const check = (name: string, ok: boolean, detail: string) => {
    if (!ok) failures.push(`${name}: ${detail}`);
  };
  const report = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { cases: number; evaluated: number; errorCount: number };
  const audit = async (name: string, log: string, workers: number, inputLabel: string, out = join(dir, `${name}-${workers}.json`)) => {
    const run = await cli(['audit', log, ...AUDIT, '--workers', String(workers), '--out', out]);
    check(name, run.code === 0, `exit ${run.code}: ${run.stderr.slice(0, 300)}`);
    const summary = run.code === 0 ? report(out) : { cases: Number.NaN, evaluated: Number.NaN, errorCount: Number.NaN };
    check(name, summary.cases === summary.evaluated + summary.errorCount, `cases ${summary.cases} ≠ evaluated ${summary.evaluated} + errors ${summary.errorCount}`);
    rows.push([name, workers, inputLabel, summary.cases, summary.evaluated, summary.errorCount, `${run.seconds.toFixed(1)} s`, `${run.peakMb} MB`]);
    console.log(`  ${rows.at(-1)!.join(' · ')}`);
    return { summary, out };
  };

  try {
    // A 1,000,000-line log (1 GB; every 100,000th line broken): exact counts, the same report for 1 and 2 workers.
    const lines = Math.round(1_000_000 * scale);
    const big = join(dir, 'cases.ndjson');
    const generated = spawnSync('npx', ['tsx', join(root, 'scripts', 'generate-log.ts'), String(lines), big], { cwd: root, stdio: 'ignore' });
    check('generate-log', generated.status === 0, 'failed');
    const one = await audit('1M-line log', big, 1, `${lines} lines`);
    const two = await audit('1M-line log', big, 2, `${lines} lines`);
    check('1M-line log', one.summary.errorCount === Math.floor(lines / 100_000), `errors ${one.summary.errorCount}`);
    check('1M-line log', readFileSync(one.out, 'utf8') === readFileSync(two.out, 'utf8'), 'reports differ between 1 and 2 workers');
    rmSync(big);

    // D1: 300 lines of 900 KB, each under the line cap, with worker threads.
    const long = join(dir, 'long-lines.ndjson');
    const x = Buffer.alloc(900_000, 'x');
    await writeLines(long, 300, () => x);
    const longRun = await audit('300 lines of 900 KB', long, 2, '270 MB');
    check('300 lines of 900 KB', longRun.summary.errorCount === 300, `errors ${longRun.summary.errorCount}`);
    rmSync(long);

    // 650 lines of 900 KB (585 MB): valid cases with distinct department names, and broken lines with distinct ids,
    // in turn. Kept whole, these names made a report longer than V8's largest string (no report, exit 1).
    const first = JSON.parse(readFileSync(join(root, 'fixtures', 'sample', 'cases.ndjson'), 'utf8').split('\n')[0]!);
    const names = join(dir, 'long-names.ndjson');
    const pad = 'd'.repeat(900_000);
    const nameLines = Math.round(650 * scale);
    await writeLines(names, nameLines, (i) => JSON.stringify(i % 2 ? { ...first, id: `N${i}`, matter: { ...first.matter, department: `${i}${pad}` } } : { id: `${i}${pad}`, matter: 5 }));
    const namesRun = await audit('distinct 900 KB names', names, 2, `${Math.round(nameLines * 0.9)} MB`);
    check('distinct 900 KB names', namesRun.summary.cases === nameLines && namesRun.summary.errorCount === Math.floor(nameLines / 2), `cases ${namesRun.summary.cases}, errors ${namesRun.summary.errorCount}`);
    const reportBytes = readFileSync(namesRun.out).length;
    check('distinct 900 KB names', reportBytes < 1_000_000, `a report of ${reportBytes} bytes`);
    rmSync(names);

    // Hostile lines: garbage, invalid UTF-8, CRLF, NUL, deep nesting, prototype keys, over and at the cap, a truncated end.
    const sample = readFileSync(join(root, 'fixtures', 'sample', 'cases.ndjson'), 'utf8').split('\n').filter((line) => {
      try {
        return typeof JSON.parse(line).matter === 'object';
      } catch {
        return false;
      }
    });
    const pieces: Buffer[] = [Buffer.from('\uFEFF')];
    const kinds = [
      (i: number) => Buffer.from(sample[i % sample.length]!),
      () => Buffer.from([0xff, 0xfe, 0x00, 0x81]),
      (i: number) => Buffer.from(`${sample[i % sample.length]!}\r`),
      () => Buffer.from('{"id":"N\u0000UL","matter":null}'),
      () => Buffer.from(`{"id":"DEEP","matter":${'['.repeat(5000)}${']'.repeat(5000)}}`),
      () => Buffer.from('{"__proto__":{"polluted":1},"constructor":{"prototype":{}}}'),
      () => Buffer.from('\u001b[31m{"id":"ANSI"}'),
      (i: number) => Buffer.from(sample[i % sample.length]!.replace('"department":"', '"department":"=HYPERLINK(')),
    ];
    const hostileLines = Math.round(20_000 * scale);
    // Lines at and over the 1,000,000-byte cap, now and then.
    const atCap = Buffer.alloc(1_000_000, 'y');
    const overCap = Buffer.alloc(1_000_001, 'z');
    for (let i = 0; i < hostileLines; i++) pieces.push(i % 1000 === 500 ? atCap : i % 1000 === 999 ? overCap : kinds[i % kinds.length]!(i), Buffer.from('\n'));
    pieces.push(Buffer.from(sample[0]!.slice(0, 40)));
    const hostile = join(dir, 'hostile.ndjson');
    writeFileSync(hostile, Buffer.concat(pieces));
    for (const workers of [1, 2]) {
      const run = await audit('hostile lines', hostile, workers, `${hostileLines + 1} lines`);
      check('hostile lines', run.summary.cases === hostileLines + 1, `cases ${run.summary.cases}, expected ${hostileLines + 1}`);
    }
    check('hostile lines', ({} as Record<string, unknown>).polluted === undefined, 'Object.prototype polluted');

    // A JSON array of 200,000 cases (about 200 MB), parsed as a stream.
    const elements = Math.round(200_000 * scale);
    const array = join(dir, 'cases.json');
    const stream = createWriteStream(array);
    stream.write('[');
    for (let i = 0; i < elements; i++) if (!stream.write(`${i ? ',\n' : ''}${sample[i % sample.length]}`)) await once(stream, 'drain');
    stream.end(']');
    await once(stream, 'finish');
    const arrayRun = await audit('JSON array', array, 2, `${elements} cases`);
    check('JSON array', arrayRun.summary.cases === elements, `cases ${arrayRun.summary.cases}, expected ${elements}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  table(rows);
}

if (!only || only === 'api') apiCampaign();
if (!only || only === 'audit') await auditCampaign();
console.log(failures.length ? `\n${failures.length} broken promises:\n${failures.map((f) => `  ${f}`).join('\n')}` : '\nAll promises held.');
process.exitCode = failures.length ? 1 : 0;
