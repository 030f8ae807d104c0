// Inputs for comparing a compiled reader with zod: values a zod schema accepts, drawn from the schema's own definition
// (every event type, every optional field present, absent or explicitly undefined), and mutations of any value that
// aim at one constraint at a time (a key dropped or added, a wrong type, a number just past its bound, a bad instant,
// an unknown event type, a non-plain object, inherited keys...). zod is the oracle: nothing here decides validity.
import fc from 'fast-check';
import { z } from 'zod';
import { cnMainlandCalendar } from '../../src/calendar/cn-mainland.js';
import { isInstantString } from '../../src/calendar/instants.js';
import { WorkCalendar } from '../../src/calendar/work-calendar.js';
import { calendarInstant } from '../../src/testing/index.js';

type AnySchema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: AnySchema[] };

const calendar = cnMainlandCalendar();

/** Valid instants in their rarer spellings too: Z, compact offsets, fractions, 24:00, far offsets. */
const instantArbitrary = fc.oneof(
  { weight: 4, arbitrary: calendarInstant(calendar) },
  { weight: 1, arbitrary: fc.constantFrom('2025-10-09T09:30:00Z', '2025-10-09T09:30+08:00', '2025-10-09T09:30:00.5+08:00', '2025-10-09T09:30:00.123456789-05:00', '2025-10-09T24:00:00+08:00', '2025-10-09T09:30:00+0800', '2024-02-29T23:59:59+14:00', '2025-01-01T00:00:00-12:00') },
);

/** Instances for the classes a schema's z.instanceof names. */
const INSTANCES = new Map<unknown, fc.Arbitrary<unknown>>([[WorkCalendar, fc.constant(calendar)]]);

/** Arbitraries for the refinements a schema calls, by function. */
const PREDICATE_VALUES = new Map<unknown, fc.Arbitrary<unknown>>([[isInstantString, instantArbitrary]]);

const checksOf = (def: Def) => (def.checks ?? []).map((check) => check._zod.def as unknown as Record<string, unknown> & { check: string });

/** Values `schema` accepts, read from its definition; `absent` marks an object key left out. */
export function validValue(schema: AnySchema): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Def;
  const checks = checksOf(def);
  switch (def.type) {
    case 'string': {
      const refinement = checks.find((check) => check.check === 'custom');
      if (refinement) {
        const values = PREDICATE_VALUES.get(refinement.fn);
        if (!values) throw new Error('validValue: a refinement without values');
        return values;
      }
      const min = Math.max(0, ...checks.filter((check) => check.check === 'min_length').map((check) => check.minimum as number));
      return fc.oneof(fc.string({ minLength: min, maxLength: min + 4 }), fc.string({ minLength: min, maxLength: min + 3, unit: 'grapheme' }));
    }
    case 'number': {
      const lower = checks.filter((check) => check.check === 'greater_than').map((check) => (check.inclusive ? (check.value as number) : (check.value as number) + 1));
      const min = Math.max(-5, ...lower);
      return fc.oneof(fc.integer({ min, max: min + 40 }), fc.constant(min), fc.constant(Number.MAX_SAFE_INTEGER));
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
    case 'literal':
      return fc.constantFrom(...schema._zod.values!);
    case 'unknown':
    case 'any':
      return fc.anything();
    case 'custom': {
      const values = INSTANCES.get((schema._zod.bag as { Class?: unknown }).Class);
      if (!values) throw new Error('validValue: a custom schema without values');
      return values;
    }
    case 'record':
      return fc.dictionary(validValue(def.keyType as AnySchema) as fc.Arbitrary<string>, validValue(def.valueType as AnySchema), { maxKeys: 4 });
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const fields = Object.entries(shape).map(([key, field]) => {
        const value = validValue(field);
        const omittable = field._zod.optin !== undefined;
        return omittable
          ? fc.oneof({ weight: 3, arbitrary: fc.constant(ABSENT) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: value }).map((v) => [key, v] as const)
          : value.map((v) => [key, v] as const);
      });
      return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.filter(([, v]) => v !== ABSENT)));
    }
    case 'array': {
      const min = Math.max(0, ...checks.filter((check) => check.check === 'min_length').map((check) => check.minimum as number));
      return fc.array(validValue(def.element as AnySchema), { minLength: min, maxLength: min + 3 });
    }
    case 'union':
      return fc.oneof(...(def.options as AnySchema[]).map(validValue));
    case 'optional':
    case 'default':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: validValue(def.innerType as AnySchema) });
    case 'nullable':
      return fc.oneof(fc.constant(null), validValue(def.innerType as AnySchema));
    default:
      throw new Error(`validValue: ${def.type} is not drawn`);
  }
}
const ABSENT = Symbol('absent');

/** Every string value and key name a schema mentions: enum members, literals, field names. */
export function namesIn(schema: AnySchema, found = new Set<string>()): Set<string> {
  const def = schema._zod.def as unknown as Def;
  for (const value of schema._zod.values ?? []) if (typeof value === 'string') found.add(value);
  if (def.type === 'object') for (const [key, field] of Object.entries(def.shape as Record<string, AnySchema>)) found.add(key), namesIn(field, found);
  for (const inner of [def.element, def.innerType, ...((def.options as AnySchema[] | undefined) ?? [])]) if (inner) namesIn(inner as AnySchema, found);
  return found;
}

