import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Lemmatizer, lemmatizerFromTable, WORDNET_TABLE_FILE, type WordnetTable } from "./wordnet-table.js";

/**
 * A word's dictionary form by WordNet (wink-lemmatizer): "worried" → "worry", "made" → "make", "cars" → "car",
 * while "here"/"her", "care"/"car" and "made"/"mad" stay apart (a suffix-stripping stemmer merges them). The
 * lexicon takes a noticeable moment to load, so it is loaded on the first lemma asked for, which only coaching
 * and prep do, and from the table the build prepares where there is one (`wordnet-table.ts`); answers are
 * remembered per word (a bounded table: a meeting's vocabulary is a few thousand words).
 */

const REMEMBERED = 50_000;
let lemmatizer: Lemmatizer | null = null;
const known = new Map<string, string>();

export function lemma(word: string): string {
  const lower = word.toLowerCase();
  const seen = known.get(lower);
  if (seen !== undefined) return seen;
  const found = lemmaOf(lower);
  if (known.size >= REMEMBERED) known.clear();
  known.set(lower, found);
  return found;
}

function lemmaOf(word: string): string {
  if (!/^\p{L}[\p{L}-]*$/u.test(word) || word.length < 3) return word;
  lemmatizer ??= loadLemmatizer();
  const verb = lemmatizer.verb(word);
  if (verb !== word) return verb;
  const noun = lemmatizer.noun(word);
  if (noun !== word) return noun;
  return lemmatizer.adjective(word);
}

/** From the build's table beside this module; from the library's own lexicon when running from source. */
function loadLemmatizer(): Lemmatizer {
  const file = new URL(`./${WORDNET_TABLE_FILE}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return createRequire(import.meta.url)("wink-lemmatizer") as Lemmatizer;
  }
  try {
    return lemmatizerFromTable(JSON.parse(text) as WordnetTable);
  } catch {
    throw new Error(`attune: the lemma table ${file.pathname} is damaged; run 'npm run build' again`);
  }
}
