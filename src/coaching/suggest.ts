import { responseGapText } from "../format/response-gap.js";
import { asIndirect } from "./indirect-question.js";
import { rankSentences } from "./key-sentence.js";
import type { Candidate } from "./moments.js";
import { type Focus, type SaidBack, sayBack } from "./say-back.js";
import type { CoachingMoment, MomentKind } from "./schema.js";
import { readText } from "../language/read.js";

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

function whatHappened(candidate: Candidate): string {
  const opening = candidate.reply ? `"${openingWords(candidate.reply.text)}"` : null;
  switch (candidate.kind) {
    case "missed-concern":
      return candidate.interrupted
        ? `You came in before they had finished (${opening}) and moved on without saying back the worry you heard.`
        : `You replied ${opening} without first saying back the worry you heard.`;
    case "interrupted":
      return `You started talking before they had finished (${opening}), and they stopped.`;
    case "missed-question":
      return `You answered (${opening}) without checking what they were asking.`;
    case "quick-reply":
      return `After a long point you answered ${responseGapText(candidate.gapMs ?? 0)} (${opening}), with no sign you had taken it in.`;
    case "missed-long-turn":
      return `After a long point you moved on (${opening}) without restating it.`;
    case "not-picked-up":
      return "They spoke up once, and nobody took it up.";
  }
}

/** The first words of the manager's reply, cleaned of "um" and repeats, to remind them which reply it was. */
function openingWords(text: string): string {
  const words = (readText(text).cleaned || text).split(" ");
  return words.length <= 8
    ? words.join(" ")
    : `${words
        .slice(0, 8)
        .join(" ")
        .replace(/[,;:]$/, "")}…`;
}
