import { readFileSync } from "node:fs";
import { countTokens } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { countTextTokens } from "../../src/llm/token-count.js";
import { fastestMs, growth } from "../helpers/cost.js";
import { fixturesDir } from "../helpers/fixtures.js";

/** A word of `n` pseudo-random letters: no repeats for byte-pair merging or its cache to shortcut. */
function longWord(n: number): string {
  let seed = n;
  let word = "";
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    word += String.fromCharCode(97 + (seed % 26));
  }
  return word;
}

// Finding 3 of issue 10: byte-pair merging is quadratic in a word's length; one 200 KB word froze the server.
describe("token counts cost time linear in the text", () => {
  it("a 200,000-letter word is counted well within 3 s", () => {
    const word = longWord(200_000);
    expect(fastestMs(() => countTextTokens(word), 1)).toBeLessThan(3000);
  });

  // eight times the text: about 8 times the time if linear, 64 if quadratic; the bound sits far from both, so the
  // timer noise of a loaded 2-core machine (4× input read 11.9× once, against a bound of 10) cannot decide it
  it("eight times the word takes well under sixty-four times as long", () => {
    expect(growth(longWord, countTextTokens, 50_000, 8)).toBeLessThan(28);
  });

  it("is the exact count on ordinary text, and close on a long word", () => {
    const text = readFileSync(`${fixturesDir}ami/ES2004a.teams.vtt`, "utf8");
    expect(countTextTokens(text)).toBe(countTokens(text));
    const word = longWord(5000);
    expect(Math.abs(countTextTokens(word) - countTokens(word))).toBeLessThan(countTokens(word) * 0.1);
  });

  it("counts a special token's name as text instead of throwing", () => {
    expect(() => countTokens("a <|endoftext|> b")).toThrow();
    expect(countTextTokens("a <|endoftext|> b")).toBeGreaterThan(3);
  });
});
