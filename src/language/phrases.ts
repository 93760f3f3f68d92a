import { CONCERN_WORDS, FEELING_TALK_WORDS } from "./word-lists.js";
import { tokens } from "./tokens.js";
import { splitSentences } from "./sentences.js";

/** Lower case with straight apostrophes: the form every list here is written in. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

/** The first phrase of `phrases` found in `text` as whole words ("issue" not in "tissue"), or null. */
export function findPhrase(text: string, phrases: readonly string[]): string | null {
  const lower = normalise(text);
  for (const phrase of phrases) {
    let at = lower.indexOf(phrase);
    while (at !== -1) {
      const before = at === 0 ? " " : lower[at - 1]!;
      const after = lower[at + phrase.length] ?? " ";
      if (!/[\p{L}\p{N}]/u.test(before) && (phrase.endsWith("?") || !/[\p{L}\p{N}]/u.test(after))) return phrase;
      at = lower.indexOf(phrase, at + 1);
    }
  }
  return null;
}

/** A concern voiced in a statement: a concern word inside a question ("can't we?") does not count. */
export function voicesConcern(text: string): boolean {
  return splitSentences(text).some((sentence) => !sentence.trimEnd().endsWith("?") && findPhrase(sentence, CONCERN_WORDS) !== null);
}

/** Turns to how someone feels, in the words a listener does that with (see FEELING_TALK_WORDS). */
export function speaksOfFeeling(text: string): boolean {
  return tokens(text).some((w) => FEELING_TALK_WORDS.has(w));
}
