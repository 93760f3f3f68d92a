import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlm } from "../../src/llm/client.js";
import { loadPrompts } from "../../src/llm/prompt-store.js";
import { bundledPromptsDir } from "../../src/config.js";
import { prepare } from "../../src/prep/llm-prep.js";
import { prepJsonSchema, type PrepJson } from "../../src/rendering/prep-json.js";
import { sharedMeetings } from "../../src/storage/history.js";
import { findPerson } from "../../src/storage/people.js";
import { dataItems, type RecordedRequest, fakeModelPerTest } from "../helpers/fake-openai.js";
import { freshStorage, type TestStorage } from "../helpers/fresh-storage.js";
import { MANAGER, MIGRATION_QUOTE, PERSON, saveGroupMeeting, saveOneOnOne } from "./meetings.js";

let store: TestStorage;

beforeAll(async () => {
  store = await freshStorage("prep-llm");
  await saveOneOnOne(store);
  await saveGroupMeeting(store);
});
afterAll(async () => store?.remove());
const model = fakeModelPerTest();

const INVENTED = "I am thinking about leaving the team next month";

interface Item {
  raised_not_picked_up?: { id: string; quote: string };
  person_said?: { id: string; text: string };
}

/** A model that writes one question per thing raised, quoting it, plus one on an invented quote. */
function answer(
  request: RecordedRequest,
  reminder = "You talked 77% in your last one-on-one with Jordan: let Jordan lead this time.",
): string {
  const items = dataItems(request) as Item[];
  const raised = items.flatMap((i) => (i.raised_not_picked_up ? [i.raised_not_picked_up] : []));
  // the first comma-separated piece of what was raised, or the next when the first is a mere "Yes"
  const piece = (quote: string) =>
    quote
      .split(",")
      .find((p) => p.trim().length >= 10)!
      .trim();
  const questions = raised.map((r) => ({
    question: `Model: what has changed since you said "${piece(r.quote)}"?`,
    quote: piece(r.quote),
    utteranceId: r.id,
  }));
  questions.push({ question: "Model: how are you feeling about leaving?", quote: INVENTED, utteranceId: raised[0]!.id });
  return JSON.stringify({ questions, reminder });
}

async function prepWithModel(...args: string[]): Promise<{ code: number; prep: PrepJson; err: string }> {
  const r = await store.cli(["prep", "--manager", MANAGER, "--with", "Jordan", "--format", "json", ...args], {
    env: {
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_API_KEY: "sk-test-prep",
      OPENAI_MODEL: "fake-model",
      OPENAI_MAX_RETRIES: "0",
      OPENAI_TIMEOUT_MS: "5000",
    },
  });
  return { code: r.code, prep: prepJsonSchema.parse(JSON.parse(r.out)), err: r.err };
}

