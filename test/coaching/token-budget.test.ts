import { describe, expect, it } from "vitest";
import { coachMeeting } from "../../src/coaching/coach.js";
import { createLlm } from "../../src/llm/client.js";
import { loadPrompts } from "../../src/llm/prompt-store.js";
import { bundledPromptsDir } from "../../src/config.js";
import type { Coaching } from "../../src/coaching/schema.js";
import { analyze } from "../../src/metrics/analyze.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { isSummaryRequest, shownConversation, wellBehavedModelForFile } from "../helpers/fake-openai.js";
import { ONE_HOUR_MANAGER, oneHourMeeting } from "../helpers/one-hour-meeting.js";

const model = wellBehavedModelForFile();

/** The hour's manager coached by the prompt set against the fake model. */
async function coachWithModel(utterances: Utterance[]): Promise<Coaching> {
  const loaded = await loadPrompts(bundledPromptsDir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const analysis = analyze({ utterances, manager: ONE_HOUR_MANAGER });
  const llm = createLlm({ apiKey: "k", baseURL: model.baseURL, model: "m", timeoutMs: 3000, maxRetries: 0 });
  return coachMeeting({ utterances, analysis, manager: ONE_HOUR_MANAGER }, { llm, prompts: loaded.value });
}

describe("token budget on an hour of real meeting", () => {
  it("sends under 30% of the transcript's tokens and under 12k, in a few requests, only moment windows", async () => {
    const utterances = oneHourMeeting();
    expect(utterances[utterances.length - 1]!.endMs).toBeGreaterThan(59 * 60_000);
    const coaching = await coachWithModel(utterances);
    expect(coaching.source).toBe("llm");
    expect(coaching.candidates).toBeGreaterThan(8);
    expect(coaching.tokens.requests).toBeLessThanOrEqual(4);
    expect(coaching.tokens.prompt).toBeLessThan(12_000);
    expect(coaching.tokens.prompt / coaching.tokens.transcript).toBeLessThan(0.3);
    const sentChars = model.fake.requests.reduce((sum, r) => sum + r.body.messages.reduce((s, m) => s + m.content.length, 0), 0);
    const transcriptChars = utterances.reduce((sum, u) => sum + u.text.length, 0);
    expect(sentChars / transcriptChars).toBeLessThan(0.3);
    console.info(
      `one-hour meeting: ${coaching.tokens.prompt} prompt tokens of ${coaching.tokens.transcript} transcript tokens (${((100 * coaching.tokens.prompt) / coaching.tokens.transcript).toFixed(1)}%), ${coaching.tokens.requests} requests, ${coaching.candidates} candidates`,
    );
  });

  it.each([
    ["the hour of AMI talk", 60],
    ["its first 38 minutes", 38],
    ["its first 31 minutes", 31],
  ])("%s: at most 3,300 prompt tokens per hour of meeting", async (_name, minutes) => {
    const utterances = oneHourMeeting().filter((u) => u.endMs <= minutes * 60_000);
    const hours = utterances[utterances.length - 1]!.endMs / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(0.5);
    const before = model.fake.requests.length;
    const coaching = await coachWithModel(utterances);
    model.fake.requests.splice(0, before);
    expect(coaching.source).toBe("llm");
    expect(coaching.tokens.requests).toBeGreaterThan(0);
    const perHour = coaching.tokens.prompt / hours;
    console.info(`${minutes} minutes: ${coaching.tokens.prompt} prompt tokens = ${Math.round(perHour)} per hour`);
    expect(perHour).toBeLessThanOrEqual(3300);
    // within that, the model sees the conversation around its moments, not only their words and the reply
    const moments = model.fake.requests.filter((r) => !isSummaryRequest(r)).map(shownConversation);
    const judged = new Set(moments.flatMap((m) => m.moments.flatMap((x) => [...x.said.map((s) => s.id), x.reply?.id])));
    expect(moments.flatMap((m) => m.shown).filter((s) => !judged.has(s.id)).length).toBeGreaterThanOrEqual(
      moments.flatMap((m) => m.moments).length,
    );
  });
});
