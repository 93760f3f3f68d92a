import { percent } from "./percent.js";

/** A share and the range it is judged against, written so that the figures agree with the verdict. */
export interface ShareAgainstRange {
  share: string;
  /** `17%–38%`. */
  range: string;
  low: string;
  high: string;
}

/**
 * Formats a share and its range with as few decimals as keep them honest. Whole percent, unless a share that
 * lies outside the range would round onto its edge (38.05% against a top of 37.5% reads "38%, above 17%–38%"):
 * then one decimal for all three ("38.1%, above 16.7%–37.5%"), or more (up to three) if one is still not enough. Rounding
 * never moves a share inside the range outside it, so only the outside case needs more digits.
 */
export function shareAgainstRange(share: number, [low, high]: readonly [number, number]): ShareAgainstRange {
  let digits = 0;
  while (digits < 3 && !apart(share, low, high, digits)) digits++;
  const lo = percent(low, digits);
  const hi = percent(high, digits);
  return { share: percent(share, digits), range: `${lo}–${hi}`, low: lo, high: hi };
}

function apart(share: number, low: number, high: number, digits: number): boolean {
  const round = (x: number) => Number((x * 100).toFixed(digits));
  if (share < low) return round(share) < round(low);
  if (share > high) return round(share) > round(high);
  return true;
}
