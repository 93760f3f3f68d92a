import { describe, expect, it } from "vitest";
import { asIndirect } from "../../src/coaching/indirect-question.js";
import { toListenerVoice } from "../../src/coaching/person.js";
import { sayBack } from "../../src/coaching/say-back.js";
import { cleanSpoken } from "../../src/language/clean.js";
import { growth } from "../helpers/cost.js";

describe("cleanSpoken: speech as transcribed → text a person could say", () => {
  it.each([
    [
      "It sounds like as uh the trend-watcher presentation showed, um people like wood",
      "It sounds like as the trend-watcher presentation showed, people like wood",
    ],
    ["indepen independent, right, did you say they're good at golf?", "independent, did you say they're good at golf?"],
    ["I-I think f or or get-getting the L_C_D_ screen is & good.", "I think getting the LCD screen is good."],
    ["So you just- you just saw the doctor and, uh, you know, you sound blindsided", "So you just saw the doctor and you sound blindsided"],
    ["stressed you're fe- you feel, the more you drink.", "stressed you feel, the more you drink."],
    ["Yes, yes, yes. Um, it was- it was really a problem [laughter].", "Yes. it was really a problem."],
    ["Are we we're not allowed to dim the lights?", "we're not allowed to dim the lights?"],
    ["we d or or is it going to make our product look a cheapie-cheapie option?", "is it going to make our product look a cheapie option?"],
    ["I mean that's up to you, you know?", "that's up to you."],
    ["The [unintelligible 00:01:04] plan is fine [inaudible", "The plan is fine"],
    ["I have chronic bronchi-- bronchitis and asthma.", "I have chronic bronchitis and asthma."],
    ["the mar— market is slow", "the market is slow"],
    // "X and X" said on purpose is no repeat
    ["I'm testing the same thing again and again, and then it breaks.", "I'm testing the same thing again and again, and then it breaks."],
  ])("%s", (spoken, written) => {
    expect(cleanSpoken(spoken)).toBe(written);
  });

  it("keeps words that only look like fillers: 'like' as a verb, 'you know that…', compounds", () => {
    expect(cleanSpoken("People like wood, and you know that on-call is hard.")).toBe(
      "People like wood, and you know that on-call is hard.",
    );
    // after a word that needs a verb, "you know" is the verb
    expect(cleanSpoken("So how would you know, though?")).toBe("So how would you know, though?");
    expect(cleanSpoken("It is, you know, hard.")).toBe("It is hard.");
  });

  it("stays linear on hostile text: a 200 KB word and 40k brackets clean in well under a second", () => {
    const started = performance.now();
    cleanSpoken("a".repeat(200_000));
    cleanSpoken("[".repeat(40_000));
    cleanSpoken("you- ".repeat(20_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("costs the same per word in a long clause as in a short one (a turn transcribed with no punctuation at all)", () => {
    const words = "so we went to the store and then I think we talked about it and we should try again".split(" ");
    const clause = (n: number) => Array.from({ length: n }, (_, i) => words[i % words.length]).join(" ");
    // four times the words: about four times the CPU per call when linear, sixteen when each word looks back over
    // the clause
    expect(growth(clause, cleanSpoken, 1_000)).toBeLessThan(10);
  });
});

describe("toListenerVoice", () => {
  it("moves the speaker's own words into the listener's voice, verbs agreeing", () => {
    expect(toListenerVoice("I'm the only one who knows my code, and I was on call")).toBe(
      "you're the only one who knows your code, and you were on call",
    );
  });
  it("turns their 'you' into 'I'/'me' only when they spoke to the listener", () => {
    expect(toListenerVoice("you told me your plan leaves me alone on call")).toBe("I told you my plan leaves you alone on call");
    expect(toListenerVoice("can you send me the file", true)).toBe("can I send you the file");
  });
  it("reads 'me' before an -ing word as its subject ('your') only where a clause begins, not as an object", () => {
    expect(toListenerVoice("I do see that maybe me drinking less would help")).toBe("you do see that maybe your drinking less would help");
    expect(toListenerVoice("they saw me drinking at the party")).toBe("they saw you drinking at the party");
  });
  it("leaves the general 'you' people use of themselves as 'you'", () => {
    expect(toListenerVoice("you feel guilty when you miss my mates")).toBe("you feel guilty when you miss your mates");
  });
});

describe("asIndirect", () => {
  it.each([
    ["can we dim the lights", "whether we can dim the lights"],
    ["what should we do about the release", "what we should do about the release"],
    ["does it work on Android", "whether it works on Android"],
    ["what happens if the tests fail", "what happens if the tests fail"],
  ])("%s", (direct, indirect) => {
    expect(asIndirect(direct)).toBe(indirect);
  });
  it("declines shapes it cannot turn safely", () => {
    expect(asIndirect("did you finish it")).toBeNull();
    expect(asIndirect("does anyone of you have experience")).toBeNull();
  });
});

describe("sayBack", () => {
  it("keeps the one clause that carries the worry, never the next sentence", () => {
    const said = sayBack("Honestly, I'm worried the migration fails on the larger tenants, but the docs are fine.", "concern");
    expect(said).toMatchObject({ clause: "you're worried the migration fails on the larger tenants", question: false });
  });
  it("ends on a content word and refuses fragments and garbled speech", () => {
    expect(sayBack("So the main point is on place where um the thumb of the.", "point")).toBeNull();
    expect(sayBack("Eagle.", "point")).toBeNull();
    // a vocative to the listeners is not part of what they said
    expect(sayBack("I mean, you guys, the release slipped two weeks again.", "point")?.clause).toBe("the release slipped two weeks again");
    expect(sayBack("making that a key point, just that.", "point")).toBeNull();
  });
});
