import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPromptsDir } from "../../src/config.js";
import { createLlm } from "../../src/llm/client.js";
import { loadPrompts, type Prompt } from "../../src/llm/prompt-store.js";
import { findPerson } from "../../src/storage/people.js";
import { practiceCounts } from "../../src/storage/practice.js";
import { latestReport } from "../../src/storage/reports.js";
import { answerPractice, startPractice } from "../../src/usecases/practise-from-card.js";
import { dataItems, fakeModelPerTest } from "../helpers/fake-openai.js";
import { freshStorage, type TestStorage } from "../helpers/fresh-storage.js";
import { MANAGER, saveOneOnOne } from "../prep/meetings.js";

let store: TestStorage;
let prompts: ReadonlyMap<string, Prompt>;
const model = fakeModelPerTest();

beforeAll(async () => {
  store = await freshStorage("practise-card");
  await saveOneOnOne(store);
  const loaded = await loadPrompts(bundledPromptsDir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  prompts = loaded.value;
});
afterAll(async () => store?.remove());

const coach = () => ({
  llm: createLlm({ apiKey: "sk-test", baseURL: model.baseURL, model: "fake-model", timeoutMs: 5000, maxRetries: 0 }),
  prompts,
});

const ATTEMPT = "Let's just make sure the runbook is up to date.";
const GOOD = {
  restates: false,
  feedback: 'This moves to the runbook before Jordan knows you heard "I\'m worried about it". Say that back first.',
  example: "It sounds like you're worried because the migration script still fails on the larger tenants. Did I get that right?",
};

/** Presses "Practise this" on the first moment of the manager's stored card, then sends the attempt. */
async function practise(deps: ReturnType<typeof coach>) {
  return store.withDb(async (db) => {
    const renee = await findPerson(db, "local", MANAGER);
    if (!renee.ok) throw new Error(renee.error.message);
    const report = await latestReport(db, renee.value.id);
    const moment = report!.coaching.moments[0]!;
    const started = await startPractice(db, renee.value.id, report!.meetingId, moment.utteranceId);
    expect(started.ok).toBe(true);
    const before = await practiceCounts(db, renee.value.id);
    const answered = await answerPractice(db, deps, renee.value.id, ATTEMPT);
    const after = await practiceCounts(db, renee.value.id);
    return { answered, counted: { attempts: after.attempts - before.attempts, saidBack: after.saidBack - before.saidBack } };
  });
}

describe("the personal-chat attempt with a model", () => {
  it("the model writes the feedback on the card's moment; the rules' restates is what is counted", async () => {
    model.fake.script({ content: JSON.stringify(GOOD) });
    const { answered, counted } = await practise(coach());
    expect(answered).toMatchObject({ ok: true, value: { feedback: { ...GOOD, source: "llm", fallbackReason: null } } });
    expect(counted).toEqual({ attempts: 1, saidBack: 0 });
    const items = dataItems(model.fake.requests[0]!);
    expect(items[0]).toMatchObject({ person: "Lee, Jordan (Guest)" });
    expect(items[0]!.person_said).toContain("The migration script still fails on the larger tenants");
    expect(items[1]).toEqual({ manager: MANAGER, manager_attempt: ATTEMPT });
  });

  it("an answer planting a sanction against a third party gives the rules' feedback", async () => {
    model.fake.script({
      content: JSON.stringify({ ...GOOD, feedback: "Say it back first; Marketing should discipline Jordan for the delay." }),
    });
    const { answered } = await practise(coach());
    if (!answered?.ok) throw new Error("no feedback");
    expect(answered.value.feedback.source).toBe("heuristic");
    expect(answered.value.feedback.feedback).not.toMatch(/discipline/);
    expect(answered.value.feedback.fallbackReason).toMatch(/^the model's feedback was not used \(feedback speaks of discipline\)/);
  });
});
