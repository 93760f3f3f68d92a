import { describe, expect, it } from "vitest";
import { heuristicCoaching } from "../../src/coaching/heuristic-coach.js";
import { heuristicMoment } from "../../src/coaching/suggest.js";
import { pickMoments } from "../../src/coaching/moments.js";
import { analyze } from "../../src/metrics/analyze.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { talk } from "../helpers/talk.js";

const MANAGER = "Sam";

const coached = (utterances: Utterance[]) => {
  const analysis = analyze({ utterances, manager: MANAGER });
  return { analysis, coaching: heuristicCoaching(pickMoments(utterances, MANAGER), analysis, MANAGER, 0) };
};

describe("the heart of a feeling, as the card quotes and writes it", () => {
  const moment = (said: string, reply: string) => coached(talk(["Bea", said], [MANAGER, reply], ["Bea", "Yeah."])).coaching.moments;
  // a proposal, a problem or a decision never reaches the rules' card (rules-judgement.ts); the moment a model's card
  // falls back to for it still quotes and words it by the same rules
  const pointMoment = (said: string, reply: string) => {
    const [candidate] = pickMoments(talk(["Bea", said], [MANAGER, reply], ["Bea", "Yeah."]), MANAGER).candidates;
    return candidate ? [heuristicMoment(candidate)] : [];
  };

  it("writes the feeling, not the clause beside it that leaves it out", () => {
    const [m] = moment("And I was alone, because Kamil was doing the round on the third floor.", "Right. The rota for December.");
    expect(m?.suggestion).toBe("It sounds like you were alone. Did I get that right?");
  });

  const WORRY_STARTER = /^So you're worried… \(their worry, in your own words\)/;
  // [how the worry is said, what they said, the reply, the quote the card gives]
  it.each([
    [
      "said bare to the manager by name, it points to the sentence after it",
      "The roof slab was poured, yes. But honestly, Salim, this is my worry. I don't think the twenty-eighth of August is realistic.",
      "Okay. Send me the revised programme by Thursday.",
      "I don't think the twenty-eighth of August is realistic.",
    ],
    [
      "bare with a hedge after it, it still points to what it is about",
      "And my contract renewal is in June. So... I'm a bit worried, honestly.",
      "Right. The Paris courier trip, then.",
      "And my contract renewal is in June.",
    ],
    [
      "bare with 'sir' after it, it still points to what it is about",
      "That's what I'm worried about, sir. Somebody is going to get hurt on the night shift.",
      "I'll tell you what. When I was young…",
      "Somebody is going to get hurt on the night shift.",
    ],
    [
      "pointing back for its cause, it is quoted with the sentence before it",
      "Well, the plan is to release before the holidays, because I have the whole July off. That's also why I'm worried about the date.",
      "Yes, summer, the whole country stops in July.",
      "Well, the plan is to release before the holidays, because I have the whole July off. That's also why I'm worried about the date.",
    ],
  ])("a worry %s, and the card gives the worry's starter", (_, said, reply, quote) => {
    const [m] = moment(said, reply);
    expect(m?.quote).toBe(quote);
    expect(m?.suggestion).toMatch(WORRY_STARTER);
  });

  it("a start given up for another is left out of what is written", () => {
    const [m] = moment(
      "And I was, honestly, I felt very bad. He was shouting at me in front of the guests.",
      "Lukla is always like that. Anyway.",
    );
    expect(m?.suggestion).toBe("It sounds like you felt very bad. Did I get that right?");
  });

  it("a short state that opens what weighs on them gives way to the feeling that says it", () => {
    const said =
      "Okay. And, I mean, I'm a bit tired, honestly. The last three weeks I've been working Fridays, and, I don't know, I feel like the data is all on me. If something is wrong, it's my name on it.";
    const [m] = moment(said, "Oh, Omar. No. You're doing amazing. Honestly, you're the backbone of this project. Everyone says it.");
    expect(m?.quote).toBe("The last three weeks I've been working Fridays, and, I don't know, I feel like the data is all on me.");
    // said on its own, the state is the heart
    const [alone] = moment(
      "And, I mean, I'm a bit tired, honestly. The rota is out on Friday.",
      "Oh, Omar. You're doing amazing. Everyone says it.",
    );
    expect(alone?.quote).toBe("And, I mean, I'm a bit tired, honestly.");
    // however far into a long turn, past a term of address, and with a hedge between "feel" and "like"
    const [far] = moment(
      "Yes. I'm tired, Chef. Since the cold room on Tuesday, I slept here two nights. And Saturday midnight for the audit. And my son, with the exams. I'm never at home. My mother is doing everything. Sometimes I feel, I don't know, like a bad mother.",
      "My daughter, when she was small, I was in Angola, twenty-eight days on.",
    );
    expect(far?.quote).toBe("Sometimes I feel, I don't know, like a bad mother.");
  });

  it("a short state gives way to what it is past 'not only', and to what keeps going round their head", () => {
    const [notOnly] = moment(
      "I am, honestly, I'm a bit tired. The last three weeks I did maybe sixty hours every week. And it's not only the hours, it's, I go home and I think about the kiln, I can't sleep so good.",
      "Oh, Tomasz. Ja, but that's December, it's like that for everybody. January is quiet, you'll get all the hours back, it's going to be so much better.",
    );
    // after the wave-away, "the hours" back is what it is not only, and "so much better" shares only "good" with "I
    // can't sleep so good": no sign of having heard it
    expect(notOnly?.quote).toBe("And it's not only the hours, it's, I go home and I think about the kiln, I can't sleep so good.");
    expect(notOnly?.suggestion).toMatch(/^So you feel… /);
    const [thinking] = moment(
      "Honestly, I'm tired. Since Tuesday I'm not sleeping good. I keep thinking, what if it was worse, what if he hit the door properly.",
      "It was a paint mark. The insurance will cover it.",
    );
    expect(thinking?.quote).toBe("I keep thinking, what if it was worse, what if he hit the door properly.");
  });

  it("a short state after a 'but' that says what wears them down is quoted with it", () => {
    const [m] = moment(
      "Yes, I think it's glasses. But also... it's the hours, don Ernesto. I'm tired. All of us painters, we are tired.",
      "Go to the optometrist. I'll pay for the glasses.",
    );
    expect(m?.quote).toBe("But also... it's the hours, don Ernesto. I'm tired.");
    expect(m?.suggestion).toMatch(/^So you feel… /);
  });

  it("a state needs nothing after it; a bare worry points to what it is about", () => {
    const [alone] = moment(
      "I am on the nights now for eight months. But I feel a bit alone, I think. I don't see nobody from the team.",
      "Aw, you're not alone, don't be daft!",
    );
    expect(alone?.quote).toBe("But I feel a bit alone, I think.");
    const [gutted] = moment("I mean, I'm a bit gutted. I coached some of those boys when they were under-thirteens.", "Right, PCT stuff.");
    expect(gutted?.suggestion).toBe("It sounds like you're a bit gutted. Did I get that right?");
    const [worry] = moment(
      "And the third thing, this is the one I'm worried about, actually. The repossessions.",
      "Yes, that's the one HQ is pushing. Any account ninety days past due gets collected.",
    );
    // the few words that say what are quoted with it, and only the starter is written: "this is the one you're
    // worried about" said back would drop what
    expect(worry?.quote).toBe("And the third thing, this is the one I'm worried about, actually. The repossessions.");
    expect(worry?.suggestion).toMatch(/^So you're worried… \(their worry, in your own words\)/);
  });

  it("no moment where the reply asked after them, however few its words ('You OK?')", () => {
    const said = "Last Tuesday the truck broke down at night, and I was alone with the cherry, about eight hundred kilo.";
    const card = (reply: string) =>
      coached(talk(["Bea", said], [MANAGER, reply], ["Bea", "I'm OK. He came after two hours."], [MANAGER, "OK. Mechanic fixed it?"]))
        .coaching.moments;
    for (const reply of ["Oh. You OK?", "You alright?"]) expect(card(reply)).toEqual([]);
    expect(card("Oh. The Isuzu again.")).toHaveLength(1);
  });

  it("a bare feeling followed only by dwelling on 'it' is quoted with what came before", () => {
    const [m] = moment(
      "No, no acta. It's not a problem of Karen. It's me. I feel very bad. I have been thinking about it all the weekend. I never yelled like that.",
      "Okay. Then, talk to her? Just talk to her.",
    );
    expect(m?.quote).toBe("It's me. I feel very bad.");
    // what comes after says what it is about: it is quoted
    const [after] = moment(
      "It's me. I feel very bad. I yelled at Karen in front of everybody on Thursday.",
      "Okay. Then, talk to her? Just talk to her.",
    );
    expect(after?.quote).toBe("I yelled at Karen in front of everybody on Thursday.");
  });

  it("a bare feeling that closes the turn is quoted with what it closes", () => {
    const [m] = moment(
      "We tell him, sorry, come back Tuesday. Last week one uncle came three times. Three times from Al Safa, with his son driving him. I felt so bad.",
      "The circular is clear. Priority for diabetic patients with a documented diagnosis.",
    );
    expect(m?.quote).toBe("Three times from Al Safa, with his son driving him. I felt so bad.");
  });

  it("a bare worry points to the worry said after it, and is quoted with a reason that goes on from it", () => {
    const cases: [string, string, string][] = [
      [
        "That's, um, that's my worry actually. If a junior gets a quote from Midrand for seventy-nine thousand, they'll just approve it.",
        "Sipho, you worry too much! The juniors are good, you trained half of them yourself.",
        "If a junior gets a quote from Midrand for seventy-nine thousand, they'll just approve it.",
      ],
      [
        "I wasn't rude, I only told him I couldn't reverse the charge myself. Anyway. I'm a bit worried about it. Because of the appraisal coming.",
        "Kelvin, listen to me. I've been in this bank nineteen years.",
        "I'm a bit worried about it. Because of the appraisal coming.",
      ],
      // "It's," started again before the worry is no content of it
      [
        "Two weeks ago Olesja cut her hand. It's, honestly, I am worried. If the inspection comes, they will close the whole kitchen.",
        "My first boss, he lost half a finger on a slicer.",
        "If the inspection comes, they will close the whole kitchen.",
      ],
    ];
    for (const [said, reply, quote] of cases) {
      const [m] = moment(said, reply);
      expect(m?.quote).toBe(quote);
      expect(m?.suggestion).toMatch(/^So you're worried… \(their worry, in your own words\)/);
    }
  });

  it("a feeling said with 'also' is as bare as without; 'honestly' after 'I'm' is not said back", () => {
    const [also] = moment(
      "The crew was surrounded on Wednesday and they do not want to go back. And, honestly, I am also worried.",
      "Hmm. Were the police notified?",
    );
    expect(also?.quote).toBe("The crew was surrounded on Wednesday and they do not want to go back.");
    expect(also?.suggestion).toMatch(/^So you're worried… \(their worry, in your own words\)/);
    const [tired] = moment("And I'm, I'm honestly a bit tired.", "Honestly, you've been incredible since Pieter left.");
    expect(tired?.suggestion).toBe("It sounds like you're a bit tired. Did I get that right?");
  });

  it("what they grant with a 'but' after it is quoted with it, and said back in the manager's words", () => {
    const [wish] = pointMoment(
      "I'd rather Wednesday, because that's Tama's half day at kindy. But Monday's okay.",
      "Okay, let me pull up the roster actually, hang on.",
    );
    expect(wish?.quote).toBe("I'd rather Wednesday, because that's Tama's half day at kindy. But Monday's okay.");
    expect(wish?.suggestion).toMatch(/\(their point, in your own words\)/);
    // the feeling with what they grant after it: the plain starter, not one for the feeling alone
    const [too] = moment(
      "Yeah, that's my worry too, honestly. But I've already had coffee with two contacts.",
      "Wait, the Friday pipeline.",
    );
    expect(too?.suggestion).toMatch(/^So you're saying… \(their point, in your own words\)/);
    const [rather] = pointMoment(
      "I'd rather Wednesday, because that's Tama's half day at kindy.",
      "Okay, let me pull up the roster actually, hang on.",
    );
    expect(rather?.suggestion).toBe("It sounds like you'd rather Wednesday. Did I get that right?");
  });

  it("a feeling that trails off unfinished is quoted with the sentence that says it in full", () => {
    const [restart] = moment(
      "And I was off that day. I feel like I should've, I don't know. I should've caught it on the arrivals list.",
      "Ah, you can't be catching everything. Listen, when I was in Kenmare we'd a wedding party double-booked.",
    );
    expect(restart?.quote).toBe("I feel like I should've, I don't know. I should've caught it on the arrivals list.");
    expect(restart?.suggestion).toMatch(/^So you feel… \(what they said, in your own words\)/);
    const [so] = moment("It's just, I feel like I'm doing it anyway, so, you know. Might as well have it on paper.", "Right. The rota.");
    expect(so?.quote).toBe("It's just, I feel like I'm doing it anyway, so, you know. Might as well have it on paper.");
    // a feeling said in full keeps its own sentence
    const [whole] = moment("I feel like I'm doing it all anyway. Might as well have it on paper.", "Right. The rota.");
    expect(whole?.quote).toBe("I feel like I'm doing it all anyway.");
  });

  it("the state they sum it up in, not the example after 'Like.', and not the name they called the manager", () => {
    const gavin = "Gavin Pryor";
    const utterances = talk(
      ["Jess", "I'm just pretty stretched, Gav. Like. I'm not sleeping much."],
      [gavin, "Yeah. How long's the ad been up?"],
    );
    const analysis = analyze({ utterances, manager: gavin });
    const [m] = heuristicCoaching(pickMoments(utterances, gavin), analysis, gavin, 0).moments;
    expect(m?.quote).toBe("I'm just pretty stretched, Gav.");
    // their "just", said back, would play it down
    expect(m?.suggestion).toBe("It sounds like you're pretty stretched. Did I get that right?");
    const [nightmare] = moment(
      "It's, honestly, it's been a nightmare. The night audit's failed twice, and Ronan had to ring the helpdesk at four.",
      "Sure, I remember when we went on to Fidelio in the Clarion. Same thing.",
    );
    expect(nightmare?.quote).toBe("It's, honestly, it's been a nightmare.");
  });

  it("quotes the sentence that raises their point, not the fullest one beside it", () => {
    const [wish] = pointMoment(
      "No, no, I like the account. I like the work, the harvest stuff actually looks amazing. I just want it to be properly scoped.",
      "Okay. Anyway, the other thing I wanted to catch you on is the Monday status call.",
    );
    expect(wish?.quote).toBe("I just want it to be properly scoped.");
  });

  it("a sentence that only announces the point is quoted with the one that makes it", () => {
    const fleet = [
      "Actually on fleet, sorry, this is the bigger problem for me. We don't have enough cars in the small category for August.",
      "Okay. Anyway, the other thing I wanted to catch you on is the Monday status call.",
    ] as const;
    expect(moment(...fleet)).toEqual([]);
    const [m] = pointMoment(...fleet);
    expect(m?.quote).toBe(
      "Actually on fleet, sorry, this is the bigger problem for me. We don't have enough cars in the small category for August.",
    );
    expect(m?.suggestion).toBe("So you're saying… (their point, in your own words). Did I get that right?");
  });

  it("'This is difficult.' points to what is: that is quoted", () => {
    const [m] = moment(
      "Then... yes. This is difficult. Then maybe we say to the agency, no, not five starters in one week.",
      "Okay, and sorry, back to Tuesday for a second.",
    );
    expect(m?.quote).toBe("Then maybe we say to the agency, no, not five starters in one week.");
  });

  it("praise in place of hearing a fear leaves the moment, and its line quotes the praise", () => {
    const [m] = moment(
      "Yes. It was, I was quite scared, to be honest. I made him a new card and he went up.",
      "Well, you know what, you handled it absolutely brilliantly. You stayed calm, you got him sorted, he went off to bed.",
    );
    expect(m?.suggestion).toBe("It sounds like you were quite scared. Did I get that right?");
    expect(m?.whatHappened).toMatch(/^You replied "Well, you know what, you handled it/);
  });
});
