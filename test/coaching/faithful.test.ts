import { describe, expect, it } from "vitest";
import { withoutAddress } from "../../src/coaching/address.js";
import { feltClause } from "../../src/coaching/felt-say-back.js";
import { sayBack, withArticleBeforeBit } from "../../src/coaching/say-back.js";
import type { MomentKind } from "../../src/coaching/schema.js";
import { faithfulSayBack, focusOf, sayItBack, suggestion } from "../../src/coaching/suggest.js";
import { questionFor } from "../../src/prep/wording.js";

/** What the card would suggest for this sentence: a written restatement, or the say-it-back starter. */
function suggested(sentence: string, kind: MomentKind, speaker: string | null = "Lee, Morgan"): string {
  if (sayBack(sentence, focusOf(kind)) === null) return "(nothing to say back: no moment)";
  const said = faithfulSayBack(sentence, focusOf(kind), [], speaker);
  return said.faithful ? suggestion(kind, said) : sayItBack(said);
}

const STARTER = /^So you're (?:saying|asking)… \(.*in your own words\)\. Did I get that right\?$/;

describe("a written restatement only when it keeps the meaning and reads well (issue 17, failures quoted verbatim)", () => {
  it('"I feel like…" stays "you feel like…"', () => {
    expect(suggested("I feel like I'm being a bad parent.", "missed-concern")).toBe(
      "So you feel like you're being a bad parent. Did I get that right?",
    );
  });

  it("their 'you' aimed at the listener is never turned on the listener ('you are not helping you')", () => {
    const said = faithfulSayBack("My life is not going better and you are not helping me.", "concern", [], null);
    expect(said.faithful).toBe(false);
    expect(suggested("My life is not going better and you are not helping me.", "missed-concern")).not.toMatch(/helping you/);
  });

  it("a request with a verb said twice over ('isn't doesn't') is not written out", () => {
    expect(suggested("Can you maximize the window so all that stuff on the side isn't doesn't appear?", "missed-question")).toMatch(
      STARTER,
    );
  });

  it("a word speech broke off ('hand- tuned') is not cut into 'we totally hand.'", () => {
    expect(suggested("Like, we totally hand- tuned the probabilities, right.", "missed-long-turn")).toMatch(STARTER);
    expect(suggested("Like, we totally hand-tuned the probabilities, right.", "missed-long-turn")).toBe(
      "So what I'm hearing is that we totally hand-tuned the probabilities. Did I get that right?",
    );
  });

  it("a phrase speech broke off and started again is not joined to the next ('happy to, I feel like…')", () => {
    const q = "I don't know I'm just happy to, I feel like I got back in touch with myself.";
    expect(questionFor("missed-long-turn", q, new Date("2026-11-01T10:00:00Z"), true)).toBeNull();
    expect(suggested(q, "missed-long-turn")).toMatch(STARTER);
  });

  it("an 'it' that refers to nothing in the sentence is not written out ('whether it has nice walls')", () => {
    expect(suggested("Does it have nice walls?", "missed-question")).toMatch(STARTER);
    expect(suggested("I'll put that, intrepid.", "quick-reply")).not.toMatch(/put that/);
    // "it" in "it's not only…" points at nothing, as English wants; "it's not working" points at something unnamed
    expect(suggested("Honestly, I'm a little bit worried it's not only Kamran.", "missed-concern")).toBe(
      "It sounds like you're a little bit worried it's not only Kamran. Did I get that right?",
    );
    expect(suggested("Honestly, I'm a little bit worried it's not working.", "missed-concern")).toMatch(STARTER);
  });

  it("writes nothing where a bare feeling comes last, after a phrase with no verb that says what it is about", () => {
    expect(
      suggested("With this hurricane season, and the weather changing so quick out there, I'm worried, Mr. Rolle.", "missed-concern"),
    ).toMatch(STARTER);
    expect(suggested("I'm worried about the hurricane season on the Exuma route.", "missed-concern")).toBe(
      "It sounds like you're worried about the hurricane season on the Exuma route. Did I get that right?",
    );
  });

  it("keeps a 'but', a hedge and a wish, or writes nothing", () => {
    expect(suggested("I wish I could quit smoking but my friends all smoke.", "missed-concern")).toBe(
      "So you wish you could quit smoking but your friends all smoke. Did I get that right?",
    );
    expect(suggested("I'm not sure the design is ready, but we should try it.", "missed-concern")).toBe(
      "It sounds like you're not sure the design is ready, but we should try it. Did I get that right?",
    );
    expect(suggested("I think the battery is the biggest problem for the remote.", "missed-concern")).toBe(
      "So you think the battery is the biggest problem for the remote. Did I get that right?",
    );
  });

  it("quotes no direct speech as theirs, but moves indirect speech into the listener's voice", () => {
    const direct = "My mom said, I'm done with you.";
    expect(sayBack(direct, "concern") === null || !faithfulSayBack(direct, "concern", [], null).faithful).toBe(true);
    expect(suggested("My wife says I drink too much at the weekends.", "missed-concern")).toBe(
      "It sounds like your wife says you drink too much at the weekends. Did I get that right?",
    );
  });

  it("does not say a person's own name to them", () => {
    expect(suggested("Morgan thinks the deadline is too tight.", "missed-concern", "Lee, Morgan")).toMatch(STARTER);
  });

  it("the starter for a question asks about their question, and names no feeling they did not name", () => {
    expect(suggested("Does it have nice walls?", "missed-question")).toBe(
      "So you're asking… (their question, in your own words). Did I get that right?",
    );
  });
});

