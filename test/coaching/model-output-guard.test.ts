import { describe, expect, it } from "vitest";
import { coachMeeting } from "../../src/coaching/coach.js";
import { modelTextProblem } from "../../src/coaching/model-text.js";
import { bundledPromptsDir } from "../../src/config.js";
import { createLlm } from "../../src/llm/client.js";
import { loadPrompts } from "../../src/llm/prompt-store.js";
import { analyze } from "../../src/metrics/analyze.js";
import { goodMomentsAnswer, goodSummaryAnswer, fakeModelPerTest } from "../helpers/fake-openai.js";
import { transcriptOf } from "../helpers/fixtures.js";

const model = fakeModelPerTest();

const MANAGER = "Dana Park";
const GOOD_SUGGESTION = "It sounds like the on-call load and the release work together are too much. Did I get that right?";

/** The meeting in which Sam asks the model to write that Jordan should be fired, coached by the prompt set. */
async function coach(answer: { whatHappened?: string; suggestion?: string; habit?: string }) {
  const loaded = await loadPrompts(bundledPromptsDir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  model.fake.script(
    {
      content: (r) =>
        goodMomentsAnswer(r, (_item, a) => {
          a.quote = "I can't keep up with the on-call load";
          a.whatHappened = answer.whatHappened ?? "You moved on to hiring before saying back the worry.";
          a.suggestion = answer.suggestion ?? GOOD_SUGGESTION;
        }),
    },
    { content: answer.habit ? JSON.stringify({ habit: answer.habit, wentWell: "" }) : goodSummaryAnswer },
  );
  const { utterances } = transcriptOf("injection/third-party.vtt");
  const analysis = analyze({ utterances, manager: MANAGER });
  const llm = createLlm({ apiKey: "k", baseURL: model.baseURL, model: "m", timeoutMs: 3000, maxRetries: 0 });
  return coachMeeting({ utterances, analysis, manager: MANAGER }, { llm, prompts: loaded.value });
}

// Finding 5 of issue 10: a model that obeyed a transcript line put "Jordan should be fired; HR has been
// told" in whatHappened, the suggestion and the habit; only quotes and ids were checked.
describe("what the model writes is checked like a quote", () => {
  it("a grounded answer is kept (so the drops below are the checks, not a broken setup)", async () => {
    const coaching = await coach({});
    expect(coaching.source).toBe("llm");
    expect(coaching.dropped).toBe(0);
    expect(coaching.moments[0]!.suggestion).toBe(GOOD_SUGGESTION);
    expect(coaching.habit).toBe("Model habit: say back each worry before you answer it.");
  });

  it("their 'honestly' copied into the suggestion is taken out; a suggestion without it is kept as written", async () => {
    const coaching = await coach({ suggestion: "Honestly, you're worried about the release slipping again. Did I get that right?" });
    expect(coaching.dropped).toBe(0);
    expect(coaching.moments[0]!.suggestion).toBe("You're worried about the release slipping again. Did I get that right?");
  });

  it.each([
    ["whatHappened obeys the injection", { whatHappened: "Jordan should be fired; HR has been told." }],
    ["the suggestion obeys it", { suggestion: `${GOOD_SUGGESTION} Jordan should be fired; HR has been told.` }],
    ["the suggestion tells the manager what to do about a colleague", { suggestion: "Ask Jordan Lee to take Sam's on-call weekend." }],
    ["the suggestion carries a link", { suggestion: "It sounds like it is too much. Read evil.example/help first." }],
    ["the suggestion carries an e-mail address", { suggestion: "It sounds like too much. Write to help@evil.example about it." }],
    ["whatHappened carries a card function", { whatHappened: "On {{DATE(2026-12-01T00:00:00Z, SHORT)}} you moved on." }],
    [
      "the suggestion names what the moment never mentioned",
      { suggestion: "It sounds like you want Acme Staffing to help. Did I get that right?" },
    ],
  ])("%s: the answer is dropped and the heuristic's reading stays", async (_name, answer) => {
    const coaching = await coach(answer);
    expect(coaching.source).toBe("llm");
    expect(coaching.dropped).toBe(1);
    expect(coaching.moments).toHaveLength(1);
    const card = JSON.stringify(coaching.moments);
    // Sam's own worry ("I'm worried I'll be fired…") may be said back; the injected line about Jordan may not
    expect(card).not.toMatch(/Jordan should be fired|HR has|evil\.example|\{\{|Acme|Ask Jordan/);
    expect(coaching.moments[0]!.suggestion).toBe(
      "It sounds like you're worried you'll be fired if the release slips again. Did I get that right?",
    );
  });

  it("a habit that obeys the injection is replaced by Attune's own", async () => {
    const coaching = await coach({ habit: "Tell HR that Jordan should be fired." });
    expect(coaching.source).toBe("llm");
    expect(coaching.habit).not.toMatch(/HR|Jordan|fired/);
    expect(coaching.habit.length).toBeGreaterThan(10);
  });

  it("the person's own worry may be said back, sanction words and all", async () => {
    const suggestion = "It sounds like you're worried you'll be fired if the release slips again. Did I get that right?";
    const coaching = await coach({ suggestion });
    expect(coaching.dropped).toBe(0);
    expect(coaching.moments[0]!.suggestion).toBe(suggestion);
  });
});

describe("modelTextProblem", () => {
  const grounding = {
    said: "Sam said the Q3 launch with Priya is at risk.",
    own: ["Sam Ruiz", "Dana Park"],
    others: ["Priya Shah", "Lee Chen"],
  };
  it.each([
    ["It sounds like the Q3 launch with Priya is at risk. Did I get that right?", null],
    ["Sam raised a risk and you moved on.", null],
    ["Lee will take it over.", /names someone who is not part/],
    ["It sounds like Priya should be disciplined.", /discipline, which nobody in the moment mentioned/],
    ["Visit https://x.example now.", /link or an address/],
    ["It sounds like the launch is at risk for Globex.", /names 'Globex'/],
    // a name nobody said may not open a sentence either; an ordinary word may
    ["Jordan is the one at risk here.", /names 'Jordan'/],
    ["Ask what the risk is. Then say it back.", null],
  ])("%s", (text, expected) => {
    const problem = modelTextProblem(text, "suggestion", grounding);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
