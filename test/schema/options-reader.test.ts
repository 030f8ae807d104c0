import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseOptionsSchema } from '../../src/engine/evaluate.js';
import { evaluate, ValidationError } from '../../src/index.js';
import { CASE_PREDICATES } from '../../src/schema/case-reader.js';
import { compileReader } from '../../src/schema/compiled-check.js';
import { parseWith } from '../../src/schema/parse.js';
import { caseGenerator } from '../../scripts/case-generator.js';
import { disagreement } from './reader-agreement.js';
import { mutated, validValue } from './schema-arbitraries.js';

const options = validValue(caseOptionsSchema);

describe("evaluate's options reader compiled from their zod schema", () => {
  for (const backEnd of ['source', 'closures'] as const) {
    it(`(${backEnd}) accepts exactly what zod accepts, with the same output`, () => {
      const reader = compileReader(caseOptionsSchema, { predicates: CASE_PREDICATES, backEnd });
      fc.assert(
        fc.property(fc.oneof(options, mutated(options, caseOptionsSchema)), (input) => {
          const problem = disagreement(reader, caseOptionsSchema, input);
          if (problem) throw new Error(problem);
        }),
        { numRuns: 3_000 },
      );
    });
  }

  it('leaves bad options to zod, worded as before', () => {
    const snapshot = caseGenerator(1)(1);
    const bad = { profile: 'city-12', asOf: '2025-10-31T25:00:00+08:00', trace: 'no' } as never;
    let thrown: unknown;
    try {
      evaluate(snapshot, bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(() => parseWith(caseOptionsSchema, bad, 'evaluate(options)')).toThrow((thrown as Error).message);
  });
});
