// A reader compiled from a zod schema's own definition (`_zod.def`): it accepts exactly what the schema accepts and
// returns what zod's `parse` returns (a new value, defaults filled in), without zod's per-call bookkeeping (payloads,
// issue lists, check runners). zod stays the single source of truth: nothing here restates a field, an enum or a
// bound; every one is read from the schema. What the reader does not understand it refuses when it is built
// (UnsupportedSchemaError), so an unknown construct can never be accepted by default. It never words errors: on a
// rejection the caller runs zod, which says what is wrong exactly as before.
//
// Two back ends share one description of the schema: source code compiled once with `new Function` (fast), and
// closures over the same description where code generation is disallowed (a CSP, `--disallow-code-generation-from-
// strings`, or zod's own `jitless` setting).
import { z } from 'zod';

/** What a reader returns for an input the schema rejects. */
export const REJECTED: unique symbol = Symbol('rejected by the compiled reader');
export type Rejected = typeof REJECTED;
export type Reader<T> = (input: unknown) => T | Rejected;

/** The schema uses a construct the reader cannot reproduce exactly: it names where and which. */
export class UnsupportedSchemaError extends Error {
  override readonly name = 'UnsupportedSchemaError';
  constructor(
    readonly at: string,
    readonly construct: string,
  ) {
    super(`compiled reader: ${at}: ${construct} is not supported; validate this schema with zod`);
  }
}

/** A pure, synchronous predicate a refinement calls (`.refine(fn)`): the reader calls the same function. */
export type Predicate = (value: never) => unknown;

export interface ReaderOptions {
  /**
   * The refinement functions the reader may call itself. A refinement is opaque code: only one named here, known to
   * be pure and synchronous, is reproduced; any other makes the build refuse.
   */
  predicates?: readonly Predicate[];
  /** 'source' (the default where code generation is allowed) or 'closures'. */
  backEnd?: 'source' | 'closures';
}

// ---------------------------------------------------------------------------------------------------------------
// The description: what zod's definition says, in the terms the back ends need.

export type Check =
  | { kind: 'min-length'; minimum: number; units: 'code points' | 'items' }
  | { kind: 'max-length'; maximum: number; units: 'code points' | 'items' }
  | { kind: 'bound'; side: 'min' | 'max'; value: number; inclusive: boolean }
  | { kind: 'number-format'; integer: boolean; minimum: number; maximum: number }
  | { kind: 'predicate'; fn: (value: unknown) => unknown };

/** How an object's property treats absence: zod's `optin` / `optout` of the property's schema. */
export interface Property {
  key: string;
  node: Node;
  optin: 'optional' | 'defaulted' | undefined;
  optout: 'optional' | undefined;
}

export type Node =
  | { kind: 'string'; checks: Check[] }
  | { kind: 'number'; checks: Check[] }
  | { kind: 'boolean' }
  | { kind: 'values'; values: readonly unknown[] }
  | { kind: 'unknown' }
  | { kind: 'custom'; fn: (value: unknown) => unknown }
  | { kind: 'instance'; of: abstract new (...args: never[]) => unknown }
  | { kind: 'record'; value: Node }
  | { kind: 'object'; properties: Property[]; strict: boolean }
  | { kind: 'array'; element: Node; checks: Check[] }
  | { kind: 'tagged'; key: string; options: ReadonlyMap<string, Node> }
  | { kind: 'union'; options: Node[] }
  | { kind: 'optional'; inner: Node; substitutes: boolean }
  | { kind: 'nullable'; inner: Node }
  | { kind: 'default'; inner: Node; def: { readonly defaultValue: unknown } };

type AnySchema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: AnySchema[] };

/** The `$Zod…` classes a schema or check was built by, sorted: the exact identity of the construct. */
const traitsOf = (schema: AnySchema): string => {
  const traits: unknown = schema?._zod?.traits;
  // Anything that is not a zod-built schema or check (a bare check function, say) has no traits and is refused.
  return traits instanceof Set ? [...(traits as Set<string>)].filter((t) => t.startsWith('$')).sort().join(',') : '(not a zod schema)';
};

