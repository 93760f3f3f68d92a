import { describe, expect, it } from "vitest";
import { toSecondPerson } from "../../src/coaching/person.js";
import { judgeRestatement } from "../../src/coaching/restatement.js";

describe("judgeRestatement", () => {
  const worry = "I'm stretched pretty thin, the migration and on-call are both on me this weekend.";
  it("paraphrase markers with a check", () => {
    const j = judgeRestatement(worry, "So what I'm hearing is you're carrying the migration and on-call alone. Is that right?");
    expect(j).toMatchObject({ restates: true, marker: "what i'm hearing", checks: true });
  });
  it("a statement about the other person (the MI reflection form)", () => {
    expect(judgeRestatement(worry, "You feel like it all lands on you.").restates).toBe(true);
  });
  it("not advice, not a fresh open question, not a change of subject", () => {
    expect(judgeRestatement(worry, "You should delegate the migration to Priya.").restates).toBe(false);
    expect(judgeRestatement(worry, "Okay. What else is on your plate?").restates).toBe(false);
    expect(judgeRestatement(worry, "Right, but the soak tests will catch that.").restates).toBe(false);
    expect(judgeRestatement(worry, "Okay.").restates).toBe(false);
  });
  it("content words taken up from the previous turn, about them", () => {
    const j = judgeRestatement(worry, "So the migration and the on-call weekend are both landing on your shoulders.");
    expect(j.restates).toBe(true);
    expect(j.overlap).toBeGreaterThan(0.3);
  });
});

describe("toSecondPerson", () => {
  it("turns what someone said of themselves into what the listener says back", () => {
    expect(toSecondPerson("I'm the only one who knows my code, and I was on call")).toBe(
      "you're the only one who knows your code, and you were on call",
    );
  });
});

describe("toSecondPerson, both ways", () => {
  it("what they said of the listener comes back as the listener's own", () => {
    expect(toSecondPerson("any design modifications you come up with")).toBe("any design modifications I come up with");
    expect(toSecondPerson("I told you your plan worries me")).toBe("you told me my plan worries you");
    expect(toSecondPerson("you're the one I asked")).toBe("I'm the one you asked");
  });
});

describe("heuristic suggestions", () => {
  it("say back the other person's sentence in the listener's voice, without speech repeats, quoting verbatim", async () => {
    const { heuristicMoment } = await import("../../src/coaching/suggest.js");
    const said = {
      id: "u2",
      speaker: "Bo",
      startMs: 5000,
      endMs: 15_000,
      text: "Honestly I'm worried that the the plan you you made leaves me alone on call.",
    };
    const moment = heuristicMoment({
      id: "m1",
      kind: "missed-concern",
      speaker: "Bo",
      trigger: [said],
      reply: null,
      gapMs: null,
      interrupted: false,
      priority: 50,
    });
    expect(moment.quote).toBe(said.text);
    expect(moment.suggestion).toBe("It sounds like you're worried that the plan I made leaves you alone on call. Did I get that right?");
  });
});
