// D4: deeply nested input crashed the error formatter with an untyped RangeError (String() on a 5,000-deep array).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clip, showValue, ValidationError } from '../../src/errors.js';
import { createCalendar, evaluate, loadProfile } from '../../src/index.js';
import { AS_OF, AUDIT, cli, isWellFormed } from './helpers.js';

const deep = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels)) as unknown;

describe('D4: every value in an error is printed by one bounded printer', () => {
  it('5,000-deep input is a ValidationError from every validating entry point, its value shown a few levels deep', () => {
    const calls: Array<() => unknown> = [
      () => evaluate({ id: 'C1', matter: deep(5000), channel: 'window', events: [] } as never, { profile: 'city-12', asOf: AS_OF }),
      () => loadProfile(deep(5000) as never),
      () => createCalendar(deep(5000) as never),
    ];
    for (const call of calls) {
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      for (const issue of (thrown as ValidationError).issues) expect(issue.message.en.length).toBeLessThan(400);
    }
  });

  it('the printer bounds length and depth, reads only what it shows, and never throws', () => {
    expect(showValue(deep(100_000))).toBe('[[[[[…]]]]]');
    const huge = 'x'.repeat(50_000_000);
    expect(showValue(huge)).toBe(`"${'x'.repeat(76)}...`);
    expect(showValue(Array.from({ length: 1_000_000 }, (_, i) => i)).length).toBe(80);
    expect([showValue(undefined), showValue(Number.NaN), showValue(-Infinity), showValue(12n), showValue(() => 1), showValue(Symbol('s'))]).toEqual(['undefined', 'NaN', '-Infinity', '12n', '[function]', '[symbol]']);
    expect(showValue({ a: 1, b: 'yes', c: undefined, d: [1, undefined] })).toBe(JSON.stringify({ a: 1, b: 'yes', c: undefined, d: [1, undefined] }));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(showValue(cyclic)).toBe('{"a":1,"self":{…}}');
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('no'); } });
    expect(showValue(hostile)).toBe('{…}');
    const getter = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(showValue(getter)).toBe('{…}');
    expect(showValue({ toJSON: () => 'pwned', toString: () => 'pwned' })).toBe('{}');
    // A cut never splits a character outside the BMP into a lone surrogate.
    for (let length = 4; length < 12; length++) {
      expect(isWellFormed(clip('😀'.repeat(20), length))).toBe(true);
      expect(isWellFormed(showValue(['😀'.repeat(100)], { length }))).toBe(true);
    }
  });

  it('explain, --profile and --calendar with deeply nested files exit 2 with clear lines, not a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-deep-'));
    const caseFile = join(dir, 'deep.json');
    writeFileSync(caseFile, `{"id":"C1","matter":${'['.repeat(5000)}${']'.repeat(5000)},"channel":"window","events":[]}`);
    const explained = await cli('--lang', 'en', 'explain', caseFile, ...AUDIT);
    expect(explained).toMatchObject({ code: 2, err: `${caseFile}: $.matter: expected an object, got [[[[[…]]]]]` });
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, '['.repeat(5000) + ']'.repeat(5000));
    const withProfile = await cli('--lang', 'en', 'explain', caseFile, '--profile', profile, '--as-of', AS_OF);
    expect(withProfile.code).toBe(2);
    expect(withProfile.err).toContain('[[[[[…]]]]]');
    const calendar = join(dir, 'calendar.json');
    writeFileSync(calendar, `{"years":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const withCalendar = await cli('--lang', 'en', '--calendar', calendar, 'calendar', 'info', '2025-10-09');
    expect(withCalendar.code).toBe(2);
    expect(withCalendar.err).toContain('$.years');
  });
});
