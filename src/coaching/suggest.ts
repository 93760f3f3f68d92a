import { seconds } from "../format/durations.js";
import type { Candidate } from "./moments.js";
import { toSecondPerson } from "./person.js";
import { keySentence } from "./key-sentence.js";
import type { CoachingMoment } from "./schema.js";

const MAX_WORDS = 32;
const LEAD = /^(?:(?:honestly|so|well|and|but|uh|um|yeah|okay|ok|look|i mean|to be honest|basically|actually)\b[\s,]*)+/i;

/** The heuristic coach's reading of a candidate: the quote, what happened, and a restatement to try. */
export function heuristicMoment(candidate: Candidate): CoachingMoment {
  const key = keySentence(candidate.trigger, candidate.kind);
  const core =
    candidate.kind === "missed-concern" && key.following ? `${trimEnd(key.sentence)}: ${lowerFirst(key.following)}` : key.sentence;
  const phrase = clipWords(withoutRepeats(toSecondPerson(lowerFirst(trimEnd(core).replace(LEAD, "")))), MAX_WORDS);
  return {
    utteranceId: key.utterance.id,
    atMs: key.utterance.startMs,
    speaker: candidate.speaker,
    quote: key.sentence,
    kind: candidate.kind,
    whatHappened: whatHappened(candidate),
    suggestion: suggestion(candidate, phrase),
    replyUtteranceId: candidate.reply?.id ?? null,
  };
}

function suggestion(candidate: Candidate, phrase: string): string {
  switch (candidate.kind) {
    case "missed-question":
      return `You're asking ${phrase.replace(/\?$/, "")}? Let me check I've got the question right before I answer.`;
    case "missed-long-turn":
    case "quick-reply":
      return `So the main point is that ${phrase}. Is that right?`;
    case "not-picked-up":
      return `Earlier you said ${phrase}. I'd like to hear more about that. Did I get it right?`;
    default:
      return `It sounds like ${phrase}. Did I get that right?`;
  }
}

function whatHappened(candidate: Candidate): string {
  const opening = candidate.reply ? `"${clipWords(candidate.reply.text, 8)}"` : null;
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
      return `After a long point you answered within ${seconds(Math.max(0, candidate.gapMs ?? 0))} (${opening}), with no sign you had taken it in.`;
    case "missed-long-turn":
      return `After a long point you moved on (${opening}) without restating it.`;
    case "not-picked-up":
      return `They spoke up once, and nobody took it up.`;
  }
}

/** Drops closing punctuation and tag questions ("…, you know?", "…, right?") from a sentence. */
function trimEnd(text: string): string {
  return text.replace(/(?:[,\s]+(?:you know|right|isn't it|don't you think|can't we|won't it))?[\s.!?,;:]*$/i, "");
}

function lowerFirst(text: string): string {
  return /^I\b/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function clipWords(text: string, max: number): string {
  const words = text.split(" ");
  return words.length <= max
    ? text
    : `${words
        .slice(0, max)
        .join(" ")
        .replace(/[,;:]$/, "")}…`;
}

/** Speech repeats words ("of of", "you you"); a restatement need not. Quotes keep them, verbatim. */
function withoutRepeats(text: string): string {
  return text.replace(/\b([\p{L}']+)(?:\s+\1\b)+/giu, "$1");
}
