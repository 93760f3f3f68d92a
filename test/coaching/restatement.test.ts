import { describe, expect, it } from "vitest";
import { exchanges, isMinimal } from "../../src/coaching/exchanges.js";
import { pickMoments } from "../../src/coaching/moments.js";
import { judgeRestatement } from "../../src/coaching/restatement.js";
import { readSentence } from "../../src/coaching/speech-acts.js";
import type { Utterance } from "../../src/transcript/schema.js";

const worry = "I'm stretched pretty thin, the migration and on-call are both on me this weekend.";

describe("judgeRestatement", () => {
  it("reflective stems, simple and complex, wherever they open the point", () => {
    for (const reply of [
      "So what I'm hearing is you're carrying the migration and on-call alone. Is that right?",
      "Okay. It sounds like the weekend is too much for one person.",
      "So you're worried the migration lands on you.",
      "Part of you wants to help, and part of you is exhausted.",
      "On the one hand you want the release out, on the other you need a weekend off.",
    ]) {
      expect(judgeRestatement(worry, reply), reply).toMatchObject({ restates: true, act: "reflection" });
    }
    expect(judgeRestatement(worry, "So what I'm hearing is you're carrying it alone. Is that right?").checks).toBe(true);
  });

  it("a statement about them that takes up their words, also offered with a question mark", () => {
    const j = judgeRestatement(worry, "You've got the migration and the on-call on your plate this weekend?");
    expect(j.restates).toBe(true);
    expect(j.shared).toBeGreaterThanOrEqual(2);
  });

  it("judges each sentence: a reflection before a question still counts, and the quote is that sentence", () => {
    const j = judgeRestatement(worry, "Mm-hmm. So the migration and on-call both land on you. What would help?");
    expect(j.restates).toBe(true);
    expect(j.sentence).toBe("So the migration and on-call both land on you.");
  });

  it("never questions by form, advice, the listener's own news or an echo of nothing", () => {
    for (const reply of [
      "You should delegate the migration to Priya.",
      "Okay. What else is on your plate?",
      "Do you think the migration could move?",
      "So about how many hours are you on call this weekend?",
      "Right, but the soak tests will catch that.",
      "I'll move the migration to next week.",
      "It sounds like we have a plan then.",
      "Okay.",
      "You can sell the cases.",
      "Okay, my my idea is maybe that we split the work.",
      // a stem that says nothing back
      "Yeah, I hear you.",
      "I can imagine.",
    ]) {
      expect(judgeRestatement(worry, reply).restates, reply).toBe(false);
    }
  });

  it("after a bare 'No.', only a sentence framed as a say-back says theirs back", () => {
    const board = "The rate board. By the canteen. My name's been in red on it all week, and I've got the mortgage.";
    expect(judgeRestatement(board, "No. So what you're saying is your name's been in red on the rate board all week.").restates).toBe(true);
  });

  it("an offer, the manager's own plan, their own news or comfort says nothing back, whatever it shares", () => {
    const board = "The rate board. By the canteen. My name's been in red on it all week, and I've got the mortgage.";
    for (const reply of [
      "First thing, overtime. Saturday's going up for peak. You want any of it?",
      "What I'd rather do is, you do mornings with Dave. And you don't go near the rate board unless she's with you.",
      "So, for what it's worth, the rate board came out of the canteen budget.",
      "Don't worry about that board, nobody reads it.",
      "You'll be fine. You're honestly one of the best on the team.",
      "Right, so, about the mortgage.",
      // a reply that opens by saying no argues, whatever of theirs it repeats
      "No. Your name's been in red on the rate board all week, I know, and the mortgage is not the rate board's fault.",
      // once the listener closes the meeting, who does what is the recap, whatever of theirs it names
      "Okay, let's wrap. So you take the rate board to Dave, and I look at the mortgage letter.",
      // nor a well-wish, an instruction, or the arrangement once the listener says they will make a plan
      "You take care of yourself too, with the mortgage and the rate board.",
      "Plan your week around the rate board, and take the mortgage letter to Dave.",
      "Well, you have a think about the rate board and the mortgage.",
      "You want to move the mortgage where?",
      "No, no, you do it. We'll make a plan. Those days you come in early for the rate board, and you leave at four.",
      // nor, once the listener proposes, the proposal spelled out
      "So what if, for this one, you don't go near the rate board? I talk to Dave. You come if you want, but you're not the one with the mortgage on the board.",
    ])
      expect(judgeRestatement(board, reply).restates, reply).toBe(false);
    // the manager's own verdict, and a plain statement that answers what they asked
    expect(
      judgeRestatement(
        "Mandy read me the message. 'Danger to the children.'",
        "Mandy shouldn't have read you the whole message, to be honest.",
      ).restates,
    ).toBe(false);
    expect(
      judgeRestatement("Thirty-four, yeah. Thirty-five if she comes back.", "And your caseload's at thirty-four, which is good.").restates,
    ).toBe(false);
    const question = "Do product transfers count towards the lending target? Because I do a lot of those.";
    expect(judgeRestatement(question, "They count towards your number of cases, but not the lending target.").restates).toBe(false);
    expect(judgeRestatement(question, "So you're asking whether the product transfers count towards the target.").restates).toBe(true);
    // a yes or a no in their words answers a question, asked by word order or by the voice alone; a tag asks nothing
    expect(judgeRestatement("On my personal phone?", "Ha. Yes, on your personal phone.").restates).toBe(false);
    // a question word after a preposition, or a choice left open, asks as plainly as word order does
    expect(
      judgeRestatement("Yes, I can do it. On which time? During shift or?", "During shift, if you have a quiet moment.").restates,
    ).toBe(false);
    expect(judgeRestatement("Joseph Mollel? From outside?", "Yes, Joseph. He's very good.").restates).toBe(false);
    expect(
      judgeRestatement(
        "It's not sustainable, you know? The PAYE reviews on top.",
        "Yeah, no, the PAYE reviews, that was a lot to land on you.",
      ).restates,
    ).toBe(true);
    // praise in place of the fear, spelled out, says nothing back; a reflection after the comfort still does
    const scared = "Yes. It was, I was quite scared, to be honest. I made him a new card and he went up, and it's finished.";
    for (const reply of [
      "Well, you know what, you handled it absolutely brilliantly. You stayed calm, you got him sorted, he went off to bed.",
      "You're a star. Honestly, that's exactly what you're supposed to do.",
    ])
      expect(judgeRestatement(scared, reply).restates, reply).toBe(false);
    expect(judgeRestatement(scared, "You handled it brilliantly. It sounds like it really shook you, though.").restates).toBe(true);
    // the listener's verdict on what they did or plan
    const applying = "I'm going to apply for the lending role. I think I'd be good at sitting down with people.";
    expect(judgeRestatement(applying, "No, you'd be great at that. Honestly.").restates).toBe(false);
    expect(judgeRestatement(scared, "First of all, you did exactly the right thing.").restates).toBe(false);
    // the listener rating their option, with reasons of the listener's own
    const moving = "And if I'm four-fifths, I'd like to move closer. Maybe Halle, or Denderleeuw, because of the trains.";
    expect(judgeRestatement(moving, "Denderleeuw is good, you have the train, and it's not so expensive.").restates).toBe(false);
    expect(judgeRestatement(moving, "So you'd like to move closer, maybe Denderleeuw, because of the trains.").restates).toBe(true);
    // a wish offered for checking stays a restatement
    expect(
      judgeRestatement("I've been an ongoing problem with smoking and trying to quit.", "So, you'd like to give up those cigarettes?")
        .restates,
    ).toBe(true);
  });
});

