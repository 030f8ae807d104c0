// What "the reader agrees with zod" means, shared by the property tests: the same verdict, and when both accept, the
// same output (deep-equal with -0, undefined fields and prototypes told apart, keys in the same order); the input
// is left untouched either way.
import fc from 'fast-check';
import { inspect, isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { caseGenerator } from '../../scripts/case-generator.js';
import { cnMainlandCalendar } from '../../src/calendar/cn-mainland.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';
import { REJECTED, type Reader } from '../../src/schema/compiled-check.js';
import { promisedCase } from '../../src/testing/index.js';
import { everySingleMutation, mutated, validValue } from './schema-arbitraries.js';

function sameKeyOrder(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return true;
  const keys = Object.keys(a);
  if (!isDeepStrictEqual(keys, Object.keys(b))) return false;
  return keys.every((key) => sameKeyOrder((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const shown = (value: unknown) => inspect(value, { depth: Infinity, showHidden: true, getters: true });

/** Undefined when the reader agrees with zod on `input`; otherwise what differs, for the failure message. */
export function disagreement(reader: Reader<unknown>, schema: z.ZodType, input: unknown, watchInput = true): string | undefined {
  const before = watchInput ? shown(input) : '';
  const fast = reader(input);
  if (watchInput && shown(input) !== before) return 'the reader changed its input';
  const slow = schema.safeParse(input);
  if (!slow.success) return fast === REJECTED ? undefined : `zod rejects (${slow.error.issues[0]?.message} at ${slow.error.issues[0]?.path.join('.')}), the reader accepts`;
  if (fast === REJECTED) return 'zod accepts, the reader rejects';
  if (!isDeepStrictEqual(fast, slow.data)) return `outputs differ: reader ${shown(fast)}\nzod ${shown(slow.data)}`;
  if (!sameKeyOrder(fast, slow.data)) return 'outputs list their keys in another order';
  return undefined;
}

const calendar = cnMainlandCalendar();
const corpus = caseGenerator(20261205);

/** Valid snapshots: drawn from the schema itself, the promised-case arbitrary (src/testing) and the sample generator's mix. */
export const validSnapshots: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: validValue(caseSnapshotSchema) },
  { weight: 1, arbitrary: promisedCase(calendar, { from: '2025-01-02', to: '2025-12-20', suspensions: true, extensions: true, classes: ['promised', 'supplement', 'instant'] }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map((i) => corpus(i)) },
);

/** Valid snapshots and (three times as often) mutated ones. */
export const snapshots: fc.Arbitrary<unknown> = fc.oneof({ weight: 1, arbitrary: validSnapshots }, { weight: 3, arbitrary: mutated(validSnapshots, caseSnapshotSchema) });

/** Undefined when the reader agrees with zod on `input` and on every single mutation of it; else the first difference. */
export function disagreementNear(reader: Reader<unknown>, schema: z.ZodType, input: unknown): string | undefined {
  const own = disagreement(reader, schema, input);
  if (own) return own;
  for (const near of everySingleMutation(input, schema)) {
    const problem = disagreement(reader, schema, near, false);
    if (problem) return `${problem}\non ${shown(near)}`;
  }
  return undefined;
}

/** Small valid snapshots drawn from the schema: few events and fields, so every mutation of each is tried quickly. */
export const schemaSnapshots: fc.Arbitrary<unknown> = validValue(caseSnapshotSchema);
