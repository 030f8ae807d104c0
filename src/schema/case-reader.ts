// The case snapshot's reader, compiled from `caseSnapshotSchema` itself (see compiled-check.ts): what `evaluate` checks
// each snapshot with on the hot path. zod remains the definition and words every error: a snapshot the reader rejects
// is parsed by zod, exactly as before.
import { isInstantString } from '../calendar/instants.js';
import { caseSnapshotSchema, type CaseSnapshot } from './case.js';
import { readerOrZod, REJECTED, type Reader } from './compiled-check.js';

/**
 * The refinements caseSnapshotSchema uses, each pure and synchronous: `instant`'s `refine(isInstantString)`. A new
 * refinement in the schema fails the reader's tests until it is listed here; meanwhile evaluate hands every snapshot
 * to zod.
 */
export const CASE_PREDICATES = [isInstantString] as const;

let reader: Reader<CaseSnapshot> | undefined;

/** The snapshot as zod's `caseSnapshotSchema.parse` returns it, or REJECTED where zod would throw. Built on first use. */
export function readCase(input: unknown): CaseSnapshot | typeof REJECTED {
  reader ??= readerOrZod(caseSnapshotSchema, { predicates: CASE_PREDICATES });
  return reader(input);
}

export { REJECTED };
