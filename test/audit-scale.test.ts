import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditStream } from '../src/cli/audit-run.js';
import { MAX_LINE_BYTES } from '../src/cli/audit.js';
import { logLines, type LogLine } from '../src/cli/lines.js';
import { caseGenerator } from '../scripts/case-generator.js';

async function collect(chunks: readonly Buffer[], cap: number): Promise<LogLine[]> {
  const out: LogLine[] = [];
  for await (const line of logLines(Readable.from(chunks), cap)) out.push(line);
  return out;
}

/**
 * What the lines of a text are, by definition: split on LF, a CR before it dropped, no line after a final LF;
 * a line over the cap (its CR not counted) is only its byte count.
 */
function expectedLines(text: string, cap: number): LogLine[] {
  const pieces = text.split('\n');
  if (pieces.at(-1) === '') pieces.pop();
  return pieces.map((piece, i) => {
    const own = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
    const bytes = Buffer.byteLength(own);
    if (bytes > cap) return { line: i + 1, oversizedBytes: bytes };
    return { line: i + 1, text: own };
  });
}

const AS_OF = '2025-10-31T18:00:00+08:00';

describe('audit at scale', () => {
  it('logLines yields the lines of the text whatever the chunking, and over the cap only their byte count', async () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('\n', '\r\n', '案件', '{"id":"x"}')), { maxLength: 40 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 4, max: 60 }), async (content, cuts, cap) => {
        const bytes = Buffer.from(content, 'utf8');
        const chunks: Buffer[] = [];
        // Cut anywhere, even inside a multi-byte character: lines are split on bytes and decoded whole.
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const size = cuts[i % cuts.length]!;
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        expect(await collect(chunks, cap)).toEqual(expectedLines(content, cap));
      }),
      { numRuns: 400 },
    );
  });

  it('a huge line, a malformed line and a case with thousands of events are counted and listed; the rest is evaluated', async () => {
    const makeCase = caseGenerator(11);
    const big = makeCase(1);
    const at = (i: number) => `2025-03-${String(3 + (i % 20)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00+08:00`;
    const manyEvents = { ...big, id: 'MANY-EVENTS', events: [...big.events, ...Array.from({ length: 5000 }, (_, i) => ({ type: 'ticket-issued' as const, at: at(i) }))] };
    const lines = [
      JSON.stringify(makeCase(2)),
      `{"id":"HUGE","note":"${'x'.repeat(MAX_LINE_BYTES + 10)}"}`,
      '{"id": "BROKEN"',
      JSON.stringify(manyEvents),
      JSON.stringify(makeCase(3)),
    ];
    const summary = await auditStream(Readable.from([Buffer.from(lines.join('\n'))]), { profile: 'city-12', asOf: AS_OF, workers: 1 });
    expect(summary.cases).toBe(5);
    expect(summary.evaluated).toBe(3);
    expect(summary.errors.map((e) => [e.line, e.message.split(' ').slice(0, 2).join(' ')])).toEqual([[2, 'line of'], [3, 'not valid']]);
    expect(summary.errors[0]!.message).toContain(`exceeds the limit of ${MAX_LINE_BYTES}`);
  });

  it('a JSON array log is parsed as a stream, so Chinese text split across chunks survives', async () => {
    const makeCase = caseGenerator(13);
    const cases = [makeCase(1), makeCase(2)];
    const bytes = Buffer.from(JSON.stringify(cases));
    // Cut every 7 bytes: some cuts fall inside the three-byte characters of department names.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const summary = await auditStream(Readable.from(chunks), { profile: 'city-12', asOf: AS_OF, workers: 1 }, 'json');
    expect(summary.errors).toEqual([]);
    expect(summary.departments.map((d) => d.department).sort()).toEqual([...new Set(cases.map((c) => c.matter.department))].sort());
  });

  it('the report is the same with one thread or several: batches are folded in log order', async () => {
    const makeCase = caseGenerator(12);
    const log = Array.from({ length: 2300 }, (_, i) => (i % 700 === 99 ? '{"broken":' : JSON.stringify(makeCase(i + 1)))).join('\n');
    const run = (workers: number) => auditStream(Readable.from([Buffer.from(log)]), { profile: 'county-10', asOf: AS_OF, workers });
    const single = await run(1);
    const pooled = await run(2);
    expect(single.cases).toBe(2300);
    expect(single.errorCount).toBe(4);
    expect(pooled).toEqual(single);
  });
});