// The `when` zod gives length checks by default (run on anything with a length); any other `when` changes when a
// check applies, which the reader does not reproduce.
const DEFAULT_LENGTH_WHEN = (z.string().min(1)._zod.def.checks![0]!._zod.def as { when?: unknown }).when;
const NUMBER_FORMAT_RANGES = z.core.util.NUMBER_FORMAT_RANGES as Record<string, [number, number]>;
const { codePointLength, isPlainObject } = z.core.util;

const SIMPLE: Record<string, string> = {
  string: '$ZodString,$ZodType',
  number: '$ZodNumber,$ZodType',
  boolean: '$ZodBoolean,$ZodType',
  enum: '$ZodEnum,$ZodType',
  literal: '$ZodLiteral,$ZodType',
  unknown: '$ZodType,$ZodUnknown',
  any: '$ZodAny,$ZodType',
  array: '$ZodArray,$ZodType',
  optional: '$ZodOptional,$ZodType',
  nullable: '$ZodNullable,$ZodType',
  default: '$ZodDefault,$ZodType',
};
const INTEGER_NUMBER = '$ZodCheck,$ZodCheckNumberFormat,$ZodNumber,$ZodNumberFormat,$ZodType';
const OBJECT = ['$ZodObject,$ZodObjectJIT,$ZodType', '$ZodObject,$ZodType'];
const PLAIN_UNION = '$ZodType,$ZodUnion';
const TAGGED_UNION = '$ZodDiscriminatedUnion,$ZodType,$ZodUnion';
const CUSTOM = '$ZodCheck,$ZodCustom,$ZodType';
const RECORD = '$ZodRecord,$ZodType';
const NEVER = '$ZodNever,$ZodType';

