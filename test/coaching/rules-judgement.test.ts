import { describe, expect, it } from "vitest";
import type { Candidate } from "../../src/coaching/moments.js";
import { rulesShow } from "../../src/coaching/rules-judgement.js";
import type { KeptRestatement } from "../../src/coaching/schema.js";

const said = {
  id: "u2",
  speaker: "Sam",
  startMs: 10_000,
  endMs: 18_000,
  text: "Honestly I'm worried the release will slip and I'm on call that weekend.",
};
const candidate = (reply: string | null): Candidate => ({
  id: "m1",
  kind: "missed-concern",
  speaker: "Sam",
  trigger: [said],
  reply: reply === null ? null : { id: "u3", speaker: "Dana", startMs: 18_500, endMs: 22_000, text: reply },
  gapMs: 500,
  interrupted: false,
  raised: "worry",
  priority: 1,
});
const keptAt = (atMs: number, ofUtteranceId = "u2"): KeptRestatement => ({
  utteranceId: "u5",
  atMs,
  quote: "So you're worried about the weekend.",
  of: "Sam",
  ofUtteranceId,
});

describe("the rules' verdict before their card shows a moment", () => {
  it("shows a moment where the reply moved on without a sign of having heard it", () => {
    expect(rulesShow(candidate("Okay, let's move on to the budget, we have a lot to cover."), [])).toBe(true);
    expect(rulesShow(candidate(null), [])).toBe(true);
  });

  it("leaves it off when the reply echoes their words", () => {
    expect(rulesShow(candidate("The release, yes. Let's look at the budget."), [])).toBe(false);
  });

  it("leaves it off when the reply acknowledges the point or shares the feeling", () => {
    for (const reply of [
      "That's a fair worry. Let's look at the plan.",
      "I'm worried about that too.",
      "I see. Let's go on.",
      "Makes sense.",
    ])
      expect(rulesShow(candidate(reply), []), reply).toBe(false);
  });

  it("leaves it off when the manager says those words back within the next minute, not later or other words", () => {
    const moveOn = candidate("Okay, let's move on to the budget, we have a lot to cover.");
    expect(rulesShow(moveOn, [keptAt(40_000)])).toBe(false);
    expect(rulesShow(moveOn, [keptAt(120_000)])).toBe(true);
    expect(rulesShow(moveOn, [keptAt(40_000, "u4")])).toBe(true);
  });
});
