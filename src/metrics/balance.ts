/**
 * Normalised Shannon entropy of the shares over `people` (everyone present, silent people included):
 * 1 when everyone talks equally, toward 0 as one voice dominates; null with fewer than two people.
 */
export function balanceIndex(shares: readonly number[], people = shares.length): number | null {
  if (people < 2) return null;
  let entropy = 0;
  for (const s of shares) if (s > 0) entropy -= s * Math.log(s);
  return Math.min(1, entropy / Math.log(people));
}
