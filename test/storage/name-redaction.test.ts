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