/** Reads a zod schema's definition into a description, refusing anything it cannot reproduce exactly. */
export function describeSchema(schema: z.ZodType, options: ReaderOptions = {}): Node {
  const predicates = new Set<unknown>(options.predicates ?? []);

  const checksOf = (at: string, def: Def, base: 'string' | 'number' | 'array' | 'none', own?: AnySchema): Check[] => {
    const found: Check[] = [];
    for (const check of [...(own ? [own] : []), ...(def.checks ?? [])]) {
      const cdef = check._zod.def as unknown as Record<string, unknown> & { check: string };
      const traits = traitsOf(check);
      const where = `${at} (check ${cdef.check})`;
      if (cdef.check === 'min_length' || cdef.check === 'max_length') {
        if (base !== 'string' && base !== 'array') throw new UnsupportedSchemaError(where, `a length check on ${base}`);
        if (cdef.when !== DEFAULT_LENGTH_WHEN) throw new UnsupportedSchemaError(where, 'a length check with its own `when`');
        const units = base === 'string' ? 'code points' : 'items';
        if (cdef.check === 'min_length' && traits === '$ZodCheck,$ZodCheckMinLength') found.push({ kind: 'min-length', minimum: cdef.minimum as number, units });
        else if (cdef.check === 'max_length' && traits === '$ZodCheck,$ZodCheckMaxLength') found.push({ kind: 'max-length', maximum: cdef.maximum as number, units });
        else throw new UnsupportedSchemaError(where, traits);
        continue;
      }
      if (cdef.when !== undefined) throw new UnsupportedSchemaError(where, 'a check with its own `when`');
      if ((cdef.check === 'greater_than' || cdef.check === 'less_than') && base === 'number' && typeof cdef.value === 'number' &&
          traits === (cdef.check === 'greater_than' ? '$ZodCheck,$ZodCheckGreaterThan' : '$ZodCheck,$ZodCheckLessThan')) {
        found.push({ kind: 'bound', side: cdef.check === 'greater_than' ? 'min' : 'max', value: cdef.value, inclusive: cdef.inclusive === true });
      } else if (cdef.check === 'number_format' && base === 'number' && traits === INTEGER_NUMBER && typeof cdef.format === 'string' && Object.hasOwn(NUMBER_FORMAT_RANGES, cdef.format)) {
        const [minimum, maximum] = NUMBER_FORMAT_RANGES[cdef.format]!;
        found.push({ kind: 'number-format', integer: cdef.format.includes('int'), minimum, maximum });
      } else if (cdef.check === 'custom' && cdef.type === 'custom' && traits === CUSTOM && predicates.has(cdef.fn) && base !== 'none') {
        found.push({ kind: 'predicate', fn: cdef.fn as (value: unknown) => unknown });
      } else {
        throw new UnsupportedSchemaError(where, cdef.check === 'custom' ? 'a refinement not among the known predicates' : traits);
      }
    }
    return found;
  };

  const walk = (current: AnySchema, at: string): Node => {
    const def = current._zod.def as unknown as Def;
    const traits = traitsOf(current);
    if (def.coerce) throw new UnsupportedSchemaError(at, `a coercing ${def.type}`);
    const noChecks = () => {
      if (def.checks?.length) throw new UnsupportedSchemaError(at, `checks on ${def.type}`);
    };
    switch (def.type) {
      case 'string':
        if (traits !== SIMPLE.string) break;
        return { kind: 'string', checks: checksOf(at, def, 'string') };
      case 'number':
        if (traits === SIMPLE.number) return { kind: 'number', checks: checksOf(at, def, 'number') };
        if (traits === INTEGER_NUMBER) return { kind: 'number', checks: checksOf(at, def, 'number', current) };
        break;
      case 'boolean':
        if (traits !== SIMPLE.boolean) break;
        noChecks();
        return { kind: 'boolean' };
      case 'enum':
      case 'literal':
        if (traits !== SIMPLE[def.type]) break;
        noChecks();
        return { kind: 'values', values: [...(current._zod.values ?? [])] };
      case 'unknown':
      case 'any':
        if (traits !== SIMPLE[def.type]) break;
        noChecks();
        return { kind: 'unknown' };
      case 'custom': {
        if (traits !== CUSTOM) break;
        noChecks();
        // z.instanceof marks its class in the bag, and checks `value instanceof Class` (its own check, not `fn`).
        const of = (current._zod.bag as { Class?: unknown }).Class;
        if (typeof of === 'function' && def.when === undefined) return { kind: 'instance', of: of as abstract new (...args: never[]) => unknown };
        if (!predicates.has(def.fn) || def.when !== undefined) throw new UnsupportedSchemaError(at, 'a custom schema whose function is not among the known predicates');
        return { kind: 'custom', fn: def.fn as (value: unknown) => unknown };
      }
      case 'record': {
        if (traits !== RECORD) break;
        noChecks();
        // Only records keyed by any string: a key schema with values or checks, or a loose or partial record, reads
        // keys differently.
        const key = def.keyType as AnySchema;
        const keyDef = key._zod.def as unknown as Def;
        if (traitsOf(key) !== SIMPLE.string || keyDef.checks?.length || keyDef.coerce || key._zod.values || def.mode !== undefined || def.partial) {
          throw new UnsupportedSchemaError(at, 'a record whose keys are not plain strings');
        }
        return { kind: 'record', value: walk(def.valueType as AnySchema, `${at}{}`) };
      }
      case 'object': {
        if (!OBJECT.includes(traits)) break;
        noChecks();
        const shape = def.shape as Record<PropertyKey, AnySchema>;
        if (Object.getOwnPropertySymbols(shape).length) throw new UnsupportedSchemaError(at, 'symbol keys');
        const catchall = def.catchall as AnySchema | undefined;
        if (catchall && !(catchall._zod.def.type === 'never' && traitsOf(catchall) === NEVER)) throw new UnsupportedSchemaError(at, `a catchall of ${catchall._zod.def.type}`);
        const properties = Object.keys(shape).map((key): Property => {
          if (key === '__proto__') throw new UnsupportedSchemaError(at, 'a key named __proto__');
          const field = shape[key]!;
          return { key, node: walk(field, `${at}.${key}`), optin: field._zod.optin, optout: field._zod.optout };
        });
        return { kind: 'object', properties, strict: catchall !== undefined };
      }
      case 'array':
        if (traits !== SIMPLE.array) break;
        return { kind: 'array', element: walk(def.element as AnySchema, `${at}[]`), checks: checksOf(at, def, 'array') };
      case 'union': {
        noChecks();
        const choices = def.options as AnySchema[];
        if (traits === PLAIN_UNION) return { kind: 'union', options: choices.map((choice, i) => walk(choice, `${at}|${i}`)) };
        if (traits !== TAGGED_UNION) break;
        if (def.unionFallback) throw new UnsupportedSchemaError(at, 'a discriminated union with unionFallback');
        const key = def.discriminator as string;
        const tagged = new Map<string, Node>();
        for (const choice of choices) {
          const tags = (choice._zod as { propValues?: Record<string, Set<unknown>> }).propValues?.[key];
          if (!tags?.size) throw new UnsupportedSchemaError(at, 'an option without its discriminator');
          const node = walk(choice, `${at}<${[...tags].map(String).join('|')}>`);
          for (const tag of tags) {
            if (typeof tag !== 'string') throw new UnsupportedSchemaError(at, `a discriminator value of type ${typeof tag}`);
            if (tagged.has(tag)) throw new UnsupportedSchemaError(at, `the discriminator value ${tag} twice`);
            tagged.set(tag, node);
          }
        }
        return { kind: 'tagged', key, options: tagged };
      }
      case 'optional': {
        if (traits !== SIMPLE.optional) break;
        noChecks();
        const inner = def.innerType as AnySchema;
        return { kind: 'optional', inner: walk(inner, at), substitutes: inner._zod.optin === 'defaulted' };
      }
      case 'nullable':
        if (traits !== SIMPLE.nullable) break;
        noChecks();
        return { kind: 'nullable', inner: walk(def.innerType as AnySchema, at) };
      case 'default':
        if (traits !== SIMPLE.default) break;
        noChecks();
        return { kind: 'default', inner: walk(def.innerType as AnySchema, at), def: def as unknown as { readonly defaultValue: unknown } };
    }
    throw new UnsupportedSchemaError(at, `${def.type} (${traits})`);
  };
  return walk(schema, '$');
}

