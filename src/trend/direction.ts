/**
 * Which way a series of meetings is going: the latest half of the meetings against the earlier half, with a
 * dead band so that small changes count as steady. The listening trend and one-on-one prep both judge by it
 * (docs/metrics.md, "Direction"). Pure.
 */

export const DIRECTIONS = ["improving", "steady", "slipping", "not-enough-meetings"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The mean of the earlier half and of the latest half; with an odd count the middle value is in neither. */
export function halves(values: readonly (number | null)[]): { earlier: number | null; recent: number | null } {
  const half = Math.floor(values.length / 2);
  return { earlier: mean(values.slice(0, half)), recent: mean(values.slice(values.length - half)) };
}

/** The positions of the earlier half and of the latest half of `length` meetings (the odd middle in neither). */
export function halfIndices(length: number): { earlierIndices: number[]; recentIndices: number[] } {
  const half = Math.floor(length / 2);
  return {
    earlierIndices: Array.from({ length: half }, (_, i) => i),
    recentIndices: Array.from({ length: half }, (_, i) => length - half + i),
  };
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0) / present.length;
}

/**
 * Compares the latest half of a series with the earlier half. `scores` are higher-is-better; a change
 * smaller than `band` is steady. Fewer than two points, or a half without a value, is not enough.
 */
export function direction(scores: readonly (number | null)[], band: number): { direction: Direction; slip: number } {
  if (scores.length < 2) return { direction: "not-enough-meetings", slip: 0 };
  const { earlier, recent } = halves(scores);
  if (earlier === null || recent === null) return { direction: "not-enough-meetings", slip: 0 };
  return judgeChange(earlier, recent, band);
}

/** Judges a move from `earlier` to `recent` (higher is better) against the dead band. */
export function judgeChange(earlier: number, recent: number, band: number): { direction: Direction; slip: number } {
  const change = roundOff(recent - earlier);
  if (change >= band) return { direction: "improving", slip: 0 };
  if (change <= -band) return { direction: "slipping", slip: -change / band };
  return { direction: "steady", slip: 0 };
}

/** Float noise (0.1 + 0.2) must not decide between steady and a direction at the band's edge. */
function roundOff(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
