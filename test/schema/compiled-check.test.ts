import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkCalendar } from '../../src/calendar/work-calendar.js';
import { cnMainlandCalendar } from '../../src/calendar/cn-mainland.js';
import { isInstantString } from '../../src/calendar/instants.js';
import { compileReader, readerOrZod, REJECTED, readerSource, UnsupportedSchemaError, type ReaderOptions } from '../../src/schema/compiled-check.js';
import { disagreement } from './reader-agreement.js';

const BACK_ENDS = ['source', 'closures'] as const;

/** Both back ends agree with zod on every input (verdict, output, key order, input untouched). */
function agreeOn(schema: z.ZodType, inputs: readonly unknown[], options: ReaderOptions = {}): void {
  for (const backEnd of BACK_ENDS) {
    const reader = compileReader(schema, { ...options, backEnd });
    for (const input of inputs) expect(disagreement(reader, schema, input), `${backEnd} on ${String(inputs.indexOf(input))}`).toBeUndefined();
  }
}

const read = (schema: z.ZodType, input: unknown, options: ReaderOptions = {}) => BACK_ENDS.map((backEnd) => compileReader(schema, { ...options, backEnd })(input));

class Thing {
  a = 'x';
}
const inherited = Object.create({ a: 'x' }) as object;
const noPrototype = Object.assign(Object.create(null) as object, { a: 'x' });
const hidden = Object.defineProperty({}, 'a', { value: 'x', enumerable: false });
const ownProto = JSON.parse('{"a":"x","__proto__":1}') as unknown;
const COMMON = [undefined, null, 0, -0, NaN, Infinity, 1.5, '', 'x', true, [], {}, ['x'], new Date(0), new Map(), 1n, Symbol('s'), () => 1];

