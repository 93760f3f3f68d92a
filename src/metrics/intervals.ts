export interface Interval {
  startMs: number;
  endMs: number;
}

/** Merges overlapping or touching intervals; the input need not be sorted. */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const interval of sorted) addToUnion(out, interval);
  return out;
}

/**
 * One step of a union built in start order: the interval joins the last piece when it overlaps or
 * touches it, else it starts a new piece. Returns the time it added, which always ends at its own end.
 */
export function addToUnion(pieces: Interval[], { startMs, endMs }: Interval): number {
  const last = pieces[pieces.length - 1];
  if (last && startMs <= last.endMs) {
    const added = Math.max(0, endMs - last.endMs);
    last.endMs = Math.max(last.endMs, endMs);
    return added;
  }
  pieces.push({ startMs, endMs });
  return endMs - startMs;
}

export function totalLength(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const { startMs, endMs } of intervals) sum += endMs - startMs;
  return sum;
}

/**
 * Time during which at least `minimum` of the given interval sets are active at once.
 * Each set must already be a union (no self-overlap), so a count of 2 means two different sets.
 */
export function coveredByAtLeast(sets: readonly Interval[][], minimum: number): number {
  const edges: [number, number][] = [];
  for (const set of sets) for (const { startMs, endMs } of set) edges.push([startMs, 1], [endMs, -1]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let active = 0;
  let since = 0;
  let total = 0;
  for (const [at, delta] of edges) {
    if (active >= minimum) total += at - since;
    active += delta;
    since = at;
  }
  return total;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
