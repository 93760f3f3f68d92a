import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTeamsMeeting } from "../../bench/generate-meeting.js";
import { coachTranscript } from "../../src/usecases/coach-transcript.js";
import { createCoachingThread } from "../../src/usecases/coaching-thread.js";
import { startLocalAttune } from "../helpers/attune-server.js";
import { readFixture } from "../helpers/fixtures.js";

/** A day-long meeting just under the playground's 5 MB limit: seconds of coaching on one core. */
const dayLong = generateTeamsMeeting({ minutes: 1400, seed: 7, wordsPerCue: 8 });

describe("coaching on a worker thread", () => {
  it("gives what coaching in-thread gives", async () => {
    const thread = createCoachingThread({ llm: null, promptsDir: null });
    try {
      const text = readFixture("ami/ES2004a.teams.vtt");
      const request = { manager: "Project Manager" };
      const inThread = await coachTranscript(text, { ...request, coach: async () => ({ llm: null, prompts: null }) });
      expect(await thread.coachTranscript(text, { ...request, coach: true })).toEqual(inThread);
      expect(await thread.coachTranscript("not a transcript", { ...request, coach: true })).toMatchObject({ ok: false });
    } finally {
      await thread.close();
    }
  });
});

// The /healthz bullet of issue 10: long work in `attune serve` never blocks /healthz.
describe("attune serve coaching a day-long meeting", () => {
  let server: Awaited<ReturnType<typeof startLocalAttune>>;
  beforeAll(async () => {
    server = await startLocalAttune({});
  });
  afterAll(async () => server?.stop());

  it("answers /healthz within a second all the while", async () => {
    expect(dayLong.text.length).toBeGreaterThan(4_000_000);
    const url = server.attune.url;
    const started = performance.now();
    let finished = false;
    const run = fetch(`${url}/playground/api/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ vtt: dayLong.text, manager: dayLong.manager }),
    }).finally(() => (finished = true));
    const waits: number[] = [];
    while (!finished) {
      const asked = performance.now();
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      waits.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const res = await run;
    expect(res.status).toBe(200);
    const took = performance.now() - started;
    const slowest = Math.max(...waits);
    console.info(`day-long run: ${Math.round(took)} ms; /healthz asked ${waits.length} times, slowest ${Math.round(slowest)} ms`);
    expect(waits.length).toBeGreaterThan(3);
    expect(slowest).toBeLessThan(1000);
  }, 120_000);
});