describe("their words used against their point", () => {
  it("a word of theirs taken up only to say it is not so says nothing back", () => {
    const sambal = "But Chef, sambal actually better the next day what. My mother also cook it the day before.";
    expect(judgeRestatement(sambal, "Your mother is not cooking for four hundred covers.").restates).toBe(false);
    const givingOut = "I suppose I'm sort of giving out now. A bit.";
    const denied = "Ha, ah no, you're not giving out, sure you're just being conscientious. You care about getting it right.";
    expect(judgeRestatement(givingOut, denied).restates).toBe(false);
    // a promise that it will not be so denies it as well
    const sponsor = "Are you sure? I don't want to be the one who lost the sponsor.";
    expect(judgeRestatement(sponsor, "You won't lose anything, don't even think about that.").restates).toBe(false);
    const audit = "I won't finish the audit by Friday, there's too much.";
    expect(judgeRestatement(audit, "So you won't finish the audit by Friday.").restates).toBe(true);
    // their own negation said back, and a contrast that goes on in their words, still say it back
    expect(judgeRestatement("I don't want to quit, not yet.", "You don't want to quit yet.").restates).toBe(true);
    const drinking = "I drink to relax, that's all, I'm not out getting drunk.";
    expect(judgeRestatement(drinking, "You're not drinking to get drunk, you drink to relax.").restates).toBe(true);
    expect(judgeRestatement(sambal, "So your mother cooks it the day before and it tastes better.").restates).toBe(true);
  });

  it("their words as the reason for a ruling, or inside the listener's settled fix, say nothing back", () => {
    const seniors = "But I've had Methods for three years, I took this year's 11s through, and I was going to take them into 12.";
    expect(judgeRestatement(seniors, "And you've had the seniors three years, Dan. It has to be shared round.").restates).toBe(false);
    expect(judgeRestatement(seniors, "You've had Methods three years and you wanted to take them into 12.").restates).toBe(true);
    const classes = "The classes are Tuesday and Thursday at seven, so I would need to leave at like five thirty those days.";
    expect(judgeRestatement(classes, "Of course. You start earlier those days, eight instead of ten, and that's it.").restates).toBe(false);
    expect(judgeRestatement(classes, "So on Tuesdays and Thursdays you leave at five thirty, for the classes.").restates).toBe(true);
  });

  it("once the listener has settled it, what they are to do is the arrangement, not a say-back", () => {
    const racks = "It was at eight for more than an hour, and now chiller three is full and the Air France is eleven racks.";
    const stagger = "Okay. Okay, so we stagger it. The Air France pickup is at three, you start the cooking later.";
    expect(judgeRestatement(racks, stagger).restates).toBe(false);
    // without the listener settling anything, the same words say back what they do
    expect(judgeRestatement(racks, "So the Air France is eleven racks and chiller three is full.").restates).toBe(true);
    // after "no problem", what they feel is still theirs
    const leave = "I'd need to leave at five thirty on Tuesdays, and I feel bad asking.";
    expect(judgeRestatement(leave, "No problem. You feel bad asking, but it's only two days.").restates).toBe(true);
  });

  it("what follows 'what you do is' spells out the listener's plan; that they thought it through is not what they thought", () => {
    const order = "They cut the order from a full container to eight pallets, because of the price. I feel like it's my fault.";
    const plan = "Listen, what you do is, you call Marek. And you offer him the 2021 at the old price for the rest of the order.";
    expect(judgeRestatement(order, plan).restates).toBe(false);
    const trial = "I want to run a trial on the deep plots, but we need a boat and some of the women can't swim.";
    expect(judgeRestatement(trial, "It sounds like you've already thought this through quite a lot.").restates).toBe(false);
    expect(judgeRestatement(trial, "So you want to run a trial, but you're already seeing the obstacles.").restates).toBe(true);
  });
});

