// D10: a JSON-array log was read whole (1.68 GB of memory for 200 MB) and crashed above 512 MB with no report.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { arrayElements } from '../../src/cli/array-log.js';
import { auditStream } from '../../src/cli/audit-run.js';
import { MAX_LINE_BYTES } from '../../src/cli/audit.js';
import type { LogLine } from '../../src/cli/lines.js';
import { AS_OF, sampleLines } from './helpers.js';

async function all(input: Readable): Promise<LogLine[]> {
  const out: LogLine[] = [];
  for await (const entry of arrayElements(input)) out.push(entry);
  return out;
}

describe('D10: a JSON-array log is parsed as a stream', () => {
  it('elements come out while the file is still being read', async () => {
    const input = new PassThrough();
    const elements = arrayElements(input);
    input.write('[{"id":"A","n":1},');
    // The first element is available before the array is closed (a whole-file parse would wait for the end).
    expect((await elements.next()).value).toEqual({ line: 1, text: '{"id":"A","n":1}' });
    input.end('{"id":"B"}]');
    expect((await elements.next()).value).toEqual({ line: 2, text: '{"id":"B"}' });
    expect((await elements.next()).done).toBe(true);
  });

  it('an element over the line cap is skipped with its size, unassembled, and the array goes on', async () => {
    const big = `{"note":"${'x'.repeat(MAX_LINE_BYTES + 10)}"}`;
    const entries = await all(Readable.from([Buffer.from(`[${big},{"id":"after"}]`)]));
    expect(entries[0]).toMatchObject({ line: 1 });
    expect((entries[0] as { oversizedBytes: number }).oversizedBytes).toBeGreaterThan(MAX_LINE_BYTES);
    expect(entries[1]).toEqual({ line: 2, text: '{"id":"after"}' });
  });

  it('a syntax error, a truncated file or a non-array ends the reading with an error where it happened; what came before is audited', async () => {
    const cases = sampleLines(3);
    const broken = await auditStream(Readable.from([Buffer.from(`[${cases.join(',')},{"id":"X",]`)]), { profile: 'city-12', asOf: AS_OF, workers: 1 }, 'json');
    expect(broken).toMatchObject({ cases: 4, evaluated: 3, errorCount: 1 });
    expect(broken.errors[0]).toMatchObject({ line: 4, message: expect.stringMatching(/^not valid JSON .*the rest of the array was not read$/) });
    const truncated = await all(Readable.from([Buffer.from(`[${cases[0]},${cases[1]!.slice(0, 50)}`)]));
    expect(truncated.map((e) => e.line)).toEqual([1, 2]);
    expect(truncated[1]).toMatchObject({ problem: { en: expect.stringContaining('truncated') } });
    expect(await all(Readable.from([Buffer.from('{"id":"C1"}')]))).toEqual([{ line: 1, problem: { en: 'expected a JSON array of case snapshots', zh: '应为案件快照的 JSON 数组' } }]);
  });

});
