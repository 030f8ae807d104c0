// The public API under hostile input, bounded to a few seconds (the long campaigns are `npm run fuzz`): every
// call returns or throws ValidationError / CalendarCoverageError, leaves its input untouched, and leaves the
// built-in prototypes as they were.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRIES, loadSeeds, violation } from '../../scripts/hostile-inputs.js';

const seeds = loadSeeds();
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe('fuzz: only typed errors, no mutation, no pollution', () => {
  for (const entry of ENTRIES) {
    // Entry points marked pending still have known untyped errors (review D15, a separate change).
    it.skipIf(entry.pending !== undefined)(entry.name, () => {
      fc.assert(
        fc.property(entry.arbitrary(seeds), ({ args, call }) => {
          expect(violation(entry, args, call).problem).toBeUndefined();
        }),
        { numRuns: 400, interruptAfterTimeLimit: 600, markInterruptAsFailure: false, ...(seed === undefined ? {} : { seed }) },
      );
    });
  }
});
