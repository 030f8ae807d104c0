// D13: --workers accepted up to 256 threads on any machine, all started at once (3.6 GB for a 200-line log).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { AUDIT, cli, sampleLog } from './helpers.js';

describe('D13: worker threads are capped at the cores and bad values fail first', () => {
  it('more workers than cores is capped with a note; non-numbers and zero exit 2 before the log is read', async () => {
    const cores = availableParallelism();
    const capped = await cli('--lang', 'en', 'audit', sampleLog, ...AUDIT, '--workers', '1000', '--format', 'json');
    expect(capped.code).toBe(0);
    expect(capped.err).toBe(`--workers 1000: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores}`);
    for (const bad of ['0', '-1', '1.5', 'abc', '', '1e1', '0x2']) {
      const result = await cli('audit', 'no-such-log.ndjson', ...AUDIT, '--workers', bad);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^--workers /);
    }
  });
});
