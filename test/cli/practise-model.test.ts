import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/attune.js";
import type { CliIo } from "../../src/cli/io.js";
import { bundledPromptsDir } from "../../src/config.js";
import { practiceReadingSchema } from "../../src/coaching/practice/practice-reading.js";
import { practiceFeedbackSchema } from "../../src/coaching/practice/read-attempt.js";
import { dataItems, fakeModelPerTest, type RecordedRequest, type Step, wellBehavedModel } from "../helpers/fake-openai.js";
import { fixturesDir } from "../helpers/fixtures.js";

const model = fakeModelPerTest();

const sample = `${fixturesDir}teams/download-style.vtt`;
const ADVICE = "You should ask Sam to pair with you.";
const oneShot = ["practise", sample, "--manager", "renee", "--at", "0:36", "--answer", ADVICE, "--format", "json"];

async function run(args: string[], options: { model?: boolean; timeoutMs?: number; lines?: string[]; promptsDir?: string } = {}) {
  let out = "";
  let err = "";
  const typed = options.lines ? [...options.lines] : null;
  const io: CliIo = {
    stdout: (t) => (out += `${t}\n`),
    stderr: (t) => (err += `${t}\n`),
    readStdin: async () => "",
    ...(typed && {
      readLine: async (prompt: string) => {
        out += prompt;
        return typed.shift() ?? null;
      },
    }),
    env:
      options.model === false
        ? {}
        : {
            OPENAI_BASE_URL: model.baseURL,
            OPENAI_API_KEY: "sk-test-practice",
            OPENAI_MODEL: "fake-model",
            OPENAI_MAX_RETRIES: "0",
            OPENAI_TIMEOUT_MS: String(options.timeoutMs ?? 10_000),
            ...(options.promptsDir && { ATTUNE_PROMPTS_DIR: options.promptsDir }),
          },
  };
  return { code: await runCli(args, io), out, err };
}

const isPracticeRequest = (r: RecordedRequest) => r.body.response_format?.json_schema?.name === "practice-feedback";

const GOOD = {
  restates: false,
  feedback: 'This jumps to a fix before Jordan knows you heard "the migration script still fails". Say that back first, then suggest.',
  example:
    "It sounds like you're worried because the migration script still fails on the larger tenants and you're on call that weekend. Did I get that right?",
};
const answer = (patch: Partial<typeof GOOD> = {}): Step => ({ content: JSON.stringify({ ...GOOD, ...patch }) });

/** The rules' reading of the same attempt, as printed without a model. */
async function rulesReading() {
  const { out } = await run(oneShot, { model: false });
  return practiceReadingSchema.parse(JSON.parse(out));
}

