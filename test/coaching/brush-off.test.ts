import { describe, expect, it } from "vitest";
import { brushOff, replyBrushesOff } from "../../src/coaching/brush-off.js";
import { talk } from "../helpers/talk.js";

describe("brushOff: a reply that leaves what they raised where it was", () => {
  it.each([
    ["you'll be fine. you always pull it together.", "waves-away"],
    ["honestly, jo, don't worry about that board, nobody reads it.", "waves-away"],
    ["rob'll be fine, don't worry about rob.", "waves-away"],
    ["i'm sure it'll be recognised.", "waves-away"],
    ["you're honestly one of the best on the team.", "waves-away"],
    ["i had exactly that happen to me at my last place.", "own-story"],
    ["oh god, i remember that feeling.", "own-story"],
    ["when i was at leeds i covered a maternity leave.", "own-story"],
    ["you know, this reminds me, back when i was at mercer blake.", "own-story"],
    ["ha, welcome to the trade.", "laughs-off"],
    ["that's no bad thing.", "laughs-off"],
    ["right, about the grant.", "turns-away"],
    ["anyway, the rota.", "turns-away"],
    ["so, moderation, we need to get the practicals signed off.", "turns-away"],
    ["so, where are we on the engineering reqs?", "turns-away"],
    ["listen, while i've got you, the winter roster.", "turns-away"],
    ["sorry, hang on one sec, it's the crane supervisor.", "turns-away"],
    ["oh, sorry, hang on, it's priya, i have to grab this.", "turns-away"],
    ["okay, budget templates.", "turns-away"],
    ["now, q4 stock counts.", "turns-away"],
    ["um, and on planning, can you make sure the list has rough sizing?", "turns-away"],
    ["okay, so, for the insurance, have you got the crime reference number?", "turns-away"],
    ["um, can we talk about the budget story?", "turns-away"],
    ["yeah, month end's been brutal for everyone.", "waves-away"],
    ["two hundred dinars, it's not that big, when you think about it.", "waves-away"],
    ["for two months only. it's not that bad, noor.", "waves-away"],
    ["nobody thinks that. honestly, don't give it a second thought.", "waves-away"],
    ["oh, don't be daft, you're brilliant on nights.", "waves-away"],
    ["yeah, i know the feeling.", "own-story"],
    ["ha, don't you dare, year two would stage a revolt.", "laughs-off"],
    // praise in place of hearing a fear, a wish or a worry
    ["well, you know what, from what kamil said, you handled it absolutely brilliantly.", "waves-away"],
    ["you're a star, they'll not want to lose you either.", "waves-away"],
    ["i really wouldn't stress.", "waves-away"],
    ["my dad had a, he had a stent put in a couple years ago and i was a mess the whole time.", "own-story"],
    ["and that's what makes you so good.", "waves-away"],
    ["look, these things happen. you're a great hygienist, the patients love you.", "waves-away"],
    ["a hundred and forty-two, and you're still the fastest turnaround on the team.", "waves-away"],
    ["the kids adore you.", "waves-away"],
    ["no, no, you're too important here, faith.", "waves-away"],
    ["sipho, you worry too much!", "waves-away"],
    ["mate, eleven grand on a job this size is nothing.", "waves-away"],
    ["everyone's done a set-out off an old rev.", "waves-away"],
    ["honestly, you've been incredible since pieter left.", "waves-away"],
    ["but you've done such incredible work on that dress, ayesha.", "waves-away"],
    ["see, that's exactly what i mean. you take initiative.", "waves-away"],
    ["i don't know what we'd do without you.", "waves-away"],
    // a no to how they said they feel, and praise in its place
    ["oh no, kayleigh, you're not taken for granted at all, you're the backbone of this place.", "waves-away"],
    ["ha, ah no, you're not giving out, sure you're just being conscientious.", "waves-away"],
    ["you're the heart of this team.", "waves-away"],
    ["that's very good of you. real leadership.", "waves-away"],
    // what they must do, or must see, told them
    ["it's really gotten to the point where you can't keep smoking.", "lectures"],
    ["well, now's the time to quit.", "lectures"],
    ["sal, do you understand that your asthma is progressively getting worse?", "lectures"],
    ["you know very well that the deadline was friday.", "lectures"],
  ])("%s → %s", (sentence, kind) => {
    expect(brushOff(sentence)).toBe(kind);
  });

  it.each([
    "don't worry, alex can take the pager on saturday.", // comfort that offers something answers it
    "so on the one hand, you're worried about him, and on the other you're not sure it's the smoking.",
    "so, for you, it sounds like you really want to be prepared.",
    "so, the drinking, you feel it's under control.",
    "okay, hang on, that's a much bigger deal than i realised.",
    "i remember you said the rota was a mess last month.",
    "so you've been here till seven most nights.",
    "it sounds like you're worried the client blames you.",
    "okay, great.",
    "right, makes sense.",
    "so, for you, is that the main thing?",
    "and on saturday you'd be on your own with him?",
    "no, you won't lose your shifts, don't worry about that.", // a promise about how it turns out answers it
    "right, look after yourself.",
    "my wife was asking after you.",
    "i remember that.",
    // to a plan of theirs this is support, and it often opens acting on it: read as the listener's verdict instead
    "no, you'd be great at that. honestly.",
    "okay. first of all, you did exactly the right thing.",
    "you handled the rota.",
    "there is nothing in the contract about weekends.",
    "so you worry it's too much for one person.",
    // a name before an acknowledgement is no topic
    "okay, daniel, i hear you.",
    // their own "can't keep", said back, and a question about what they understand
    "so you feel you can't keep doing the night shifts.",
    "do you understand what the new form is asking for?",
    // a no that answers a question of theirs, not how they feel, and a no to their self-doubt
    "no, that's not what i meant.",
    "no. no, you're not overthinking it.",
  ])("%s → none", (sentence) => {
    expect(brushOff(sentence)).toBeNull();
  });
});

