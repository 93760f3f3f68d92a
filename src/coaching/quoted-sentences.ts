/**
 * Which of their sentences a moment quotes: the feeling's sentence with what it points to, the point before its
 * reasons, two sentences together where one alone would say less than they meant.
 */
import { type FeltSentence, isShortState, opensWithBut, type TurnSentence, turnSentences } from "./key-sentence.js";
import { normalise } from "../language/phrases.js";
import { readText } from "../language/read.js";
import { countWords } from "../language/tokens.js";
import type { Utterance } from "../transcript/schema.js";
import type { Focus } from "./say-back.js";
import { RANK, type Raised, raisedRank } from "./worth-coaching.js";

/**
 * The sentence that holds the point of a feeling: the feeling's own, or where it is bare the one next to it (the
 * reason after it, or else what came before); "…this is the one I'm worried about, actually. The repossessions."
 * is quoted whole, since a few words alone say what, not the worry.
 */
export function heartOf(felt: FeltSentence): TurnSentence {
  // "I feel like I should've, I don't know. I should've caught it on the arrivals list.": a feeling that trails off
  // unfinished is said in full in the sentence after it, and the two are quoted together
  if (felt.after !== null && trailsOff(felt.sentence.text)) return together(felt.sentence, felt.after);
  // "…because I have the whole July off, I booked it already. That's also why I'm worried about the date.": what it
  // points back to is quoted with it
  if (felt.pointsBack && felt.before !== null) return together(felt.before, felt.sentence);
  // "But also... it's the hours, don Ernesto. I'm tired.": a short state after the "but" that sets right what came
  // before is quoted with it, which says what wears them down
  if (felt.before !== null && opensWithBut(felt.before.text) && isShortState(felt.sentence.text))
    return together(felt.before, felt.sentence);
  // "It's me. I feel very bad. I have been thinking about it all the weekend.": a sentence after it that only dwells
  // on "it" says what it is about no more than the feeling does, and what came before does
  const after = felt.after !== null && dwellsOn(felt.after.text) && felt.before !== null ? null : felt.after;
  const pointed = felt.bare ? (after ?? felt.before) : null;
  if (pointed === null) return felt.sentence;
  // "I'm a bit worried about it. Because of the appraisal coming.": a reason that goes on with the feeling's
  // sentence is quoted with it
  if (pointed === felt.after && GOES_ON.test(pointed.text)) return together(felt.sentence, pointed);
  // "Three times from Al Safa, with his son driving him. I felt so bad.": a feeling that closes the turn is quoted
  // with what it closes, which alone would be an example
  if (pointed === felt.before && felt.after === null && felt.felt !== "worry") return together(pointed, felt.sentence);
  if (countWords(pointed.text) > NAMES_IT_WORDS) return pointed;
  return pointed === felt.after ? together(felt.sentence, pointed) : together(pointed, felt.sentence);
}

/** "I have been thinking about it all the weekend.", "I keep going over it.": what it is, they said before. */
function dwellsOn(sentence: string): boolean {
  return DWELLS_ON.test(normalise(readText(sentence).cleaned));
}
const DWELLS_ON =
  /\b(?:think|thinking|thought|worrying|dwelling|going over|chewing on)\b[^.?!]{0,20}\b(?:about|of|over|on) (?:it|that|this)\b/;

/**
 * A sentence left unfinished: it stops on a word that needs more after it, bare or before a hedge ("I should've, I
 * don't know.", "I'm doing it anyway, so, you know.", "And I just, and").
 */
function trailsOff(sentence: string): boolean {
  return TRAILS_OFF.test(sentence.toLowerCase());
}
const TRAILS_OFF =
  /(?:^|[\s,])(?:so|and|but|or|because|cos|'cause|should've|should have|could've|could have|would've|would have|to|the|a|just)(?:,?\s*(?:you know|i don't know|i dunno|like|um|uh))?[\s,.…—–-]*$/;

/** "This is the bigger problem for me.", "That's the main thing.": the point announced, not yet made. */
export function announces(sentence: string): boolean {
  return ANNOUNCES.test(normalise(readText(sentence).cleaned));
}
const ANNOUNCES =
  /\b(?:this|that|it|here)(?:'s| is) (?:the|my) (?:(?:big|bigger|biggest|main|real|other|actual|first|second) )?(?:problem|issue|thing|worry|concern|point)(?: (?:for me|here|now|actually))?[.!:]?$/;

/** The sentence of `turn` after `sentence`; null at its end. */
function nextSentence(turn: readonly Utterance[], sentence: TurnSentence): TurnSentence | null {
  const sentences = turnSentences(turn);
  const at = sentences.findIndex((s) => s.utterance === sentence.utterance && s.text === sentence.text);
  return at < 0 ? null : (sentences[at + 1] ?? null);
}

/** The next sentence of their turn, in the same utterance; null at its end. */
export function sentenceAfter(turn: readonly Utterance[], sentence: TurnSentence): TurnSentence | null {
  const next = nextSentence(turn, sentence);
  return next !== null && next.utterance === sentence.utterance ? next : null;
}

/** The sentence of their turn after `sentence` when it opens with "but"; null otherwise. */
export function butAfter(turn: readonly Utterance[], sentence: TurnSentence): TurnSentence | null {
  const next = nextSentence(turn, sentence);
  return next !== null && opensWithBut(next.text) ? next : null;
}

/**
 * The sentences that raise what they raised come first: "I've decided I'm going to stop running it after
 * Christmas.", not the fullest sentence of reasons beside it; "I just want it to be properly scoped.", not "I like
 * the work, the harvest stuff actually looks amazing." A question keeps its own order.
 */
export function pointFirst(ranked: readonly TurnSentence[], raised: Raised, focus: Focus): TurnSentence[] {
  if (focus === "question") return [...ranked];
  const wanted = RANK.indexOf(raised);
  const raises = (s: TurnSentence): boolean => raisedRank(s.text) === wanted;
  return [...ranked.filter(raises), ...ranked.filter((s) => !raises(s))];
}

/** A sentence that opens by going on with the one before it: "Because of…", "Cos…", "Since…". */
const GOES_ON = /^\W*(?:(?:um|uh|and|just)[,\s]+)*(?:because|cos|'cause|since)\b/i;

/** A sentence this short next to a bare feeling only names what it is about ("The repossessions."). */
const NAMES_IT_WORDS = 4;

/** Two neighbouring sentences of their turn, in the order they said them, quoted as one. */
export function together(first: TurnSentence, second: TurnSentence): TurnSentence {
  return { utterance: first.utterance, text: `${first.text} ${second.text}` };
}
