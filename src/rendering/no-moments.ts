import type { Coaching } from "../coaching/schema.js";

/** Why a report shows no moment: none was due, the meeting was in a language Attune cannot read, or speakers are unknown. */
export function noMoments(c: Coaching, speakersKnown: boolean): string {
  if (c.language && !c.language.coached) {
    const hedge = c.language.source === "detected" ? " (as far as Attune can tell)" : "";
    return `Attune finds listening moments in English conversations only, and this meeting was in ${c.language.name}${hedge}, so none are shown. The talk-time figures still hold.`;
  }
  if (!speakersKnown) return "Without speaker names, moments to restate cannot be found.";
  return "No moment to coach this time: Attune found no worry, feeling, proposal or problem someone raised that your reply left without a response. That is a good outcome.";
}