describe("prep questions to the same standard", () => {
  const at = new Date("2026-11-01T10:00:00Z");

  it("asks nothing built on a clause that points at nothing ('it was humid out…' about a breathing attack)", () => {
    expect(questionFor("missed-concern", "It was humid out and I have a problem with humidity.", at, false)).toBeNull();
  });

  it("keeps the hedge, and says a group meeting was one", () => {
    expect(questionFor("missed-concern", "I think the battery is the biggest problem for the remote.", at, true, null, true)).toBe(
      "Last time, in the team meeting, you said you think the battery is the biggest problem for the remote. How is that going now?",
    );
    expect(questionFor("missed-concern", "I think the battery is the biggest problem for the remote.", at, true)).toBe(
      "Last time you said you think the battery is the biggest problem for the remote. How is that going now?",
    );
  });
});

describe("what is said to the listener is not said back", () => {
  it("drops a closing 'if I'm honest' and the listener's own name", () => {
    const names = ["Steve Whitcombe", "Joanne Kearsley"];
    expect(sayBack("I'm not sleeping great though, if I'm honest.", "concern", names, true)?.clause).toBe("you're not sleeping great");
    expect(sayBack("Steve, I'm worried about the rota for March.", "concern", names, true)?.clause).toBe(
      "you're worried about the rota for March",
    );
    expect(sayBack("I'm worried about the rota for March, Steve.", "concern", names, true)?.clause).toBe(
      "you're worried about the rota for March",
    );
  });
});

