import type { Turn } from "./floor.js";
import type { Monologue } from "./schema.js";

/** Turns held at least `minimumMs` (others' backchannels do not break a turn; see floor.ts). */
export function findMonologues(turns: readonly Turn[], minimumMs: number): Monologue[] {
  return turns
    .filter((t) => t.endMs - t.startMs >= minimumMs)
    .map((t) => ({ speaker: t.speaker, startMs: t.startMs, endMs: t.endMs, durationMs: t.endMs - t.startMs }));
}
