/**
 * The defects a reader sees at once in a suggested restatement or prep question (issue 8's list), as checks
 * that name what is wrong. Used by the wording test over every suggestion the real fixtures produce.
 */
export const CHECK_PHRASES = ["Did I get that right?", "Is that right?", "Have I got that right?"] as const;

const FILLER = /\b(?:uh|um|erm|er|hmm|mhm|mm|uh-huh|mm-hmm)\b|(?:^|[,.;:!?]\s)like,|\b(?:you know|i mean)[,.?!]|,\slike[,.?!]/i;
const REPEAT = /(?<![\p{L}'])([\p{L}']+)[\s,]+\1(?![\p{L}'])/iu;
const BROKEN = /(?<![\p{L}'])\p{L}{1,4}-(?=\s|$)|(?<![\p{L}'])(?![ai](?![\p{L}']))\p{Ll}(?![\p{L}'.])(?=\s)|(?<![\p{L}'])(\p{L}{2,})-\1/u;
const DOUBLED_PUNCTUATION = /[,;:]\s*[,.;:!?]|[.!?]\s*[,.;:]|\.\.|…\.|\s[,.;:!?]/;
const FRAMES =
  /\b(?:you're asking|you are asking|you're wondering|it sounds like|what i'm hearing|i'm asking|i'm wondering|you were saying|earlier you said|so your question is)\b/gi;
const RAW_SYMBOL = /[&_[\]{}<>#*|\\]|\b[A-Z]_/;
const FUNCTION_WORDS = new Set(
  "a an the of to and or but so with for from in on at by as if than that's is are was were be been am do does did has have had can could will would should may might must my your our their his her its i we they he she very really just not no about into because when where which who what how then there here some any every each more most such also too".split(
    " ",
  ),
);
export const MAX_WORDS = 40;

/** "indepen independent": a word cut off and said again in full. */
function brokenPrefix(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .filter(Boolean);
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (a.length >= 3 && !FUNCTION_WORDS.has(a) && b.length > a.length + 1 && b.startsWith(a)) return `${a} ${b}`;
  }
  return null;
}

/** What is wrong with `text` (empty when nothing): each entry names one defect. */
export function wordingDefects(text: string, { check = true }: { check?: boolean } = {}): string[] {
  const defects: string[] = [];
  if (FILLER.test(text)) defects.push("filler");
  if (REPEAT.test(text)) defects.push(`repeated word (${REPEAT.exec(text)![0]})`);
  if (BROKEN.test(text)) defects.push(`broken word (${BROKEN.exec(text)![0]})`);
  const prefix = brokenPrefix(text);
  if (prefix) defects.push(`broken word (${prefix})`);
  if (DOUBLED_PUNCTUATION.test(text)) defects.push(`doubled punctuation (${DOUBLED_PUNCTUATION.exec(text)![0]})`);
  if ((text.match(FRAMES) ?? []).length > 1) defects.push("stacked frame");
  if (RAW_SYMBOL.test(text)) defects.push(`raw symbol (${RAW_SYMBOL.exec(text)![0]})`);
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > MAX_WORDS) defects.push(`${words.length} words`);
  if (check) {
    const checks = CHECK_PHRASES.reduce((n, c) => n + text.split(c).length - 1, 0);
    if (checks !== 1 || !CHECK_PHRASES.some((c) => text.endsWith(c))) defects.push(`${checks} closing checks`);
    const before = CHECK_PHRASES.map((c) => text.lastIndexOf(c)).find((i) => i > 0);
    const said = before === undefined ? [] : text.slice(0, before).trim().split(/\s+/);
    const last = said.at(-1) ?? "";
    const word = last.replace(/[^\p{L}']/gu, "").toLowerCase();
    // "frustrated with her." ends on a person; "…with the." or "…that her." ends on a word that needs more
    const object = /^(?:her|him)$/.test(word) && /^(?:with|to|for|at|about|on|of|from|by)$/i.test(said.at(-2) ?? "");
    if (FUNCTION_WORDS.has(word) && !object) defects.push(`function word before the check (${last})`);
  }
  return defects;
}
