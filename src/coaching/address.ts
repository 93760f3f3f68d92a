/** What a speaker says to the listener rather than about the point: terms of address. */

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