describe("readSentence", () => {
  it("tells questions by word order, not by the question mark", () => {
    expect(readSentence("so you're on call that weekend?").act).toBe("about-them");
    expect(readSentence("are you on call that weekend?").act).toBe("question");
    expect(readSentence("and so, in terms of readiness, where do you think you fall on the scale").act).toBe("question");
    expect(readSentence("acting out would be what?").act).toBe("question");
    expect(readSentence("okay, so, yeah, it sounds like you're tired").act).toBe("reflection");
    // the verb first, whatever its subject, and a question after a topic set in front of it
    expect(readSentence("has siobhán ever done a night?").act).toBe("question");
    expect(readSentence("has siobhán ever done a night").act).not.toBe("question");
    expect(readSentence("and the temperature logging, is that where the scan misses are coming from?").act).toBe("question");
  });

  it("the second half of the listener's own question says nothing back", () => {
    const said = "So the drivers are supposed to do the walk round on the app, but half of them just tick it.";
    expect(judgeRestatement(said, "Can you get them doing it properly? Like actually walking round the van?").restates).toBe(false);
    expect(judgeRestatement(said, "Can you get them doing it properly? So half of them just tick the walk round.").restates).toBe(true);
  });

  it("an echo asked in surprise, then the listener's verdict, says nothing back", () => {
    const said = "I'm going to sit all three modules in one sitting in March.";
    expect(judgeRestatement(said, "Three modules in one sitting? That's ambitious.").restates).toBe(false);
    expect(judgeRestatement(said, "Three modules in one sitting? Okay.").restates).toBe(true);
  });
});

