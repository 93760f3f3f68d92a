import { describe, expect, it } from "vitest";
import { parseCommand, stripTags } from "../../src/bot/commands.js";
import { fastestMs, growth } from "../helpers/cost.js";

// Finding 3 of issue 10: `/<[^>]*>/g` scanned to the end of the message from every `<`; 40,000 of them took
// about a second, 200,000 about twenty.
describe("a personal-chat command costs time linear in the message", () => {
  it.each([
    ["200,000 '<' without '>'", "<".repeat(200_000)],
    ["'prep <' 40,000 times", "prep <".repeat(40_000)],
    ["200,000 '‹'", "‹".repeat(200_000)],
    ["'<at>' 50,000 times", "<at>".repeat(50_000)],
  ])("%s is parsed well within 2 s", (_name, text) => {
    expect(fastestMs(() => parseCommand(text), 1)).toBeLessThan(2000);
  });

  it("four times the text takes well under sixteen times as long", () => {
    expect(growth((n) => "<a>b".repeat(n), stripTags, 250_000)).toBeLessThan(10);
  });

  it("strips tags as the regex did", () => {
    for (const text of ["a<b>c", "<p>help</p>", "x < y", "a<b<c>d>e", "<<>>", "no tags", "<unclosed", "a>b<c"])
      expect(stripTags(text), text).toBe(text.replace(/<[^>]*>/g, " "));
    expect(parseCommand("<p>prep <b>Jordan</b></p>")).toEqual({ command: "prep", argument: "Jordan" });
  });

  it("prep at start on/off is a setting, not prep for someone called 'at start'", () => {
    expect(parseCommand("prep at start off")).toEqual({ command: "prep-at-start", argument: "off" });
    expect(parseCommand("<p>Prep at start ON</p>")).toEqual({ command: "prep-at-start", argument: "on" });
    expect(parseCommand("prep Atticus")).toEqual({ command: "prep", argument: "Atticus" });
  });
});
