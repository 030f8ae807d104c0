// D7: every wrong-type error said "(the field is missing)", and zod's own wording leaked into messages.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { cnMainlandCalendar, cnMainlandCalendarData, createCalendar, evaluate } from '../../src/index.js';
import { AS_OF, sampleLines } from './helpers.js';

function issuesOf(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.message.en} | ${i.message.zh}`);
    throw error;
  }
  throw new Error('no error');
}

const base = () => JSON.parse(sampleLines(1)[0]!);
const evaluateWith = (change: (c: any) => void) => () => {
  const c = base();
  change(c);
  return evaluate(c, { profile: 'city-12', asOf: AS_OF });
};

describe('D7: messages say what was wrong in words', () => {
  it('a field of the wrong type is not "missing"; a missing one is', () => {
    expect(issuesOf(evaluateWith((c) => (c.matter.name = 5)))).toEqual(['$.matter.name: expected a string, got 5 | $.matter.name：应为字符串，实际为 5']);
    expect(issuesOf(evaluateWith((c) => delete c.matter.name))).toEqual(['$.matter.name: expected a string (the field is missing), got undefined | $.matter.name：应为字符串（缺少该字段），实际为 undefined']);
    expect(issuesOf(evaluateWith((c) => (c.matter = null)))).toEqual(['$.matter: expected an object, got null | $.matter：应为对象，实际为 null']);
  });

  it('sizes, discriminators and record keys are described, not quoted from zod', () => {
    expect(issuesOf(evaluateWith((c) => (c.matter.name = '')))).toEqual(['$.matter.name: expected a non-empty string, got "" | $.matter.name：应为非空字符串，实际为 ""']);
    const [wrongType] = issuesOf(evaluateWith((c) => (c.events[0].type = 'nope')));
    expect(wrongType).toMatch(/^\$\.events\[0\]\.type: expected one of "ticket-issued", .*, got "nope" \| /);
    const data = cnMainlandCalendarData() as any;
    data.years = { ...data.years, constructor: data.years['2025'] };
    const [badKey] = issuesOf(() => createCalendar(data));
    expect(badKey).toMatch(/^\$\.years\.constructor: expected a key that is a four-digit year, got "constructor" \| /);
    for (const message of [wrongType, badKey]) expect(message).not.toMatch(/Too small|Invalid|>=/);
  });

  it("options of the wrong type name what was expected in words, not zod's type tag or a class name", () => {
    const c = base();
    expect(issuesOf(() => evaluate(c, { profile: 'city-12', asOf: AS_OF, profiles: [null] } as never))).toEqual([
      '$.profiles[0]: expected an object, got null | $.profiles[0]：应为对象，实际为 null',
    ]);
    const [calendar] = issuesOf(() => evaluate(c, { profile: 'city-12', asOf: AS_OF, calendar: {} } as never));
    expect(calendar).toMatch(/^\$\.calendar: expected a WorkCalendar \(cnMainlandCalendar\(\) or createCalendar\(…\)\), got \{\} \| /);
  });

  it("calendar.extend's errors are extend's, with the paths of the additions", () => {
    const whereOf = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        if (error instanceof ValidationError) return `${error.where}: ${error.issues.map((i) => i.message.en).join('; ')}`;
        throw error;
      }
      return 'no error';
    };
    const extended = cnMainlandCalendar().extend({ closures: [{ date: '2025-10-09', reason: '搬迁' }] });
    expect(whereOf(() => extended.extend({ closures: [null] } as never))).toBe('extend: $.closures[0]: expected an object, got null');
    const year = { ...cnMainlandCalendarData().years['2025']!, daysOff: [{ date: 'soon', holiday: '春节' }] };
    expect(whereOf(() => extended.extend({ years: { 2027: year } } as never))).toMatch(/^extend: \$\.years\.2027\.daysOff\[0\]\.date: expected an ISO date/);
  });
});
