import { describe, expect, it } from "vitest";
import { feltClause } from "../../src/coaching/felt-say-back.js";

const clause = (sentence: string): string | null => feltClause(sentence)?.clause ?? null;

describe("a feeling said back from the clause that says it", () => {
  it("writes the clause in the listener's voice, past hesitations and stutters", () => {
    expect(clause("Um, and I-I've just been feeling really stressed lately.")).toBe("you've just been feeling really stressed lately");
    expect(clause("I'm afraid I haven't made any progress on that front yet.")).toBe(
      "you're afraid you haven't made any progress on that front yet",
    );
  });

  it("says feelings listed one after another as one list, each as they said it", () => {
    expect(clause("I get stressed, I get resentful, I get overwhelmed and, uh, out of alignment.")).toBe(
      "you get stressed, resentful and overwhelmed",
    );
    expect(clause("I'm tired, I'm stressed out.")).toBe("you're tired and stressed out");
  });

  it("keeps a hedge in front of the feeling, or writes nothing", () => {
    expect(clause("Uh, I don't know, I-I guess I'm-I'm getting pretty frustrated with the new rota.")).toBe(
      "you might be getting pretty frustrated with the new rota",
    );
    expect(clause("I don't know, I get so angry.")).toBeNull();
    expect(clause("I'm frustrated, I guess.")).toBe("you might be frustrated");
    // a doubt about something else that goes on from the feeling is no hedge of it, and the feeling alone leaves it out
    expect(clause("Some days I finish and I'm just, I'm tired, like, I don't know how long I can do both like this.")).toBeNull();
    // nor is a feeling said without its verb written as it was said
    expect(clause("Is just, I tired, Allison.")).toBeNull();
    expect(clause("I'm so tired, Allison.")).toBe("you're so tired");
  });

  it("keeps a feeling said as a thought a thought, with what it is about", () => {
    expect(
      clause("I just feel like everyone else is fine and they're normal and I'm just the freak, you can't, like do normal things and—"),
    ).toBe("you just feel like everyone else is fine and they're normal and you're just the freak");
  });

  it("writes nothing where the clause cannot stand alone", () => {
    // half of a contrast
    expect(clause("I know I can do it, but I'm really scared.")).toBeNull();
    // a pronoun pointing outside it: "them", or "her" with no one named
    expect(clause("I'm a little bit worried about uh, making it harder for them.")).toBeNull();
    expect(clause("I guess I'm getting pretty frustrated with her.")).toBeNull();
    // one item of a list of reasons is not the point of the list
    expect(
      clause("I have asthma and I'm having a hard time breathing when I exercise and not to mention it's socially unacceptable."),
    ).toBeNull();
    // a restart after the subject
    expect(clause("Uh, I probably it's very difficult to to because the overlap is.")).toBeNull();
    // stops on a word that needs more
    expect(clause("-and I feel like I can- I can, uh, respect myself.")).toBeNull();
    expect(clause("I feel like I'm being, eh, charged for things I can't touch.")).toBeNull();
    // ends on an auxiliary once the restart that finished it is gone ("so tired that you weren't")
    expect(clause("It's just I think I was so tired that I, I wasn't, my brain wasn't really there.")).toBeNull();
    // not their own "I"
    expect(clause("My daughter gets so frightened.")).toBeNull();
    // a hard time said of "it": "That sounds hard" would point at nothing in the sentence
    expect(clause("It's just really-- It's really, really hard.")).toBeNull();
    // a reason that hangs on what they said before
    expect(clause("Because I get stressed, I get resentful, I get overwhelmed.")).toBeNull();
  });
});

describe("a closing aside is not part of the feeling", () => {
  it("drops 'honestly' after it, also where the transcript left out its comma", () => {
    expect(feltClause("I'm a bit nervous about the walkthrough honestly.")?.clause).toBe("you're a bit nervous about the walkthrough");
    expect(feltClause("I'm a bit nervous about the walkthrough, honestly.")?.clause).toBe("you're a bit nervous about the walkthrough");
  });
  it("an aside between commas does not end the clause, and a 'then' before it is not said back", () => {
    expect(feltClause("And I'm a little bit worried, honestly, that Martina is leaving because of the closings.")?.clause).toBe(
      "you're a little bit worried that Martina is leaving because of the closings",
    );
    expect(feltClause("I keep rereading everything, and then I'm stressed about being late.")?.clause).toBe(
      "you're stressed about being late",
    );
  });
  it("an aside before a new subject ends the clause, and the opening said again across it is said once", () => {
    expect(clause("I'm a bit gutted, to be honest, I liked him.")).toBe("you're a bit gutted");
    expect(clause("I'm, honestly, I'm tired.")).toBe("you're tired");
    // the name they end on, after an aside, is not said back
    expect(clause("I'm a bit, I'm tired, to be honest, Andreas.")).toBe("you're tired");
  });
  it("a state of two words is a whole clause; a feeling of two words leaves out what about", () => {
    expect(clause("Honestly, I'm tired.")).toBe("you're tired");
    expect(clause("Honestly, I'm worried.")).toBeNull();
  });
  it("writes nothing for a feeling about 'this one' named before", () => {
    expect(clause("Jens, honestly, I'm a bit worried about this one.")).toBeNull();
  });
});
