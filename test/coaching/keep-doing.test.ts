import { describe, expect, it } from "vitest";
import { heuristicCoaching } from "../../src/coaching/heuristic-coach.js";
import { keepDoing, praiseOnCard, praiseworthy } from "../../src/coaching/keep-doing.js";
import { pickMoments } from "../../src/coaching/moments.js";
import { analyze } from "../../src/metrics/analyze.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { talk } from "../helpers/talk.js";

const MANAGER = "Sam";

/**
 * Issue 17: "Keep doing" held up the manager's own agenda, lectures ("Well, smoking really is really bad for you,
 * you know."), arguments and fragments. Praise is for replies that say back the other person's content or feeling.
 */
describe("'Keep doing' praises only replies that say back what they heard", () => {
  const praised = (utterances: Utterance[]) => {
    const analysis = analyze({ utterances, manager: MANAGER });
    return keepDoing(heuristicCoaching(pickMoments(utterances, MANAGER), analysis, MANAGER, 0)).map((k) => k.quote);
  };

  it("not a new question or objection, a change of topic or a vague prompt, whatever words it shares", () => {
    const turn: [string, string] = ["Lee", "With the tandem network the system gets sixty-two percent, at a latency of two thirty."];
    for (const reply of [
      "But the two thirty includes the tandem network?",
      "Speaking of the tandem network, you said you had some results on latency to show us.",
      "You said the tandem network gets sixty-two percent, or something.",
      "You wanted to ask about the tandem network and the latency.",
      // a fact checked back in surprise
      "The tandem network gets sixty-two percent?",
    ])
      expect(praised(talk(turn, [MANAGER, reply])), reply).toEqual([]);
    expect(praised(talk(turn, [MANAGER, "So sixty-two percent with the tandem network, at two thirty."]))).toEqual([
      "So sixty-two percent with the tandem network, at two thirty.",
    ]);
    expect(praised(talk(turn, [MANAGER, "So the tandem network gets sixty-two percent at two thirty?"]))).toEqual([
      "So the tandem network gets sixty-two percent at two thirty?",
    ]);
  });

  it("not the listener's example, their view of the person, or what the person is to do", () => {
    const guide: [string, string] = ["Sabina", "We have fourteen solo bookings for April, and they are alone on the trail, no guide."];
    expect(praised(talk(guide, [MANAGER, "You remember that boy last year, in Langtang, alone on the trail."]))).toEqual([]);
    const weekend: [string, string] = ["Claudine", "I want to do the checklist and the weekend roster and the clients, all of it."];
    expect(praised(talk(weekend, [MANAGER, "You are young, you want to do everything."]))).toEqual([]);
    const checklist: [string, string] = [
      "Claudine",
      "I was thinking a checklist for the clients, one page, with the free time and the arrival date.",
    ];
    expect(praised(talk(checklist, [MANAGER, "One page, you bold the free time and the arrival date."]))).toEqual([]);
    // the same at the end of a recap of action items
    expect(praised(talk(checklist, [MANAGER, "Two, checklist Wednesday, one page, you send it to the clients."]))).toEqual([]);
    // a summing-up that names their worry as theirs says it back
    expect(
      praised(talk(checklist, [MANAGER, "One page, you list the free time and the arrival date, and your worry is the clients skip it."])),
    ).toEqual(["One page, you list the free time and the arrival date, and your worry is the clients skip it."]);
  });

  it("not what follows the manager's announcing their own view", () => {
    const turn: [string, string] = [
      "Aino",
      "Every week Mats wants a call, and it's ten hours a week now. I should be coding the hard parts. It's a lot.",
    ];
    const view = (opening: string) =>
      praised(talk(turn, [MANAGER, opening], [MANAGER, "And you say yes to Mats because you are nice and you don't want to make a fuss."]));
    expect(view("Okay. This is a good point. So let me tell you what I think. This is the classic thing with good engineers.")).toEqual([]);
    expect(view("Okay. This is a good point, and it's been a lot.")).toEqual([
      "And you say yes to Mats because you are nice and you don't want to make a fuss.",
    ]);
  });

  it("not the listener's verdict on what they did, nor the listener's case for what they are told not to do", () => {
    const allergy: [string, string] = [
      "Nurul",
      "The new relief didn't know Aisyah has the nut allergy, she nearly gave her the peanut, I caught it just in time.",
    ];
    expect(praised(talk(allergy, [MANAGER, "Oh my goodness. Okay, but you caught it, that's the important thing."]))).toEqual([]);
    const quitting: [string, string] = [
      "Josaia",
      "I'm not quitting the mill. Leading hand, maybe it's not the right time for me, with the season and my grandmother.",
    ];
    expect(
      praised(talk(quitting, [MANAGER, "Don't decide anything now. You're grieving, the season is heavy, everyone is tired."])),
    ).toEqual([]);
    // told not to be sorry, then said back
    const sorry: [string, string] = [
      "Salum",
      "I tell them the company is looking at it, since last year. I feel like a liar, to be honest. Sorry.",
    ];
    expect(praised(talk(sorry, [MANAGER, "No, don't be sorry. You're stuck in the middle, telling them what the company says."]))).toEqual([
      "You're stuck in the middle, telling them what the company says.",
    ]);
  });

  it("not what they said at another meeting, recalled", () => {
    const travel: [string, string] = ["Dawit", "Thank you. The Gondar trip went well, the clinic is nearly ready."];
    expect(praised(talk(travel, [MANAGER, "What else is going on? You said last time you were tired, with all the travelling."]))).toEqual(
      [],
    );
    expect(praised(talk(travel, [MANAGER, "So the Gondar trip went well, and the clinic is nearly ready."]))).toEqual([
      "So the Gondar trip went well, and the clinic is nearly ready.",
    ]);
  });

  it("not the manager's own point summed up after their yes to it", () => {
    const own = (yes: string) =>
      praised(
        talk(
          ["Thu", "I'm worried they will ask us to air the goods. And if we air, who pays?"],
          [MANAGER, "Not our fault this time. The mill is nominated by the buyer, right?"],
          ["Thu", yes],
          [MANAGER, "So, delay from the nominated mill, buyer responsibility. Write to them today."],
        ),
      );
    expect(own("Yes, nominated mill.")).toEqual([]);
    // words of their own in the yes are theirs to say back
    expect(own("Yes, the nominated mill, the delay is theirs.")).toEqual(["So, delay from the nominated mill, buyer responsibility."]);
  });

  it("not a plan for them that goes on with an instruction, whatever 'So you…' it opens with", () => {
    const turn: [string, string] = [
      "Ingrid",
      "I think I want to go down to eighty percent from August, when Lars starts school. I've decided.",
    ];
    const plan = "So you start in August at eighty percent, you train Sindre, give him the lice counting, let him make some decisions.";
    expect(praised(talk(turn, [MANAGER, plan]))).toEqual([]);
    expect(praised(talk(turn, [MANAGER, "So you've decided to go down to eighty percent from August, when Lars starts school."]))).toEqual([
      "So you've decided to go down to eighty percent from August, when Lars starts school.",
    ]);
  });

  it("not permission, whatever words of theirs it repeats", () => {
    const pitch: [string, string] = ["Lee", "I never know if I'm allowed to pitch my own books in the acquisitions meeting."];
    expect(praised(talk(pitch, [MANAGER, "You are allowed to pitch your own books in the acquisitions meeting."]))).toEqual([]);
  });

  it("not reassurance that denies the worry instead of saying it back", () => {
    const worry: [string, string] = ["Lee", "I didn't say anything about Saturday because I didn't want to be the one making a fuss."];
    expect(praised(talk(worry, [MANAGER, "You're not making a fuss, Lee. Saturday was bad."]))).toEqual([]);
    const trouble: [string, string] = ["Lee", "I don't feel like I'm allowed to hang up on a patient. I feel like I'd get in trouble."];
    expect(praised(talk(trouble, [MANAGER, "So first of all, you wouldn't get in trouble for hanging up on a patient."]))).toEqual([]);
    expect(praised(talk(trouble, [MANAGER, "You hadn't done anything wrong by hanging up on a patient."]))).toEqual([]);
    expect(praised(talk(trouble, [MANAGER, "Look, nobody's asking you to hang up on a patient, right?"]))).toEqual([]);
    expect(praised(talk(trouble, [MANAGER, "So you feel like you'd get in trouble for hanging up on a patient."]))).toEqual([
      "So you feel like you'd get in trouble for hanging up on a patient.",
    ]);
    // "everybody knows" tells them how others see it
    const seen: [string, string] = ["Lee", "I felt invisible when my name wasn't on the slide for the exhibition work."];
    expect(praised(talk(seen, [MANAGER, "It's your work, everybody in this department knows it's your work on the exhibition."]))).toEqual(
      [],
    );
    // "you're not the first" comforts them with others like them; it says nothing back of theirs
    const fit: [string, string] = ["Lee", "Sometimes I wonder if large animal work is really for me, you know."];
    expect(praised(talk(fit, [MANAGER, "So you're definitely not the first to feel like this."]))).toEqual([]);
    expect(praised(talk(fit, [MANAGER, "So you wonder if large animal work is really for you."]))).toEqual([
      "So you wonder if large animal work is really for you.",
    ]);
  });

  it("not the manager's own stance: agreement, a reframe that denies it, or what to do next time", () => {
    const names: [string, string] = [
      "Carla",
      "I don't want to be handing over names of the drivers who call in sick. It feels like I'm reporting on my own team.",
    ];
    for (const reply of [
      "You're so quick on the names of drivers, honestly.",
      "Okay, this time you present the names of the drivers yourself.",
      "No, you're right, handing over names of drivers is a big thing to ask.",
      "It's not you handing over names of the drivers, it's the sick call log.",
      "And next time someone asks for names of drivers, you send them to me.",
    ])
      expect(praised(talk(names, [MANAGER, reply])), reply).toEqual([]);
    expect(praised(talk(names, [MANAGER, "So handing over names feels like reporting on your own team."]))).toEqual([
      "So handing over names feels like reporting on your own team.",
    ]);
    // "this time" inside a say-back is theirs
    const thisTime = "So this time handing over names of the drivers feels like reporting on your own team.";
    expect(praised(talk(names, [MANAGER, thisTime]))).toEqual([thisTime]);
  });

  it("not what others do to them, policy, approval or how they look, whatever words of theirs it has", () => {
    const names: [string, string] = [
      "Ama",
      "I want to stop doing the Friday request show. The old men send me messages every week and I'm tired of the study leave fight.",
    ];
    for (const reply of [
      "The old men, they send you messages every week.",
      "Policy gives you up to five days study leave per year, on proof of registration.",
      "Good, good that you stop the Friday show, you did right.",
      "You look tired, but in a good way, like a real radio woman in October.",
    ])
      expect(praised(talk(names, [MANAGER, reply])), reply).toEqual([]);
    // their situation as it weighs on them, in their words, is said back
    const hard = "It's hard when the old men send you messages every week.";
    expect(praised(talk(names, [MANAGER, hard]))).toEqual([hard]);
  });

  it("not a plain statement about them: said back, it is offered with 'So…' or names what they feel, want or think", () => {
    const feeds: [string, string] = ["Mei", "I log the feeding count every day, twice, and the hornbills still lose weight."];
    const plain = "You log the feeding count every day, twice, morning and afternoon.";
    expect(praised(talk(feeds, [MANAGER, plain]))).toEqual([]);
    const offered = "So you log the feeding count twice a day and the hornbills still lose weight.";
    expect(praised(talk(feeds, [MANAGER, offered]))).toEqual([offered]);
    const thinks = "You think the hornbills still lose weight even with the feeding count logged twice.";
    expect(praised(talk(feeds, [MANAGER, thinks]))).toEqual([thinks]);
  });

  it("not a say-back they set right in their next words", () => {
    const found: [string, string] = ["Mele", "Mrs Gill had a fall on the night shift and I was the one who found her."];
    const guess = "That must have been really stressful for you, finding her on the night shift.";
    expect(praised(talk(found, [MANAGER, guess], ["Mele", "Um, yeah, it was a bit. But it's more the sheet, like."]))).toEqual([]);
    expect(praised(talk(found, [MANAGER, guess], ["Mele", "Not really. I was fine."]))).toEqual([]);
    expect(praised(talk(found, [MANAGER, guess], ["Mele", "Yeah. It really was."]))).toEqual([guess]);
    // a "no" to a say-back sets it right; a "no" that agrees with a "you didn't…" sets nothing right
    const rather = "So you'd rather not be on the night shift on your own.";
    const onCall = "So you'd rather come off the night shift after the fall.";
    expect(praised(talk(found, [MANAGER, onCall], ["Mele", "No, the nights are fine, it's the sheet."]))).toEqual([]);
    expect(praised(talk(found, [MANAGER, rather], ["Mele", "No, I'd rather not."]))).toEqual([rather]);
    // "No, not exactly." sets right a say-back with its own "not" in it
    const notReady = "It sounds like you're worried the new nurses are not ready for nights yet.";
    expect(praised(talk(found, [MANAGER, notReady], ["Mele", "No, no. Not, not exactly. They are good. It's me."]))).toEqual([]);
    // unless past the "no" they will do what it said they would not
    expect(praised(talk(found, [MANAGER, rather], ["Mele", "No, no, I'll do them, it's just the sheet."]))).toEqual([]);
    expect(praised(talk(found, [MANAGER, rather], ["Mele", "No, it's just that I don't know the new ward."]))).toEqual([]);
    expect(praised(talk(found, [MANAGER, rather], ["Mele", "No, I can't face it on my own."]))).toEqual([rather]);
    const leave = "So you want to leave the night shift after the fall?";
    expect(praised(talk(found, [MANAGER, leave], ["Mele", "Not leave. I just want a second person on."]))).toEqual([]);
    // "Not much." answers the question that followed the say-back; it denies no word of it
    const drinks: [string, string] = ["Mele", "I don't drink that much, I've gone up to maybe two drinks a day max."];
    const twoADay = "So you're drinking, perhaps, two drinks a day. And what have you heard about the guidelines?";
    expect(praised(talk(drinks, [MANAGER, twoADay], ["Mele", "Not much."]))).toEqual(["So you're drinking, perhaps, two drinks a day."]);
    // "it's more that…" says what it is instead, and "No, I mean…" what they mean
    const lonely = "Like you're carrying the whole thing alone on the night shift.";
    expect(praised(talk(found, [MANAGER, lonely], ["Mele", "Hm. Lonely, I don't know. It's more that it's stupid work."]))).toEqual([]);
    const unseen = "So you feel your work on the night shift isn't being seen?";
    expect(praised(talk(found, [MANAGER, unseen], ["Mele", "Hm. No, I mean... I just don't want to do something nobody reads."]))).toEqual(
      [],
    );
    expect(praised(talk(found, [MANAGER, unseen], ["Mele", "No, it isn't. Nobody reads the handover."]))).toEqual([unseen]);
    const didnt = "So you didn't find her on the night shift yourself.";
    expect(praised(talk(found, [MANAGER, didnt], ["Mele", "No, I didn't, Kiri did."]))).toEqual([didnt]);
  });

  it("not comfort, a form read back, or a lead-in to a question of the listener's own", () => {
    const turn: [string, string] = [
      "Lee",
      "I have five or six beers when I go out, and sometimes I forget things when I drink. It's not a problem.",
    ];
    for (const reply of [
      "You're not alone in feeling that way about the beers.",
      "And you also checked that sometimes you forget things when you drink.",
      "So you forget things when you drink, and how does that make you feel?",
    ])
      expect(praised(talk(turn, [MANAGER, reply])), reply).toEqual([]);
    expect(praised(talk(turn, [MANAGER, "So sometimes you forget things when you drink."]))).toEqual([
      "So sometimes you forget things when you drink.",
    ]);
  });

  it("not their words echoed on the way to praising them", () => {
    const turn: [string, string] = ["Lee", "Um, it's been a lot, with the hail. I've got a hundred and forty-two open files."];
    const reply = "A hundred and forty-two, and you're still the fastest turnaround on the team.";
    expect(praised(talk(turn, [MANAGER, reply]))).toEqual([]);
    const saidBack = "So you've got a hundred and forty-two open files with the hail.";
    expect(praised(talk(turn, [MANAGER, saidBack]))).toEqual([saidBack]);
  });

  it("not a rule, advice, a guessed figure or praise spelled out, in whatever 'you' it is put", () => {
    const room: [string, string] = ["Kavitha", "I know that client better than Marcus does. So I'd have liked to at least be in the room."];
    const call: [string, string] = ["Aoife", "I keep hearing it, when the line's open and she's not answering me. I kept talking to her."];
    const cases: [[string, string], string][] = [
      [room, "Fair point. But you should have told me you wanted to go. You want something, you ask."],
      [room, "Let me give you some advice. A secondment is a good thing. You learn how the client thinks."],
      [room, "You've been here, what, two and a half years?"],
      [room, "Very good that you are thinking like that."],
      [room, "It sounds like you've really thought about it."],
      [call, "You did everything right on that call. You kept the line open, you kept talking to her."],
    ];
    for (const [turn, reply] of cases) expect(praised(talk(turn, [MANAGER, reply])), reply).toEqual([]);
    // their point said back still is praised, and so is what they did, said back without praise before it
    const saidBack = "So you wanted to be in the room, because you know that client better than Marcus.";
    expect(praised(talk(room, [MANAGER, saidBack]))).toEqual([saidBack]);
    const deeds = "So you kept the line open, and you kept talking to her.";
    expect(praised(talk(call, [MANAGER, deeds]))).toEqual([deeds]);
  });

  it("not surprise at a fact of theirs", () => {
    const pitch: [string, string] = [
      "Kayla",
      "And I already talked to Jen in sales and she thinks the credit union would sponsor the podcast.",
    ];
    expect(praised(talk(pitch, [MANAGER, "Huh. You talked to sales already."]))).toEqual([]);
    const saidBack = "So you already talked to Jen in sales about the credit union sponsoring the podcast.";
    expect(praised(talk(pitch, [MANAGER, saidBack]))).toEqual([saidBack]);
  });

  it("praises a reflection of feeling and of content", () => {
    expect(
      praised(
        talk(
          ["Lee", "I keep letting the team down, I promised the mobile work weeks ago and it still isn't started."],
          [MANAGER, "You feel like you've let the team down on the mobile work."],
        ),
      ),
    ).toEqual(["You feel like you've let the team down on the mobile work."]);
  });

  it("does not praise the manager's own agenda, a lecture, advice or a new question, even in their words", () => {
    const said = "I smoke about a pack a day, mostly at work when the stress gets bad, and I don't really want to stop.";
    for (const reply of [
      "Um first I think we can talk about the energy source for the remote.",
      "Well, smoking really is really bad for you, you know, a pack a day is a lot.",
      "You should try the patch when the stress at work gets bad.",
      "What else do you smoke besides the pack a day at work?",
      "So I think we should look at your work stress and the pack a day together.",
      "Then you take the pack a day and cut it by a cigarette each week.",
      // information that answers them, in their words
      "So, the way it works here, you get a pack a day of patches at work for the first month.",
      // the listener's own take after "I hear you": the "you" is the stem's, not theirs
      "Yeah, no, I hear you, it's been a crazy quarter for everyone at work.",
    ]) {
      expect(praised(talk(["Client", said], [MANAGER, reply])), reply).toEqual([]);
    }
  });

  it("not what the listener tells them with a tag, which cleaning would drop", () => {
    const kept = (quote: string) => ({ utteranceId: "u3", atMs: 0, quote, of: "Lee", ofUtteranceId: "u2", takesUp: 3 });
    // a question by its mark, with a word of what they feel or want ("care"), is read as a say-back without the tag
    expect(praiseworthy(kept("And you, you take care of yourself with the tandem network this week, okay?"))).toBe(false);
    expect(praiseworthy(kept("So you care about the tandem network this week?"))).toBe(true);
  });

  it("does not praise a fragment cut off mid-sentence", () => {
    expect(
      praised(
        talk(
          ["Client", "I smoke about a pack a day, mostly at work when the stress gets bad."],
          [MANAGER, "So your pack a day at work when—"],
        ),
      ),
    ).toEqual([]);
  });
});

