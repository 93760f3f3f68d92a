import { describe, expect, it } from "vitest";
import { shownText } from "../../src/coaching/model/conversation-window.js";
import { placeQuote } from "../../src/coaching/model/shown-quote.js";
import { pointsOutside, SUGGESTION_BREAKS, SUGGESTION_WORDS, suggestionProblem } from "../../src/coaching/model/suggestion-limits.js";

describe("placeQuote: a quote is checked against what the model was shown, then placed in what was said", () => {
  const spoken = "Um so could you could you at the same time, uh, adapt the reject model? I think it drifts.";
  const shown = "So could you at the same time adapt the reject model? I think it drifts.";
  it.each([
    [
      "words cleaning changed: the shown sentence (another case and a trailing ellipsis in the quote)",
      "Could you at the same time adapt the reject model…",
      "So could you at the same time adapt the reject model?",
    ],
    ["words also in what was said: the spoken sentence", "I think it drifts", "I think it drifts."],
    ["curly apostrophes and spacing folded", "I  think it drifts.", "I think it drifts."],
  ])("%s", (_name, quote, expected) => expect(placeQuote(quote, shown, spoken)).toBe(expected));

  it.each([
    ["words not shown", "adapt the reject model tomorrow"],
    ["one word", "drifts"],
    ["a quote that joins words across Attune's cut", "the reject model it drifts"],
  ])("refused: %s", (_name, quote) => {
    expect(placeQuote(quote, "So could you at the same time adapt the reject model … it drifts.", spoken)).toBeNull();
  });
});

describe("suggestionProblem: the prompt's limits on a suggestion", () => {
  const theirs = "Honestly I'm worried about it. The migration script still fails on the larger tenants.";
  it("the restatement frame and function words are free", () => {
    expect(
      suggestionProblem(
        "So what I'm hearing is that you're worried the migration script still fails on the larger tenants. Did I get that right?",
        theirs,
        [],
      ),
    ).toBeNull();
  });
  it("more than a quarter of the content words its own is adding", () => {
    expect(
      suggestionProblem("It sounds like the billing rewrite needs a contractor and an audit. Did I get that right?", theirs, []),
    ).toMatchObject({
      reason: "suggestion adds what they did not say",
    });
  });
  it(`more than ${SUGGESTION_BREAKS} breaks strings details together; fewer make a sentence`, () => {
    const details = "Honestly I'm worried. The script fails on the larger tenants, Monday and Tuesday, in Leeds and in York, every night.";
    expect(
      suggestionProblem(
        "The script fails on the larger tenants, Monday and Tuesday, in Leeds, in York, every night, and you're worried. Did I get that right?",
        details,
        [],
      ),
    ).toMatchObject({ reason: "suggestion strings details together" });
    expect(
      suggestionProblem("The script fails on the larger tenants every night, and you're worried. Did I get that right?", details, []),
    ).toBeNull();
  });
  it(`over ${SUGGESTION_WORDS} words is too long`, () => {
    expect(suggestionProblem(`${"the migration script ".repeat(12)}fails.`, theirs, [])).toMatchObject({ reason: "suggestion too long" });
  });
});

describe("pointsOutside: a restatement says what its 'it' or 'they' stands for", () => {
  it.each([
    ["It makes you feel like an idiot, and you feel like everyone else is fine. Did I get that right?", "it makes you feel like an idiot"],
    ["You have asthma and bronchitis, and it's socially unacceptable really. Did I get that right?", "it's socially unacceptable really"],
    ["It sounds like they don't listen to you. Did I get that right?", "they don't listen to you"],
  ])("%s", (text, clause) => expect(pointsOutside(text)).toBe(clause));

  it.each([
    "It sounds like you're worried the release will slip. Did I get that right?",
    "So it's hard to say no to the on-call work. Did I get that right?",
    "When your daughter was five, it was humid, and you could not breathe. Did I get that right?",
    "You try not to smoke around him because you know it's bad for him. Did I get that right?",
    // what "it" and "they" stand for is named earlier in the restatement
    "Your left knee is not bad, but after six hours, in the afternoon, it's swollen. Did I get that right?",
    "The slicer guard is missing since summer; you are worried, and if the inspection comes, they will close us. Did I get that right?",
  ])("%s is fine", (text) => expect(pointsOutside(text)).toBeNull());
  it("a thing named before does not count when it is only 'a bit' or 'the same'", () => {
    expect(pointsOutside("You feel the same, and it's not working. Did I get that right?")).toBe("it's not working");
  });
});

describe("shownText: long utterances are cut at a sentence end", () => {
  it("keeps whole sentences that fit, and marks the cut", () => {
    expect(shownText("First point here. Second point is longer than the rest.", 30)).toBe("First point here. …");
  });
  it("a first sentence longer than the allowance is cut at a word", () => {
    expect(shownText("one two three four five six seven eight nine ten", 20)).toBe("one two three …");
  });
});
