/** Steps a time axis may use, in milliseconds: 15 s up to 1 h. */
const STEPS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);

/** Tick positions from 0 to `spanMs` (milliseconds from the start), at most `max` of them, on a round step. */
export function timeTicks(spanMs: number, max = 8): number[] {
  const step = STEPS.find((s) => spanMs / s <= max - 1) ?? Math.ceil(spanMs / (max - 1) / 3_600_000) * 3_600_000;
  const ticks: number[] = [];
  for (let t = 0; t <= spanMs; t += step) ticks.push(t);
  return ticks;
}
