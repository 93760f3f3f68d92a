import type { Analysis } from "../metrics/schema.js";
import { groupDiscussion } from "./group-discussion.js";
import { pickHabit } from "./habit.js";
import { byPriority, type MomentPick } from "./moments.js";
import type { Coaching } from "./schema.js";
import { rulesShow } from "./rules-judgement.js";
import { heuristicMoment } from "./suggest.js";

/** Coaching with no LLM: deterministic moments, suggestions built from the other person's own words. */
export function heuristicCoaching(
  pick: MomentPick,
  analysis: Analysis,
  manager: string,
  transcriptTokens: number,
  fallbackReason: string | null = null,
): Coaching {
  const names = analysis.speakers.map((s) => s.name);
  const candidates = groupDiscussion(analysis) ? [] : pick.candidates;
  const moments = byPriority(candidates).flatMap((c) => {
    if (!rulesShow(c, pick.kept)) return [];
    const m = heuristicMoment(c, names);
    return m ? [{ ...m, source: "rules" as const }] : [];
  });
  return {
    source: "heuristic",
    fallbackReason,
    manager,
    moments,
    kept: pick.kept.map((k) => ({ ...k, source: "rules" as const })),
    habit: pickHabit(moments, pick.kept, analysis),
    candidates: pick.candidates.length,
    dropped: 0,
    tokens: { prompt: 0, completion: 0, transcript: transcriptTokens, requests: 0 },
  };
}