// ---------------------------------------------------------------------------------------------------------------
// Back end 1: closures over the description.

type Step = (value: unknown) => unknown;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type Test = (value: never) => boolean;

/** One check as a test of a value already of the right type. */
function testOf(check: Check): Test {
  switch (check.kind) {
    case 'min-length': {
      const m = check.minimum;
      if (check.units === 'items') return (value: { length: number }) => value.length >= m;
      // A code point is one or two UTF-16 units: only between the bound and twice it is the exact count needed.
      return (value: string) => value.length >= 2 * m || (value.length >= m && codePointLength(value) >= m);
    }
    case 'max-length': {
      const m = check.maximum;
      if (check.units === 'items') return (value: { length: number }) => value.length <= m;
      return (value: string) => value.length <= m || codePointLength(value) <= m;
    }
    case 'bound': {
      const bound = check.value;
      if (check.side === 'min') return check.inclusive ? (n: number) => n >= bound : (n: number) => n > bound;
      return check.inclusive ? (n: number) => n <= bound : (n: number) => n < bound;
    }
    case 'number-format': {
      const { minimum, maximum } = check;
      return check.integer ? (n: number) => Number.isSafeInteger(n) && n >= minimum && n <= maximum : (n: number) => n >= minimum && n <= maximum;
    }
    case 'predicate': {
      const fn = check.fn;
      return (value) => !!fn(value);
    }
  }
}

