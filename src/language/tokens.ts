/** One tokenizer: lower-cased words (letters, digits, inner apostrophes and hyphens), apostrophes made straight. */

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const WORD = /[\p{L}\p{N}]/u;

export function tokens(text: string): string[] {
  return (text.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? []).map((t) => t.replace(/['-]+$/, ""));
}

/** Words as a person counts them: space-separated pieces with a letter or digit in them. */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(" ")) if (WORD.test(token)) n++;
  return n;
}

/** A word without the punctuation around it ("(well," → "well"); inner apostrophes stay. */
export function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, "");
}
