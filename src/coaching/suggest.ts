import { asIndirect } from "./indirect-question.js";
import { rankSentences } from "./key-sentence.js";
import type { Candidate } from "./moments.js";
import { type Focus, type SaidBack, sayBack } from "./say-back.js";
import type { CoachingMoment, MomentKind } from "./schema.js";
import { whatHappened } from "./what-happened.js";

/** The check every suggestion closes with: one, and only one. */
export const CHECK = "Did I get that right?";

/**
 * The heuristic coach's reading of a candidate: the quote, what happened, and a restatement to try. Null when
 * nothing they said in the moment can be said back well (only fragments, or only asides).
 */
export function heuristicMoment(candidate: Candidate, names: readonly string[] = []): CoachingMoment | null {
  const focus = focusOf(candidate.kind);
  for (const sentence of rankSentences(candidate.trigger, focus)) {
    const said = sayBack(sentence.text, focus, names);
    if (!said) continue;
    return {
      utteranceId: sentence.utterance.id,
      atMs: sentence.utterance.startMs,
      speaker: candidate.speaker,
      quote: sentence.text,
      kind: candidate.kind,
      whatHappened: whatHappened(candidate),
      suggestion: suggestion(candidate.kind, said),
      replyUtteranceId: candidate.reply?.id ?? null,
    };
  }
  return null;
}

export function focusOf(kind: MomentKind): Focus {
  return kind === "missed-concern" ? "concern" : kind === "missed-question" ? "question" : "point";
}

/** A restatement in the manager's voice: a frame, their clause, and the check. */
export function suggestion(kind: MomentKind, said: SaidBack): string {
  if (said.question) {
    const indirect = asIndirect(said.clause);
    if (indirect) return `You're asking ${indirect}. ${CHECK}`;
    return `So your question is: ${said.clause}? ${CHECK}`;
  }
  switch (kind) {
    case "missed-long-turn":
    case "quick-reply":
      if (/^that\b/i.test(said.clause)) return `It sounds like ${said.clause}. ${CHECK}`;
      return `So what I'm hearing is that ${said.clause}. ${CHECK}`;
    case "interrupted":
      return `Sorry, I came in too early. You were saying ${that(said.clause)}. ${CHECK}`;
    case "not-picked-up":
      return `Earlier you said ${that(said.clause)}. ${CHECK}`;
    default:
      return `It sounds like ${said.clause}. ${CHECK}`;
  }
}

/** "that " before a clause, unless the clause itself starts with "that". */
export function that(clause: string): string {
  return /^that\b/i.test(clause) ? clause : `that ${clause}`;
}
