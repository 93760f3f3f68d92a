import { readText } from "../language/read.js";
import { FUNCTION_WORDS } from "../language/word-lists.js";

/**
 * Kept as a re-export of the language leaf until every importer reads from `src/language/`: content words are
 * now lemmas (WordNet), from one reading of the text.
 */
export { sharedContent } from "../language/read.js";

/** The lemmas of the content words of a text, as a set. */
export function contentStems(text: string): ReadonlySet<string> {
  return readText(text).contentLemmas;
}

export function isStopWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}
