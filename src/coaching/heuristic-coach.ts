import type { Analysis } from "../metrics/schema.js";
import { pickHabit } from "./habit.js";
import { byPriority, type MomentPick } from "./moments.js";
import type { Coaching } from "./schema.js";
import { rulesShow } from "./rules-judgement.js";
import { heuristicMoment } from "./suggest.js";

/**
 * Whether the rules pick out moments in this meeting: in a conversation between two people, yes; in a discussion
 * among several, no (only a model does). Unknown speakers count as two.
 */
export function rulesPickMoments(analysis: Pick<Analysis, "manager">): boolean {
  return analysis.manager?.oneOnOne ?? true;
}

/** Coaching with no LLM: deterministic moments, suggestions built from the other person's own words. */
export function heuristicCoaching(
  pick: MomentPick,
  analysis: Analysis,
  manager: string,
  transcriptTokens: number,
  fallbackReason: string | null = null,
): Coaching {
  const names = analysis.speakers.map((s) => s.name);
  // in a discussion among several people, what matters is a proposal, an objection or a problem in the work, which
  // rules cannot weigh; read by judges, almost none of the rules' moments there were worth a manager's time
  const candidates = rulesPickMoments(analysis) ? pick.candidates : [];
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
