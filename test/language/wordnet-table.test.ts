import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { buildWordnetTable, type Lemmatizer, lemmatizerFromTable } from "../../src/language/wordnet-table.js";

const library = () => createRequire(import.meta.url)("wink-lemmatizer") as Lemmatizer;

describe("the lemmatizer's prepared WordNet table", () => {
  const table = buildWordnetTable();
  const fromTable = lemmatizerFromTable(table);
  const original = library();

  it("gives the library's own lemmas, across the lexicon's words, their inflections and its exceptions", () => {
    const bases = table.words.split("\n").filter((_, i) => i % 40 === 0);
    const exceptions = [table.adjective, table.noun, table.verb].flatMap((t) => Object.keys(t).filter((_, i) => i % 10 === 0));
    const everyday = [
      "worried",
      "made",
      "mad",
      "here",
      "her",
      "care",
      "cars",
      "children",
      "better",
      "farthest",
      "leaves",
      "constructor",
      "toString",
      "__proto__",
    ];
    const words = [
      ...bases.flatMap((w) => [w, `${w}s`, `${w}es`, `${w}ed`, `${w}ing`, `${w}er`, `${w}est`, `${w}ies`]),
      ...exceptions,
      ...everyday,
    ];
    expect(words.length).toBeGreaterThan(10_000);
    const differ = words.filter(
      (w) =>
        fromTable.verb(w) !== original.verb(w) ||
        fromTable.noun(w) !== original.noun(w) ||
        fromTable.adjective(w) !== original.adjective(w),
    );
    expect(differ).toEqual([]);
  });

  it("leaves the module cache as it was: the library loaded elsewhere still has its own lexicon", () => {
    expect(library()).toBe(original);
    expect(fromTable).not.toBe(original);
  });

  it("keeps only words with an adjective, noun or verb sense, one kind digit each, and WordNet's notice", () => {
    const words = table.words.split("\n");
    expect(words.length).toBe(table.kinds.length);
    expect(table.kinds).toMatch(/^[1-7]+$/);
    expect([...words].sort()).toEqual(words);
    expect(table.notice).toMatch(/WordNet 3\.0.*Princeton University/);
  });
});