/** All of a node's checks as one test, or undefined when it has none. */
function testsOf(checks: readonly Check[]): Test | undefined {
  const tests = checks.map(testOf);
  if (tests.length <= 1) return tests[0];
  return (value) => {
    for (const test of tests) if (!test(value)) return false;
    return true;
  };
}

type PropertyReader = (input: Record<string, unknown>, out: Record<string, unknown>) => boolean;

/** One property of an object, as zod's `handlePropertyResult` treats presence, absence and `undefined`. */
function propertyReader({ key, optin, optout }: Property, step: Step): PropertyReader {
  if (optin === undefined) {
    return (input, out) => {
      const value = input[key];
      if (!(key in input)) return false;
      const result = step(value);
      if (result === REJECTED) return false;
      out[key] = result;
      return true;
    };
  }
  if (optin === 'optional' && optout === 'optional') {
    return (input, out) => {
      const value = input[key];
      if (!(key in input)) return true;
      const result = step(value);
      if (result === REJECTED) return false;
      out[key] = result;
      return true;
    };
  }
  if (optin === 'defaulted' && optout === undefined) {
    return (input, out) => {
      const result = step(input[key]);
      if (result === REJECTED) return false;
      out[key] = result;
      return true;
    };
  }
  // The remaining combinations, written out as handlePropertyResult reads them.
  return (input, out) => {
    const value = input[key];
    const present = key in input;
    const result = step(value);
    if (result === REJECTED) return optout === 'optional' && !present;
    if (result !== undefined || present || (optin === 'defaulted' && optout !== 'optional')) out[key] = result;
    return true;
  };
}