describe("what the card holds up: in a discussion among several people, only a model's verdict", () => {
  const lee = ["Lee", "With the tandem network the system gets sixty-two percent, at a latency of two thirty."] as [string, string];
  const ari = ["Ari", "The cache misses doubled after the upgrade, so every nightly run is now four hours long."] as [string, string];
  const reply = (text: string): [string, string] => [MANAGER, text];
  const coached = (utterances: Utterance[]) => {
    const analysis = analyze({ utterances, manager: MANAGER });
    return { analysis, coaching: heuristicCoaching(pickMoments(utterances, MANAGER), analysis, MANAGER, 0) };
  };

  it("shows the rules' praise with one other person, and counts it either way", () => {
    const one = coached(talk(lee, reply("So sixty-two percent with the tandem network, at two thirty.")));
    expect(praiseOnCard(one.coaching, one.analysis).map((k) => k.quote)).toEqual([
      "So sixty-two percent with the tandem network, at two thirty.",
    ]);
    const group = coached(
      talk(
        lee,
        reply("So sixty-two percent with the tandem network, at two thirty."),
        ari,
        reply("So the nightly run is four hours long now."),
      ),
    );
    expect(keepDoing(group.coaching)).toHaveLength(2);
    expect(praiseOnCard(group.coaching, group.analysis)).toEqual([]);
    const judgedByModel = {
      ...group.coaching,
      kept: group.coaching.kept.map((k, i) => ({ ...k, source: i === 0 ? ("model" as const) : ("rules" as const) })),
    };
    expect(praiseOnCard(judgedByModel, group.analysis).map((k) => k.of)).toEqual(["Lee"]);
    // a discussion among several people even where the manager said back only one of them
    const onlyLee = coached(talk(lee, reply("So sixty-two percent with the tandem network, at two thirty."), ari, reply("Okay.")));
    expect(keepDoing(onlyLee.coaching)).toHaveLength(1);
    expect(praiseOnCard(onlyLee.coaching, onlyLee.analysis)).toEqual([]);
  });
});
