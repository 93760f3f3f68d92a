import { countTokens } from "gpt-tokenizer";

/**
 * Byte-pair merging costs time quadratic in the length of one word, and a participant controls the words:
 * one 200 KB "word" froze the server for half a minute. Runs of non-space longer than this are counted a
 * piece at a time, which keeps the count linear in the text and differs from the exact count by at most a
 * token per piece (a merge across a cut).
 */
const PIECE = 64;
const LONG_RUN = new RegExp(`\\S{${PIECE + 1},}`, "g");
/** Text that names a special token ("<|endoftext|>") is counted as the characters it is, never thrown on. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** The tokens of text sent to (or received from) a model, in time linear in its length. */
export function countTextTokens(text: string): number {
  let total = 0;
  let from = 0;
  for (const run of text.matchAll(LONG_RUN)) {
    total += countTokens(text.slice(from, run.index), AS_TEXT);
    for (let i = 0; i < run[0].length; i += PIECE) total += countTokens(run[0].slice(i, i + PIECE), AS_TEXT);
    from = run.index + run[0].length;
  }
  return total + countTokens(text.slice(from), AS_TEXT);
}
