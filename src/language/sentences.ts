/**
 * One sentence splitter for everything Attune reads: a sentence ends at ".", "?" or "!" (a closing quote or
 * bracket may follow) and a space, or where a dash breaks speech off before a capital. A full stop that ends an
 * abbreviation is no end: titles ("Dr.", "Mrs.") and "e.g."/"i.e." never; "etc.", "a.m.", "U.S." and other
 * initials only when a capital follows. Decimals ("2.5") and times ("3:30", "10.15") have no space after the dot.
 * One left-to-right pass: linear in the text.
 */

/** Never the end of a sentence: what follows them is always part of it. */
const TITLES = new Set(["dr", "mr", "mrs", "ms", "prof", "st", "mt", "jr", "sr", "vs", "cf", "fig", "approx", "dept", "e.g", "i.e"]);
/** The end of a sentence only when a capital follows ("…and so on, etc. Then we…"). */
const MAYBE_END = new Set(["etc", "a.m", "p.m", "inc", "ltd", "co", "corp"]);

const BOUNDARY = /[.!?]+["')\]”’]?\s+|(?<=\S[—–]|\s--)\s+(?=\p{Lu})/gu;
const WORD_BEFORE_DOT = /(?:^|[\s("'“])([\p{L}.]+)\.$/u;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith(".") && !endsSentence(text.slice(Math.max(start, match.index - 24), match.index + 1), text.slice(end, end + 1)))
      continue;
    push(out, text.slice(start, end));
    start = end;
  }
  push(out, text.slice(start));
  return out;
}

function endsSentence(before: string, next: string): boolean {
  const raw = WORD_BEFORE_DOT.exec(before)?.[1];
  if (raw === undefined) return true;
  const word = raw.toLowerCase();
  if (TITLES.has(word)) return false;
  const capitalNext = /\p{Lu}/u.test(next);
  if (MAYBE_END.has(word)) return capitalNext;
  // "J. Smith": a capital initial is never an end ("I." is a word); "U.S.": initials end one before a capital
  if (/^\p{Lu}$/u.test(raw) && raw !== "I") return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return capitalNext;
  return true;
}

function push(out: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (/[\p{L}\p{N}]/u.test(trimmed)) out.push(trimmed);
}
