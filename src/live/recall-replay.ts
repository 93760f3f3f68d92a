/**
 * Recall.ai's `webhook-id`s already taken, kept for as long as a signature with them could still pass the
 * timestamp check (five minutes either side of now): the same signed request sent again is refused. At most
 * `max` ids are kept (the oldest go first); only requests whose signature checked out are remembered, and
 * only Recall.ai can make those.
 */
export interface ReplayGuard {
  /** True the first time an id is seen within the window; false for a replay. */
  firstSight(id: string): boolean;
  size(): number;
}

export function replayGuard(options: { windowMs: number; max: number; now?: () => number }): ReplayGuard {
  const now = options.now ?? Date.now;
  // Insertion order is arrival order: expired ids are at the front.
  const seen = new Map<string, number>();
  return {
    firstSight(id) {
      const t = now();
      for (const [old, at] of seen) {
        if (t - at <= options.windowMs && seen.size < options.max) break;
        seen.delete(old);
      }
      if (seen.has(id)) return false;
      seen.set(id, t);
      return true;
    },
    size: () => seen.size,
  };
}
