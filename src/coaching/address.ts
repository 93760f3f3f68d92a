/** What a speaker says to the listener rather than about the point: terms of address. */

/**
 * "And the second thing, sir, I'm worried…", "I'm tired, Mr. Des.": a term of address set off by commas, or a title
 * and a name, is said to the listener; said back, it would have the manager call their report "sir" or call
 * themself by name.
 */
export function withoutAddress(text: string): string {
  return text.replace(ADDRESSED_BETWEEN, "").replace(ADDRESSED_LAST, "").replace(ADDRESSED_FIRST, "");
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