describe("attune practise with a model (fake OpenAI-compatible server)", () => {
  it("a good answer is used: the model's feedback and example, source llm; only their words and the attempt go out, as data", async () => {
    model.fake.script(answer());
    const { code, out, err } = await run(oneShot);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(practiceReadingSchema.strict().parse(JSON.parse(out))).toEqual({ ...GOOD, source: "llm", fallbackReason: null });

    expect(model.fake.requests).toHaveLength(1);
    const request = model.fake.requests[0]!;
    expect(request.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "practice-feedback", strict: true } });
    const [system, user] = request.body.messages.map((m) => m.content);
    // the untrusted texts appear only inside the data block, JSON-encoded; the turn is Jordan's whole turn at 0:36
    expect(system).not.toContain("Sam");
    expect(user!.replace(/<(transcript-data-[0-9a-f]+)>[\s\S]*<\/\1>/, "")).not.toMatch(/Sam|migration/);
    expect(dataItems(request)).toEqual([
      {
        person: "Lee, Jordan (Guest)",
        person_said:
          "Honestly I'm worried about it. The migration script still fails on the larger tenants, and I'm the only one who knows that code & I'm on call that weekend. so it's",
      },
      { manager: "Renée Ortiz", manager_attempt: ADVICE },
    ]);
  });

  it("--format text says the model wrote it", async () => {
    model.fake.script(answer());
    const { code, out } = await run(oneShot.slice(0, -2));
    expect(code).toBe(0);
    expect(out).toContain(
      `Said back: not yet.\n${GOOD.feedback}\nFor example: “${GOOD.example}”\n(Written by the model and checked by Attune.)`,
    );
  });

  it.each([
    ["a third party in the feedback", { feedback: "Say back the worry first, as Priya would." }, /names 'Priya'/],
    ["the team in the feedback", { feedback: "The team needs you to say back the worry first." }, /speaks of 'team'/],
    [
      "a sanction in the feedback",
      { feedback: "Say back the worry first, or Jordan should be put on a performance improvement plan." },
      /speaks of discipline/,
    ],
    ["a link in the feedback", { feedback: "Say back the worry first; see https://coach.example/tips." }, /contains a link/],
    [
      "a sanction in the example",
      { example: "It sounds like you'll be let go if the migration fails. Did I get that right?" },
      /example speaks of dismissal/,
    ],
    [
      "a quote they never said in the example",
      { example: 'It sounds like "the script is hopeless". Did I get that right?' },
      /example quotes words the person did not say/,
    ],
    [
      "a quote nobody said in the feedback",
      { feedback: 'You said "it will be fine", which skips their worry.' },
      /quotes words neither of them said/,
    ],
    ["a score", { feedback: "That attempt scores 3/10: say back the worry first." }, /score|figure/],
    [
      "an example without the check",
      { example: "It sounds like the migration script still fails on the larger tenants." },
      /does not end with "Did I get that right\?"/,
    ],
    ["a restates the rules disagree with", { restates: true }, /the model read the attempt as a restatement and the rules did not/],
  ])("an answer with %s is dropped and the rules' feedback shown, saying why", async (_, patch, reason) => {
    const rules = await rulesReading();
    model.fake.script(answer(patch));
    const { code, out } = await run(oneShot);
    expect(code).toBe(0);
    const shown = practiceReadingSchema.strict().parse(JSON.parse(out));
    expect(shown).toMatchObject({ restates: rules.restates, feedback: rules.feedback, example: rules.example, source: "heuristic" });
    expect(shown.fallbackReason).toMatch(/^the model's feedback was not used \(/);
    expect(shown.fallbackReason).toMatch(reason);
    expect(shown.fallbackReason).toMatch(/; the rules wrote the feedback instead$/);
  });

  it("a server that hangs past the timeout: the rules' feedback, and the note says the model timed out", async () => {
    const rules = await rulesReading();
    model.fake.script({ hang: true });
    const { code, out } = await run(oneShot, { timeoutMs: 1000 });
    expect(code).toBe(0);
    const shown = practiceReadingSchema.strict().parse(JSON.parse(out));
    expect(shown).toMatchObject({ feedback: rules.feedback, source: "heuristic" });
    expect(shown.fallbackReason).toBe(
      "the model could not be used (timeout: the model did not answer in time); the rules wrote the feedback instead",
    );
  });

  it("an answer that is not JSON, twice (after the repair request): the rules' feedback", async () => {
    model.fake.script({ content: "Great attempt!" }, { content: "Really great." });
    const { out } = await run(oneShot);
    const shown = practiceReadingSchema.parse(JSON.parse(out));
    expect(shown.source).toBe("heuristic");
    expect(shown.fallbackReason).toMatch(/^the model could not be used \(malformed: /);
    expect(model.fake.requests).toHaveLength(2);
  });

  it("a prompts folder without practice-feedback (made before it existed): the rules' feedback, saying so", async () => {
    const dir = await mkdtemp(join(tmpdir(), "attune-practice-prompts-"));
    try {
      await cp(bundledPromptsDir, dir, { recursive: true });
      await rm(join(dir, "practice-feedback"), { recursive: true });
      const { code, out } = await run(oneShot, { promptsDir: dir });
      expect(code).toBe(0);
      const shown = practiceReadingSchema.parse(JSON.parse(out));
      expect(shown.source).toBe("heuristic");
      expect(shown.fallbackReason).toMatch(/^the prompt could not be used \(unknown prompt 'practice-feedback'/);
      expect(model.fake.requests).toHaveLength(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the JSON keeps its three fields and adds source and fallbackReason, with a model and without one", async () => {
    model.fake.script(answer());
    for (const model of [true, false]) {
      const { out } = await run(oneShot, { model });
      const json = JSON.parse(out) as Record<string, unknown>;
      expect(Object.keys(json)).toEqual(["restates", "feedback", "example", "source", "fallbackReason"]);
      expect(practiceFeedbackSchema.parse(json)).toMatchObject({ restates: false });
      expect(json.source).toBe(model ? "llm" : "heuristic");
      expect(json.fallbackReason).toBeNull();
    }
  });

  it("the interactive loop asks the model for the feedback too", async () => {
    model.fake.fallback = { decide: (r) => (isPracticeRequest(r) ? answer() : wellBehavedModel) };
    const { code, out } = await run(["practise", sample, "--manager", "renee"], { lines: ["1", ADVICE, "q"] });
    expect(code).toBe(0);
    expect(out).toContain(`${GOOD.feedback}\nFor example: “${GOOD.example}”\n(Written by the model and checked by Attune.)`);
    expect(model.fake.requests.filter(isPracticeRequest)).toHaveLength(1);
  });
});