describe('compiled readers, one construct at a time (both back ends against zod)', () => {
  it('strict objects: unknown keys, missing keys, inherited and hidden keys, non-plain objects', () => {
    agreeOn(z.strictObject({ a: z.string() }), [...COMMON, { a: 'x' }, { a: 'x', b: 1 }, { a: 1 }, inherited, noPrototype, hidden, ownProto, new Thing(), { a: 'x', constructor: 1 }]);
    expect(read(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })).toEqual([REJECTED, REJECTED]);
  });

  it('stripping objects drop unknown keys from the output', () => {
    agreeOn(z.object({ a: z.string() }), [...COMMON, { a: 'x', b: 1 }, inherited, ownProto, new Thing()]);
    expect(read(z.object({ a: z.string() }), { a: 'x', b: 1 })).toEqual([{ a: 'x' }, { a: 'x' }]);
  });

  it('strings: types, and length bounds counted in code points as zod counts them', () => {
    agreeOn(z.string().min(1), [...COMMON, '\uD800', 'ab']);
    agreeOn(z.string().min(2), ['😀', '😀😀', 'ab', 'a', '\uD83D\uD83D', '😀a']);
    agreeOn(z.string().max(1), ['😀', 'ab', '', '\uDE00\uD83D']);
    agreeOn(z.string().min(3).max(4), ['abc', '😀😀😀', '😀😀😀😀😀', 'ab😀', 'abcde']);
  });

  it('numbers: finiteness, integers in the safe range, inclusive and exclusive bounds, -0', () => {
    const numbers = [...COMMON, -1, 1, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1e308, -Infinity, new Number(1), '1'];
    agreeOn(z.number(), numbers);
    agreeOn(z.int(), numbers);
    agreeOn(z.int().nonnegative(), numbers);
    agreeOn(z.int().positive(), numbers);
    agreeOn(z.number().gt(-1).lte(1), numbers);
    agreeOn(z.number().int().lt(5), numbers);
    agreeOn(z.int32(), [...numbers, 2 ** 31, -(2 ** 31)]);
    expect(Object.is(read(z.int().nonnegative(), -0)[0], -0)).toBe(true);
  });

  it('booleans, enums and literals', () => {
    agreeOn(z.boolean(), [...COMMON, new Boolean(true), 'true']);
    agreeOn(z.enum(['a', 'b']), [...COMMON, 'a', 'b', 'c', 'A']);
    agreeOn(z.literal('a'), [...COMMON, 'a', 'b']);
    agreeOn(z.literal([1, 2, true, null]), [...COMMON, 1, 2, '1', null]);
  });

  it('unknown and any accept anything present, and a required one must be present', () => {
    agreeOn(z.strictObject({ a: z.unknown() }), [{}, { a: undefined }, { a: null }, { a: { deep: [1] } }]);
    agreeOn(z.strictObject({ a: z.any() }), [{}, { a: undefined }, { a: 1n }]);
  });

  it('optional: absent stays absent, an explicit undefined is kept, as zod keeps it', () => {
    const schema = z.strictObject({ a: z.string().min(1).optional() });
    agreeOn(schema, [{}, { a: undefined }, { a: '' }, { a: 'x' }, { a: null }]);
    for (const out of read(schema, { a: undefined })) expect(Object.hasOwn(out as object, 'a')).toBe(true);
    for (const out of read(schema, {})) expect(Object.hasOwn(out as object, 'a')).toBe(false);
  });

  it('defaults: filled in for absent and undefined, a fresh list each time', () => {
    const schema = z.strictObject({ list: z.array(z.string()).default([]), flag: z.boolean().default(false), kind: z.enum(['a', 'b']).default('a') });
    agreeOn(schema, [{}, { list: undefined }, { list: ['x'] }, { list: 'x' }, { flag: true, kind: 'b' }, { kind: 'c' }]);
    const [first] = read(schema, {});
    const [second] = read(schema, {});
    expect(first).toEqual({ list: [], flag: false, kind: 'a' });
    expect((first as { list: unknown }).list).not.toBe((second as { list: unknown }).list);
  });

  it('the rarer rungs of absence: default().optional(), optional().default(), nullable', () => {
    agreeOn(z.strictObject({ a: z.string().default('d').optional() }), [{}, { a: undefined }, { a: 'x' }, { a: 1 }]);
    agreeOn(z.strictObject({ a: z.string().optional().default('d') }), [{}, { a: undefined }, { a: 'x' }, { a: 1 }]);
    agreeOn(z.strictObject({ a: z.string().nullable() }), [{}, { a: null }, { a: undefined }, { a: 'x' }]);
    agreeOn(z.strictObject({ a: z.string().nullable().optional() }), [{}, { a: null }, { a: undefined }, { a: 1 }]);
  });

  it('arrays: element checks, length bounds, holes, array-likes', () => {
    const schema = z.array(z.string().min(1)).min(1).max(2);
    agreeOn(schema, [...COMMON, ['a'], ['a', 'b'], ['a', 'b', 'c'], [''], new Array(1), { 0: 'a', length: 1 }, new Set(['a'])]);
    agreeOn(z.array(z.strictObject({ a: z.int() })), [[{ a: 1 }], [{ a: 1.5 }], [{ a: 1, b: 2 }], [null]]);
  });

  it('discriminated unions: the option by its tag, unknown and missing tags, inherited tags', () => {
    const schema = z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('a'), n: z.int().default(0) }),
      z.strictObject({ type: z.literal(['b', 'c']), s: z.string() }),
    ]);
    agreeOn(schema, [...COMMON, { type: 'a' }, { type: 'a', n: 1.5 }, { type: 'b', s: 'x' }, { type: 'c', s: 'x' }, { type: 'd' }, { s: 'x' }, Object.create({ type: 'a' }), { type: 'b' }, { type: 'a', s: 'x' }]);
  });

  it('plain unions: the first option that accepts gives the output', () => {
    const schema = z.union([z.object({ a: z.string() }), z.strictObject({ a: z.string(), b: z.int() }), z.string().min(1)]);
    agreeOn(schema, [...COMMON, { a: 'x', b: 1 }, { a: 1, b: 1 }, 'x']);
  });

  it('records of string keys: plain objects only, symbol keys rejected, hidden and __proto__ keys skipped', () => {
    const schema = z.record(z.string(), z.unknown());
    agreeOn(schema, [...COMMON, { a: 1 }, noPrototype, inherited, hidden, ownProto, new Thing(), { [Symbol('k')]: 1 }, Object.defineProperty({}, Symbol('k'), { value: 1, enumerable: false }), { 1: 'x', b: 2 }]);
    agreeOn(z.record(z.string(), z.int()), [{ a: 1 }, { a: 1.5 }, { a: undefined }]);
  });

  it('z.instanceof: the class, its subclasses, impostors', () => {
    const calendar = cnMainlandCalendar();
    agreeOn(z.strictObject({ calendar: z.instanceof(WorkCalendar).optional() }), [{}, { calendar }, { calendar: Object.create(WorkCalendar.prototype) }, { calendar: {} }, { calendar: null }]);
  });

  it('refinements: a known predicate is called, as zod calls it', () => {
    const instant = z.string().refine(isInstantString);
    agreeOn(instant, [...COMMON, '2025-10-09T09:30:00+08:00', '2025-02-29T09:30:00+08:00', '2025-10-09T24:00:00+08:00', '2025-10-09T09:30:00Z'], { predicates: [isInstantString] });
    agreeOn(z.custom<string>(isInstantString as never), ['2025-10-09T09:30:00+08:00', 'x', 1], { predicates: [isInstantString] });
  });

  it('readers never change their input, and give a new object even where nothing is filled in', () => {
    const input = Object.freeze({ a: Object.freeze(['x']) });
    for (const out of read(z.strictObject({ a: z.array(z.string()) }), input)) {
      expect(out).toEqual({ a: ['x'] });
      expect(out).not.toBe(input);
      expect((out as { a: unknown }).a).not.toBe(input.a);
    }
  });

  it('refuses, when built, every construct it cannot reproduce exactly', () => {
    const refused: Array<[string, z.ZodType]> = [
      ['a transform', z.string().transform((s) => s.length)],
      ['a pipe', z.string().pipe(z.string())],
      ['an unknown refinement', z.string().refine((s) => s.length > 2)],
      ['a superRefine', z.string().superRefine(() => undefined)],
      ['a check function', z.string().check(() => undefined)],
      ['a refinement with its own when', z.string().refine(isInstantString, { when: () => true })],
      ['a loose object', z.looseObject({ a: z.string() })],
      ['a catchall', z.object({ a: z.string() }).catchall(z.string())],
      ['an exclusive union', z.xor([z.string(), z.number()])],
      ['a catch', z.string().catch('x')],
      ['a prefault', z.string().prefault('x')],
      ['readonly', z.strictObject({ a: z.string() }).readonly()],
      ['an exact optional', z.strictObject({ a: z.string().exactOptional() })],
      ['a string format', z.email()],
      ['a regex', z.string().regex(/x/)],
      ['coercion', z.coerce.number()],
      ['a lazy schema', z.lazy(() => z.string())],
      ['an intersection', z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() }))],
      ['a tuple', z.tuple([z.string()])],
      ['a date', z.date()],
      ['a bigint', z.bigint()],
      ['a map', z.map(z.string(), z.string())],
      ['a record of enum keys', z.record(z.enum(['a']), z.string())],
      ['a partial record', z.partialRecord(z.string(), z.string())],
      ['a custom schema with an unknown function', z.custom((value) => value === 1)],
      ['a multipleOf check', z.number().multipleOf(2)],
      ['a length check with its own when', z.string().check(z.minLength(1, { when: () => true } as never))],
    ];
    for (const [name, schema] of refused) {
      expect(() => compileReader(schema, { predicates: [isInstantString] }), name).toThrow(UnsupportedSchemaError);
    }
  });

  it('on the hot path, a refused schema sends every input to zod rather than failing', () => {
    const reader = readerOrZod(z.strictObject({ n: z.string().transform(Number) }));
    expect(reader({ n: '1' })).toBe(REJECTED);
    expect(reader({ n: 1 })).toBe(REJECTED);
    expect(readerOrZod(z.strictObject({ n: z.int() }))({ n: 1 })).toEqual({ n: 1 });
  });

  it('names where in the schema a refused construct sits', () => {
    expect(() => compileReader(z.strictObject({ events: z.array(z.strictObject({ at: z.string().transform(Number) })) }))).toThrow('$.events[].at: pipe');
  });

  it('compiles to readable source that closes over no schema object', () => {
    const source = readerSource(z.strictObject({ a: z.string().min(1), b: z.enum(['x', 'y']).optional() }));
    expect(source).toContain('typeof x === "string" && x.length >= 1');
    expect(source).toContain('x === "x" || x === "y"');
  });
});
