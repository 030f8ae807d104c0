// D18: a line of exactly the cap was refused with CRLF (the CR counted), deeply nested audit lines were
// reported with path $ and "Maximum call stack size exceeded", and so was YAML nested deeper than the parser's
// stack, as if it were invalid YAML.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditStream } from '../../src/cli/audit-run.js';
import { MAX_LINE_BYTES } from '../../src/cli/audit.js';
import { logLines, type LogLine } from '../../src/cli/lines.js';
import { ValidationError } from '../../src/errors.js';
import { parseFixture } from '../../src/fixtures/fixture.js';
import { AS_OF } from './helpers.js';

async function lines(text: string, cap: number): Promise<LogLine[]> {
  const out: LogLine[] = [];
  for await (const line of logLines(Readable.from([Buffer.from(text)]), cap)) out.push(line);
  return out;
}

describe('D18: the line cap counts a line, not its line ending; deep lines get a real path', () => {
  it('a line of exactly the cap passes with LF and with CRLF; one byte more is over it either way', async () => {
    const exact = 'x'.repeat(10);
    expect(await lines(`${exact}\n${exact}\r\n${exact}y\r\n${exact}y\n`, 10)).toEqual([
      { line: 1, text: exact },
      { line: 2, text: exact },
      { line: 3, oversizedBytes: 11 },
      { line: 4, oversizedBytes: 11 },
    ]);
  });

  it('a 5,000-deep line gets its case id and the path of the bad field', async () => {
    const line = `{"id":"DEEP-1","matter":${'['.repeat(5000)}${']'.repeat(5000)},"channel":"window","events":[]}`;
    expect(line.length).toBeLessThan(MAX_LINE_BYTES);
    const summary = await auditStream(Readable.from([Buffer.from(line)]), { profile: 'city-12', asOf: AS_OF, workers: 1 });
    expect(summary.errors).toEqual([{ line: 1, caseId: 'DEEP-1', path: '$.matter', message: 'expected an object, got [[[[[…]]]]]', messageZh: '应为对象，实际为 [[[[[…]]]]]' }]);
  });

  it('a YAML fixture nested deeper than the parser can follow says so, with where; it is not called invalid YAML', () => {
    for (const nested of ['['.repeat(20_000) + ']'.repeat(20_000), '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000)]) {
      let thrown: unknown;
      try {
        parseFixture(`description: deep\ncase: ${nested}\n`, 'deep.yaml');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      const [issue] = (thrown as ValidationError).issues;
      expect(issue!.message.en).toMatch(/^\$: expected YAML nested a few levels deep \(as fixtures are\), got "nesting too deep for the parser at line 2, column \d+"$/);
      expect(issue!.message.zh).toMatch(/^\$：应为嵌套层数不多的 YAML/);
    }
  });
});
