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

describe("what the line says the manager replied", () => {
  it("quotes the backchannel that answered the line, not the answer to their next question", () => {
    const { coaching } = coached(
      talk(
        ["Lee", "I know. I still feel bad about leaving before the tech week."],
        [MANAGER, "Mm."],
        ["Lee", "Can I suggest something for the handover?"],
        [MANAGER, "Please."],
      ),
    );
    expect(coaching.moments.map((m) => m.whatHappened)).toEqual([
      `You replied "Mm." without first saying back that they still feel bad about leaving before the tech week.`,
    ]);
  });
});

describe("what the line says the manager replied, when they went on past a backchannel", () => {
  it("quotes the reply to all the card quotes, not a 'Yeah.' in the middle of it", () => {
    const { coaching } = coached(
      talk(
        ["Priya", "Okay. So the first one is the schedule. I'm at fifteen patients a day and I'm just not getting my charting done."],
        [MANAGER, "Yeah."],
        ["Priya", "So I'm doing it at night. Most nights I'm doing like an hour and a half at home."],
        [MANAGER, "Oh, Priya. Okay. Well, first of all, everybody goes through this, okay?"],
      ),
    );
    expect(coaching.moments.map((m) => m.whatHappened)).toEqual([
      `You replied "Well, first of all, everybody goes through this." without first saying back what they told you.`,
    ]);
  });
});

describe("a point no word of theirs names, shown by the reply that brushed it off", () => {
  const mortgage: [string, string] = [
    "Lee",
    "Um. I mean, I don't know. I've got the mortgage and everything. And Ade's hours got cut at his place.",
  ];

  it("quotes what they said of themselves and gives the starter", () => {
    const { coaching } = coached(
      talk(mortgage, [MANAGER, "Look, you're not going anywhere. You'll be fine, honestly."], ["Lee", "Yeah. Okay."]),
    );
    expect(coaching.moments).toHaveLength(1);
    // how their turn ended, up to three sentences of substance: which one holds the point is a guess
    expect(coaching.moments[0]!.quote).toBe(
      "I mean, I don't know. I've got the mortgage and everything. And Ade's hours got cut at his place.",
    );
    expect(coaching.moments[0]!.suggestion).toMatch(/^So you're saying… \(their point, in your own words\)/);
    expect(coaching.moments[0]!.whatHappened).toBe(
      `You replied "Look, you're not going anywhere." without first saying back what they told you.`,
    );
  });

  it("quotes where their turn landed, over a fragment or two, not where it began", () => {
    const { coaching } = coached(
      talk(
        ["Lee", "So, um, the routine stuff is fine. Like ankles and knees, that's what I did all through placement."],
        ["Lee", "It's more the chronic pain ones. And the people with, like, loads going on. I just... I don't know."],
        [MANAGER, "Oh, honestly, everyone feels like that at first. You'll be absolutely fine."],
      ),
    );
    expect(coaching.moments.map((m) => m.quote)).toEqual([
      "It's more the chronic pain ones. And the people with, like, loads going on. I just... I don't know.",
    ]);
  });

  it("a story the manager goes on with is no say-back, whatever it ends on; a password on the way is no aside", () => {
    const { coaching } = coached(
      talk(
        ["Lee", "It's password resets and the printer on the third floor, mostly. Pretty sure I've done some of them in my sleep."],
        [MANAGER, "Ha. Listen, I did six years on the desk before I got this job. The printer on the third floor was there then too."],
        [MANAGER, "And look at me now. You get a thicker skin with it, you learn how the whole place works."],
        ["Lee", "Yeah. I guess."],
      ),
    );
    expect(coaching.kept).toEqual([]);
    expect(coaching.moments.map((m) => m.whatHappened)).toEqual([
      `You replied "Listen, I did six years on the desk before I…" without first saying back what they told you.`,
    ]);
  });

  it("shows nothing where the reply took it up, or where they only said yes", () => {
    const heard = coached(talk(mortgage, [MANAGER, "So money's tight at home right now, with Ade's hours cut. That's a lot to carry."]));
    expect(heard.coaching.moments).toEqual([]);
    const yes = coached(
      talk(
        [MANAGER, "Could you cover the Year 8 club on the fourteenth?"],
        ["Lee", "Okay, yeah, I can do it."],
        [MANAGER, "Thank you. You'll be fine with the bridge one."],
      ),
    );
    expect(yes.coaching.moments).toEqual([]);
    const thanks = coached(
      talk(["Lee", "Ha. OK. Thanks. That's been sat at the back of my head for weeks."], [MANAGER, "Right. And the cost report."]),
    );
    expect(thanks.coaching.moments).toEqual([]);
    // that they say or think, with nothing of what, is no point their words carry
    const insists = (said: string) => coached(talk(["Lee", said], [MANAGER, "You're too important here. Don't go."])).coaching.moments;
    expect(insists("Maybe. But I'm saying, I'm thinking.")).toEqual([]);
    expect(insists("Maybe. But I'm saying, I'm thinking about the hotel job.")).toHaveLength(1);
  });
});
