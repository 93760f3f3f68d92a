import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlm } from "../../src/llm/client.js";
import { loadPrompts } from "../../src/llm/prompt-store.js";
import { bundledPromptsDir } from "../../src/config.js";
import { promptSetDetector } from "../../eval/prompt-set-detector.js";
import { dataItems, FakeOpenAi } from "../helpers/fake-openai.js";

let fake: FakeOpenAi;
let baseURL: string;
beforeAll(async () => {
  fake = new FakeOpenAi();
  baseURL = await fake.start();
});
afterAll(async () => fake.stop());

describe("the prompt set as a restatement detector (npm run eval with a model)", () => {
  it("sends the pair through the listening-moments prompt and reads 'no restatement due' as 'restates'", async () => {
    const loaded = await loadPrompts(bundledPromptsDir);
    if (!loaded.ok) throw new Error(loaded.message);
    const detector = promptSetDetector(createLlm({ apiKey: "k", baseURL, model: "judge", timeoutMs: 3000, maxRetries: 0 }), loaded.value);
    const answer = (due: boolean) => ({
      content: JSON.stringify({
        moments: [{ momentId: "m1", utteranceId: "u1", quote: "I drink", restatementDue: due, whatHappened: "x", suggestion: "y" }],
      }),
    });
    fake.script(answer(false), answer(true));
    expect(await detector.judge("I drink every night.", "You drink every night.")).toBe(true);
    expect(await detector.judge("I drink every night.", "What brings you here?")).toBe(false);
    const item = dataItems(fake.requests[1]!)[0] as { said: { text: string }[]; manager_replied: { text: string } };
    expect(item.said[0]!.text).toBe("I drink every night.");
    expect(item.manager_replied.text).toBe("What brings you here?");
  });
});
