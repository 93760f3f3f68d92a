import { seconds } from "./durations.js";

/**
 * A response gap in words that cannot be misread: a negative gap (they came in before the other person had
 * finished) is never printed as "-0.75 s". Gaps are shown to the quarter second, like every short gap, and one
 * that rounds to zero reads "as they finished".
 */
export function responseGapText(ms: number, whose = "they"): string {
  const shown = seconds(Math.abs(ms));
  if (shown === "0 s") return `as ${whose} finished`;
  return ms < 0 ? `${shown} before ${whose} finished` : `${shown} after ${whose} finished`;
}

/** The same, short, for tables and charts' text: `0.75 s after`, `0.75 s before`, `no gap`. */
export function responseGapShort(ms: number): string {
  const shown = seconds(Math.abs(ms));
  if (shown === "0 s") return "no gap";
  return ms < 0 ? `${shown} before` : `${shown} after`;
}