describe("the conversation as the manager heard it", () => {
  const u = (id: string, speaker: string, startMs: number, text: string): Utterance => ({
    id,
    speaker,
    startMs,
    endMs: startMs + 2000,
    text,
  });
  const talk = [
    u("u1", "Bo", 0, "I'm worried the migration and the on-call both land on me this weekend."),
    u("u2", "Mo", 2500, "Mm-hmm."),
    u("u3", "Bo", 3000, "Yeah."),
    u("u4", "Mo", 5500, "Okay."),
    u("u5", "Mo", 8000, "So the migration and the on-call weekend are both on you."),
  ];

  it("judges a reply against their last substantive turn, across backchannels from either side", () => {
    const [x] = exchanges(talk, "Mo");
    expect(x!.said.map((s) => s.id)).toEqual(["u1"]);
    expect(x!.replies.map((r) => r.id)).toEqual(["u2", "u4", "u5"]);
    expect(isMinimal("Yeah, yeah.")).toBe(true);
    expect(isMinimal("Seven.")).toBe(false);
    // "So, yeah." trails off: it holds no turn, and the manager's say-back after it answers the turn before
    expect(isMinimal("So, yeah.")).toBe(true);
    expect(isMinimal("So he left.")).toBe(false);
  });

  it("their echo of how the manager's last words ended is no turn: what the manager says next answers theirs", () => {
    const echoed = [
      u("u1", "Bo", 0, "I have ninety-four hours on my account. I can't take them."),
      u("u2", "Mo", 2500, "Ninety-four."),
      u("u3", "Bo", 5000, "Ninety-four."),
      u("u4", "Mo", 7500, "And your point is there is no time to take them."),
    ];
    const [x, next] = exchanges(echoed, "Mo");
    expect(x!.replies.map((r) => r.id)).toEqual(["u2", "u4"]);
    expect(next).toBeUndefined();
    // a word of the manager's that does not end what they said, or an echo with words of their own, is a turn
    const maybe = [echoed[0]!, u("u2", "Mo", 2500, "Maybe Emmanuel can do the runs, we'll see."), u("u3", "Bo", 5000, "Maybe.")];
    expect(exchanges(maybe, "Mo").map((e) => e.said[0]!.id)).toEqual(["u1", "u3"]);
    const more = [echoed[0]!, echoed[1]!, u("u3", "Bo", 5000, "Ninety-four, and Samira seventy.")];
    expect(exchanges(more, "Mo").map((e) => e.said[0]!.id)).toEqual(["u1", "u3"]);
  });

  it("tells a backchannel from a turn whether or not the words need cleaning first", () => {
    expect(isMinimal("Mm-hmm. [laughter] Okay, right.")).toBe(true);
    expect(isMinimal("Yeah, yeah, yeah, yeah, yeah.")).toBe(true); // five acknowledgements, one once repeats go
    expect(isMinimal("Yeah, uh, I- I see.")).toBe(true);
    // an unclosed note hides only its first word: the rest is a turn
    expect(isMinimal("[inaudible yeah, I think we should move it")).toBe(false);
    expect(isMinimal("Yeah, 2019.")).toBe(false);
    expect(isMinimal("Okay, but why?")).toBe(false);
  });

  it("judges every utterance of the manager's turn, not only the first", () => {
    const pick = pickMoments(talk, "Mo");
    expect(pick.kept.map((k) => k.utteranceId)).toEqual(["u5"]);
    expect(pick.kept[0]!.takesUp).toBeGreaterThanOrEqual(2);
    expect(pick.candidates).toHaveLength(0);
  });

  it("a turn no reply restates is a candidate; a logistics aside is not", () => {
    const missed = pickMoments([talk[0]!, u("u9", "Mo", 2500, "Right, let's look at the release dates.")], "Mo");
    expect(missed.candidates.map((c) => c.kind)).toEqual(["missed-concern"]);
    const aside = pickMoments(
      [u("u1", "Bo", 0, "Do we go back to our room now or wait for the others to finish?"), u("u2", "Mo", 2500, "Let's wait.")],
      "Mo",
    );
    expect(aside.candidates).toHaveLength(0);
  });
});
