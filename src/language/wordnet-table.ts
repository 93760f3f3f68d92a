import { createRequire, Module } from "node:module";

/**
 * wink-lemmatizer's WordNet data in a form that loads fast. The library's lexicon is about 3 MB of JavaScript,
 * and compiling it is most of the CPU a short `attune analyze --coach` spends. The lemmatizer asks only
 * three things of it: the exception tables, and whether a word has an adjective, noun or verb sense. The build
 * writes just that as one JSON file (`wordnet-table.json` beside the compiled module), and
 * `lemmatizerFromTable` hands it to the library in place of its own lexicon modules, so the lemmas come
 * from the library's own code and are the same (`test/language/wordnet-table.test.ts` checks it).
 */

export const WORDNET_TABLE_FILE = "wordnet-table.json";

export interface Lemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

export interface WordnetTable {
  /** WordNet's licence asks that its notice travel with every copy of the data. */
  notice: string;
  /** Every word with an adjective, noun or verb sense, sorted, one per line. */
  words: string;
  /** One digit per word in `words`: 1 adjective, 2 noun, 4 verb, added together. */
  kinds: string;
  adjective: Record<string, string>;
  noun: Record<string, string>;
  verb: Record<string, string>;
}

const NOTICE =
  "Derived from WordNet 3.0 (Copyright 2006 by Princeton University, all rights reserved; http://wordnet.princeton.edu/wordnet/license/) through wink-lexicon (MIT).";

/** The lexicon modules wink-lemmatizer requires, by the name it requires them. */
const LEXICON = {
  adjective: "wink-lexicon/src/wn-adjective-exceptions.js",
  noun: "wink-lexicon/src/wn-noun-exceptions.js",
  verb: "wink-lexicon/src/wn-verb-exceptions.js",
  words: "wink-lexicon/src/wn-words.js",
  senses: "wink-lexicon/src/wn-word-senses.js",
} as const;

// wink-lemmatizer's reading of a sense number: below 2 adjective, 3 to 28 noun, 29 to 43 verb
const ADJECTIVE = 1;
const NOUN = 2;
const VERB = 4;
const SENSE_OF_KIND = { [ADJECTIVE]: 0, [NOUN]: 3, [VERB]: 30 } as const;

const lemmatizerPath = (): string => createRequire(import.meta.url).resolve("wink-lemmatizer");
const lexiconRequire = () => createRequire(lemmatizerPath());

/** Reads the library's lexicon and keeps what the lemmatizer uses. Run by the build, not at run time. */
export function buildWordnetTable(): WordnetTable {
  const load = lexiconRequire();
  const words = load(LEXICON.words) as Record<string, number>;
  const senses = load(LEXICON.senses) as number[][];
  const kept: Array<[string, number]> = [];
  for (const word of Object.keys(words)) {
    let kind = 0;
    for (const sense of senses[words[word] as number] ?? []) {
      if (sense < 2) kind |= ADJECTIVE;
      if (sense > 2 && sense < 29) kind |= NOUN;
      if (sense > 28 && sense < 44) kind |= VERB;
    }
    if (kind !== 0) kept.push([word, kind]);
  }
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const plain = (name: string) => ({ ...(load(name) as Record<string, string>) });
  return {
    notice: NOTICE,
    words: kept.map(([w]) => w).join("\n"),
    kinds: kept.map(([, k]) => String(k)).join(""),
    adjective: plain(LEXICON.adjective),
    noun: plain(LEXICON.noun),
    verb: plain(LEXICON.verb),
  };
}

/**
 * wink-lemmatizer running on `table`: its lexicon modules are put in the module cache for the time it takes to
 * load the library afresh, then the cache is put back as it was.
 */
export function lemmatizerFromTable(table: WordnetTable): Lemmatizer {
  const sorted = table.words.split("\n");
  const kindOf = (word: string): number | undefined => {
    let low = 0;
    let high = sorted.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const here = sorted[mid] as string;
      if (here === word) return Number(table.kinds[mid]);
      if (here < word) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  };
  // `words[word]` gives the word's kind, and `senses[kind]` one sense number of each kind it has
  const words = new Proxy(Object.create(null) as Record<string, number>, {
    get: (_, key) => (typeof key === "string" ? kindOf(key) : undefined),
  });
  const senses = Array.from({ length: 8 }, (_, kind) =>
    [ADJECTIVE, NOUN, VERB].filter((k) => kind & k).map((k) => SENSE_OF_KIND[k as keyof typeof SENSE_OF_KIND]),
  );
  const exceptions = (from: Record<string, string>) => Object.assign(Object.create(null) as Record<string, string>, from);
  const load = lexiconRequire();
  const provided: Record<string, unknown> = {
    [load.resolve(LEXICON.adjective)]: exceptions(table.adjective),
    [load.resolve(LEXICON.noun)]: exceptions(table.noun),
    [load.resolve(LEXICON.verb)]: exceptions(table.verb),
    [load.resolve(LEXICON.words)]: words,
    [load.resolve(LEXICON.senses)]: senses,
  };
  const library = lemmatizerPath();
  const cache = load.cache;
  const before = new Map([library, ...Object.keys(provided)].map((path) => [path, cache[path]]));
  try {
    for (const [path, exports] of Object.entries(provided)) {
      const module = new Module(path);
      module.filename = path;
      module.loaded = true;
      module.exports = exports;
      cache[path] = module;
    }
    delete cache[library];
    return load(library) as Lemmatizer;
  } finally {
    for (const [path, module] of before) {
      if (module === undefined) delete cache[path];
      else cache[path] = module;
    }
  }
}
