/** What a speaker says to the listener rather than about the point: terms of address, and asides said of the saying. */

/**
 * "And the second thing, sir, I'm worried…", "I'm tired, Mr. Des.": a term of address set off by commas, or a title
 * and a name, is said to the listener; said back, it would have the manager call their report "sir" or call
 * themself by name.
 */
export function withoutAddress(text: string): string {
  return text
    .replace(ADDRESSED_BETWEEN, "")
    .replace(ADDRESSED_LAST, "")
    .replace(ADDRESSED_FIRST, "")
    .replace(NAMED_BEFORE_I, "")
    .replace(NAMED_AFTER_SHORT, "$1$2");
}
/** A word either case at its start: "[Ss]ir". */
const eitherCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const ADDRESS = `(?:${[
  ..."sir madam ma'am mam boss chief mate bro sahab sahib saab ji dai didi bhai aunty auntie".split(" ").map(eitherCase),
  String.raw`(?:Mr|Mrs|Ms|Dr|Mister|Madame|Sir|Miss)\.?\s+\p{Lu}\p{Ll}+`,
].join("|")})`;
const ADDRESSED_BETWEEN = new RegExp(String.raw`,\s*${ADDRESS}(?=\s*,)`, "u");
const ADDRESSED_LAST = new RegExp(String.raw`,\s*${ADDRESS}(?=\s*[.!?]?$)`, "u");
const ADDRESSED_FIRST = new RegExp(String.raw`^${ADDRESS},\s*`, "u");
/**
 * "For me, honestly, Ai, I'm a bit tired.": one capitalised word between commas in mid-sentence, just before their
 * "I", is a name or a word they call the listener by, in whatever language (not a day or a month, which says when).
 */
const WHEN = String.raw`(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)`;
const NAMED_BEFORE_I = new RegExp(String.raw`,\s*${WHEN}\p{Lu}\p{Ll}+(?=\s*,\s*I(?:'m|'ve|'d|'ll)?\b)`, "u");
/** "I am worried, Saya.", "I'm tired, Chef.": one capitalised word closing a short sentence of their "I" is said to the listener. */
const NAMED_AFTER_SHORT = new RegExp(String.raw`^(I(?:'m|'ve|'d)?\b[^,]{0,40}),\s*${WHEN}\p{Lu}\p{Ll}+([.!?]?)$`, "u");

/** What a speaker says of their own saying: "honestly", "to be honest", "if I'm honest", "to be fair", "frankly". */
const SINCERITY = String.raw`(?:honestly|to be honest|if i'm honest|if i am honest|to be fair|frankly|truthfully)`;

/** "…, if I'm honest", "…, to be honest", "…, though": said of the saying, not of what was said. */
export const TAIL_ASIDE = new RegExp(String.raw`(?:,\s*|\s+)(?:${SINCERITY}|though|tbh)[.!?]?$`, "i");
/** "I'm fed up, to be honest, walaal.": one word after a closing aside is what they call the listener, in any language. */
const ASIDE_THEN_WORD = new RegExp(String.raw`,\s*${SINCERITY},\s*\p{L}+[.!?]?$`, "iu");

/**
 * "I'm honestly a bit tired": the same word said of the saying, just after the "I'm"; said back it would vouch for
 * them. "I'm just pretty stretched", "I'm just exhausted": their "just" said back plays it down ("you're just the
 * freak" keeps it: there it means "only").
 */
export const SINCERELY =
  /\b(i'm|i am|i was|i feel|i've been|i have been)(?:,)?\s+(?:(?:honestly|genuinely|truthfully|truly)(?:,)?|just(?=\s+(?:so|really|pretty|very|quite|a bit|a little|too|kind of|sort of)\b|\s+[a-z]+ed\b))\s+/i;

/**
 * A clause without what was said to the listener rather than about the point: a closing "…, if I'm honest" and a
 * name they were addressed by ("I'm just so tired, Steve.", "…when it's my phone, Kak Rebwar."), which said back would
 * have the manager name themself.
 */
export function withoutAsides(text: string, names: readonly string[]): string {
  let out = withoutAddress(text.replace(ASIDE_THEN_WORD, "").replace(TAIL_ASIDE, "").replace(SINCERELY, "$1 "));
  const words = new Set(names.flatMap((n) => n.split(/[\s,()]+/)).filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)));
  for (const name of words) {
    out = out.replace(new RegExp(`(?:,\\s*${TITLE}${name}[.!?]?$|^${TITLE}${name},\\s*)`, "u"), "");
  }
  // "I'm just pretty stretched, Gav.": the short form of a name they were addressed by
  const short = SHORT_NAME.exec(out);
  if (short && [...words].some((w) => w.length > short[1]!.length && w.startsWith(short[1]!))) out = out.slice(0, short.index);
  return out.replace(TAIL_ASIDE, "");
}
const SHORT_NAME = /,\s*(\p{Lu}\p{Ll}{2,})[.!?]?$/u;
/** A word of respect before the name, in whatever language: "…my phone, Kak Rebwar.", "Tita Grace, …", "Mr. Des". */
const TITLE = String.raw`(?:\p{Lu}\p{Ll}{0,6}\.?\s+)?`;

const SINCERITY_SAID = new RegExp(String.raw`\b${SINCERITY}\b`, "i");
const OPENING = new RegExp(String.raw`(^|[.!?]\s+)${SINCERITY},?\s+(\p{L})`, "giu");
const CLOSING = new RegExp(String.raw`,\s*${SINCERITY}\s*([.;:!?])`, "gi");
const BEFORE_JOINER = new RegExp(String.raw`,\s*${SINCERITY},\s*(?=(?:and|but|so|because|then|though|or)\b)`, "gi");
const BETWEEN_COMMAS = new RegExp(String.raw`,\s*${SINCERITY},\s*`, "gi");
const INSIDE = new RegExp(String.raw`\s+${SINCERITY},?\s+`, "gi");

/**
 * A model's say-back without the speaker's "honestly" copied into it ("…and honestly you're a bit tired", "Honestly,
 * you were really scared…", "…is, honestly, too much"): in the manager's mouth it vouches for the manager's own
 * honesty, not theirs. Left as it is when the speaker never said it (`said`: their words in the moment).
 */
export function withoutCopiedSincerity(suggestion: string, said: string): string {
  if (!SINCERITY_SAID.test(said) || !SINCERITY_SAID.test(suggestion)) return suggestion;
  return suggestion
    .replace(OPENING, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`)
    .replace(CLOSING, "$1")
    .replace(BEFORE_JOINER, ", ")
    .replace(BETWEEN_COMMAS, " ")
    .replace(INSIDE, " ");
}
