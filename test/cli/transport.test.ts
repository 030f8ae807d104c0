// Audit transport: a log cut into chunks of whole lines (in the main thread) and split into lines (in the thread
// that evaluates) gives the same lines, and the same report, whatever the chunk size, the sizes of the reads
// and the number of worker threads.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditStream } from '../../src/cli/audit-run.js';
import { MAX_LINE_BYTES } from '../../src/cli/audit.js';
import { chunkLines, LineCutter, logLines, NOT_UTF8, type LineChunk, type LogLine } from '../../src/cli/lines.js';
import { cnMainlandCalendar } from '../../src/index.js';
import { promisedCase } from '../../src/testing/index.js';
import { scratch } from './helpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const AS_OF = '2025-11-20T18:00:00+08:00';

/** The bytes in pieces of the given sizes (cycled), as a stream delivers them. */
function pieces(bytes: Buffer, sizes: readonly number[]): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

async function linesOf(reads: readonly Buffer[], cap: number, chunkBytes: number): Promise<LogLine[]> {
  const out: LogLine[] = [];
  for await (const line of logLines(Readable.from(reads), cap, chunkBytes)) out.push(line);
  return out;
}

/**
 * What the lines of a log are, by definition, read from the whole log at once: a byte order mark at its start
 * dropped, split on LF, no line after a final LF, a CR before the LF dropped; a line over the cap is only its
 * length, a line that is not UTF-8 only the problem.
 */
function expectedLines(log: Buffer, cap: number): LogLine[] {
  const body = log.subarray(0, 3).equals(BOM) ? log.subarray(3) : log;
  const out: LogLine[] = [];
  let start = 0;
  while (start < body.length) {
    const found = body.indexOf(0x0a, start);
    const end = found === -1 ? body.length : found;
    const own = body.subarray(start, end > start && body[end - 1] === 0x0d ? end - 1 : end);
    const line = out.length + 1;
    if (own.length > cap) out.push({ line, oversizedBytes: own.length });
    else if (!isUtf8(own)) out.push({ line, problem: { en: `${NOT_UTF8.en}; skipped`, zh: `${NOT_UTF8.zh}，已跳过` } });
    else out.push({ line, text: own.toString('utf8') });
    start = end + 1;
  }
  return out;
}

/** Parts a log is made of: text, line endings, a lone CR, bytes that are not UTF-8, a split multi-byte character. */
const logPart = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('\n', '\r\n', '\r', '案件', '{"id":"x"}', '\n\n', 'x'.repeat(25)),
  fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe6, 0xa1]), Buffer.from([0xc3, 0x28]), BOM),
);
const logBytes = fc
  .tuple(fc.boolean(), fc.array(logPart, { maxLength: 30 }))
  .map(([bom, parts]) => Buffer.concat([...(bom ? [BOM] : []), ...parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))]));

describe('cutting a log into chunks of whole lines', () => {
  it('gives the lines of the log for any chunk size and any reads: CRLF, multi-byte characters and long lines split anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(logBytes, fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 2, max: 30 }), async (log, reads, chunkBytes, cap) => {
        expect(await linesOf(pieces(log, reads), cap, chunkBytes)).toEqual(expectedLines(log, cap));
      }),
      { numRuns: 1500 },
    );
  });

  it('cuts only at line ends, keeps about the chunk size, and never holds a line over the cap', () => {
    const cap = 10;
    const log = Buffer.from(`aaaa\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\r\ncc\r\n${'d'.repeat(40)}\n\neeeeeeeee\n${'f'.repeat(11)}`);
    for (const chunkBytes of [1, 3, 5, 6, 100]) {
      for (const read of [1, 2, 7, log.length]) {
        const cutter = new LineCutter(cap, chunkBytes);
        const chunks: LineChunk[] = [];
        for (const piece of pieces(log, [read])) chunks.push(...cutter.push(piece));
        chunks.push(...cutter.end());
        let next = 1;
        for (const chunk of chunks) {
          expect(chunk.firstLine).toBe(next);
          const bytes = Buffer.from(chunk.bytes);
          // Whole lines only: a chunk ends in LF unless it holds the log's unterminated last line (f…, over the cap here).
          if (bytes.length > 0) expect(bytes.at(-1)).toBe(0x0a);
          // A chunk exceeds its size by at most one line (of at most the cap, with its CR and LF).
          expect(bytes.length).toBeLessThan(chunkBytes + cap + 2);
          expect(bytes.includes('bbbbbbbbbbb')).toBe(false);
          expect(bytes.includes('ddddddddddd')).toBe(false);
          next += [...chunkLines(chunk)].length;
        }
        expect(next - 1).toBe(7);
        expect(chunks.flatMap((chunk) => [...chunkLines(chunk)])).toEqual([
          { line: 1, text: 'aaaa' },
          { line: 2, oversizedBytes: 30 },
          { line: 3, text: 'cc' },
          { line: 4, oversizedBytes: 40 },
          { line: 5, text: '' },
          { line: 6, text: 'eeeeeeeee' },
          { line: 7, oversizedBytes: 11 },
        ]);
      }
    }
  });

  it('a line of exactly the cap passes with its CRLF split across reads and chunks; one byte more does not', async () => {
    const exact = 'x'.repeat(10);
    const log = Buffer.from(`${exact}\r\n${exact}y\r\n${exact}\r`);
    for (let read = 1; read <= log.length; read++) {
      for (const chunkBytes of [1, 11, 12, 13, 1000]) {
        expect(await linesOf(pieces(log, [read]), 10, chunkBytes)).toEqual([
          { line: 1, text: exact },
          { line: 2, oversizedBytes: 11 },
          { line: 3, text: exact },
        ]);
      }
    }
  });

  it('a byte order mark is dropped at the start of the log only, even when it arrives a byte at a time', async () => {
    const log = Buffer.concat([BOM, Buffer.from('案\n'), BOM, Buffer.from('件')]);
    for (const read of [1, 2, 3, 4]) {
      expect(await linesOf(pieces(log, [read]), 100, 2)).toEqual([
        { line: 1, text: '案' },
        { line: 2, text: '\uFEFF件' },
      ]);
    }
  });
});

