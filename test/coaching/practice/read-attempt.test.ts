import { describe, expect, it } from "vitest";
import { practiceFeedbackSchema, readAttempt } from "../../../src/coaching/practice/read-attempt.js";

const SAID = "I'm worried the release will slip again, and I'm the one who has to tell the customer.";

describe("readAttempt", () => {
  it("reads a faithful restatement with a check as one, with no example", () => {
    const r = readAttempt(
      SAID,
      "It sounds like you're worried the release will slip and you'd be the one telling the customer. Did I get that right?",
    );
    expect(practiceFeedbackSchema.parse(r)).toEqual(r);
    expect(r.restates).toBe(true);
    expect(r.feedback).toContain('"release"');
    expect(r.feedback).toMatch(/Checking whether you got it right/);
    expect(r.example).toBeNull();
  });

  it("says advice is advice and offers the card's faithful restatement", () => {
    const r = readAttempt(SAID, "You should talk to the PM.");
    expect(r.restates).toBe(false);
    expect(r.feedback).toMatch(/^This is advice rather than a restatement/);
    expect(r.example).toBe("It sounds like you're worried the release will slip again. Did I get that right?");
  });

  it("says a question is a question, and names the word it picked up", () => {
    const r = readAttempt(SAID, "What makes you think it will slip?");
    expect(r.restates).toBe(false);
    expect(r.feedback).toMatch(/asks a question/);
    expect(r.feedback).toContain('"slip"');
  });

  it("says when the manager gives their own view", () => {
    expect(readAttempt(SAID, "I had the same problem last year.").feedback).toMatch(/your own view/);
  });

  it("a restatement that misses the heart quotes it and gives an example; without a check suggests one", () => {
    const r = readAttempt(SAID, "It sounds like you're the one who tells the customer.");
    expect(r.restates).toBe(true);
    expect(r.feedback).toContain('leaves out what seemed to matter most to them: "I\'m worried the release will slip again"');
    expect(r.feedback).toMatch(/Did I get that right\?" would let them correct you/);
    expect(r.example).not.toBeNull();
  });

  it("after a bare 'I'm worried about it.', their reasons said back without the worry are told to name it; no written example", () => {
    const said =
      "Honestly I'm worried about it. The migration script still fails on the larger tenants, and I'm the only one who knows that code.";
    const facts = readAttempt(said, "It sounds like the migration script still fails on the larger tenants. Did I get that right?");
    expect(facts.restates).toBe(true);
    expect(facts.feedback).toContain(`They said they were worried, too: "It sounds like you're worried…"`);
    const named = readAttempt(
      said,
      "So you're worried because the migration script still fails and you're the only one who knows the code?",
    );
    expect(named.feedback).not.toMatch(/were worried, too/);
    expect(readAttempt(said, "You should ask Sam to pair with you.").example).toBeNull();
  });

  it("the heart is what they said they feel, not their longest sentence; an unmarked heart is never claimed missed", () => {
    const said =
      "I just got off work and they are going smoke-free next month at the plant, so I stopped by the pharmacy on the way home. I'm really stressed about losing my breaks.";
    const r = readAttempt(said, "So the plant is going smoke-free next month.");
    expect(r.feedback).toContain('leaves out what seemed to matter most to them: "I\'m really stressed about losing my breaks"');
    // nothing said of how they feel: the longest sentence is not put forward as what mattered most
    const plain =
      "I just got off work and they are going smoke-free next month at the plant, so I stopped by the pharmacy. It's on my way home.";
    const p = readAttempt(plain, "So the pharmacy is on your way home.");
    expect(p.restates).toBe(true);
    expect(p.feedback).not.toMatch(/matter most/);
    expect(readAttempt(plain, "You should try the patch.").example).toBeNull();
  });

  it("says only what is true of the attempt and of what they said", () => {
    // "best" is not their word, though its lemma is their "good"
    const gum = readAttempt(
      "Sounds good to me. Could I chew it while I'm in the office?",
      "Well, the gum would be the best option for you.",
    );
    expect(gum.feedback).not.toContain('"best"');
    // their words used to give advice are no start on saying them back
    expect(readAttempt(SAID, "You should tell the customer the release will slip.").feedback).not.toMatch(/a start/);
    // nothing of theirs to say back: an acknowledgement, a short question of fact
    expect(readAttempt("Yeah, yeah. Okay.", "Oral diseases.").feedback).toMatch(/nothing of theirs to say back/);
    expect(readAttempt("Oh. Okay. Well, where is that?", "We have that here, at the counter.").feedback).toMatch(/asked you a question/);
    // a reflection offered as a question already lets them correct it
    const asked = readAttempt(SAID, "So you're worried the release will slip again?");
    expect(asked.feedback).toMatch(/Asking it as a question lets them correct you/);
    expect(asked.feedback).not.toMatch(/Did I get that right/);
  });

  it("gives no example when the card cannot write a faithful one", () => {
    // a pronoun with nothing to refer to: the card's writer declines
    const r = readAttempt("They said no to it again yesterday, for the third time.", "Okay.");
    expect(r.restates).toBe(false);
    expect(r.example).toBeNull();
  });

  it("reads a typed attempt without capital or full stop as a sentence", () => {
    expect(readAttempt(SAID, "so you're worried the release will slip again").restates).toBe(true);
  });

  it("does not credit a lecture that reuses their words", () => {
    const r = readAttempt("I like smoking, it's not a big deal.", "Well, smoking really is really bad for you, you know.");
    expect(r.restates).toBe(false);
  });

  it("reads what a reply mostly does: 'Okay. Well, I'd recommend…' is advice, not an acknowledgement", () => {
    const r = readAttempt(SAID, "Okay. Well, I would recommend that you start with a smaller release.");
    expect(r.feedback).toMatch(/^This is advice rather than a restatement/);
  });

  it("never scores", () => {
    for (const a of ["Okay.", "You should talk to the PM.", "So the release may slip."]) {
      expect(readAttempt(SAID, a).feedback).not.toMatch(/\d|score|\/10|percent/i);
    }
  });
});
