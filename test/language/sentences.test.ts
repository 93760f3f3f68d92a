import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/language/sentences.js";

describe("splitSentences", () => {
  it("does not end a sentence after a title or e.g./i.e.", () => {
    expect(splitSentences("I saw Dr. Patel and Mrs. Lee today. They said no.")).toEqual([
      "I saw Dr. Patel and Mrs. Lee today.",
      "They said no.",
    ]);
    expect(splitSentences("Bring something, e.g. a laptop. Or i.e. anything.")).toEqual([
      "Bring something, e.g. a laptop.",
      "Or i.e. anything.",
    ]);
    expect(splitSentences("Ask Mr. Smith. He knows.")).toEqual(["Ask Mr. Smith.", "He knows."]);
    expect(splitSentences("No, I mean, no. I mean it.")).toEqual(["No, I mean, no.", "I mean it."]);
  });

  it("ends after etc., a.m. and U.S. only before a capital", () => {
    expect(splitSentences("pens, paper, etc. and more. Then go.")).toEqual(["pens, paper, etc. and more.", "Then go."]);
    expect(splitSentences("we list pens etc. Then we go.")).toEqual(["we list pens etc.", "Then we go."]);
    expect(splitSentences("at 9 a.m. tomorrow. At 10 a.m. We start.")).toEqual(["at 9 a.m. tomorrow.", "At 10 a.m.", "We start."]);
    expect(splitSentences("the U.S. market is big. The U.S. It grows.")).toEqual(["the U.S. market is big.", "The U.S.", "It grows."]);
  });

  it("keeps decimals, times and initials inside a sentence", () => {
    expect(splitSentences("It costs 12.50 euros at 10.15 today. Fine.")).toEqual(["It costs 12.50 euros at 10.15 today.", "Fine."]);
    expect(splitSentences("J. Smith wrote it. So did I. Then we left.")).toEqual(["J. Smith wrote it.", "So did I.", "Then we left."]);
  });

  it("splits after ?, ! and a closing quote, and where a dash breaks speech off before a capital", () => {
    expect(splitSentences('He said "stop." Why? Because!')).toEqual(['He said "stop."', "Why?", "Because!"]);
    expect(splitSentences("we were going to— But then it rained.")).toEqual(["we were going to—", "But then it rained."]);
  });

  it("drops pieces with no word in them", () => {
    expect(splitSentences("... Okay. ?")).toEqual(["Okay."]);
  });
});
