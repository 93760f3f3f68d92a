import { splitSentences } from "../../language/index.js";

/**
 * Words compared for a quote: case, curly quotes, punctuation and spacing folded away. A "…" where Attune cut
 * an utterance stays as a mark, so a quote cannot join words across the cut.
 */
export function foldWords(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/…|\.\.\.+/g, " \u2026 ")
    .replace(/[^\p{L}\p{N}'\u2026]+/gu, " ")
    .replace(/(^|\s)'+|'+(?=\s|$)/g, "$1")
    .trim();
  return ` ${folded.replace(/\s+/g, " ").replace(/^\u2026 | \u2026$/g, "")} `;
}

/** Fewer words than this is not a quote (any "yes" is found somewhere). */
const MIN_WORDS = 2;

/** Why a model's quote cannot be placed, for the count of dropped answers: too short to be a quote, or not shown. */
export function quoteMiss(quote: string): "quote under two words" | "quote not in what was shown" {
  const words = foldWords(quote)
    .trim()
    .split(" ")
    .filter((w) => w !== "" && w !== "\u2026");
  return words.length < MIN_WORDS ? "quote under two words" : "quote not in what was shown";
}

/**
 * Where a model's quote comes from: it must be found, word for word, in the text the model was shown. The card
 * then quotes the sentence of what was really said that holds it, or, when cleaning changed those words (a
 * stutter removed, "um" dropped), the shown sentence: an honest copy of what Attune showed is never refused.
 */
export function placeQuote(quote: string, shown: string, spoken: string): string | null {
  const q = foldWords(quote);
  if (
    q
      .trim()
      .split(" ")
      .filter((w) => w !== "\u2026").length < MIN_WORDS ||
    q.includes("\u2026")
  )
    return null;
  if (!foldWords(shown).includes(q)) return null;
  const holds = (sentence: string) => foldWords(sentence).includes(q);
  const verbatim = splitSentences(spoken).find(holds);
  if (verbatim) return verbatim;
  const cleaned = splitSentences(shown.replace(/\s*…$/, "")).find(holds);
  return cleaned ?? quote.trim();
}
