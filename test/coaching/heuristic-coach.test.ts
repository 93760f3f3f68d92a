import { describe, expect, it } from "vitest";
import { heuristicCoaching } from "../../src/coaching/heuristic-coach.js";
import { pickMoments } from "../../src/coaching/moments.js";
import { analyze } from "../../src/metrics/analyze.js";
import { noMoments } from "../../src/rendering/no-moments.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { talk } from "../helpers/talk.js";

const MANAGER = "Sam";
const worried: [string, string] = ["Lee", "Honestly I'm really worried that I'm going to miss the release date again this month."];
const movesOn: [string, string] = [MANAGER, "Okay, let's move on to the budget, we have a lot to cover today."];

const coached = (utterances: Utterance[]) => {
  const analysis = analyze({ utterances, manager: MANAGER });
  return { analysis, coaching: heuristicCoaching(pickMoments(utterances, MANAGER), analysis, MANAGER, 0) };
};

describe("the rules pick moments in conversations between two people only", () => {
  it("shows the moment in a one-on-one", () => {
    const { coaching } = coached(talk(worried, movesOn, ["Lee", "Sure, the budget is on the next slide, it's mostly travel."]));
    expect(coaching.moments.map((m) => m.quote)).toEqual([worried[1]]);
  });

  it("shows none in a discussion among several people, and the card says why", () => {
    const { analysis, coaching } = coached(
      talk(["Ana", "I think the budget slides are ready, and the travel numbers are in the appendix now."], worried, movesOn, [
        "Ana",
        "Sure, the budget is on the next slide, it's mostly travel and some hardware.",
      ]),
    );
    expect(coaching.moments).toEqual([]);
    expect(coaching.candidates).toBeGreaterThan(0);
    expect(noMoments(coaching, analysis)).toMatch(/^No moments are picked out in a discussion among several people/);
    expect(noMoments({ ...coaching, fallbackReason: "the model timed out" }, analysis)).toMatch(/could not be used this time/);
  });
});
