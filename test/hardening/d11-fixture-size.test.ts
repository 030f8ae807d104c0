// D11: a huge YAML fixture was parsed whatever its size (3.76 GB for 50 MB; a V8 abort under a 1 GB heap) and
// stopped `check` from running the other fixtures.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { MAX_FIXTURE_BYTES, parseFixture } from '../../src/fixtures/fixture.js';
import { cli, root } from './helpers.js';

describe('D11: fixtures have a size cap, and one bad fixture never stops check', () => {
  it('a fixture over the cap is a clear error found before it is read; the fixtures beside it still run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-fixtures-'));
    const source = join(root, 'fixtures', 'first-inquiry');
    const good = readdirSync(source).filter((f) => f.endsWith('.yaml')).slice(0, 3);
    for (const name of good) copyFileSync(join(source, name), join(dir, name));
    writeFileSync(join(dir, 'huge.yaml'), `description: huge\nnote: "${'x'.repeat(MAX_FIXTURE_BYTES)}"\n`);
    writeFileSync(join(dir, 'broken.yaml'), 'description: [unclosed\n');
    const { code, out, err } = await cli('--lang', 'en', 'check', dir);
    // A fixture that cannot be read is broken (exit 2), not failed; the others still run and pass.
    expect(code).toBe(2);
    expect(out.split('\n').at(-1)).toBe(`${good.length} passed, 0 failed, 2 broken`);
    expect(err).toMatch(new RegExp(`huge\\.yaml: \\$: expected a fixture file of at most ${MAX_FIXTURE_BYTES} bytes \\(1 MiB\\), got "\\d+ bytes"`));
    expect(err).toContain('broken.yaml');
  });

  it('parseFixture refuses an oversized text too, and lists at most 100 issues with the total', () => {
    expect(() => parseFixture(`description: "${'案'.repeat(MAX_FIXTURE_BYTES / 3)}"`, 'big.yaml')).toThrow(/at most 1048576 bytes/);
    const many = ['description: many', 'profile: city-12', "asOf: '2025-11-20T18:00:00+08:00'", 'expect: { findings: [] }', 'case:', '  events:', ...Array.from({ length: 500 }, () => '    - {}')].join('\n');
    try {
      parseFixture(many, 'many.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.length).toBeLessThanOrEqual(100);
      expect((error as ValidationError).issueCount).toBeGreaterThan(100);
      expect((error as ValidationError).message).toMatch(/problems; the first 100 listed\)/);
    }
  });
});