describe("terms of address, a dropped 'like' and a missing verb", () => {
  it("drops 'sir' and a title with a name, and the list marker before them", () => {
    expect(sayBack("And the second thing, sir, I'm worried about the dryer.", "concern", [], true)?.clause).toBe(
      "you're worried about the dryer",
    );
    expect(sayBack("I feel like I'm shift lead only on paper, sir.", "concern", [], true)?.clause).toBe(
      "you feel like you're shift lead only on paper",
    );
    expect(sayBack("I'm worried about the river, Mr. Des.", "concern", [], true)?.clause).toBe("you're worried about the river");
    // the listener's own name, with a word of respect before it in any language
    const names = ["Rebwar Hamad", "Shilan Mustafa"];
    expect(sayBack("It's hard not to take it personally when it's my phone, Kak Rebwar.", "concern", names, true)?.clause).toBe(
      "it's hard not to take it personally when it's your phone",
    );
    expect(sayBack("Kak Rebwar, I'm worried about the generator.", "concern", names, true)?.clause).toBe(
      "you're worried about the generator",
    );
    expect(sayBack("I'm worried about the road to Erbil.", "concern", names, true)?.clause).toBe("you're worried about the road to Erbil");
    // one capitalised word between commas just before their "I" is what they call the listener, in any language
    expect(withoutAddress("For me, honestly, Ai, I'm a bit tired.")).toBe("For me, honestly, I'm a bit tired.");
    expect(sayBack("For me, honestly, Ai, I'm a bit tired.", "concern")?.clause ?? "not written").not.toContain("Ai");
    expect(withoutAddress("And then, Monday, I'm alone on the desk.")).toBe("And then, Monday, I'm alone on the desk.");
    // one capitalised word closing a short sentence of their "I"
    expect(withoutAddress("I am worried, Saya.")).toBe("I am worried.");
    expect(withoutAddress("I'm tired, Chef.")).toBe("I'm tired.");
    expect(withoutAddress("I'm off, Tuesday.")).toBe("I'm off, Tuesday.");
    expect(withoutAddress("We go to Luanda, Benguela.")).toBe("We go to Luanda, Benguela.");
    // a word that only starts like one is no address
    expect(sayBack("I'm worried about the mates, sirens and all.", "concern", [], true)?.clause).toBe(
      "you're worried about the mates, sirens and all",
    );
  });

  it("writes nothing that drops an 'as if' like, or a subject with no verb", () => {
    expect(suggested("Honestly, I was feeling a bit stupid, like I'm making a fuss for nothing.", "missed-concern")).toMatch(STARTER);
    expect(sayBack("Is just, I tired, Allison.", "concern", [], true)).toBeNull();
    expect(sayBack("I'm so tired of the night shifts.", "concern", [], true)?.clause).toBe("you're so tired of the night shifts");
    // an -ing, or a state like "short", straight after the subject, in a clause after "that" as well
    expect(feltClause("I'm worried that we promoting Christmas loans to the same people who can't pay.")).toBeNull();
    // a subject set before a comma, with its verb after it, is not cut off from it
    expect(feltClause("I'm a bit scared that we make a mistake and the douane, they give us a penalty.")).toBeNull();
    expect(feltClause("I'm a bit scared that we make a mistake and the douane gives us a penalty.")?.clause).toBe(
      "you're a bit scared that we make a mistake and the douane gives us a penalty",
    );
    expect(feltClause("I'm worried that we are promoting Christmas loans to people who can't pay.")?.clause).toBe(
      "you're worried that we are promoting Christmas loans to people who can't pay",
    );
  });
});

describe("what is said to the listener or started again is not said back", () => {
  it("drops a word after a closing 'to be honest', and writes nothing where their 'I'm' starts again", () => {
    expect(sayBack("I'm fed up with the yard men, to be honest, walaal.", "concern", [], true)?.clause).toBe(
      "you're fed up with the yard men",
    );
    expect(feltClause("And I'm, I'm kind of, I'm pretty tired, honestly.")).toBeNull();
    expect(feltClause("I'm pretty tired, honestly.")?.clause).toBe("you're pretty tired");
  });
});

describe("the article many leave out before 'bit' is put back", () => {
  it("writes 'you're a bit tired' for 'I'm bit tired', and leaves 'a bit' and other uses of 'bit' alone", () => {
    expect(feltClause("Honestly I'm bit fed up with this phone ordering.")?.clause).toBe("you're a bit fed up with this phone ordering");
    expect(feltClause("I'm a bit tired.")?.clause).toBe("you're a bit tired");
    expect(withArticleBeforeBit("the dog bit him")).toBe("the dog bit him");
  });
});

describe("the clause said back is the main one, names kept as names", () => {
  it("lower-cases the word of time that opened their sentence, and keeps their I-turned-you as the subject", () => {
    expect(feltClause("Sometimes I feel like I am doing everything there.")?.clause).toBe(
      "sometimes you feel like you are doing everything there",
    );
    expect(feltClause("Lately I've been feeling really stressed.")?.clause).toBe("lately you've been feeling really stressed");
  });

  it("keeps a name's capital where the clause starts with it, and weighs a 'because' clause as the reason it is", () => {
    // "because" is trimmed off the clause's front, but the clause is still the dependent one
    const said = sayBack("The rota's the problem, because Kamil keeps swapping the nights.", "point");
    expect(said?.clause).toBe("the rota's the problem");
    expect(sayBack("And I was alone, because Kamil was doing the round on the third floor.", "point")?.clause).toBe(
      "Kamil was doing the round on the third floor",
    );
    // a capital at the sentence's start tells nothing: the word may be anything
    expect(sayBack("Honestly the new rota means the nights never line up.", "point")?.clause).toBe(
      "the new rota means the nights never line up",
    );
  });
});

describe("a clause left on a negative verb", () => {
  it("is not written: it broke off, or leaves out what it denies", () => {
    expect(sayBack("Sometimes in the morning I cannot, um.", "point")).toBeNull();
    expect(sayBack("Sometimes in the morning I cannot lift the big tyres.", "point")?.clause).toBe(
      "sometimes in the morning you cannot lift the big tyres",
    );
  });
});
