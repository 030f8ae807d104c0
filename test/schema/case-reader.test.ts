import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseGenerator } from '../../scripts/case-generator.js';
import { evaluate, ValidationError } from '../../src/index.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';
import { CASE_PREDICATES, readCase } from '../../src/schema/case-reader.js';
import { compileReader, REJECTED } from '../../src/schema/compiled-check.js';
import { parseWith } from '../../src/schema/parse.js';
import { disagreement, disagreementNear, schemaSnapshots, snapshots, validSnapshots } from './reader-agreement.js';

function accepted<T>(read: T | typeof REJECTED): T {
  if (read === REJECTED) throw new Error('a valid snapshot was rejected');
  return read;
}

const backEnds = {
  source: compileReader(caseSnapshotSchema, { predicates: CASE_PREDICATES, backEnd: 'source' }),
  closures: compileReader(caseSnapshotSchema, { predicates: CASE_PREDICATES, backEnd: 'closures' }),
};

describe('the case reader compiled from caseSnapshotSchema', () => {
  for (const [name, reader] of Object.entries(backEnds)) {
    it(`(${name}) accepts exactly what zod accepts, and returns what zod returns, on valid and mutated snapshots`, () => {
      fc.assert(
        fc.property(snapshots, (input) => {
          const problem = disagreement(reader, caseSnapshotSchema, input);
          if (problem) throw new Error(problem);
        }),
        { numRuns: 4_000 },
      );
    });

    it(`(${name}) agrees with zod on every single mutation of valid snapshots`, () => {
      const near = (input: unknown) => {
        const problem = disagreementNear(reader, caseSnapshotSchema, input);
        if (problem) throw new Error(problem);
      };
      fc.assert(fc.property(schemaSnapshots, near), { numRuns: 25 });
      fc.assert(fc.property(validSnapshots, near), { numRuns: 4 });
    });
  }

  it('returns a new snapshot with the defaults filled in, never the input or its lists', () => {
    fc.assert(
      fc.property(validSnapshots, (input) => {
        const read = accepted(readCase(input));
        expect(read).not.toBe(input);
        expect(read.events).not.toBe((input as { events: unknown }).events);
        expect(read.matter.requiredMaterials).toEqual(expect.any(Array));
      }),
      { numRuns: 200 },
    );
  });

  it('gives two reads of one snapshot separate default lists (a caller may change one)', () => {
    const generated = caseGenerator(7)(1);
    const { otherDepartments: _, ...matter } = generated.matter;
    const input = { ...generated, matter };
    const [a, b] = [accepted(readCase(input)), accepted(readCase(input))];
    expect(a.matter.otherDepartments).toEqual([]);
    expect(a.matter.otherDepartments).not.toBe(b.matter.otherDepartments);
  });

  it('leaves the wording of errors to zod: evaluate reports a bad snapshot exactly as parseWith does', () => {
    const input = { ...caseGenerator(3)(1), channel: 'fax' } as never;
    let fromEvaluate: unknown;
    try {
      evaluate(input, { profile: 'city-12', asOf: '2025-10-31T18:00:00+08:00' });
    } catch (error) {
      fromEvaluate = error;
    }
    expect(fromEvaluate).toBeInstanceOf(ValidationError);
    expect(() => parseWith(caseSnapshotSchema, input, 'evaluate(snapshot)')).toThrow(ValidationError);
    let fromZod: unknown;
    try {
      parseWith(caseSnapshotSchema, input, 'evaluate(snapshot)');
    } catch (error) {
      fromZod = error;
    }
    expect((fromEvaluate as ValidationError).message).toBe((fromZod as ValidationError).message);
    expect((fromEvaluate as ValidationError).issues).toEqual((fromZod as ValidationError).issues);
  });

  it('rejects, rather than throws, when reading the input throws (zod then meets it as before)', () => {
    const snapshot = caseGenerator(5)(1);
    const hostile = new Proxy(snapshot, { get: () => { throw new Error('no'); } });
    for (const reader of Object.values(backEnds)) expect(reader(hostile)).toBe(REJECTED);
    expect(() => caseSnapshotSchema.safeParse(hostile)).toThrow('no');
  });

  it('evaluate gives the same report through the reader as through zod', () => {
    const make = caseGenerator(11);
    for (let i = 1; i <= 200; i++) {
      const snapshot = make(i);
      const options = { profile: 'city-12' as const, asOf: '2025-10-31T18:00:00+08:00', trace: false };
      expect(JSON.stringify(evaluate(snapshot, options))).toBe(JSON.stringify(evaluate(caseSnapshotSchema.parse(snapshot) as never, options)));
    }
  });
});
