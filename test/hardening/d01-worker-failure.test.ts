// D1: with worker threads, long lines under the line cap killed the whole audit (no report, a stack trace).
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditStream, BATCH_BYTES, BATCH_LINES, batchesOf } from '../../src/cli/audit-run.js';
import type { LogLine } from '../../src/cli/lines.js';
import { AS_OF, sampleLines } from './helpers.js';

/** `count` copies of one line, produced lazily so the test holds one copy however large the log. */
function repeated(line: string, count: number): Readable {
  const bytes = Buffer.from(`${line}\n`);
  return Readable.from((function* () {
    for (let i = 0; i < count; i++) yield bytes;
  })());
}

describe('D1: a worker that fails never takes the audit with it', () => {
  it('a batch is bounded by bytes as well as by lines', async () => {
    const long = 'x'.repeat(900_000);
    async function* lines(): AsyncGenerator<LogLine> {
      for (let i = 1; i <= 300; i++) yield { line: i, text: long };
    }
    const sizes: number[] = [];
    for await (const batch of batchesOf(lines())) sizes.push(batch.reduce((n, l) => n + ('text' in l ? l.text.length : 0), 0));
    expect(Math.max(...sizes)).toBeLessThan(BATCH_BYTES + 1_000_000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(300 * 900_000);
    const short: LogLine[] = Array.from({ length: 1200 }, (_, i) => ({ line: i + 1, text: '{}' }));
    const counts: number[] = [];
    for await (const batch of batchesOf(Readable.from(short))) counts.push(batch.length);
    expect(counts).toEqual([BATCH_LINES, BATCH_LINES, 200]);
  });

  it("the review's reproducer: 300 lines of 900 KB with two workers gives a report with one error per line", async () => {
    const summary = await auditStream(repeated('x'.repeat(900_000), 300), { profile: 'city-12', asOf: AS_OF, workers: 2 });
    expect(summary).toMatchObject({ cases: 300, evaluated: 0, errorCount: 300 });
    expect(summary.errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it('a line that kills its worker is retried, then evaluated alone: only that line becomes an error, with its length and why', async () => {
    const lines = sampleLines(40);
    const heavy = JSON.stringify({ ...JSON.parse(lines[0]!), id: 'HEAVY', events: Array.from({ length: 30_000 }, () => ({})) });
    const log = [...lines.slice(0, 10), heavy, ...lines.slice(10, 30), heavy, ...lines.slice(30)];
    // A worker heap far smaller than the default makes the heavy lines (tens of MB of validation issues) fatal.
    const pooled = await auditStream(Readable.from([Buffer.from(log.join('\n'))]), { profile: 'city-12', asOf: AS_OF, workers: 2, workerHeapMb: 32 });
    const bytes = Buffer.byteLength(heavy);
    expect(pooled.errors).toEqual([11, 32].map((line) => ({
      line,
      path: '$',
      message: `line of ${bytes} bytes not evaluated: its evaluation ran out of memory in a worker thread`,
      messageZh: `该行 ${bytes} 字节，未能评估：评估时工作线程内存不足`,
    })));
    // Everything else is exactly what one thread makes of the other lines.
    const single = await auditStream(Readable.from([Buffer.from(lines.join('\n'))]), { profile: 'city-12', asOf: AS_OF, workers: 1 });
    expect({ ...pooled, cases: pooled.cases - 2, errors: [], errorCount: 0 }).toEqual(single);
  });
});
