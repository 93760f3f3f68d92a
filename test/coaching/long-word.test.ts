import { describe, expect, it } from "vitest";
import { coachMeeting } from "../../src/coaching/coach.js";
import { bundledPromptsDir } from "../../src/config.js";
import { createLlm } from "../../src/llm/client.js";
import { loadPrompts } from "../../src/llm/prompt-store.js";
import { analyze } from "../../src/metrics/analyze.js";
import { wellBehavedModelForFile } from "../helpers/fake-openai.js";
import { transcriptOf } from "../helpers/fixtures.js";

const model = wellBehavedModelForFile();

const word = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join("");

// Finding 3 of issue 10: a participant's 200 KB "word" (here their display name and a word they said) froze
// coaching in the tokenizer. What goes to the model is bounded, and so is the time to count it.
describe("one very long word in a meeting coached by the prompt set", () => {
  it("is coached within 10 s, and no request carries more than a few KB of it", async () => {
    const manager = "Dana Park";
    const utterances = transcriptOf("injection/prompt-injection.vtt").utterances.map((u) =>
      u.speaker === manager ? u : { ...u, speaker: word, text: `${u.text} ${word}` },
    );
    const analysis = analyze({ utterances, manager });
    const loaded = await loadPrompts(bundledPromptsDir);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const llm = createLlm({ apiKey: "k", baseURL: model.baseURL, model: "m", timeoutMs: 5000, maxRetries: 0 });
    const started = performance.now();
    const coaching = await coachMeeting({ utterances, analysis, manager }, { llm, prompts: loaded.value });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(coaching.source).toBe("llm");
    expect(model.fake.requests.length).toBeGreaterThan(0);
    for (const request of model.fake.requests) expect(JSON.stringify(request.body.messages).length).toBeLessThan(20_000);
  });
});
