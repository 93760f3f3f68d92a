/**
 * What the manager said just before their turn: the question it answers, or the line that opened the meeting's
 * business. Their turn is read against it (an answer to "Are you in the car?" raises nothing of their own).
 */
import { normalise } from "../language/phrases.js";
import { readText } from "../language/read.js";
import type { Utterance } from "../transcript/schema.js";
import { type Exchange, lastSaid } from "./exchanges.js";
import { asksAFact, asksHowLong } from "./takes-up.js";

/**
 * The manager's utterance that opens the meeting's business ("Okay so, I've just got a couple of things…", "Right,
 * let's get into it."), among their first few; null when none does.
 */
export function businessStarts(utterances: readonly Utterance[], manager: string): Utterance | null {
  const theirs = utterances.filter((u) => u.speaker === manager).slice(0, OPENING_TURNS);
  return theirs.find((u) => OPENS_BUSINESS.test(normalise(u.text))) ?? null;
}
const OPENING_TURNS = 6;
const OPENS_BUSINESS =
  /\b(?:i(?:'ve| have|'d| had)? (?:just |only )?(?:got |had |have )?(?:a |only a )?(?:couple of|few|short list of|(?:pretty |really )?long list|list of) (?:things|bits|items|points)|i have a (?:pretty |really )?(?:long|short) list|let's (?:get (?:into it|started|going)|dive in|crack on|kick off)|shall we (?:start|get started|crack on))\b/;

/** The manager's last words before their turn asked a yes-or-no question ("Are you okay?", "Did the update come?"). */
export function answersYesOrNo(before: Exchange | undefined, speaker: string): boolean {
  const question = lastQuestion(before, speaker);
  return question !== null && CLOSED_QUESTION.test(question);
}
const CLOSED_QUESTION =
  /^(?:(?:and|so|okay|ok|um|uh|oh|right|but)[,\s]+)*(?:are|is|was|were|do|does|did|have|has|had|can|could|will|would|should)\b/;

/** The manager's last sentence before their turn, cleaned and lower-cased, when it is a question; null otherwise. */
function lastQuestion(before: Exchange | undefined, speaker: string): string | null {
  if (before === undefined || before.speaker !== speaker) return null;
  const asked = lastSaid(before.replies);
  const last = asked === undefined ? undefined : readText(asked.text).sentences.at(-1);
  if (last === undefined || !/\?\s*$/.test(last)) return null;
  return normalise(readText(last).cleaned);
}

/** The manager's last words before their turn asked a question of fact ("How long for your version?"). */
export function answersAFact(before: Exchange | undefined, speaker: string): boolean {
  const question = lastQuestion(before, speaker);
  return question !== null && (asksAFact(question) || asksHowLong(question));
}
