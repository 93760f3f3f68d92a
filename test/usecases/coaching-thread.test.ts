import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTeamsMeeting } from "../../bench/generate-meeting.js";
import { coachTranscript } from "../../src/usecases/coach-transcript.js";
import { createCoachingThread, INLINE_MAX_CHARS } from "../../src/usecases/coaching-thread.js";
import { postActivity, startLocalAttune } from "../helpers/attune-server.js";
import { FakeGraph, graphEnv } from "../helpers/fake-graph.js";
import { activity, FakeConnector, isCoachingCard, PERSONAL_CONVERSATION } from "../helpers/fake-teams.js";
import { readFixture } from "../helpers/fixtures.js";

/** A day-long meeting just under the playground's 5 MB limit: seconds of coaching on one core. */
const dayLong = generateTeamsMeeting({ minutes: 1400, seed: 7, wordsPerCue: 8 });

/**
 * Asks /healthz every 50 ms until `done` settles: the longest stretch without an answer, and how many came.
 * The server runs in this process, so a blocked loop also stops the asking: the gap between answers shows
 * it, where the time of one request might not.
 */
async function healthWhile(url: string, done: Promise<unknown>): Promise<{ slowest: number; asked: number }> {
  let finished = false;
  void done.finally(() => (finished = true));
  let last = performance.now();
  let slowest = 0;
  let asked = 0;
  while (!finished) {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    const now = performance.now();
    slowest = Math.max(slowest, now - last);
    last = now;
    asked++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { slowest: Math.max(slowest, performance.now() - last), asked };
}

describe("coaching on a worker thread", () => {
  it("a short meeting is coached on the calling thread; a long one on the worker", async () => {
    const inline = { llm: null, prompts: null };
    const thread = createCoachingThread({ llm: null, promptsDir: null }, { inline });
    try {
      const short = readFixture("teams/download-style.vtt");
      expect(short.length).toBeLessThan(INLINE_MAX_CHARS);
      expect(await thread.coachTranscript(short, { manager: "Renée", coach: true })).toMatchObject({ ok: true });
      expect(thread.threadsStarted()).toBe(0);
      const long = generateTeamsMeeting({ minutes: 30, seed: 3 });
      expect(long.text.length).toBeGreaterThan(INLINE_MAX_CHARS);
      expect(await thread.coachTranscript(long.text, { manager: long.manager, coach: true })).toMatchObject({ ok: true });
      expect(thread.threadsStarted()).toBe(1);
    } finally {
      await thread.close();
    }
  });

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

  // The embedded database (PGlite) runs on the main thread: storing the day-long meeting still pauses the
  // loop (0.4 to 2 s on the shared 2-core machine), so the bound is a share of the run, which coaching filled.
  it("keeps /healthz answering through the playground's run: no pause longer than a quarter of it", async () => {
    expect(dayLong.text.length).toBeGreaterThan(4_000_000);
    const url = server.attune.url;
    const started = performance.now();
    const run = fetch(`${url}/playground/api/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ vtt: dayLong.text, manager: dayLong.manager }),
    });
    const health = await healthWhile(url, run);
    expect((await run).status).toBe(200);
    const took = performance.now() - started;
    console.info(`day-long run: ${Math.round(took)} ms; /healthz asked ${health.asked} times, slowest ${Math.round(health.slowest)} ms`);
    expect(health.asked).toBeGreaterThan(3);
    expect(health.slowest).toBeLessThan(took / 4);
  }, 120_000);
});

describe("attune serve's job worker coaching a day-long meeting", () => {
  let connector: FakeConnector;
  let graph: FakeGraph;
  let server: Awaited<ReturnType<typeof startLocalAttune>>;
  beforeAll(async () => {
    connector = new FakeConnector();
    await connector.start();
    graph = new FakeGraph();
    graph.content = () => ({ status: 200, text: dayLong.text, headers: { "content-type": "text/vtt" } });
    server = await startLocalAttune({ ...graphEnv(await graph.start()), ATTUNE_TRANSCRIPT_POLL_SECONDS: "1" });
  });
  afterAll(async () => {
    await server?.stop();
    await connector?.stop();
    await graph?.stop();
  });

  // Fetching, parsing, measuring and storing stay on the main thread (PGlite among them): the bound is a share.
  it("keeps /healthz answering from the meeting's end to its card: no pause longer than a third of it", async () => {
    const url = server.attune.url;
    await postActivity(url, activity("installation-update-personal", connector.port));
    const started = performance.now();
    expect((await postActivity(url, activity("meeting-end", connector.port))).status).toBe(200);
    const card = (async () => {
      while (!connector.cardsTo(PERSONAL_CONVERSATION).some(isCoachingCard)) {
        if (performance.now() - started > 100_000) throw new Error("no coaching card within 100 s");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const health = await healthWhile(url, card);
    await card;
    const took = performance.now() - started;
    console.info(`day-long job: ${Math.round(took)} ms; /healthz asked ${health.asked} times, slowest ${Math.round(health.slowest)} ms`);
    expect(health.slowest).toBeLessThan(took / 3);
  }, 120_000);
});
