import { groupDiscussion } from "../coaching/group-discussion.js";
import type { Coaching } from "../coaching/schema.js";
import type { Analysis } from "../metrics/schema.js";

/**
 * Why a report shows no moment: none was due, the meeting was in a language Attune cannot read, speakers are
 * unknown, or it was a discussion among several people and no model coached it.
 */
export function noMoments(c: Coaching, a: Pick<Analysis, "speakersKnown" | "manager">): string {
  if (c.language && !c.language.coached) {
    const hedge = c.language.source === "detected" ? " (as far as Attune can tell)" : "";
    return `Attune finds listening moments in English conversations only, and this meeting was in ${c.language.name}${hedge}, so none are shown. The talk-time figures still hold.`;
  }
  if (!a.speakersKnown) return "Without speaker names, moments to restate cannot be found.";
  if (c.source === "heuristic" && groupDiscussion(a))
    return c.fallbackReason
      ? "In a discussion among several people only the language model picks out moments, and it could not be used this time. The talk-time figures still hold."
      : "No moments are picked out in a discussion among several people unless Attune is set up with a language model (ask whoever runs it). The talk-time figures still hold.";
  return "No moment to coach this time: Attune found no worry, feeling, proposal or problem someone raised that your reply left without a response. That is a good outcome.";
}