function closureOf(node: Node): Step {
  switch (node.kind) {
    case 'string': {
      const test = testsOf(node.checks);
      return test ? (value) => (typeof value === 'string' && test(value as never) ? value : REJECTED) : (value) => (typeof value === 'string' ? value : REJECTED);
    }
    case 'number': {
      const test = testsOf(node.checks);
      return test ? (value) => (Number.isFinite(value) && test(value as never) ? value : REJECTED) : (value) => (Number.isFinite(value) ? value : REJECTED);
    }
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : REJECTED);
    case 'values': {
      const values = new Set(node.values);
      return (value) => (values.has(value) ? value : REJECTED);
    }
    case 'unknown':
      return (value) => value;
    case 'custom':
      return (value) => (node.fn(value) ? value : REJECTED);
    case 'instance':
      return (value) => (value instanceof node.of ? value : REJECTED);
    case 'record': {
      const step = closureOf(node.value);
      return (value) => {
        if (!isPlainObject(value)) return REJECTED;
        const input = value as Record<PropertyKey, unknown>;
        const out: Record<string, unknown> = {};
        for (const key of Reflect.ownKeys(input)) {
          if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
          if (typeof key !== 'string') return REJECTED;
          const result = step(input[key]);
          if (result === REJECTED) return REJECTED;
          out[key] = result;
        }
        return out;
      };
    }
    case 'object': {
      const readers = node.properties.map((property) => propertyReader(property, closureOf(property.node)));
      const keys = new Set(node.properties.map((property) => property.key));
      return (value) => {
        if (!isObject(value)) return REJECTED;
        const out: Record<string, unknown> = {};
        for (const read of readers) if (!read(value, out)) return REJECTED;
        if (node.strict) for (const key in value) if (!keys.has(key)) return REJECTED;
        return out;
      };
    }
    case 'array': {
      const element = closureOf(node.element);
      const test = testsOf(node.checks);
      return (value) => {
        if (!Array.isArray(value)) return REJECTED;
        const out: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const result = element(value[i]);
          if (result === REJECTED) return REJECTED;
          out[i] = result;
        }
        return !test || test(out as never) ? out : REJECTED;
      };
    }
    case 'tagged': {
      const options = new Map([...node.options].map(([tag, option]) => [tag, closureOf(option)]));
      return (value) => {
        if (!isObject(value)) return REJECTED;
        const option = options.get(value[node.key] as string);
        return option ? option(value) : REJECTED;
      };
    }
    case 'union': {
      const options = node.options.map(closureOf);
      return (value) => {
        for (const option of options) {
          const result = option(value);
          if (result !== REJECTED) return result;
        }
        return REJECTED;
      };
    }
    case 'optional': {
      const inner = closureOf(node.inner);
      return (value) => {
        if (value !== undefined) return inner(value);
        if (!node.substitutes) return undefined;
        const result = inner(undefined);
        return result === REJECTED ? undefined : result;
      };
    }
    case 'nullable': {
      const inner = closureOf(node.inner);
      return (value) => (value === null ? null : inner(value));
    }
    case 'default': {
      const inner = closureOf(node.inner);
      return (value) => {
        if (value === undefined) return node.def.defaultValue;
        const result = inner(value);
        return result === undefined ? node.def.defaultValue : result;
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Back end 2: JavaScript source, compiled once. Scalars are tested inline; objects, arrays and unions become small
// functions V8 inlines. The same semantics as the closures above (the property test runs both against zod).

class SourceWriter {
  readonly functions: string[] = [];
  readonly constants: unknown[] = [];

  constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  private literal(value: unknown): string {
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'boolean' || value === null || value === undefined) return String(value);
    return this.constant(value);
  }

  private number(n: number): string {
    return Number.isFinite(n) ? (Object.is(n, -0) ? '-0' : String(n)) : this.constant(n);
  }

  /** A boolean expression over `x` (an identifier), for the nodes whose output is their input. */
  test(node: Node, x: string): string | undefined {
    switch (node.kind) {
      case 'string':
        return [`typeof ${x} === "string"`, ...node.checks.map((check) => this.check(check, x))].join(' && ');
      case 'number':
        return [`Number.isFinite(${x})`, ...node.checks.map((check) => this.check(check, x))].join(' && ');
      case 'boolean':
        return `typeof ${x} === "boolean"`;
      case 'values':
        if (!node.values.length) return 'false';
        return `(${node.values.map((v) => (typeof v === 'number' && Number.isNaN(v) ? `${x} !== ${x}` : `${x} === ${this.literal(v)}`)).join(' || ')})`;
      case 'unknown':
        return 'true';
      case 'custom':
        return `!!${this.constant(node.fn)}(${x})`;
      case 'instance':
        return `${x} instanceof ${this.constant(node.of)}`;
      default:
        return undefined;
    }
  }

  private check(check: Check, x: string): string {
    switch (check.kind) {
      case 'min-length': {
        const m = check.minimum;
        if (check.units === 'items' || m <= 1) return `${x}.length >= ${m}`;
        return `(${x}.length >= ${2 * m} || (${x}.length >= ${m} && CPL(${x}) >= ${m}))`;
      }
      case 'max-length':
        return check.units === 'items' ? `${x}.length <= ${check.maximum}` : `(${x}.length <= ${check.maximum} || CPL(${x}) <= ${check.maximum})`;
      case 'bound':
        return `${x} ${check.side === 'min' ? '>' : '<'}${check.inclusive ? '=' : ''} ${this.number(check.value)}`;
      case 'number-format':
        return `${check.integer ? `Number.isSafeInteger(${x}) && ` : ''}${x} >= ${this.number(check.minimum)} && ${x} <= ${this.number(check.maximum)}`;
      case 'predicate':
        return `!!${this.constant(check.fn)}(${x})`;
    }
  }

  /** An expression giving the node's output for `x`, or R. */
  value(node: Node, x: string): string {
    const test = this.test(node, x);
    return test === undefined ? `${this.function(node)}(${x})` : `(${test} ? ${x} : R)`;
  }

  /** Writes a function for a composite node; returns its name. */
  function(node: Node): string {
    const index = this.functions.length;
    const name = `f${index}`;
    this.functions.push('');
    const body: string[] = [];
    switch (node.kind) {
      case 'object': {
        body.push('if (typeof v !== "object" || v === null || Array.isArray(v)) return R;', 'const o = {};', 'let x, r;');
        for (const property of node.properties) body.push(this.property(property));
        if (node.strict) {
          const cases = node.properties.map((p) => `case ${JSON.stringify(p.key)}:`).join(' ');
          body.push(`for (const k in v) { switch (k) { ${cases} break; default: return R; } }`);
        }
        body.push('return o;');
        break;
      }
      case 'array': {
        const test = this.test(node.element, 'x');
        body.push('if (!Array.isArray(v)) return R;', 'const o = new Array(v.length);');
        body.push(test === undefined
          ? `for (let i = 0; i < v.length; i++) { const r = ${this.function(node.element)}(v[i]); if (r === R) return R; o[i] = r; }`
          : `for (let i = 0; i < v.length; i++) { const x = v[i]; if (!(${test})) return R; o[i] = x; }`);
        const checks = node.checks.map((check) => this.check(check, 'o'));
        body.push(checks.length ? `return ${checks.join(' && ')} ? o : R;` : 'return o;');
        break;
      }
      case 'record':
        body.push(
          'if (!PLAIN(v)) return R;',
          'const o = {};',
          'for (const k of Reflect.ownKeys(v)) {',
          '  if (k === "__proto__" || !Object.prototype.propertyIsEnumerable.call(v, k)) continue;',
          '  if (typeof k !== "string") return R;',
          `  const x = v[k], r = ${this.value(node.value, 'x')}; if (r === R) return R; o[k] = r;`,
          '}',
          'return o;',
        );
        break;
      case 'tagged': {
        body.push('if (typeof v !== "object" || v === null || Array.isArray(v)) return R;');
        const byOption = new Map<Node, string[]>();
        for (const [tag, option] of node.options) byOption.set(option, [...(byOption.get(option) ?? []), tag]);
        const cases = [...byOption].map(([option, tags]) => `${tags.map((t) => `case ${JSON.stringify(t)}:`).join(' ')} return ${this.function(option)}(v);`);
        body.push(`switch (v[${JSON.stringify(node.key)}]) { ${cases.join(' ')} default: return R; }`);
        break;
      }
      case 'union':
        body.push('let r;', ...node.options.map((option) => `r = ${this.value(option, 'v')}; if (r !== R) return r;`), 'return R;');
        break;
      case 'optional':
        body.push(`if (v !== undefined) return ${this.value(node.inner, 'v')};`);
        body.push(node.substitutes ? `const r = ${this.value(node.inner, 'v')}; return r === R ? undefined : r;` : 'return undefined;');
        break;
      case 'nullable':
        body.push(`return v === null ? null : ${this.value(node.inner, 'v')};`);
        break;
      case 'default': {
        const def = this.constant(node.def);
        body.push(`if (v === undefined) return ${def}.defaultValue;`, `const r = ${this.value(node.inner, 'v')};`, `return r === undefined ? ${def}.defaultValue : r;`);
        break;
      }
      default:
        body.push(`return ${this.value(node, 'v')};`);
    }
    this.functions[index] = `function ${name}(v) {\n  ${body.join('\n  ')}\n}`;
    return name;
  }

  /** Statements reading one property of `v` into `o`, specialised for the property's optin/optout. */
  private property({ key, node, optin, optout }: Property): string {
    const k = JSON.stringify(key);
    const read = `x = v[${k}];`;
    const test = this.test(node, 'x');
    if (optin === undefined) {
      // Required: absent is rejected whatever the value schema says.
      return test === undefined
        ? `${read} if (!(${k} in v)) return R; r = ${this.function(node)}(x); if (r === R) return R; o[${k}] = r;`
        : `${read} if (!(${k} in v) || !(${test})) return R; o[${k}] = x;`;
    }
    // An optional or defaulted scalar, inline (the common case: a string, flag or enum with `.optional()`/`.default()`).
    const inner = node.kind === 'optional' && !node.substitutes ? this.test(node.inner, 'x') : node.kind === 'default' ? this.test(node.inner, 'x') : undefined;
    if (inner !== undefined && node.kind === 'optional' && optin === 'optional' && optout === 'optional') {
      return `${read} if (${k} in v) { if (x !== undefined && !(${inner})) return R; o[${k}] = x; }`;
    }
    if (inner !== undefined && node.kind === 'default' && optin === 'defaulted' && optout === undefined) {
      return `${read} if (x === undefined) o[${k}] = ${this.constant(node.def)}.defaultValue; else if (${inner}) o[${k}] = x; else return R;`;
    }
    if (optin === 'optional' && optout === 'optional') return `${read} if (${k} in v) { r = ${this.value(node, 'x')}; if (r === R) return R; o[${k}] = r; }`;
    if (optin === 'defaulted' && optout === undefined) return `${read} r = ${this.value(node, 'x')}; if (r === R) return R; o[${k}] = r;`;
    // The remaining combinations, written out as zod's handlePropertyResult reads them.
    return `${read} { const p = ${k} in v; r = ${this.value(node, 'x')};` +
      ` if (r === R) { if (${optout === 'optional' ? 'p' : 'true'}) return R; }` +
      ` else if (r !== undefined || p${optin === 'defaulted' && optout !== 'optional' ? ' || true' : ''}) o[${k}] = r; }`;
  }
}

function sourceOf(node: Node): { source: string; constants: unknown[] } {
  const writer = new SourceWriter();
  const top = writer.test(node, 'v') === undefined ? writer.function(node) : writer.function({ kind: 'union', options: [node] });
  const source = `"use strict";\n${writer.functions.join('\n')}\nreturn function read(v) { try { return ${top}(v); } catch { return R; } };`;
  return { source, constants: writer.constants };
}

/** Whether `new Function` may be used here (not under a CSP, the V8 flag, or zod's own jitless setting). */
function codeGenerationAllowed(): boolean {
  if (z.config().jitless) return false;
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

/** A reader for a description (tests build readers from altered descriptions to check the property test's strength). */
export function readerFor<T = unknown>(node: Node, backEnd: 'source' | 'closures' = codeGenerationAllowed() ? 'source' : 'closures'): Reader<T> {
  if (backEnd === 'source') {
    const { source, constants } = sourceOf(node);
    return new Function('R', 'K', 'CPL', 'PLAIN', source)(REJECTED, constants, codePointLength, isPlainObject) as Reader<T>;
  }
  const step = closureOf(node);
  return (input) => {
    try {
      return step(input) as T | Rejected;
    } catch {
      return REJECTED;
    }
  };
}

/** The JavaScript a schema compiles to (for reading and for tests). */
export function readerSource(schema: z.ZodType, options: ReaderOptions = {}): string {
  return sourceOf(describeSchema(schema, options)).source;
}

/**
 * Compiles a reader for `schema`: `reader(input)` is zod's `schema.parse(input)` when zod accepts the input, and
 * REJECTED when zod would not (then run zod for the error). A throwing getter or Proxy in the input is a rejection too,
 * so zod meets it as before. Throws UnsupportedSchemaError when the schema uses a construct the reader cannot reproduce.
 */
export function compileReader<S extends z.ZodType>(schema: S, options: ReaderOptions = {}): Reader<z.output<S>> {
  return readerFor<z.output<S>>(describeSchema(schema, options), options.backEnd);
}

/**
 * The reader for `schema`, or, when the schema uses a construct the compiler refuses, one that rejects every input so
 * that zod checks them all, as before readers existed. For the library's hot paths: a schema change never breaks
 * evaluation, it only slows it down; the tests compile the same schemas with `compileReader`, which throws instead.
 */
export function readerOrZod<S extends z.ZodType>(schema: S, options: ReaderOptions = {}): Reader<z.output<S>> {
  try {
    return compileReader(schema, options);
  } catch (error) {
    if (error instanceof UnsupportedSchemaError) return () => REJECTED;
    throw error;
  }
}
