/** A half-open interval of epoch milliseconds, [from, to). */
export type Span = readonly [number, number];

const MINUTE_MS = 60_000;

/** Sorted, non-overlapping, non-empty spans covering the same instants. */
export function union(spans: Iterable<Span>): Span[] {
  const sorted = [...spans].filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The parts of `base` not covered by `cut` (both as unions). */
export function subtract(base: readonly Span[], cut: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const [from, to] of base) {
    let start = from;
    for (const [cutFrom, cutTo] of cut) {
      if (cutTo <= start) continue;
      if (cutFrom >= to) break;
      if (cutFrom > start) out.push([start, cutFrom]);
      start = Math.max(start, cutTo);
      if (start >= to) break;
    }
    if (start < to) out.push([start, to]);
  }
  return out;
}

export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  return subtract(a, subtract(a, b));
}

export function minutesOf(spans: readonly Span[]): number {
  let total = 0;
  for (const [from, to] of spans) total += to - from;
  return Math.round(total / MINUTE_MS);
}

export function covers(spans: readonly Span[], ms: number): boolean {
  return spans.some(([from, to]) => from <= ms && ms < to);
}
