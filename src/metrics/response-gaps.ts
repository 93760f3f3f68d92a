import type { Turn } from "./floor.js";
import type { ResponseGap } from "./schema.js";

/** At every change of floor: how long the new speaker waited after the previous one stopped. */
export function responseGaps(turns: readonly Turn[]): ResponseGap[] {
  const gaps: ResponseGap[] = [];
  for (let i = 1; i < turns.length; i++) {
    const before = turns[i - 1]!;
    const turn = turns[i]!;
    if (turn.speaker === before.speaker) continue;
    gaps.push({ speaker: turn.speaker, after: before.speaker, atMs: turn.startMs, gapMs: turn.startMs - before.endMs });
  }
  return gaps;
}
