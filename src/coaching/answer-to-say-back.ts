/**
 * How a say-back of the manager's stands with what they said around it: their answer sets it right ("Not really.")
 * or confirms it ("Yes, exactly."), or names again a feeling it named; and a say-back that only echoes a word
 * ("Ah, the baby.") beside a feeling they voiced. Read by `pickMoments` and the rules' verdict.
 */
import { readText } from "../language/read.js";
import { feltIn } from "../language/felt.js";
import { lemma } from "../language/lemma.js";
import { normalise, speaksOfFeeling } from "../language/phrases.js";
import { countWords } from "../language/tokens.js";
import { FEELING_WORDS } from "../language/word-lists.js";
import type { Utterance } from "../transcript/schema.js";
import { praiseworthy } from "./keep-doing.js";
import type { KeptRestatement } from "./schema.js";
import { readSentence } from "./speech-acts.js";

/** The sentences of `window` where they say what they feel. */
export function feltSentences(window: readonly Utterance[]): string[] {
  return window.flatMap((u) => readText(u.text).sentences).filter((s) => feltIn(normalise(readText(s).cleaned)) !== null);
}

/** The feeling words (by lemma) a say-back names: "You sound quite worried about this one." → "worry". */
export function feelingsNamed(quote: string): string[] {
  return speaksOfFeeling(quote) ? [...readText(quote).contentLemmas].filter((w) => feelingLemmas().has(w)) : [];
}

/**
 * Their turn, after the manager said their words back, confirms it ("Yes, exactly.", "That's exactly it.") or names
 * again a feeling the say-back named (`named`: "I am, aye. That one, I'm worried about." after "You sound quite
 * worried about this one."). `felt`: the turn's sentences that say a feeling.
 */
export function confirmsSayBack(text: string, felt: readonly string[], named: ReadonlySet<string>): boolean {
  if (CONFIRMS.test(normalise(readText(text).cleaned))) return true;
  return felt.some((s) => [...readText(s).contentLemmas].some((w) => named.has(w)));
}
/**
 * Their turn opens by saying the manager named how they feel ("Yes. That's exactly how I feel."), whatever words the
 * manager used: the feeling they go on to name is the one said back. "That's exactly it. … And I feel awful about it"
 * confirms the say-back and then adds a feeling of its own.
 */
export function confirmsFeeling(text: string): boolean {
  return CONFIRMS_FEELING.test(normalise(readText(text).cleaned));
}
const CONFIRMS_FEELING = /^(?:(?:yes|yeah|yep|mm|mhm|oh|right|exactly)[,.!\s]+)*that's (?:exactly |just )?(?:how|what) i (?:feel|felt)\b/;

/** Their turn opens by confirming what the manager said back: "Yes, exactly.", "That's exactly it." */
const CONFIRMS =
  /^(?:(?:yes|yeah|yep|mm|mhm|oh|right)[,.!\s]+)*(?:exactly|precisely|spot on|that's (?:exactly )?(?:it|right)|you(?:'ve| have) got it)\b/;

/** FEELING_WORDS by lemma ("worried" is "worry"), made on first use: the lemmatizer loads only when coaching runs. */
let feelingLemmaSet: ReadonlySet<string> | null = null;
function feelingLemmas(): ReadonlySet<string> {
  feelingLemmaSet ??= new Set([...FEELING_WORDS].map(lemma));
  return feelingLemmaSet;
}

/** A say-back of a few words that names no feeling ("Ah, the baby.", "The dough."): an echo, not a reflection of feeling. */
export function echoesOnly(quote: string): boolean {
  const cleaned = readText(quote).cleaned;
  return countWords(cleaned) < ECHO_WORDS && feltIn(normalise(cleaned)) === null && !speaksOfFeeling(cleaned);
}
const ECHO_WORDS = 4;

/**
 * Their answer sets the listener right: "Um, yeah, it was a bit. But it's more the sheet, like.", "Not really.",
 * "That's not it.", "Not leave. I just want to understand…", or "No, …" to a say-back with no negation in it ("So you'd
 * rather come off the weekends?"); to "So you didn't find her yourself." a "No" agrees, unless what follows it does
 * what the say-back denied (NO_THEN_DOES).
 */
export function setsRight(answer: string, sayBack: string): boolean {
  const said = normalise(readText(answer).cleaned);
  // "You want to leave the front office?" – "Not leave. I just…": a word of the say-back denied
  const denied = NOT_ONE_WORD.exec(said)?.[1];
  return (
    SETS_RIGHT.test(said) ||
    (denied !== undefined &&
      normalise(sayBack)
        .split(/[^\p{L}']+/u)
        .includes(denied)) ||
    (/^(?:(?:um|uh|well|oh|hm|hmm|mm)[,.\s]+)*(?:no(?! one\b)|nah|nope)\b/.test(said) &&
      (!NEGATED.test(normalise(sayBack)) || NO_THEN_DOES.test(said) || NO_I_MEAN.test(answer.trim())))
  );
}
/**
 * "So you'd rather not do the China calls at all." – "No, no, I'll do them, it's just the hour.": past the "no", they
 * will do what the say-back said they would not, narrow it down or say what they mean ("No, I mean… I just don't want
 * to…"); "No, I'd rather not." agrees.
 */
const NO_THEN_DOES =
  /^(?:(?:um|uh|well|oh|hm|hmm|mm)[,.\s]+)*(?:no|nah|nope)(?:[,.!\s]+no)*[,.!\s]+(?:i(?:'ll| will| do| can)\b(?!'t)(?![^.,;]*(?:\bnot\b|\bnever\b|n't\b))|it(?:'s| is) just\b)/u;
/** "Hm. No, I mean…": what they mean instead, said as they were (cleaning drops "I mean"). */
const NO_I_MEAN = /^(?:(?:um|uh|well|oh|hm|hmm|mm)[,.\s]+)*(?:no|nah)[,.…\s]+i mean\b/i;
const NOT_ONE_WORD = /^(?:(?:um|uh|well|oh|hmm|mm)[,.\s]+)*not ([\p{L}']+)[.!]/u;
const NEGATED = /\b(?:not|never|no|nothing|nobody|[\p{L}]+n't)\b/u;
const SETS_RIGHT =
  /\bit(?:'s| is) more (?:that|like|about)\b|^(?:(?:um|uh|well|oh|hmm|mm|yeah|yes|no|nah)[,.\s]+)*(?:not really\b|not exactly\b|not quite\b|that's not (?:it|what)\b|it's not that\b)|^(?:(?:um|uh|well|yeah|yes|mm)[,.\s]+)*(?:[^.]{0,40}\. )?but (?:it's|it was|it is) more\b/u;

/**
 * A say-back the rules kept shows the manager heard the turn: one the card would praise, or one offered as a
 * question or with a stem ("By not putting yourself on the back burner so much?"), which a strict card leaves
 * unpraised but which takes the point up. A statement the card would not praise does not: praise of them ("The
 * juniors are good, you trained half of them yourself."), their words with the manager's verdict ("Two hundred and
 * ten. Well, that's good for your numbers").
 */
export function hearsIt(k: KeptRestatement): boolean {
  if (praiseworthy(k)) return true;
  const read = readSentence(normalise(readText(readText(k.quote).sentences[0] ?? k.quote).cleaned));
  return read.asked || read.act === "reflection";
}
