import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/attune.js";
import type { CliIo } from "../../src/cli/io.js";
import { SAY_IT_BACK } from "../../src/coaching/model/suggestion-limits.js";
import { jsonReportSchema } from "../../src/rendering/json-report.js";
import { FakeOpenAi, replayStep } from "../helpers/fake-openai.js";
import { loadReplayFixtures, replayMeetings } from "../helpers/model-replay.js";

// Issue 20, item 6: each meeting with recorded answers (test/fixtures/model-replays/) coached through the real
// openai client against the fake server in replay mode, as `attune analyze --coach --format json` runs it.
const repo = fileURLToPath(new URL("../../", import.meta.url));
const meetings = replayMeetings();

let fake: FakeOpenAi;
let baseURL: string;
beforeAll(async () => {
  fake = new FakeOpenAi();
  baseURL = await fake.start();
});
afterAll(async () => fake.stop());

interface MomentAnswer {
  momentId: string;
  restatementDue: boolean;
  suggestion: string;
}

describe("model replays", () => {
  it("there is at least one meeting to replay", () => expect(meetings.length).toBeGreaterThan(0));

  it.each(meetings.map((m) => [m.name, m] as const))("%s: coached by the model, honest answers kept, drops reported", async (_name, m) => {
    const fixtures = loadReplayFixtures(m.dir);
    const missing: string[] = [];
    fake.fallback = replayStep(fixtures, missing);
    let out = "";
    const io: CliIo = {
      stdout: (t) => (out += `${t}\n`),
      stderr: () => {},
      readStdin: async () => "",
      env: { OPENAI_BASE_URL: baseURL, OPENAI_MAX_RETRIES: "0" },
    };
    const code = await runCli(
      ["analyze", join(repo, m.meeting.transcript), "--manager", m.meeting.manager, "--coach", "--format", "json"],
      io,
    );
    expect(code).toBe(0);
    expect(missing, `requests with no fixture (render them with scripts/model-requests.ts): ${missing.join(", ")}`).toEqual([]);
    const coaching = jsonReportSchema.parse(JSON.parse(out)).coaching!;
    expect(coaching.source).toBe("llm");
    expect(coaching.fallbackReason).toBeNull();
    // the drops, by reason, are the ones the folder expects: an honest answer is never dropped
    const drops = Object.fromEntries((coaching.drops ?? []).map((d) => [d.reason, d.count]));
    expect(drops).toEqual(m.meeting.expectedDrops);
    const answered = [...fixtures.values()].flatMap((f) =>
      f.prompt === "listening-moments" ? (f.answer as { moments: MomentAnswer[] }).moments.filter((a) => a.restatementDue) : [],
    );
    const shown = new Set(coaching.moments.map((x) => x.suggestion));
    const kept = answered.filter((a) => shown.has(a.suggestion));
    if (Object.keys(m.meeting.expectedDrops).length === 0) expect(kept).toHaveLength(answered.length);
    expect(coaching.moments.filter((x) => x.source === "model").length).toBeGreaterThanOrEqual(kept.length);
    console.info(
      `${m.name}: ${coaching.moments.length} moments (${coaching.moments.filter((x) => x.source === "model").length} by the model, ` +
        `${coaching.moments.filter((x) => x.suggestion === SAY_IT_BACK).length} say-it-back), ${coaching.kept.length} praised; ` +
        `dropped ${coaching.dropped}${coaching.drops?.length ? ` (${coaching.drops.map((d) => `${d.reason}: ${d.count}`).join("; ")})` : ""}`,
    );
  });

  it("a request with no fixture is answered 404 naming the missing key", async () => {
    const missing: string[] = [];
    fake.fallback = replayStep(new Map(), missing);
    const res = await fetch(`${baseURL}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({
        model: "m",
        messages: [{ role: "user", content: "hello" }],
        response_format: { type: "json_schema", json_schema: { name: "listening-moments" } },
      }),
    });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string } };
    expect(missing).toHaveLength(1);
    expect(body.error.message).toContain(`no replay fixture for request ${missing[0]} (listening-moments)`);
  });
});
