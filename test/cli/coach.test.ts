import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/attune.js";
import type { CliIo } from "../../src/cli/io.js";
import { jsonReportSchema } from "../../src/rendering/json-report.js";
import { wellBehavedModelForFile } from "../helpers/fake-openai.js";
import { fixturesDir } from "../helpers/fixtures.js";

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), readStdin: async () => "", env };
  return { code: await runCli(args, io), out, err };
}

const sample = `${fixturesDir}teams/download-style.vtt`;

const model = wellBehavedModelForFile();

describe("attune analyze --coach", () => {
  it("with no model: the heuristic finds the missed concern and the kept restatement", async () => {
    const { code, out } = await run(["analyze", sample, "--manager", "renee", "--coach", "--format", "json"]);
    expect(code).toBe(0);
    const { coaching } = jsonReportSchema.parse(JSON.parse(out));
    expect(coaching?.source).toBe("heuristic");
    expect(coaching?.moments[0]).toMatchObject({ utteranceId: "u4", atMs: 34_310, speaker: "Lee, Jordan (Guest)", kind: "missed-concern" });
    // "I'm worried about it." points outside itself, and the reasons after it said back alone drop the worry
    // (readers call the worry the heart): their reasons are quoted and the manager gets the starter for a worry
    expect(coaching!.moments[0]!.suggestion).toBe("So you're worried… (their worry, in your own words). Did I get that right?");
    expect(coaching!.moments[0]!.quote).toBe(
      "The migration script still fails on the larger tenants, and I'm the only one who knows that code & I'm on call that weekend.",
    );
    expect(coaching?.kept).toEqual([
      expect.objectContaining({ utteranceId: "u7", atMs: 92_200, quote: expect.stringMatching(/^So what I'm hearing is/) }),
    ]);
    expect(coaching?.tokens).toMatchObject({ prompt: 0, requests: 0 });
  });

  it("the text report names the coach and shows quote, what happened and the restatement", async () => {
    const { out } = await run(["analyze", sample, "--manager", "Renée Ortiz", "--coach"]);
    expect(out).toContain("Coaching for Renée Ortiz (private to them; heuristic coach)");
    expect(out).toContain("Try saying: “So you're worried… (their worry, in your own words).");
    expect(out).toContain("Keep doing: you said back what you heard");
    expect(out).toMatch(/Coach: heuristic; \d+ candidate moments?,/);
  });

  it("with OPENAI_BASE_URL set: the prompt set coaches through the model", async () => {
    const { code, out } = await run(["analyze", sample, "--manager", "renee", "--coach", "--format", "json"], {
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_MODEL: "fake-model",
    });
    expect(code).toBe(0);
    const { coaching } = jsonReportSchema.parse(JSON.parse(out));
    expect(coaching?.source).toBe("llm");
    expect(coaching!.moments[0]!.suggestion).toMatch(/^Model: /);
    expect(coaching?.tokens.requests).toBe(2);
    expect(model.fake.requests.at(-1)!.body.model).toBe("fake-model");
  });

  const bad: [string, string[], Record<string, string>, RegExp][] = [
    ["--coach without --manager", ["analyze", sample, "--coach"], {}, /--coach needs --manager NAME/],
    ["--format card without --manager", ["analyze", sample, "--format", "card"], {}, /--format card needs --manager NAME/],
    [
      "a base URL that is not a URL",
      ["analyze", sample, "--coach", "--manager", "renee"],
      { OPENAI_BASE_URL: "localhost:11434" },
      /configuration: OPENAI_BASE_URL: must be an http\(s\) URL/,
    ],
    [
      "a prompts folder that is missing",
      ["analyze", sample, "--coach", "--manager", "renee"],
      { OPENAI_API_KEY: "k", ATTUNE_PROMPTS_DIR: "/nonexistent" },
      /prompts folder '\/nonexistent' cannot be read/,
    ],
  ];
  for (const [name, args, env, message] of bad) {
    it(`exits 2 with one line: ${name}`, async () => {
      const { code, err } = await run(args, env);
      expect(code).toBe(2);
      expect(err).toMatch(message);
      expect(err.trim().split("\n")).toHaveLength(1);
    });
  }
});

describe("attune analyze --format card", () => {
  it("prints the Adaptive Card the manager would receive, valid for Teams", async () => {
    const { expectValidCard } = await import("../cards/validate-card.js");
    const { code, out } = await run(["analyze", sample, "--manager", "renee", "--format", "card"]);
    expect(code).toBe(0);
    const card = JSON.parse(out) as Record<string, unknown>;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(out).toContain("The migration script still fails on the larger tenants");
    expect(out).toContain("Only you can see this card");
    expectValidCard(card);
  });
});
