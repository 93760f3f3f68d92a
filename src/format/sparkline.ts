/** The eight block heights a sparkline is drawn with, lowest first. */
export const SPARK_BLOCKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;

/** What a missing value (a meeting without that figure) is drawn as. */
export const SPARK_GAP = "·";

export interface SparklineOptions {
  /** The value drawn as ▁; by default the smallest value. */
  min?: number;
  /** The value drawn as █; by default the largest value. */
  max?: number;
}

/**
 * One character per value, oldest first: ▁ for the lowest, █ for the highest, `·` for a missing value.
 * Values outside [min, max] are clamped. A flat series (all values equal) is drawn at mid height, or as
 * ▁ when every value is 0, so "always zero" reads as nothing happening.
 */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions = {}): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return values.map(() => SPARK_GAP).join("");
  const lo = options.min ?? Math.min(...present);
  const hi = options.max ?? Math.max(...present);
  const top = SPARK_BLOCKS.length - 1;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return SPARK_GAP;
      if (hi <= lo) return present.every((p) => p === 0) ? SPARK_BLOCKS[0] : SPARK_BLOCKS[3];
      const clamped = Math.min(hi, Math.max(lo, v));
      // The epsilon keeps float noise (0.3 / 0.6 = 0.4999…) from rounding a midpoint down.
      return SPARK_BLOCKS[Math.round(((clamped - lo) / (hi - lo)) * top + 1e-9)]!;
    })
    .join("");
}