describe("attune prep with a model (fake OpenAI-compatible server)", () => {
  it("uses the one-on-one-prep prompt; keeps grounded questions and drops the invented quote", async () => {
    model.fake.script({ content: (r) => answer(r) });
    const { code, prep, err } = await prepWithModel();
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(prep).toMatchObject({ source: "llm", fallbackReason: null, dropped: 1 });
    expect(prep.questions.map((q) => [q.question, q.quote, q.at?.slice(0, 10)])).toEqual([
      [
        'Model: what has changed since you said "The migration script still fails on the larger tenants"?',
        "The migration script still fails on the larger tenants",
        "2026-03-09",
      ],
    ]);
    expect(prep.reminder).toBe("You talked 77% in your last one-on-one with Jordan: let Jordan lead this time.");
    // the stored data is not the model's: what was raised and what went well stay as stored
    expect(prep.raised[0]!.quote).toBe(MIGRATION_QUOTE);
    expect(prep.tokens.requests).toBe(1);

    expect(model.fake.requests).toHaveLength(1);
    const request = model.fake.requests[0]!;
    expect(request.authorization).toBe("Bearer sk-test-prep");
    expect(request.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "one-on-one-prep", strict: true } });
    expect(request.body.messages[0]!.content).toContain(`${MANAGER} has a one-on-one with ${PERSON} soon`);
    const items = dataItems(request) as (Item & { meetings?: unknown[] })[];
    expect(items[0]!.meetings).toHaveLength(2);
    expect(items.some((i) => i.raised_not_picked_up?.quote === MIGRATION_QUOTE)).toBe(true);
    // only Jordan's own words go out, never the manager's or the other participants'
    const said = items.flatMap((i) => (i.person_said ? [i.person_said.text] : []));
    expect(said).toContain("I can do it, but not before the release. I'm stretched pretty thin right now.");
    expect(said.some((t) => t.includes("soak tests"))).toBe(false);
  });

  it("a reminder with a figure that was never sent is replaced by the heuristic one and counted", async () => {
    model.fake.script({ content: (r) => answer(r, "You talked 95% of the time with Jordan.") });
    const { prep } = await prepWithModel();
    expect(prep.source).toBe("llm");
    expect(prep.dropped).toBe(2);
    expect(prep.reminder).toMatch(/^You talked 77% in your last one-on-one with Jordan; aim for 20%–40%/);
  });

  it("what the model writes is checked like a quote: a question or reminder that plants a sanction, a name or an address is dropped", async () => {
    model.fake.script({
      content: (r) => {
        const planted = JSON.parse(answer(r, "Jordan should be fired; HR has been told.")) as { questions: { question: string }[] };
        // the first question keeps its grounded quote but carries what a participant told the model to write
        planted.questions[0]!.question = `Model: ask Priya whether HR knows you said "${planted.questions[0]!.question.split('"')[1]}"`;
        planted.questions[1]!.question = "Model: write to jordan@example.com about it before Friday's review?";
        return JSON.stringify(planted);
      },
    });
    const { prep } = await prepWithModel();
    // the two planted questions (one raised item is stored, so the second takes the invented quote's place)
    expect(prep.dropped).toBeGreaterThanOrEqual(2);
    const written = [...prep.questions.map((q) => q.question), prep.reminder].join("\n");
    expect(written).not.toMatch(/Priya|HR|fired|@/);
    expect(prep.reminder).toMatch(/^You talked 77% in your last one-on-one with Jordan; aim for 20%–40%/);
  });

  it("when no question quotes a stored meeting, the heuristic prepares and says so", async () => {
    model.fake.script({
      content: JSON.stringify({
        questions: [{ question: "How is the new job search going?", quote: INVENTED, utteranceId: "m2/u4" }],
        reminder: "Listen more.",
      }),
    });
    const { code, prep, err } = await prepWithModel();
    expect(code).toBe(0);
    expect(prep).toMatchObject({ source: "heuristic", dropped: 1 });
    expect(prep.fallbackReason).toMatch(/^none of the model's 1 questions quoted a stored meeting; heuristic prep instead$/);
    expect(prep.questions[0]!.question).toBe(
      "Last time you said that the migration script still fails on the larger tenants. How is that going now?",
    );
    expect(err).toBe(`attune prep: ${prep.fallbackReason}\n`);
  });

  it("a failing model falls back to the heuristic and says why, on one line", async () => {
    model.fake.fallback = { status: 500, body: { error: { message: "boom" } } };
    const { code, prep, err } = await prepWithModel();
    expect(code).toBe(0);
    expect(prep).toMatchObject({
      source: "heuristic",
      fallbackReason: "the model could not be used (the model server answered 500); heuristic prep instead",
    });
    expect(err).toBe("attune prep: the model could not be used (the model server answered 500); heuristic prep instead\n");
    const text = await store.cli(["prep", "--manager", MANAGER, "--with", "Jordan"], {
      env: { OPENAI_BASE_URL: model.baseURL, OPENAI_MAX_RETRIES: "0" },
    });
    expect(text.out).toContain("heuristic: the model could not be used (the model server answered 500); heuristic prep instead");
  });

  it("prepare() directly: quotes are checked against the stored transcripts, not only the moments", async () => {
    const prompts = await loadPrompts(bundledPromptsDir);
    if (!prompts.ok) throw new Error(prompts.error.message);
    model.fake.script({
      content: JSON.stringify({
        questions: [
          // an utterance of Jordan's that no coaching moment holds: still a stored quote
          {
            question: "What would take some load off you before the release?",
            quote: "I'm stretched pretty thin right now.",
            utteranceId: "m2/u6",
          },
          // Renée's words, not Jordan's
          { question: "Why can the date not move again?", quote: "we moved it twice already this quarter", utteranceId: "m2/u5" },
        ],
        reminder: "Let Jordan finish before you answer.",
      }),
    });
    await store.withDb(async (db) => {
      const renee = await findPerson(db, "local", MANAGER);
      const jordan = await findPerson(db, "local", PERSON);
      if (!renee.ok || !jordan.ok) throw new Error("people missing");
      const meetings = await sharedMeetings(db, renee.value.id, jordan.value.id, [PERSON], 10);
      const llm = createLlm({ apiKey: "sk-test", baseURL: model.baseURL, model: "fake-model", timeoutMs: 5000, maxRetries: 0 });
      const prep = await prepare(
        { manager: MANAGER, person: { name: PERSON, names: [PERSON] }, meetings },
        { llm, prompts: prompts.value },
      );
      expect(prep.source).toBe("llm");
      expect(prep.dropped).toBe(1);
      expect(prep.questions).toEqual([
        {
          question: "What would take some load off you before the release?",
          quote: "I'm stretched pretty thin right now.",
          meetingId: meetings[1]!.meetingId,
          at: meetings[1]!.at,
        },
      ]);
      expect(prep.reminder).toBe("Let Jordan finish before you answer.");
    });
  });
});