class Plain {
  constructor(readonly id = 'x') {}
}

const BAD_INSTANTS = [
  '2025-02-29T10:00:00+08:00', '2025-10-09T24:00:01+08:00', '2025-10-09T23:59:60+08:00', '2025-10-09T09:30:00', '2025-10-09',
  '2025-10-09 09:30:00+08:00', '2025-10-09T09:30:00+24:00', '2025-13-01T00:00:00+08:00', '+002025-10-09T09:30:00+08:00', '2025-10-09t09:30:00z',
  '２０２５-10-09T09:30:00+08:00', '2025-10-09T09:30:00.+08:00', '2025-10-09T09:30:00+08:60', ' 2025-10-09T09:30:00+08:00',
];
const NUMBERS = [0, -0, 1, -1, 0.5, -0.5, 2, 1e-9, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, Number.MIN_SAFE_INTEGER, -(2 ** 53), 2 ** 53 + 2, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN];
const STRINGS = ['', ' ', 'x', '\uD83D\uDE00', '\uD800', '\u0000', 'constructor', '__proto__', 'toString', '0', 'true', 'null'];
const OTHERS: unknown[] = [null, undefined, true, false, [], {}, [''], [{}], 1n, Symbol('s'), () => 1];
const fresh = (): unknown[] => [new Date(0), new Map([['id', 'x']]), new Set(['x']), Object.create(null), new Plain(), new String('x'), new Number(1), new Boolean(false), /x/, Object.create(WorkCalendar.prototype), calendar];

/** A weird value of any kind, or one of the schema's own names (so a mutation can turn one valid enum member into another). */
function weirdValue(names: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(...STRINGS),
    fc.constantFrom(...BAD_INSTANTS),
    fc.constantFrom(...names),
    fc.constantFrom(...OTHERS),
    fc.nat(10).map((i) => fresh()[i]),
    fc.anything({ maxDepth: 1 }),
  );
}

type Path = Array<string | number>;

/** Every place in a JSON-like value (objects and arrays walked by own keys), the root included. */
function places(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => places(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) places((value as Record<string, unknown>)[key], [...path, key], out);
  return out;
}

const at = (value: unknown, path: Path): unknown => path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);

/** A copy of `value` with the node at `path` replaced by `change(node)` (copies along the path only). */
function replaced(value: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (!path.length) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = replaced(value[head as number], rest, change);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = replaced((value as Record<string, unknown>)[head as string], rest, change);
  return copy;
}

type Mutation = (node: unknown, pick: { names: readonly string[]; weird: unknown; n: number; donor: unknown }) => unknown;

/** A list with one more, wrong, element. */
function appendWrong(node: unknown, { weird }: { weird: unknown }): unknown {
  return Array.isArray(node) ? [...node, weird] : node;
}

