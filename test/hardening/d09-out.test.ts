// D9: --out to an unwritable path was an uncaught exception (exit 1), raised after the whole audit had run.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT, cli, sampleLog } from './helpers.js';

describe('D9: the output file is checked before any work', () => {
  it('a missing folder, a folder, a read-only file system and an empty path exit 2 with one line, before the log is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-out-'));
    // The log does not exist: an error about --out proves the output was checked first.
    const log = join(dir, 'not-read.ndjson');
    for (const [out, reason] of [[join(dir, 'no', 'such', 'x.json'), 'ENOENT'], [dir, 'not a regular file'], ['/proc/version', '/proc/version'], ['', 'expected a file path']] as const) {
      const result = await cli('--lang', 'en', 'audit', log, ...AUDIT, '--out', out);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^--out .*: (cannot write|expected a file path)/);
      expect(result.err).toContain(reason);
      expect(result.err.split('\n')).toHaveLength(1);
    }
  });

  it('a good path gets the whole report and no temporary file is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-out-ok-'));
    const out = join(dir, 'report.json');
    expect((await cli('audit', sampleLog, ...AUDIT, '--format', 'json', '--out', out, '--workers', '1')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).cases).toBeGreaterThan(1000);
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
