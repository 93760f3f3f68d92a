import { describe, expect, it } from "vitest";
import { lemma } from "../../src/language/lemma.js";
import { findPhrase, voicesConcern } from "../../src/language/phrases.js";
import { read, readClean, readText, sharedContent } from "../../src/language/read.js";
import { countWords, tokens } from "../../src/language/tokens.js";
import { CONCERN_WORDS } from "../../src/language/word-lists.js";

describe("lemma", () => {
  it("gives dictionary forms and keeps apart words a suffix stemmer merges", () => {
    expect(["worried", "worries", "made", "cars", "testing", "stopped"].map(lemma)).toEqual([
      "worry",
      "worry",
      "make",
      "car",
      "test",
      "stop",
    ]);
    expect(new Set(["here", "her"].map(lemma)).size).toBe(2);
    expect(new Set(["care", "car"].map(lemma)).size).toBe(2);
    expect(new Set(["made", "mad"].map(lemma)).size).toBe(2);
  });
});

describe("content lemmas", () => {
  it("take a clitic 's off first, so 'angry's' is 'angry'; 'let's' and 'it's' stay function words", () => {
    expect([...readText("Angry's better than numb.").contentLemmas].sort()).toEqual(["angry", "good", "numb"]);
    expect([...readText("The job's hard.").contentLemmas].sort()).toEqual(["hard", "job"]);
    expect([...readText("Let's go, it's fine.").contentLemmas]).toEqual(["fine"]);
  });
});

describe("read", () => {
  it("reads an utterance once: the same object, the same reading", () => {
    const u = { text: "Um, I'm I'm worried about the the deadline. Dr. Lee agreed." };
    const first = read(u);
    expect(read(u)).toBe(first);
    expect(first.cleaned).toBe("I'm worried about the deadline. Dr. Lee agreed.");
    expect(first.sentences).toEqual(["Um, I'm I'm worried about the the deadline.", "Dr. Lee agreed."]);
    expect([...first.contentLemmas].sort()).toEqual(["agree", "deadline", "lee", "worry"]);
  });

  it("gives the same reading for the same text", () => {
    expect(readText("We need more testers.")).toBe(readText("We need more testers."));
  });

  it("counts content shared by lemma", () => {
    expect(sharedContent("I worried the tests failed", "You're worrying that the testing fails")).toBe(3);
    expect(sharedContent("Put it here", "Her idea")).toBe(0);
  });

  it("counts content shared with any of several turns, each read on its own", () => {
    expect(sharedContent(["The rota is a mess.", "I'm on call again."], "So you're on call and the rota is a mess")).toBe(3);
    expect(sharedContent(["The rota is a mess.", "I'm on call again."], "What about Friday?")).toBe(0);
  });

  it("reads text that is already clean as it stands", () => {
    // "the the" is what the speaker said; a clean reading of a cut sentence keeps its words as given
    expect(readClean("you know the the rota").tokens).toEqual(["you", "know", "the", "the", "rota"]);
    expect(readText("you know, the the rota").tokens).toEqual(["the", "rota"]);
  });
});

describe("tokens and phrases", () => {
  it("tokenizes with straight apostrophes and no trailing marks", () => {
    expect(tokens("Don’t say 'well-being' — James' car!")).toEqual(["don't", "say", "well-being", "james", "car"]);
  });

  it("finds a phrase as whole words only, anywhere it occurs", () => {
    expect(findPhrase("a tissue, then an issue", ["issue"])).toBe("issue");
    expect(findPhrase("tissue", ["issue"])).toBeNull();
  });

  it("takes a concern from a statement, not from a question", () => {
    expect(voicesConcern("I'm worried about Friday.")).toBe(true);
    expect(voicesConcern("Are you worried about Friday?")).toBe(false);
    expect(CONCERN_WORDS).toContain("stuck");
  });
});

describe("countWords", () => {
  it("counts space-separated pieces with a letter or digit, in any script", () => {
    expect(countWords("Hello, — world 42 ... Zürich  日本")).toBe(5);
    expect(countWords("  - , ")).toBe(0);
  });
});

describe("what the readings remember", () => {
  it("forgets the text of a meeting once its coaching is done", async () => {
    const { coachMeeting } = await import("../../src/coaching/coach.js");
    const { analyze } = await import("../../src/metrics/analyze.js");
    const said = "Honestly I'm worried the release will slip again and I'm on call that weekend.";
    const utterances = [
      { id: "u1", speaker: "Dana", startMs: 0, endMs: 4000, text: "Thanks for joining, let's look at the plan." },
      { id: "u2", speaker: "Sam", startMs: 4500, endMs: 12_000, text: said },
      { id: "u3", speaker: "Dana", startMs: 12_200, endMs: 16_000, text: "Okay, let's move on to the budget." },
    ];
    const before = readText(said);
    expect(readText(said)).toBe(before); // remembered while in use
    await coachMeeting({ utterances, analysis: analyze({ utterances, manager: "Dana" }), manager: "Dana" }, { llm: null, prompts: null });
    expect(readText(said)).not.toBe(before);
  });
});
