// D16: silently accepted input: invalid UTF-8 decoded with replacement characters, a BOM rejected, calendar add ''
// read as 0, rules --regulation nope printing nothing, a `__proto__` year dropped.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditStream } from '../../src/cli/audit-run.js';
import { AS_OF, cli, root, sampleLines } from './helpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('D16: nothing is silently guessed', () => {
  it('a line that is not valid UTF-8 is an error for that line only', async () => {
    const [a, b] = sampleLines(2);
    const broken = Buffer.from(a!.replace(/"department":"[^"]*"/, '"department":"@@"'));
    const at = broken.indexOf('@@');
    broken[at] = 0xff;
    broken[at + 1] = 0xfe;
    const log = Buffer.concat([broken, Buffer.from('\n'), Buffer.from(b!)]);
    for (const workers of [1, 2]) {
      const summary = await auditStream(Readable.from([log]), { profile: 'city-12', asOf: AS_OF, workers });
      expect(summary).toMatchObject({ cases: 2, evaluated: 1, errorCount: 1 });
      expect(summary.errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^not valid UTF-8/) });
      expect(summary.departments.map((d) => d.department).join('')).not.toContain('\uFFFD');
    }
  });

  it('a UTF-8 byte order mark is accepted at the start of an NDJSON log, a JSON-array log, a profile and a calendar file', async () => {
    const lines = sampleLines(2);
    for (const [text, format] of [[lines.join('\n'), 'ndjson'], [`[${lines.join(',')}]`, 'json']] as const) {
      // The mark split over two chunks, as a pipe may deliver it.
      const bytes = Buffer.concat([BOM, Buffer.from(text)]);
      const summary = await auditStream(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]), { profile: 'city-12', asOf: AS_OF, workers: 1 }, format);
      expect(summary).toMatchObject({ cases: 2, evaluated: 2, errorCount: 0 });
    }
    // Only at the start: a mark before a later line is not part of JSON.
    const later = await auditStream(Readable.from([Buffer.concat([Buffer.from(`${lines[0]}\n`), BOM, Buffer.from(lines[1]!)])]), { profile: 'city-12', asOf: AS_OF, workers: 1 });
    expect(later).toMatchObject({ evaluated: 1, errorCount: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'scr-bom-'));
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, Buffer.concat([BOM, readFileSync(join(root, 'rules', 'profiles', 'county-10.json'))]));
    const calendar = join(dir, 'calendar.json');
    writeFileSync(calendar, Buffer.concat([BOM, Buffer.from(JSON.stringify({ closures: [{ date: '2025-10-09', reason: '搬迁' }] }))]));
    const log = join(dir, 'cases.ndjson');
    writeFileSync(log, lines.join('\n'));
    const audited = await cli('--calendar', calendar, 'audit', log, '--profile', profile, '--as-of', AS_OF, '--format', 'json', '--workers', '1');
    expect(audited.err).toBe('');
    expect(JSON.parse(audited.out)).toMatchObject({ profile: 'county-10', evaluated: 2 });
  });

  it('calendar add takes a whole number only; rules --regulation with an unknown id is an error', async () => {
    for (const n of ['', ' ', '0x10', '1e1', '1.5', 'three']) {
      const result = await cli('--lang', 'en', 'calendar', 'add', '2025-10-01', n);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/expected a whole number of working days/);
    }
    expect((await cli('calendar', 'add', '2025-09-30', '3')).out).toBe('2025-10-11');
    const rules = await cli('--lang', 'en', 'rules', '--regulation', 'nope');
    expect(rules.code).toBe(2);
    expect(rules.out).toBe('');
    expect(rules.err).toMatch(/^--regulation "nope": no such regulation; one of /);
  });

  it('a "__proto__" year in --calendar is refused, not dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-proto-year-'));
    const calendar = join(dir, 'calendar.json');
    writeFileSync(calendar, '{"years":{"__proto__":{"status":"unpublished"}}}');
    const result = await cli('--lang', 'en', '--calendar', calendar, 'calendar', 'info', '2025-10-09');
    expect(result).toMatchObject({ code: 2, err: 'extend: $.years.__proto__: expected a four-digit year, got "__proto__"' });
    expect(Object.prototype).not.toHaveProperty('status');
  });
});