describe("replyBrushesOff: the reply's first sentences of substance", () => {
  const reply = (...texts: string[]) => replyBrushesOff(talk(...texts.map((t): [string, string] => ["Dana", t])));
  it("reads past a bare 'I hear you' to what follows", () => {
    expect(reply("Yeah, I hear you.", "Right, Q3 planning.")).toBe("turns-away");
  });
  it("finds none where the reply first accepted what they said, acted on it or asked them to go on", () => {
    expect(reply("Yeah. OK. Fair enough.", "Right, Q3 planning.")).toBeNull();
    expect(reply("Perfect.", "OK, other bits.")).toBeNull();
    expect(reply("I'll get Marsha to confirm it as well.", "Right. And the cost report.")).toBeNull();
    expect(reply("Of course. Go on.")).toBeNull();
    expect(reply("Go 'head.", "Anyway, the Friday boat.")).toBeNull();
    expect(reply("Yes, tell.", "Anyway, the Friday boat.")).toBeNull();
    expect(reply("So what do you think we should do?", "Anyway, the Friday boat.")).toBeNull();
    // "tell" with someone to tell is an instruction, not an invitation
    expect(reply("Tell him it's his cost.", "Anyway, the Friday boat.")).toBe("turns-away");
    expect(reply("Okay, do it. Buy it.", "Why do you ask me? Anyway, the boats.")).toBeNull();
    expect(reply("Good. Good. That's what I'd do.", "I actually did that once with a Märzen at my first job.")).toBeNull();
    expect(reply("Yeah, no, of course. I'll ask him.", "Oh, actually, I meant to say, your class assembly is week eight.")).toBeNull();
    expect(
      reply("Okay, Daniel, I hear you. I will include it in my report.", "Anyway, the other thing I wanted to catch you on."),
    ).toBeNull();
    // someone to take it to, or what they would change
    expect(reply("Talk to Hyejin. Systems lead.", "Anyway, the puzzle room.")).toBeNull();
    expect(reply("What would you drop?", "Anyway, the auditor course.")).toBeNull();
    expect(reply("Hmm. That's, let me think about how that would work with the allocation.", "Anyway, the auditor course.")).toBeNull();
    expect(reply("Talk to yourself, ha.", "Anyway, the auditor course.")).toBe("turns-away");
    expect(reply("Mm. Ya. Talk with Diego at the agency.", "Anyway, the auditor course.")).toBeNull();
    // written down for them, not acted on: a form filled in
    expect(reply("I will put it in writing.", "Anyway, the auditor course.")).toBeNull();
    expect(reply("OK. I'll put that down as yes, fit to return.", "Anyway, the auditor course.")).toBe("turns-away");
  });
  it("comfort followed at once by something done about it answers it", () => {
    expect(reply("No, it's fine, it's fine. Don't worry about it. I'll talk to him.")).toBeNull();
    expect(reply("Don't worry about it. He'll come round.")).toBe("waves-away");
    // comfort that promises how it turns out answers it
    expect(reply("Don't worry, it won't come to that.")).toBeNull();
    // an undertaking in the plain present, as many speak it
    expect(reply("Ah. Okay. We write to them, we say there is small change. It will be fine, don't worry.")).toBeNull();
    expect(reply("We write better than them. It will be fine, don't worry.")).toBe("waves-away");
  });
  it("reads past a name, an exclamation or a bare sorry to the sentences of substance", () => {
    expect(reply("Oh, Dee. I'm sorry. That's, God.", "My dad had a stent put in a couple years ago and I was a mess.")).toBe("own-story");
    // the manager's own agenda opened after small talk answered in kind: "so" is no topic named
    expect(reply("Don't. My husband was yelling at the telly. Okay so, I've just got a couple of things.")).toBeNull();
  });
});
