import { countWords } from "../metrics/words.js";

/** The sentences of an utterance, verbatim: split after ".", "?", "!" (or a dash that breaks speech off) and a space. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["')\]]?)\s+|(?<=\S[—–]|\s--)\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => countWords(s) > 0);
}
