import { describe, expect, it } from "vitest";
import { nameRedactor } from "../../src/storage/name-redaction.js";

describe("nameRedactor (forget: a name in others' words)", () => {
  const redact = nameRedactor(["Jordan Lee (Guest)", "jlee"]);

  it("replaces whole names, aliases and the Teams-suffix-less name, ignoring case and accents", () => {
    expect(redact("Thanks, JORDAN LEE. And jördan  lee (guest) again; jlee said so.")).toEqual({
      text: "Thanks, [someone]. And [someone] again; [someone] said so.",
      count: 3,
    });
  });

  it("a given name alone only where capitalised, and never inside another word", () => {
    expect(redact("Jordan, the jordan river, Jordanna, McJordan, Jordan's plan").text).toBe(
      "[someone], the jordan river, Jordanna, McJordan, [someone]'s plan",
    );
  });

  it("keeps text without the name as it is, and handles text around astral characters", () => {
    expect(redact("no names here 🎉")).toEqual({ text: "no names here 🎉", count: 0 });
    expect(redact("🎉Jordan🎉").text).toBe("🎉[someone]🎉");
  });

  it("is linear in the text: 4 MB of near-misses and hits takes well under the time a quadratic scan would", () => {
    const chunk = "Jordanna Jordan jorda Jordan Lee x ";
    const text = chunk.repeat(Math.ceil(4_000_000 / chunk.length));
    const started = performance.now();
    const r = redact(text);
    const elapsed = performance.now() - started;
    expect(r.count).toBe(2 * Math.ceil(4_000_000 / chunk.length));
    // Quadratic in 4 MB is hours; linear is about a second on a quiet machine. The bound leaves room for a busy one.
    expect(elapsed).toBeLessThan(30_000);
  });
});

// Issue 16, item 8: Teams writes a guest as "Lee, Jordan (Guest)"; people write them many ways.
describe("nameRedactor with Teams' name forms", () => {
  const redact = nameRedactor(["Lee, Jordan (Guest)"]);

  it.each([
    ["Hi Jordan, thanks for making time.", "Hi [someone], thanks for making time."],
    ["Jordan / Renée weekly 1:1", "[someone] / Renée weekly 1:1"],
    ["that was jordan's idea", "that was [someone]'s idea"],
    ["Ask Mr. Lee, or Mr Lee.", "Ask [someone], or [someone]."],
    ["Mail jordan.lee@contoso.com or jlee@contoso.com today.", "Mail [someone] or [someone] today."],
    ["J. Lee and Jordan Lee and Lee, Jordan (Guest) agreed.", "[someone] and [someone] and [someone] agreed."],
  ])("%s", (text, expected) => {
    expect(redact(text).text).toBe(expected);
  });

  it("leaves other people alone: a Lee, a Jordan Smith, and the word jordan", () => {
    const text = "Lee said Jordan Smith owns it; the jordan river; Leeds; lee.chen@contoso.com";
    expect(redact(text)).toEqual({ text, count: 0 });
  });

  it("the given name alone is not theirs in a meeting where someone else has it too", () => {
    const inMeeting = nameRedactor(["Lee, Jordan (Guest)"], ["Jordan Smith", "Lee"]);
    expect(inMeeting("Hi Jordan. Jordan Lee and Mr. Lee agreed with Lee and Jordan Smith.").text).toBe(
      "Hi Jordan. [someone] and [someone] agreed with Lee and Jordan Smith.",
    );
  });
});
