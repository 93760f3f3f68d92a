/** One tokenizer: lower-cased words (letters, digits, inner apostrophes and hyphens), apostrophes made straight. */

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const WORD = /[\p{L}\p{N}]/u;

export function tokens(text: string): string[] {
  return (text.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? []).map((t) => t.replace(/['-]+$/, ""));
}

/** A sentence of fewer words than this is a fragment: a name, an exclamation, "So.", "I dunno." */
export const FRAGMENT_WORDS = 3;

/** Words as a person counts them: space-separated pieces with a letter or digit in them. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      inWord = false;
      continue;
    }
    if (inWord) continue;
    // ASCII letters and digits decide at once; anything else beyond ASCII asks the Unicode classes
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && WORD.test(text[i]!))) {
      inWord = true;
      n++;
    }
  }
  return n;
}

/** A word without the punctuation around it ("(well," → "well"); inner apostrophes stay. */
export function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, "");
}
