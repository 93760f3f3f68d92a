import type { Utterance } from "../transcript/schema.js";
import { type Felt, feltIn } from "../language/felt.js";
import { normalise, voicesConcern } from "../language/phrases.js";
import { read, readText } from "../language/read.js";
import type { Focus } from "./say-back.js";
import { withoutAddress } from "./address.js";
import { countWords } from "../language/tokens.js";

/** A sentence of someone's turn, verbatim; it may run across the transcript's utterance boundaries. */
export interface TurnSentence {
  /** The utterance the sentence starts in. */
  utterance: Utterance;
  text: string;
}

/**
 * The sentences of a turn in order, rejoined across utterances ("…so people can" + "see that better?") and where a
 * "but" pauses into lower case ("But also..." + "it's the hours, don Ernesto."): the "but" sets right what follows.
 */
export function turnSentences(turn: readonly Utterance[]): TurnSentence[] {
  const out: TurnSentence[] = [];
  let pending: TurnSentence | null = null;
  for (const utterance of turn) {
    const sentences = read(utterance).sentences;
    sentences.forEach((text, i) => {
      if (
        pending &&
        ((i === 0 && !/[.!?]["')\]]?$/.test(pending.text)) ||
          (/\.\.$/.test(pending.text) && opensWithBut(pending.text) && /^\p{Ll}/u.test(text)))
      ) {
        pending.text = `${pending.text} ${text}`;
        return;
      }
      pending = { utterance, text };
      out.push(pending);
    });
  }
  return out;
}

/**
 * The turn's sentences in the order worth saying back: for a concern the sentences that voice it, for a
 * question the questions (the last first: it is the one that was answered), otherwise the fullest first.
 */
export function rankSentences(turn: readonly Utterance[], focus: Focus): TurnSentence[] {
  const sentences = turnSentences(turn);
  const score = (s: TurnSentence, i: number): number => {
    const content = Math.min(readText(s.text).contentLemmas.size, 15);
    if (focus === "concern" && voicesConcern(s.text)) return 100 + content;
    if (focus === "question" && /\?\s*$/.test(s.text)) return 100 + i;
    return content;
  };
  return sentences
    .map((s, i) => ({ s, i, score: score(s, i) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.s);
}

/** The sentence opens with "but" (past a filler): it sets right or qualifies the one before. */
export function opensWithBut(sentence: string): boolean {
  return /^\W*(?:(?:um|uh|and|so|yeah|yes|okay|ok)[,.\s]+)*but\b/i.test(sentence);
}

/**
 * Names only the feeling and points elsewhere for what it is about: "Honestly I'm worried about it.", "And the
 * third thing, this is the one I'm worried about, actually.", "This is difficult.", "It's, honestly, I am worried."
 * (an "It's" started and dropped).
 */
const BARE = new RegExp(
  [
    String.raw`^(?:(?:honestly|really|so|and|but|yeah|well|just|it's)[,\s]+)*i(?:'m| am| feel| felt)(?: (?:so|really|pretty|a bit|a little|a little bit|slightly|somewhat|kind of|just|also|still|quite|very))* [\p{L}-]+(?: (?:about|of|by|with) (?:it|that|this|them|all that|all this))?(?: (?:too|as well))?(?:,? (?:honestly|to be honest|really))?[.!]?$`,
    String.raw`^(?:(?:and|so|but|okay|ok|um)[,\s]+)*(?:the [\p{L}-]+ (?:thing|one)[,\s]+)?(?:this|that|it)(?:'s| is) (?:the (?:one|thing|bit|part)|what)(?: that)? i'm (?:most |really |a bit )?(?:worried|nervous|anxious|scared|concerned|stressed) about(?:[,\s]+actually)?[.!]?$`,
    // "That's, um, that's my worry actually. With what's going on…": the worry is said in the next sentence;
    // "But honestly, Salim, this is my worry.": a name on its own between commas is said to the manager
    String.raw`^(?:(?:and|so|but|okay|ok|um|well|yeah|honestly)[,\s]+)*(?:\p{L}+,\s+)?(?:that's|that is|this is|it's|there's)(?: (?:actually|really|also|kind of))? (?:my|the) (?:(?:big|biggest|main|real|only|other) )?(?:worry|concern|fear|problem|thing)(?: (?:actually|really|too|as well))?[.!]?$`,
    // "Then… yes. This is difficult. Then maybe we say to the agency…": what is difficult is said beside it
    String.raw`^(?:(?:and|so|but|then|yes|yeah|okay|ok|um|well)[,.\s]+)*(?:this|that|it)(?:'s| is| was)(?: (?:really|so|very|quite|a bit|a little|just))? (?:difficult|hard|tough|tricky)[.!]?$`,
  ].join("|"),
  "u",
);

/**
 * Names the feeling and points back for its cause: "That's also why I'm worried about the date.", "That's, that's
 * why I'm a bit worried, honestly." ("That's what I'm worried about." may go on to say what: it is `BARE`.)
 */
const POINTS_BACK =
  /^(?:(?:and|so|but|yeah|yes|well|um)[,.\s]+)*(?:that's|that is|this is)(?: (?:also|exactly|partly|really|actually|just))? (?:why|the reason) (?:i'm|i am|i was|i feel|i get|it worries|worries|scares|bothers)\b/;

/**
 * A state that needs nothing after it ("I feel a bit alone.", "I'm exhausted.", "I'm a bit gutted."), unlike a feeling about something
 * ("I'm worried.", "I'm frustrated."): said on its own, it is the heart, not a pointer to the next sentence.
 */
const STATE =
  /\b(?:alone|lonely|isolated|exhausted|tired|knackered|shattered|drained|burn(?:ed|t) out|cooked|stuck|stretched|lost|invisible|left out|overwhelmed|swamped|down|low|sad|depressed|miserable|unhappy|hopeless|helpless|worn out|fed up|unwell|useless|worthless|trapped|gutted|devastated|heartbroken|crushed)(?:,? (?:honestly|to be honest|really|lately|at the moment|right now))?[.!]?$/;

/** Ends on a state that needs nothing after it: "I'm exhausted.", "And that I'm knackered." `cleaned`: normalised. */
export function endsOnState(cleaned: string): boolean {
  return STATE.test(cleaned);
}

/** Where a turn says what they feel, and the sentences beside it. */
export interface FeltSentence {
  sentence: TurnSentence;
  felt: Felt;
  /** It names only the feeling ("Honestly I'm worried about it."); the sentences beside it say what it is about. */
  bare: boolean;
  /** It points back for what it is about ("That's why I'm worried."): the sentence before says it. */
  pointsBack: boolean;
  before: TurnSentence | null;
  after: TurnSentence | null;
}

/**
 * The sentence of the turn where they say what they feel ("I'm worried…", "it's been hard…"), the first such one,
 * with the sentences before and after it.
 */
export function feltSentence(turn: readonly Utterance[]): FeltSentence | null {
  const sentences = turnSentences(turn);
  for (const [i, sentence] of sentences.entries()) {
    const cleaned = normalise(readText(sentence.text).cleaned);
    const felt = feltIn(cleaned);
    if (felt === null) continue;
    // "I'm a bit tired, honestly. The last three weeks I've been working Fridays… I feel like the data is all on me.":
    // a short state opens it; the feeling that says what weighs on them is the heart
    // ("I'm tired, Chef." is as short a state as "I'm tired.")
    const at = isShortState(sentence.text) ? feelingWithContent(sentences, i) : i;
    const chosen = sentences[at]!;
    const text = at === i ? cleaned : normalise(readText(chosen.text).cleaned);
    const pointsBack = POINTS_BACK.test(text);
    // "That's what I'm worried about, sir.": a term of address after it leaves it as bare
    const bare = pointsBack || (BARE.test(withoutAddress(text)) && !endsOnState(text));
    return {
      sentence: chosen,
      felt: at === i ? felt : "feeling",
      bare,
      pointsBack,
      before: withWords(sentences, at, -1),
      after: withWords(sentences, at, 1),
    };
  }
  return null;
}

const ONLY_FILLER = /^(?:(?:so|and|but|um|uh|er|well|like|oh|really|honestly|seriously)[\s,.…—–-]*)*$/;

/** The nearest sentence before (`step` -1) or after (1) the one at `at` that says something: not "So…" or "Um.". */
function withWords(sentences: readonly TurnSentence[], at: number, step: -1 | 1): TurnSentence | null {
  for (let j = at + step; j >= 0 && j < sentences.length; j += step) {
    if (!ONLY_FILLER.test(normalise(readText(sentences[j]!.text).cleaned))) return sentences[j]!;
  }
  return null;
}

/** A state of at most this many words ("I'm a bit tired, honestly.") may open what the turn goes on to say. */
const SHORT_STATE_WORDS = 6;

/** "I'm tired.", "I'm a bit tired, honestly.", "I'm tired, Chef.": a short state, which may stand for more. */
export function isShortState(sentence: string): boolean {
  const state = normalise(withoutAddress(readText(sentence).cleaned));
  // "I am, honestly, I'm a bit tired.": counted from where they said it the second time
  const from = Math.max(0, ...[...state.matchAll(/\bi(?:'m| am| feel| was)\b/g)].map((m) => m.index));
  return endsOnState(state) && countWords(state.slice(from)) <= SHORT_STATE_WORDS;
}
/**
 * How many sentences past a short state a feeling with its content is looked for: the rest of a long turn ("I'm also
 * tired. I am leaving the house at five-thirty… I feel bad. I feel like I am not anywhere, not good in the house").
 */
const CONTENT_REACH = 8;
/** "I feel like the data is all on me", "I feel that nobody asks": a feeling with what it is about. */
const FEELS_THAT =
  /(?:^|, )(?:(?:and|but|so|sometimes|i don't know|honestly|i mean|like|yeah)[,\s]+)*i (?:just |really |kind of |sort of )?feel,? (?:(?:i don't know|i dunno|honestly|you know),? )?(?:like|that|as if|as though) \S+(?: \S+){2,}/;

/**
 * "And it's not only the hours, it's, I go home and I think about the kiln…", "It's not just the shifts, it's that
 * nobody asks.": what it is, past what it is not only, said as the point.
 */
const NOT_ONLY = /\b(?:it's|it is|is|that's)(?: not| never) (?:only|just) \S+(?: \S+){0,6},? (?:it's|it is|is|but)\b\S*(?: \S+){3,}/;
/** "it's not only the hours, ": what it is not only, which is not the point. */
const NOT_ONLY_PART = /\b(?:it's|it is|is|that's)(?: not| never) (?:only|just) [^,]*, ?/i;

/** The sentence without what it says the point is not only: "And it's, I go home and I think about the kiln…". */
export function withoutNotOnly(sentence: string): string {
  return sentence.replace(NOT_ONLY_PART, "");
}

/** "I keep thinking, what if it was worse…": what goes round their head. */
const KEEPS_THINKING = /\bi (?:keep|kept|can't stop) (?:thinking|asking myself|wondering)\b\S*(?: \S+){3,}/;

/** The index of the sentence soon after `i` that says a feeling with its content, or `i` when none does. */
function feelingWithContent(sentences: readonly TurnSentence[], i: number): number {
  for (let j = i + 1; j <= i + CONTENT_REACH && j < sentences.length; j++) {
    const cleaned = normalise(readText(sentences[j]!.text).cleaned);
    if (FEELS_THAT.test(cleaned) || NOT_ONLY.test(cleaned) || KEEPS_THINKING.test(cleaned)) return j;
  }
  return i;
}
