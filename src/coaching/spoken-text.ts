import { readText } from "../language/read.js";

/**
 * Kept until every importer reads from `src/language/`: the cleaned text of the text's one reading, so a text
 * cleaned by several steps is cleaned once.
 */
export function cleanSpoken(text: string): string {
  return readText(text).cleaned;
}
