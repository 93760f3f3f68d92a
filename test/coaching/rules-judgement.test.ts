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
const candidate = (reply: string | null, trigger = said): Candidate => ({
  id: "m1",
  kind: "missed-concern",
  speaker: "Sam",
  trigger: [trigger],
  turn: [trigger],
  reply: reply === null ? null : { id: "u3", speaker: "Dana", startMs: 18_500, endMs: 22_000, text: reply },
  replies: reply === null ? [] : [{ id: "u3", speaker: "Dana", startMs: 18_500, endMs: 22_000, text: reply }],
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

/** Whether the rules show the moment where `text` says a feeling and the manager replied `reply`. */
const shownAfterFeeling =
  (text: string) =>
  (reply: string): boolean =>
    rulesShow({ ...candidate(reply, { ...said, text }), raised: "feeling" }, []);

describe("the rules' verdict before their card shows a moment", () => {
  it("shows a moment where the reply moved on without a sign of having heard it", () => {
    expect(rulesShow(candidate("Okay, let's move on to the budget, we have a lot to cover."), [])).toBe(true);
    expect(rulesShow(candidate("I see. Let's move on to the budget."), [])).toBe(true);
    expect(rulesShow(candidate(null), [])).toBe(true);
  });

  it("a 'so' that turns to the manager's own agenda is moving on, not summing up", () => {
    for (const reply of [
      "Okay. So, the budget, which is the part I really wanted to get to today.",
      "So let's look at the budget next.",
      "So, moving on, the hiring plan.",
    ])
      expect(rulesShow(candidate(reply), []), reply).toBe(true);
    // nor is one that turns to a topic of theirs, or to a story of the manager's own
    for (const reply of [
      "So, on the budget, the main thing is the travel line.",
      "So, um, a thing that really helped me when I was at my last job was time-blocking.",
    ])
      expect(rulesShow(candidate(reply), []), reply).toBe(true);
    // a summing-up in other words still counts as having heard it, and so does one in their words that then moves on
    expect(rulesShow(candidate("So having someone else on the pager would make a big difference."), [])).toBe(false);
    expect(rulesShow(candidate("So the release may slip, let's move on to the budget."), [])).toBe(false);
  });

  it("a few words of theirs from beside the feeling, then the manager's own story, is no sign of having heard it", () => {
    const turn = { ...said, text: "Race week is the busiest of the year. I'm worried about the desk, to be honest." };
    const story = "Race Week. God. D'you know, my first Race Week I was twenty. I was on the door of the Great Southern.";
    expect(rulesShow(candidate(story, turn), [])).toBe(true);
    // their words said back alone, or words of the feeling itself, still are
    expect(rulesShow(candidate("Race week, yes.", turn), [])).toBe(false);
    expect(rulesShow(candidate("The desk. Right. Who's on the desk that week?", turn), [])).toBe(false);
  });

  it("a kept say-back that praises them in their words does not hear it; one that says their worry back does", () => {
    const worry = { ...said, text: "That's my worry actually. A junior will just approve a quote from Midrand." };
    const kept = (quote: string): KeptRestatement[] => [{ ...keptAt(18_500), quote }];
    const reply = "Sipho, you worry too much! The juniors are good, you trained half of them yourself.";
    expect(rulesShow(candidate(reply, worry), kept("You've done such a good job with the juniors, they'll be fine."))).toBe(true);
    expect(
      rulesShow(candidate(reply, worry), [
        { ...keptAt(18_500), quote: "So you're worried a junior will just approve the Midrand quote.", takesUp: 4 },
      ]),
    ).toBe(false);
  });

  it("leaves it off when the reply echoes their words", () => {
    expect(rulesShow(candidate("The release, yes. Let's look at the budget."), [])).toBe(false);
  });

  it("that the listener knows of the matter already is no sign of having heard the worry", () => {
    expect(rulesShow(candidate("Closer to forty. Look, I know about the release."), [])).toBe(true);
    expect(rulesShow(candidate("I'm well aware of the release."), [])).toBe(true);
    expect(rulesShow(candidate("I know, the release slipping on your on-call weekend would be rough."), [])).toBe(false);
  });

  it("leaves it off when the reply acknowledges the point or shares the feeling", () => {
    for (const reply of ["That's a fair worry. Let's look at the plan.", "I'm worried about that too.", "I understand.", "Makes sense."])
      expect(rulesShow(candidate(reply), []), reply).toBe(false);
  });

  it("a bare acknowledgement followed by the manager's own next step is moving on", () => {
    for (const reply of [
      "I understand. Let's go on.",
      "Yeah, I hear you. So on the audit list, the main thing is the additions schedule.",
      "Of course. Rohan wants the schedule reconciled before the auditors arrive.",
    ])
      expect(rulesShow(candidate(reply), []), reply).toBe(true);
  });

  it("reads past an 'All right.' to the reply's first two sentences of substance", () => {
    expect(rulesShow(candidate("All right. Well, let's look at the budget first. The release can move a week if it has to."), [])).toBe(
      false,
    );
  });

  it("advice in their own words is no sign of having heard the feeling", () => {
    expect(rulesShow(candidate("You should ask for a release manager for that weekend."), [])).toBe(true);
    expect(rulesShow(candidate("Look, my advice is don't take the weekend on call."), [])).toBe(true);
    // nor is a condition that is not theirs
    expect(rulesShow(candidate("If we have time later, can we look at the budget?"), [])).toBe(true);
  });

  it("a statement closed by a tag that asks them to confirm it is a check of what they said", () => {
    expect(rulesShow(candidate("That was the, the third time this month, wasn't it?"), [])).toBe(false);
    expect(rulesShow(candidate("That was the third time this month."), [])).toBe(true);
  });

  it("comfort that waves the feeling away is no sign of having heard it, even in their words", () => {
    for (const reply of [
      "Don't worry, nobody does. You'll be great, honestly.",
      "Oh, don't worry about the release, honestly. Seriously, put that out of your head.",
    ])
      expect(rulesShow(candidate(reply), []), reply).toBe(true);
  });

  it("leaves it off when the reply argues with it, offers something, or turns to the feeling", () => {
    for (const reply of [
      "I think you're wrong. The release is fine.",
      "No, we have cover for that.",
      // an argument that concedes a word first still argues ("Right, but…")
      "Right, but the soak tests will catch that.",
      "Sure, but we can always roll back.",
      "Don't worry, Alex can take the pager.",
      "Okay. That must feel like a lot right now.",
      "So, having someone else on the pager would make a big difference.",
      "There's a lot landing on your plate at once.",
      "The release will slip and you have to carry that weekend on your own.",
      // a question that takes their case as its premise explores it
      "And if it does slip, what would that weekend look like for you?",
    ])
      expect(rulesShow(candidate(reply), []), reply).toBe(false);
  });

  it("shows only what they said they feel: a proposal, a problem in the work or a denied feeling is left to a model", () => {
    const moveOn = "Okay, let's move on to the budget, we have a lot to cover.";
    for (const text of [
      "I think we should move the release to Friday and cut the export feature.",
      "The build has a problem with the cache on the second run.",
      "I'm not worried about the release at all, it will be fine.",
      "If you feel that's worth it, then it sounds like it's worth doing.",
    ])
      expect(rulesShow(candidate(moveOn, { ...said, text }), []), text).toBe(false);
    for (const text of [
      "I feel like I'm letting the team down with these delays.",
      "It's been really hard for me since the reorg, I don't know where I stand.",
      "I don't know, I'm kind of sad about how the review went.",
    ])
      expect(rulesShow(candidate(moveOn, { ...said, text }), []), text).toBe(true);
  });

  it("shows a problem or a proposal only where the reply says in so many words that it leaves it", () => {
    const problem = { ...said, text: "I don't think I could do bank shifts on top, because of childcare on Saturdays." };
    for (const reply of [
      "No, course. Anyway, the other thing I wanted to catch you on, the falls audit.",
      "Yeah, no, I hear you. Um, actually, while I've got you, the upsell numbers for October are in.",
      "Hang on, sorry, this is the client, I have to take this.",
    ])
      expect(rulesShow(candidate(reply, problem), []), reply).toBe(true);
    for (const reply of [
      "No, course. We can look at weekday bank shifts instead.",
      "Okay. Let's look at the falls audit, it's due Friday.",
      "Anyway, that's fine, weekdays work just as well.",
    ])
      expect(rulesShow(candidate(reply, problem), []), reply).toBe(false);
  });

  it("shows a point their words do not name where the reply tells the manager's own story, jokes or comforts it away", () => {
    const unnamed = { ...said, text: "I thought the way the postmortem got written up was kind of unfair to me." };
    for (const reply of [
      "Oh, I know. Ugh. I had exactly that happen to me at my last place.",
      "Ha, welcome to the trade. None of us get a fair write-up.",
      "Honestly, don't take it personally, nobody reads those.",
    ])
      expect(rulesShow({ ...candidate(reply, unnamed), raised: "implied" }, []), reply).toBe(true);
    // comfort that goes on to what to do about it answers it
    const budget = { ...said, text: "Finance is asking me for the numbers, and I don't have the final rate from the line." };
    const shown = (reply: string): boolean => rulesShow({ ...candidate(reply, budget), raised: "implied" }, []);
    expect(shown("Ah, that one. Don't worry, tell Finance it's an estimate, they always know.")).toBe(false);
    expect(shown("Ah, don't worry, Finance always asks, nobody reads those numbers.")).toBe(true);
  });

  it("never shows a problem, a proposal, a disagreement or a decision, however plainly the reply leaves it", () => {
    const decision = { ...said, text: "I'm not going to announce anything about the committee. I'm telling you." };
    for (const raised of ["problem", "proposal", "disagreement", "decision"] as const) {
      expect(
        rulesShow({ ...candidate("Oh, I know. I had exactly that happen to me at my last place.", decision), raised }, []),
        raised,
      ).toBe(false);
      expect(rulesShow({ ...candidate("Right, anything else?", decision), raised }, []), raised).toBe(false);
    }
    expect(rulesShow({ ...candidate("Right, anything else?", decision), raised: "implied" }, [])).toBe(true);
  });

  it("the listener excusing what they are doing is no reply: what follows it is", () => {
    const shown = shownAfterFeeling("And honestly I'm worried, because the pallets are still the old ones, the low ones.");
    expect(shown("Mm. Okay. Sorry, sorry, I'm typing. Flooding, yes. Can you, uh, can you ask GA? General affairs, for the pallets.")).toBe(
      false,
    );
    expect(shown("Sorry, I'm on the other call. Anyway, the CEO visit next month.")).toBe(true);
  });

  it("a call for attention is no reply, and an undertaking in their words acts on it however far into the reply", () => {
    const shown = shownAfterFeeling("And my contract renewal is in June. So... I'm a bit worried, honestly.");
    const promise =
      "Okay. Listen to me. Listen. I can't tell you details, because nothing is final. But you're not going anywhere. I will personally make sure your renewal is done early.";
    expect(shown(promise)).toBe(false);
    expect(shown("Okay. Listen to me. Listen. Nothing is final, even I don't know everything. You'll be fine.")).toBe(true);
    // past the call for attention, the reply opens with its answer
    expect(shown("Listen to me. No, nobody is touching the contracts.")).toBe(false);
  });

  it("a promise in their words of how a worry turns out argues with it, however far into the reply", () => {
    const shown = shownAfterFeeling("My worry is that the penalties are not small anymore, and it's the patente that is at risk.");
    expect(shown("No, no, don't worry about that. Garza has done this thirty years. Nothing is going to happen to the patente.")).toBe(
      false,
    );
    expect(shown("No, no, don't worry about that. Garza has done this thirty years. Nothing is going to happen, trust me.")).toBe(true);
  });

  // [what the reply does, what they said, a reply that takes it up, one that does not]
  it.each([
    [
      "a question at once about what a bare worry is asks about it",
      "But honestly, Salim, this is my worry. I don't think August is realistic. They show the same productivity as in January.",
      "What productivity are they assuming? For the blockwork, for example?",
      "What time is the site meeting tomorrow? I need to leave early.",
    ],
    [
      "a question at once about what a worry points back to asks about it",
      "Yes, the dwell time changed in the new recipe. That's why I'm a bit worried, honestly.",
      "Did you check the dwell time on the records from Tuesday?",
      "What time is the site meeting tomorrow? I need to leave early.",
    ],
    [
      "a question about who or when points back at what they said",
      "And, um, I was a bit nervous about saying it, honestly. Last year somebody made a comment about part-timers.",
      "Who said that?",
      "Who's on the rota this weekend?",
    ],
    [
      "a short question for more of what they said asks about it",
      "And I am afraid that if we don't do something for the youth, the next time it will not be only sitting. I am hearing things.",
      "What kind of things?",
      "What kind of truck is it?",
    ],
    ["an acknowledgement after a no is one", "I'm very tired, honestly.", "No, I understand.", "Okay. The rota is out on Friday."],
    [
      "an undertaking to show someone their side acts on it",
      "Please tell the GM the leaf side also. Honestly I'm not sleeping properly these days.",
      "I'll show him the refuse numbers and the fine-leaf numbers.",
      "The GM wants the refuse numbers by Friday.",
    ],
  ])("%s", (_, feeling, takesItUp, leavesIt) => {
    expect(shownAfterFeeling(feeling)(takesItUp)).toBe(false);
    expect(shownAfterFeeling(feeling)(leavesIt)).toBe(true);
  });

  it("their yes to the manager, worried for the same reason, raises nothing new", () => {
    expect(shownAfterFeeling("I know. That's why I'm worried. Also about the guests on Tuesday.")("The elephant thing.")).toBe(false);
    expect(shownAfterFeeling("I know. I'm worried about the guests on Tuesday.")("Right. The fuel log for this week.")).toBe(true);
    // said on its own, after the manager's story, it is the manager's worry too
    expect(shownAfterFeeling("That's why I'm, I'm worried, dai.")("Yes. Pay today. Even with thirty percent.")).toBe(false);
    expect(shownAfterFeeling("I'm worried about the porters, dai.")("Right. The fuel log for this week.")).toBe(true);
  });

  it("what they asked for, granted in their words, is taken up", () => {
    const counter = { ...said, text: "Eh... put four. Six, I can't train them all with the time I have." };
    const shown = (reply: string): boolean => rulesShow({ ...candidate(reply, counter), raised: "implied" }, []);
    expect(shown("Okay, four. Next slide. PAR thirty, Western is at nineteen percent.")).toBe(false);
    expect(shown("Okay, noted. Next slide. PAR thirty, Western is at nineteen percent.")).toBe(true);
  });

  it("their news taken in, in their words, hears it", () => {
    const shown = shownAfterFeeling("I'm a bit worried about them. Two of them told me the heating on the top floor doesn't work.");
    expect(shown("Okay. That, I didn't know about the heating. When did they tell you?")).toBe(false);
    // not without their words, and not a denial of the listener's own
    expect(shown("Okay. I didn't know that. Anyway, the rota for next week.")).toBe(true);
    expect(shown("Okay. I didn't do anything to the heating. What's next on the list?")).toBe(true);
    // news of them, in any words: "realised", not only "realise"
    expect(shown("I hadn't realised it was still bothering you. What happened after?")).toBe(false);
    expect(shown("I hadn't realised the rota was out. Anyway, the audit.")).toBe(true);
  });

  it("a question about what they said, or acting on it, takes it up", () => {
    const tired = { ...said, text: "I'm not sleeping great though, if I'm honest." };
    expect(rulesShow(candidate("OK. How long's that been going on?", tired), [])).toBe(false);
    expect(
      rulesShow(candidate("That one doesn't wait. Send me the reference and I'll escalate it to Pete myself, today.", tired), []),
    ).toBe(false);
    expect(rulesShow(candidate("Every week?", tired), [])).toBe(false);
    // an argument with it takes it up, however it opens
    expect(rulesShow(candidate("I get that. And I don't fully agree, the rota has to cover Sundays.", tired), [])).toBe(false);
    expect(rulesShow(candidate("Of course. Go on.", tired), [])).toBe(false);
    expect(rulesShow(candidate("Okay and what did you do about it? How did you hide it?", tired), [])).toBe(false);
    expect(rulesShow(candidate("OK. How long until the audit, do you know?", tired), [])).toBe(true);
    // how much of it they live: "How many hours are you working?"; not the numbers of something else
    expect(rulesShow(candidate("How many hours are you actually working per day?", tired), [])).toBe(false);
    expect(rulesShow(candidate("How many cases did the night team close, do you know?", tired), [])).toBe(true);
    // behind strain, how much work there is
    const strained = { ...said, text: "I, I'm okay, but, um, I'm quite tired, to be honest." };
    expect(rulesShow(candidate("How many duty managers we have now on the rota?", strained), [])).toBe(false);
    expect(rulesShow(candidate("How long's the ad been up?", strained), [])).toBe(true);
    // how much is at stake, asked at once in a few words
    const destroy = { ...said, text: "I'm worried about the stock. If they say destroy, that's the biggest part of the value." };
    expect(rulesShow(candidate("How many doses?", destroy), [])).toBe(false);
    expect(rulesShow(candidate("How many doses did the Musanze site order this month, do you know?", destroy), [])).toBe(true);
    expect(rulesShow(candidate("Right. The audit comes first this week, I need it by Friday.", tired), [])).toBe(true);
  });

  it("a point left for a phone call is no moment when the manager comes back to it within the minute", () => {
    const problem = { ...said, text: "But I was off three weeks with my knee, and I've only been back two weeks." };
    const phone = { ...candidate("Sorry, hang on, that's the radio.", problem), raised: "implied" as const };
    expect(rulesShow(phone, [])).toBe(true);
    const later = (text: string) => [{ id: "u6", speaker: "Dana", startMs: 40_000, endMs: 44_000, text }];
    expect(rulesShow({ ...phone, later: later("So tell me how the knee actually is now, day to day.") }, [])).toBe(false);
    expect(rulesShow({ ...phone, later: later("So, the overtime on Saturday, do you want any of it?") }, [])).toBe(true);
  });

  it("leaves it off when the manager says those words back within the next minute, not later or other words", () => {
    const moveOn = candidate("Okay, let's move on to the budget, we have a lot to cover.");
    expect(rulesShow(moveOn, [keptAt(40_000)])).toBe(false);
    expect(rulesShow(moveOn, [keptAt(120_000)])).toBe(true);
    expect(rulesShow(moveOn, [keptAt(40_000, "u4")])).toBe(true);
  });

  it("an echo of a word beside the feeling does not hear it; a say-back of the feeling does", () => {
    const baby = { ...said, text: "It's a bit hard since the baby, I don't sleep a lot in the day. But it's okay." };
    const asksAge = { ...candidate("Ah, the baby. How old is she now?", baby), raised: "feeling" as const };
    expect(rulesShow(asksAge, [{ ...keptAt(18_500), quote: "Ah, the baby." }])).toBe(true);
    expect(rulesShow(asksAge, [{ ...keptAt(18_500), quote: "So it's been hard since the baby came.", takesUp: 2 }])).toBe(false);
  });

  it("a question of how far it reaches takes it up", () => {
    const shown = shownAfterFeeling("That's what I'm worried about. Because maybe a few of the samples those days were off.");
    expect(shown("How many samples would it affect, do you think?")).toBe(false);
    expect(shown("How many samples do we run on a Tuesday?")).toBe(true);
  });

  it("a question of fact beside the feeling does not take it up, whatever word it shares", () => {
    const shown = shownAfterFeeling("And I'm starting to think, maybe I'm not cut out for a class like this. I don't know.");
    expect(shown("Mm. How many in your class this year? Twenty-nine?")).toBe(true);
    expect(shown("Mm. What is it about this class that gets to you?")).toBe(false);
  });

  it("pleasure at it, past their name, or a short question for the grounds of it, hears it", () => {
    const shown = shownAfterFeeling("I'd like to do the ILM course, because honestly I'm out of my depth with the team leader stuff.");
    expect(shown("Oh, Imran, that's great. I'm really pleased you've asked.")).toBe(false);
    expect(shown("Oh, Imran, you'll be fine.")).toBe(true);
    const scoped = shownAfterFeeling("I'm a bit frustrated with how this one was scoped, we'll cover forty percent at most.");
    expect(scoped("Forty percent. Based on what?")).toBe(false);
    expect(scoped("Right. Did you book the flights?")).toBe(true);
  });

  it("'Go on.' and a word about their feeling in other words hear it, however short", () => {
    const shown = shownAfterFeeling("I didn't sleep great Thursday. I'm alright now. I'm more angry than anything.");
    expect(shown("Go on.")).toBe(false);
    expect(shown("Fair enough. Angry's healthy. Angry's better than numb, in this place.")).toBe(false);
    expect(shown("Fair enough. The rota for December is out.")).toBe(true);
  });

  it("a few of their words asked back, or what they did about it, hears it", () => {
    const shown = shownAfterFeeling("I'm honestly a little bit frustrated with the laundry, they were late two times last week.");
    expect(shown("Late two times?")).toBe(false);
    expect(shown("Hmm. Did you talk to them?")).toBe(false);
    expect(shown("Hmm. Is the minibus booked?")).toBe(true);
  });

  it("their words echoed back, or 'That's too much', hears it", () => {
    const shown = shownAfterFeeling("It means I'm doing like fifty-two hours a week. Since Christmas. And I'm a little bit tired.");
    expect(shown("Okay, Giulia. Fifty-two hours since Christmas.")).toBe(false);
    expect(shown("Okay, Giulia. That's too much.")).toBe(false);
    expect(shown("Okay, Giulia. Fashion Week is on the twenty-sixth.")).toBe(true);
  });

  it("granting the point ('Fair.') or feeling for it ('That sounds horrible') takes it up; a bare sorry is judged by what follows", () => {
    const lonely = { ...said, text: "It's a bit difficult when it's ten people and I'm the only one." };
    expect(rulesShow(candidate("Yes, okay. Fair. Then I'll say it at the start of the meetings.", lonely), [])).toBe(false);
    const alone = { ...said, text: "And I was alone, because Kamil was doing the round on the third floor. I was so scared." };
    expect(rulesShow(candidate("Oh, Bea. Oh no. That sounds horrible.", alone), [])).toBe(false);
    expect(rulesShow(candidate("Oh, Bea. I'm so sorry.", alone), [])).toBe(false);
    expect(rulesShow(candidate("Oh, Bea. I'm so sorry. That sounds really frightening.", alone), [])).toBe(false);
    expect(rulesShow(candidate("Oh, Bea. I'm sorry. My dad had a stent put in last year and I was a mess.", alone), [])).toBe(true);
  });

  it("praise spelled out after comfort is no sign of having heard a fear", () => {
    const scared = { ...said, text: "I was quite scared, to be honest. But after, I was shaking, like, for one hour." };
    expect(
      rulesShow(
        candidate(
          "Well, you know what, you handled it absolutely brilliantly. You stayed calm, you got him sorted, he went off to bed.",
          scared,
        ),
        [],
      ),
    ).toBe(true);
    // a sentence about them that takes up their words after the comfort still says it back
    expect(rulesShow(candidate("You handled it brilliantly. You were quite scared in the moment, though.", scared), [])).toBe(false);
  });

  it("a short question asking them to say more, or what they want to do, takes it up; 'Anything else?' moves on", () => {
    const tired = { ...said, text: "I'm not sleeping great though, if I'm honest." };
    expect(rulesShow(candidate("What's the difference?", tired), [])).toBe(false);
    expect(rulesShow(candidate("So what do you want to do?", tired), [])).toBe(false);
    expect(rulesShow(candidate("So what you thinking?", tired), [])).toBe(false);
    expect(rulesShow(candidate("So what are you thinking of doing?", tired), [])).toBe(false);
    expect(rulesShow(candidate("Hmm. Would it help if I came too?", tired), [])).toBe(false);
    expect(rulesShow(candidate("Okay. Anything else?", tired), [])).toBe(true);
  });

  it("a worry about the manager's own answer, answered 'No! Never.', or over and thanked for, is no moment", () => {
    const worried = { ...said, text: "I was actually worried you'd say no. With everything." };
    expect(rulesShow(candidate("No! Never. This is good for the lab also.", worried), [])).toBe(false);
    const relieved = { ...said, text: "Okay. Thank you. I was a bit worried about that part." };
    expect(rulesShow(candidate("Yeah, no, don't worry about Doug. He'll grumble.", relieved), [])).toBe(false);
    // "Really." between the thanks and the worry adds nothing to either
    const really = { ...said, text: "Thank you. Really. That's exactly what I was afraid." };
    expect(rulesShow(candidate("When do you have to answer HR?", really), [])).toBe(false);
    // the same worry, still theirs, brushed off
    const still = { ...said, text: "Okay. I'm a bit worried about that part." };
    expect(rulesShow(candidate("Yeah, no, don't worry about Doug. He'll grumble.", still), [])).toBe(true);
  });
});
