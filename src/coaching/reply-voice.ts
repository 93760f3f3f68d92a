import { normalise } from "../language/phrases.js";

/**
 * What in a listener's sentence shows it is not saying back the other person's words: the listener's own voice
 * ("I think", "we", "let's"), a procedure or hypothesis with a generic "you" ("Then you take…", "If you change
 * both…"), or telling and predicting ("you could…", "that would help…"). Works on the sentence as said.
 */

/** The listener speaking for themselves: their view, their plan, their "we" (not "what I'm hearing"). */
const OWN_VOICE = /\b(?:i|i'm|i've|i'll|i'd|me|my|mine|we|we're|we've|we'll|we'd|us|our|let's)\b/;
const LISTENING_SELF =
  /\b(?:what i'm hearing|what i am hearing|what i hear|i hear you|i'm hearing|i am hearing|if i understand|if i'm understanding|if i heard you|if i'm hearing|if i got that right|let me see if i|let me make sure i|did i get|am i right)\b/g;
const GENERIC_OPENING =
  /^(?:(?:and|so|but|well|or|uh|um|now|yeah|okay|ok|right|oh)[,\s]+)*(?:then|once|if|when|whenever|at some point|suppose|say)\b/;
const MODAL =
  /\b(?:would|could|should|might|can|will|gonna|going to|'ll|need to|have to|has to|maybe|(?:are|is|'re) allowed to|(?:are|'re) welcome to)\b/;
const WISH = /\byou'?d (?:like|rather|prefer|love)\b|\byou would (?:like|rather|prefer|love)\b/;

/** The words as said, lower-cased, straight apostrophes, disfluent dashes and punctuation as spaces. */
function plain(sentence: string): string {
  return normalise(sentence)
    .replace(/[^\p{L}\p{N}'\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "I think", "we", "let's", outside a listening phrase ("what I'm hearing"). */
export function inOwnVoice(sentence: string): boolean {
  return OWN_VOICE.test(plain(sentence).replace(LISTENING_SELF, " "));
}

/** Opens with "then", "if", "once", "when": a procedure or a hypothesis, not what they said. */
export function genericOpening(sentence: string): boolean {
  return GENERIC_OPENING.test(plain(sentence));
}

/** Tells, permits or predicts ("you could", "you are allowed to", "maybe you…"); a wish ("you'd rather") is not telling. */
export function tellsOrPredicts(sentence: string): boolean {
  const text = plain(sentence);
  return MODAL.test(text.replace(WISH, " "));
}
