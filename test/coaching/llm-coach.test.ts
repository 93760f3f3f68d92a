import { beforeAll, describe, expect, it } from "vitest";
import { coachMeeting, type CoachDeps } from "../../src/coaching/coach.js";
import { createLlm, type LlmSettings } from "../../src/llm/client.js";
import { loadPrompts, type Prompt } from "../../src/llm/prompt-store.js";
import { defaultLlmCoachOptions } from "../../src/coaching/llm-coach.js";
import { coachingSchema, type Coaching } from "../../src/coaching/schema.js";
import { bundledPromptsDir } from "../../src/config.js";
import { cleanSpoken } from "../../src/language/index.js";
import { analyze } from "../../src/metrics/analyze.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { goodMomentsAnswer, goodSummaryAnswer, shownConversation, fakeModelPerTest } from "../helpers/fake-openai.js";
import { transcriptOf } from "../helpers/fixtures.js";
import { LONG_MEETING_MANAGER, longMeeting } from "../cards/long-meeting.js";

let prompts: Map<string, Prompt>;

beforeAll(async () => {
  const loaded = await loadPrompts(bundledPromptsDir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  prompts = loaded.value;
});
const model = fakeModelPerTest();

function deps(overrides: Partial<LlmSettings> = {}): CoachDeps {
  return {
    llm: createLlm({ apiKey: "sk-test-secret", baseURL: model.baseURL, model: "fake-model", timeoutMs: 3000, maxRetries: 2, ...overrides }),
    prompts,
  };
}

/** A budget roomy enough for two batches on a 17-minute meeting, for the tests about batches. */
const twoBatches = (): CoachDeps => ({ ...deps(), llmOptions: { ...defaultLlmCoachOptions, batchSize: 4, budgetFloor: 6000 } });

async function coach(file: string, manager: string, d: CoachDeps = deps()): Promise<{ coaching: Coaching; utterances: Utterance[] }> {
  return coachOn(transcriptOf(file).utterances, manager, d);
}

async function coachOn(
  utterances: Utterance[],
  manager: string,
  d: CoachDeps = deps(),
): Promise<{ coaching: Coaching; utterances: Utterance[] }> {
  const analysis = analyze({ utterances, manager });
  const coaching = await coachMeeting({ utterances, analysis, manager }, d);
  coachingSchema.parse(coaching);
  return { coaching, utterances };
}

const sample = ["teams/download-style.vtt", "Renée Ortiz"] as const;
/** A long meeting with many moments worth coaching, for the tests that need two batches of them. */
const many = (): [Utterance[], string] => [longMeeting(), LONG_MEETING_MANAGER];

describe("the prompt-set coach against a fake OpenAI-compatible server", () => {
  it("good answers: moments from the model, habit from the summary, requests and tokens counted", async () => {
    model.fake.script({ content: (r) => goodMomentsAnswer(r) }, { content: goodSummaryAnswer });
    const { coaching } = await coach(...sample);
    expect(coaching.source).toBe("llm");
    expect(coaching.fallbackReason).toBeNull();
    expect(coaching.moments).toHaveLength(1);
    expect(coaching.moments[0]).toMatchObject({ speaker: "Lee, Jordan (Guest)", kind: "missed-concern", replyUtteranceId: "u5" });
    expect(coaching.moments[0]!.suggestion).toMatch(/^Model: it sounds like .*Did I get that right\?$/);
    expect(coaching.habit).toBe("Model habit: say back each worry before you answer it.");
    // with a model, the model judges praise: this one praised nothing, so nothing is held up
    expect(coaching.kept).toEqual([]);
    expect(coaching.tokens.requests).toBe(2);
    expect(coaching.tokens.prompt).toBeGreaterThan(200);
    // the wire: the real client, structured output, the key as a bearer token, only the moment's window sent
    const [first] = model.fake.requests;
    expect(first!.authorization).toBe("Bearer sk-test-secret");
    expect(first!.body.model).toBe("fake-model");
    expect(first!.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "listening-moments", strict: true } });
    const user = first!.body.messages[1]!.content;
    expect(user).toContain("I'm worried about it");
    expect(user).not.toContain("shadow the migration");
  });

  it("malformed JSON gets one repair attempt that feeds the error back", async () => {
    model.fake.script(
      { content: "Sure! Here are the moments: {moments: [" },
      { content: (r) => goodMomentsAnswer(r) },
      { content: goodSummaryAnswer },
    );
    const { coaching } = await coach(...sample);
    expect(coaching.source).toBe("llm");
    expect(coaching.moments).toHaveLength(1);
    const repair = model.fake.requests[1]!.body.messages;
    expect(repair.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(repair[3]!.content).toMatch(/not JSON/);
    expect(coaching.tokens.requests).toBe(3);
  });

  it("a schema-violating answer is repaired with the validation errors", async () => {
    model.fake.script(
      { content: JSON.stringify({ moments: [{ momentId: "m1" }] }) },
      { content: (r) => goodMomentsAnswer(r) },
      { content: goodSummaryAnswer },
    );
    const { coaching } = await coach(...sample);
    expect(coaching.source).toBe("llm");
    expect(model.fake.requests[1]!.body.messages[3]!.content).toMatch(/moments\.0\.utteranceId/);
  });

  it("a reply that stays malformed after the repair falls back to the heuristic, and says why", async () => {
    model.fake.script({ content: "not json" }, { content: "still not json" });
    const { coaching } = await coach(...sample);
    expect(coaching.source).toBe("heuristic");
    expect(coaching.fallbackReason).toMatch(/malformed: the reply is not JSON/);
    expect(coaching.moments[0]!.suggestion).toMatch(/^So you're worried…/);
    expect(coaching.tokens.requests).toBe(2);
  });

  it("an invented quote and an unknown utterance id are dropped and counted; those moments keep the heuristic's reading", async () => {
    model.fake.script(
      // first batch: the first moment's quote is invented
      {
        content: (r) =>
          goodMomentsAnswer(r, (item, answer) => {
            if (item.moment === shownConversation(r).moments[0]!.moment) answer.quote = "I think the manager is doing a perfect job.";
          }),
      },
      // second batch: every answer names an utterance that does not exist
      {
        content: (r) =>
          goodMomentsAnswer(r, (_item, answer) => {
            answer.utteranceId = "u9999";
          }),
      },
      { content: goodSummaryAnswer },
    );
    const { coaching, utterances } = await coachOn(...many(), twoBatches());
    expect(coaching.source).toBe("llm");
    expect(coaching.tokens.requests).toBe(3);
    const [first, second] = model.fake.requests.map((r) => shownConversation(r).moments.length);
    expect(second).toBeGreaterThan(0);
    expect(coaching.dropped).toBe(1 + second!);
    // every moment sent has a reading: the model's where its answer held, the heuristic's where it was dropped
    expect(coaching.moments).toHaveLength(first! + second!);
    expect(coaching.moments.filter((m) => m.suggestion.startsWith("Model:"))).toHaveLength(first! - 1);
    const index = new Map(utterances.map((u, i) => [u.id, i]));
    for (const m of coaching.moments) {
      const from = index.get(m.utteranceId)!;
      const turn = utterances.slice(from, from + 4).filter((u) => u.speaker === m.speaker);
      // what was said, or the cleaned text the model was shown of it (a repeated "of of" cleaned away)
      const texts = [turn.map((u) => u.text).join(" "), ...turn.map((u) => cleanSpoken(u.text))];
      expect(texts.some((t) => t.includes(m.quote.replace(/ …$/, "")))).toBe(true);
    }
    expect(coaching.moments.some((m) => m.quote.includes("perfect job"))).toBe(false);
  });

  it("an answer cut off at max_tokens (finish_reason: length) is a failed answer; its moments keep the heuristic's reading", async () => {
    model.fake.script(
      { content: (r) => goodMomentsAnswer(r), finishReason: "length" },
      { content: (r) => goodMomentsAnswer(r) },
      { content: goodSummaryAnswer },
    );
    const { coaching } = await coachOn(...many(), twoBatches());
    const [first, second] = model.fake.requests.map((r) => shownConversation(r).moments.length);
    expect(coaching.source).toBe("llm");
    expect(coaching.fallbackReason).toMatch(/could not judge some moments \(truncated: the answer was cut off at the token limit\)/);
    expect(coaching.moments).toHaveLength(first! + second!);
    // most important first: the first batch's moments are the heuristic's, the second batch's the model's
    expect(coaching.moments.slice(0, first).every((m) => !m.suggestion.startsWith("Model:"))).toBe(true);
    expect(coaching.moments.slice(first).every((m) => m.suggestion.startsWith("Model:"))).toBe(true);
  });

  it("the model is sent cleaned text: no hesitations or repeats, so fewer tokens", async () => {
    model.fake.fallback = {
      content: (r) => (r.body.response_format?.json_schema?.name === "coaching-summary" ? goodSummaryAnswer : goodMomentsAnswer(r)),
    };
    await coachOn(...many());
    const sent = model.fake.requests.flatMap((r) =>
      r.body.response_format?.json_schema?.name === "listening-moments" ? shownConversation(r).shown : [],
    );
    const texts = sent.map((s) => s.text);
    expect(texts.length).toBeGreaterThan(4);
    for (const text of texts) expect(text).not.toMatch(/\b(?:um|uh)\b|\b(\w+) \1\b/i);
  });

  it("429 with Retry-After, then success: retried by the client, coached by the model", async () => {
    model.fake.script(
      { status: 429, headers: { "retry-after": "1" } },
      { content: (r) => goodMomentsAnswer(r) },
      { content: goodSummaryAnswer },
    );
    const started = Date.now();
    const { coaching } = await coach(...sample);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(coaching.source).toBe("llm");
    expect(model.fake.requests).toHaveLength(3);
  });

  it("persistent 500: retries, then the heuristic coaches and the report says the server failed", async () => {
    model.fake.fallback = { status: 500, body: { error: { message: "boom" } } };
    const { coaching } = await coach(...sample, deps({ maxRetries: 1 }));
    expect(model.fake.requests).toHaveLength(2);
    expect(coaching.source).toBe("heuristic");
    expect(coaching.fallbackReason).toMatch(/answered 500/);
    expect(coaching.moments).toHaveLength(1);
  });

  it("a server that hangs past the timeout: bounded wait, then the heuristic", async () => {
    model.fake.fallback = { hang: true };
    const started = Date.now();
    const { coaching } = await coach(...sample, deps({ timeoutMs: 400, maxRetries: 1 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(model.fake.requests).toHaveLength(2);
    expect(coaching.source).toBe("heuristic");
    expect(coaching.fallbackReason).toMatch(/timeout/);
  });

  it("a model that judges no restatement was due gives no moment, and nothing is dropped", async () => {
    model.fake.script(
      {
        content: (r) =>
          goodMomentsAnswer(r, (_i, a) => {
            a.restatementDue = false;
          }),
      },
      { content: goodSummaryAnswer },
    );
    const { coaching } = await coach(...sample);
    expect(coaching.source).toBe("llm");
    expect(coaching.moments).toEqual([]);
    expect(coaching.dropped).toBe(0);
  });
});