/** A mutation for the node at hand; those that do not apply leave it as it is. */
const MUTATIONS: Mutation[] = [
  // Replace with a weird value, or with another value of the same input (type confusion).
  (_, { weird }) => weird,
  (_, { donor }) => donor,
  // Numbers: just past a bound, a fraction, the sign flipped, beyond the safe range.
  (node, { n }) => (typeof node === 'number' ? [node - 1, node + 1, -node, node + 0.5, -1, 0, -0, node * 2 ** 53, NaN][n % 9] : node),
  // Strings: emptied, cut, an instant bent by one field, a lone surrogate, another name.
  (node, { n, names }) => (typeof node === 'string' ? ['', node.slice(0, -1), node.replace(/\d(?=\D*$)/, '9'), node.replace(/T\d\d/, 'T25'), `${node} `, names[n % names.length]][n % 6] : node),
  // Objects: a key dropped, a key added (one the schema knows elsewhere, or none), a key set to undefined.
  (node, { n }) => {
    if (!isRecord(node)) return node;
    const keys = Object.keys(node);
    if (!keys.length) return node;
    const { [keys[n % keys.length]!]: _, ...rest } = node;
    return rest;
  },
  (node, { n, names, weird }) => (isRecord(node) ? { ...node, [names[n % names.length]!]: weird } : node),
  (node, { n }) => (isRecord(node) && Object.keys(node).length ? { ...node, [Object.keys(node)[n % Object.keys(node).length]!]: undefined } : node),
  (node, { weird }) => (isRecord(node) ? withOwnProto(node, weird) : node),
  (node, { weird }) => (isRecord(node) ? { ...node, [Symbol('key')]: weird } : node),
  (node, { n }) => (isRecord(node) ? hiding(node, n) : node),
  // Objects that are not plain: no prototype, inherited keys, getters, frozen, a class instance, an array of the values.
  (node) => (isRecord(node) ? Object.assign(Object.create(null), node) : node),
  (node, { n }) => (isRecord(node) ? inheriting(node, n) : node),
  (node) => (isRecord(node) ? withGetters(node) : node),
  (node) => (isRecord(node) ? Object.freeze({ ...node }) : node),
  (node) => (isRecord(node) ? Object.assign(new Plain(), node) : node),
  (node) => (isRecord(node) ? Object.values(node) : node),
  (node) => (isRecord(node) ? new Map(Object.entries(node)) : node),
  // Arrays: an element dropped, doubled, a hole, a weird element, emptied, turned into an object.
  (node, { n }) => (Array.isArray(node) && node.length ? node.filter((_, i) => i !== n % node.length) : node),
  (node, { n }) => (Array.isArray(node) && node.length ? [...node, node[n % node.length]] : node),
  appendWrong,
  (node) => (Array.isArray(node) ? holey(node) : node),
  (node) => (Array.isArray(node) ? [] : node),
  (node) => (Array.isArray(node) ? { ...node } : node),
  // Any node: wrapped in a list.
  (node) => [node],
];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own, enumerable `__proto__` key, as JSON.parse makes one. */
function withOwnProto(node: Record<string, unknown>, weird: unknown): Record<string, unknown> {
  const copy = { ...node };
  Object.defineProperty(copy, '__proto__', { value: weird, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The same fields, `n`-th of them (or all) inherited from a prototype instead of owned. */
function inheriting(node: Record<string, unknown>, n: number): Record<string, unknown> {
  const keys = Object.keys(node);
  const moved = n % 2 ? keys : [keys[n % Math.max(1, keys.length)]];
  const proto: Record<string, unknown> = {};
  const own: Record<string, unknown> = Object.create(proto);
  for (const key of keys) (moved.includes(key) ? proto : own)[key] = node[key];
  return own;
}

/** The `n`-th key made non-enumerable (still read by name, not listed by for-in or Object.keys). */
function hiding(node: Record<string, unknown>, n: number): Record<string, unknown> {
  const keys = Object.keys(node);
  const copy = { ...node };
  if (keys.length) Object.defineProperty(copy, keys[n % keys.length]!, { enumerable: false });
  return copy;
}

function withGetters(node: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) Object.defineProperty(copy, key, { get: () => node[key], enumerable: true, configurable: true });
  return copy;
}

function holey(node: unknown[]): unknown[] {
  const copy = node.slice();
  copy.length += 1;
  return copy;
}

/** `base` mutated 1–3 times, each at a random place, each mutation aimed at the kind of node found there. */
export function mutated(base: fc.Arbitrary<unknown>, schema: AnySchema): fc.Arbitrary<unknown> {
  const names = [...namesIn(schema)];
  const step = fc.record({ place: fc.nat(), donorPlace: fc.nat(), mutation: fc.nat(MUTATIONS.length - 1), n: fc.nat(1000), weird: weirdValue(names) });
  return fc.tuple(base, fc.array(step, { minLength: 1, maxLength: 3 })).map(([value, steps]) => {
    let current = value;
    for (const { place, donorPlace, mutation, n, weird } of steps) {
      const all = places(current);
      const path = all[place % all.length]!;
      const donor = at(current, all[donorPlace % all.length]!);
      current = replaced(current, path, (node) => MUTATIONS[mutation]!(node, { names, weird, n, donor }));
    }
    return current;
  });
}

/** A fixed sample of wrong values, tried at every place by `everySingleMutation`. */
const WRONG = [null, undefined, '', 'x', -1, 0.5, NaN, -0, 2 ** 53, true, [], {}, BAD_INSTANTS[0], '2025-10-09T09:30:00', 'no-such-name', new Date(0)];

/**
 * Every single mutation of `value`: at each place, each mutation with each of a sweep of its parameters (every key of
 * an object, every wrong value of the sample, a few bounds and names). Deterministic, so one valid input yields the
 * mutation that breaks any one constraint it reaches.
 */
export function* everySingleMutation(value: unknown, schema: AnySchema): Generator<unknown> {
  const names = [...namesIn(schema)];
  const all = places(value);
  for (let p = 0; p < all.length; p++) {
    const path = all[p]!;
    const node = at(value, path);
    const width = isRecord(node) ? Math.max(3, Object.keys(node).length) : typeof node === 'number' ? 9 : typeof node === 'string' ? 6 : 3;
    for (let m = 0; m < MUTATIONS.length; m++) {
      const everyWrong = m === 0 || MUTATIONS[m] === appendWrong;
      const sweep = everyWrong ? WRONG.length : width;
      for (let n = 0; n < sweep; n++) {
        const weird = WRONG[(n + m) % WRONG.length];
        const donor = at(value, all[(p + 1 + n) % all.length]!);
        const changed = MUTATIONS[m]!(node, { names, weird: everyWrong ? WRONG[n] : weird, n: m === 5 ? n * 37 : n, donor });
        // A mutation that does not apply to this kind of node leaves it as it is: no need to sweep it.
        if (changed === node) break;
        yield replaced(value, path, () => changed);
      }
    }
  }
}