/** Lines an audit log may hold, each with its own line ending. */
const calendar = cnMainlandCalendar();
const auditLine = fc.oneof(
  { weight: 12, arbitrary: promisedCase(calendar, { from: '2025-03-03', to: '2025-11-14', extensions: true }).map((snapshot) => Buffer.from(JSON.stringify(snapshot))) },
  { weight: 2, arbitrary: fc.constantFrom('{"id": "BROKEN"', '[]', '{"id":"NO-EVENTS","events":[]}', '   ', '').map((text) => Buffer.from(text)) },
  { weight: 1, arbitrary: fc.constant(Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])) },
  // Over the cap: counted and skipped, never held, whatever the reads and chunks.
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((extra) => Buffer.alloc(MAX_LINE_BYTES + extra, 0x78)) },
);
const auditLog = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(auditLine, fc.constantFrom('\n', '\r\n')), { minLength: 1, maxLength: 25 }), fc.boolean())
  .map(([bom, lines, finalNewline]) => {
    const parts = lines.flatMap(([line, ending]) => [line, Buffer.from(ending)]);
    if (!finalNewline) parts.pop();
    return Buffer.concat([...(bom ? [BOM] : []), ...parts]);
  });

describe('the audit of a log in chunks', () => {
  it('reports, case records and supervision records are byte for byte the same with one thread and with two, for any chunk size and reads', async () => {
    const dir = scratch('transport');
    let run = 0;
    const audit = async (log: Buffer, reads: readonly number[], workers: number, chunkBytes?: number) => {
      const casesFile = join(dir, `cases-${++run}.ndjson`);
      const supervisionFile = join(dir, `supervision-${run}.ndjson`);
      const summary = await auditStream(Readable.from(pieces(log, reads)), { profile: 'city-12', asOf: AS_OF, workers, casesFile, supervisionFile, ...(chunkBytes === undefined ? {} : { chunkBytes }) });
      return { summary: JSON.stringify(summary), cases: readFileSync(casesFile, 'utf8'), supervision: readFileSync(supervisionFile, 'utf8') };
    };
    await fc.assert(
      fc.asyncProperty(auditLog, fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 6_000 }), async (log, reads, chunkBytes) => {
        const single = await audit(log, [log.length], 1);
        const pooled = await audit(log, reads, 2, chunkBytes);
        expect(pooled.summary).toBe(single.summary);
        expect(pooled.cases).toBe(single.cases);
        expect(pooled.supervision).toBe(single.supervision);
        // Every line of the log has its place: cases and error lines in the records, blank lines nowhere.
        const lines = expectedLines(log, MAX_LINE_BYTES).filter((entry) => !('text' in entry) || entry.text.trim() !== '');
        expect(single.cases.split('\n').filter(Boolean).map((record) => JSON.parse(record).line)).toEqual(lines.map((entry) => entry.line));
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
