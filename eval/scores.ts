/** Confusion counts and the scores derived from them. A score whose denominator is 0 is null (undefined). */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const emptyConfusion = (): Confusion => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

export function tally(confusion: Confusion, gold: boolean, predicted: boolean): Confusion {
  if (gold && predicted) confusion.tp++;
  else if (!gold && predicted) confusion.fp++;
  else if (gold && !predicted) confusion.fn++;
  else confusion.tn++;
  return confusion;
}

export function confusionOf(gold: readonly boolean[], predicted: readonly boolean[]): Confusion {
  if (gold.length !== predicted.length) throw new Error(`confusionOf: ${gold.length} gold labels but ${predicted.length} predictions`);
  const confusion = emptyConfusion();
  for (const [i, g] of gold.entries()) tally(confusion, g, predicted[i]!);
  return confusion;
}

export function total(c: Confusion): number {
  return c.tp + c.fp + c.fn + c.tn;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** TP / (TP + FP); null when nothing was predicted positive. */
export const precision = (c: Confusion): number | null => ratio(c.tp, c.tp + c.fp);
/** TP / (TP + FN); null when there are no positives. */
export const recall = (c: Confusion): number | null => ratio(c.tp, c.tp + c.fn);
/** 2TP / (2TP + FP + FN), the harmonic mean of precision and recall; 0 when TP = 0 but something was wrong. */
export const f1 = (c: Confusion): number | null => ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
export const accuracy = (c: Confusion): number | null => ratio(c.tp + c.tn, total(c));

/** The share of the more frequent gold label: the accuracy of always answering it. */
export function majorityClass(gold: readonly boolean[]): { label: boolean; rate: number | null } {
  const positives = gold.filter(Boolean).length;
  const label = positives * 2 > gold.length;
  return { label, rate: ratio(label ? positives : gold.length - positives, gold.length) };
}
