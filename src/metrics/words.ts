const WORD = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(" ")) if (WORD.test(token)) n++;
  return n;
}
