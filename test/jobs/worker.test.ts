/** The meeting job worker in this process (createWorker + meetingSteps, heuristic coach) on both databases. */
import { expect, it } from "vitest";
import { coachingSchema } from "../../src/coaching/schema.js";
import { meetingSteps, type Delivery, type PipelineEdges } from "../../src/jobs/meeting-pipeline.js";
import { giveUp, retryLater, type StepResult } from "../../src/jobs/step-result.js";
import { createWorker, type WorkerOptions } from "../../src/jobs/worker.js";
import { createLogger } from "../../src/log.js";
import { coachTranscript } from "../../src/usecases/coach-transcript.js";
import type { Db } from "../../src/storage/db.js";
import { getJob, releaseHeldJobs, type JobRow } from "../../src/storage/jobs.js";
import type { MeetingRow } from "../../src/storage/meetings.js";
import { waitUntil } from "../helpers/child-processes.js";
import { countRows, describeEachDatabase } from "../helpers/databases.js";
import { readFixture } from "../helpers/fixtures.js";
import { ES2004A, ES2004A_MANAGER, queuedMeeting } from "../storage/meeting-fixtures.js";

const es2004a = readFixture(ES2004A);
/** A short real-shaped Teams meeting, for tests that run many jobs. */
const short = readFixture("teams/download-style.vtt");
const SHORT_ORGANIZER = "Renée Ortiz";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const silent = createLogger("silent");

type Fetch = (meeting: MeetingRow, call: number) => Promise<StepResult<{ raw: string }>> | StepResult<{ raw: string }>;

/** Test edges: fetchTranscript answers with `fetch` (default: the transcript), deliver records each delivery. */
function recorder(fetch: Fetch = () => ({ ok: true, value: { raw: es2004a } })) {
  const deliveries: (Delivery & { worker: string })[] = [];
  const fetches: string[] = [];
  return {
    deliveries,
    fetches,
    edges(worker = "worker"): PipelineEdges {
      return {
        fetchTranscript: async (meeting) => {
          fetches.push(meeting.id);
          return fetch(meeting, fetches.filter((id) => id === meeting.id).length);
        },
        deliver: async (delivery) => {
          deliveries.push({ ...delivery, worker });
          return { ok: true, value: "sent" };
        },
      };
    },
  };
}

function worker(db: Db, edges: PipelineEdges, options: Partial<WorkerOptions> = {}) {
  return createWorker({
    db,
    steps: meetingSteps({ db, edges, coach: { llm: null, prompts: null }, retentionDays: 30 }),
    log: silent,
    pollMs: 10,
    backoffBaseMs: 100,
    backoffMaxMs: 10_000,
    ...options,
  });
}

/** Seconds between the job's last update and when it may run again: the backoff releaseJob applied. */
async function waitApplied(db: Db, job: JobRow): Promise<number> {
  return (await db.query<{ s: number }>("select extract(epoch from run_after - updated_at)::float8 as s from jobs where id = $1", [job.id]))
    .rows[0]!.s;
}

describeEachDatabase("meeting job worker", (t) => {
  it("runs a queued job through every step: transcript, analysis and report stored, delivered once", async () => {
    await t.reset();
    const { meeting, job } = await queuedMeeting(t.db, "es2004a", { organizer: ES2004A_MANAGER });
    const rec = recorder();
    const w = worker(t.db, rec.edges());
    expect(await w.runOnce()).toBe(true);
    expect(await w.runOnce()).toBe(false);

    expect(await getJob(t.db, meeting.id)).toMatchObject({
      id: job.id,
      state: "delivered",
      attempts: 1,
      locked_by: null,
      last_error: null,
    });
    expect(rec.fetches).toEqual([meeting.id]);
    expect(rec.deliveries).toHaveLength(1);
    const report = (
      await t.db.query<{ id: string; coaching: unknown; delivered_at: Date | null; delivery_started_at: Date | null }>(
        "select id, coaching, delivered_at, delivery_started_at from coaching_reports where meeting_id = $1",
        [meeting.id],
      )
    ).rows[0]!;
    expect(report.delivered_at).toBeInstanceOf(Date);
    expect(report.delivery_started_at).toBeInstanceOf(Date);
    const delivered = rec.deliveries[0]!;
    expect(delivered.reportId).toBe(report.id);
    expect(delivered.managerId).toBe(meeting.organizer_id);
    expect(delivered.analysis.manager?.name).toBe(ES2004A_MANAGER);
    expect(delivered.analysis.speakers).toHaveLength(4);
    expect(coachingSchema.parse(report.coaching)).toEqual(delivered.coaching);
    // ES2004a has no moment to coach (the PM's replies took up what was raised): the card still carries a habit
    expect(delivered.coaching.moments).toEqual([]);
    expect(delivered.coaching.habit.length).toBeGreaterThan(0);
    const utterances = (
      await t.db.query<{ n: number }>("select jsonb_array_length(utterances) as n from transcripts where meeting_id = $1", [meeting.id])
    ).rows[0]!.n;
    expect(utterances).toBe(delivered.analysis.utterances);
    expect(await countRows(t.db, "meeting_participants", "meeting_id = $1", [meeting.id])).toBe(4);
    // The job's steps are the coaching use case, one state at a time: the same transcript coached in one go agrees.
    const inOneGo = await coachTranscript(es2004a, { manager: ES2004A_MANAGER, coach: async () => ({ llm: null, prompts: null }) });
    expect(inOneGo.ok && inOneGo.value.analysis).toEqual(delivered.analysis);
    expect(inOneGo.ok && inOneGo.value.coaching).toEqual(delivered.coaching);
  });

  it("two workers over the same queue: every job delivered exactly once", async () => {
    await t.reset();
    const n = 12;
    const meetings = [];
    for (let i = 0; i < n; i++) meetings.push((await queuedMeeting(t.db, `many-${i}`, { organizer: SHORT_ORGANIZER })).meeting);
    const rec = recorder(() => ({ ok: true, value: { raw: short } }));
    const workers = [worker(t.db, rec.edges("a"), { workerId: "a" }), worker(t.db, rec.edges("b"), { workerId: "b" })];
    for (const w of workers) w.start();
    try {
      await waitUntil("every job is delivered", async () => (await countRows(t.db, "jobs", "state = 'delivered'")) === n, 30_000);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(rec.deliveries.map((d) => d.meeting.id).sort()).toEqual(meetings.map((m) => m.id).sort());
    expect(new Set(rec.deliveries.map((d) => d.reportId)).size).toBe(n);
    expect(rec.fetches.sort()).toEqual(meetings.map((m) => m.id).sort());
    expect(await countRows(t.db, "jobs", "attempts <> 1 or last_error is not null")).toBe(0);
    expect(await countRows(t.db, "coaching_reports", "delivered_at is not null")).toBe(n);
    // Both took part: the queue really was shared.
    expect(rec.deliveries.some((d) => d.worker === "a") && rec.deliveries.some((d) => d.worker === "b")).toBe(true);
  });

  it("a report for an unreachable manager waits in 'held', unclaimed, until released; then the worker delivers it, once", async () => {
    await t.reset();
    const { meeting } = await queuedMeeting(t.db, "held", { organizer: SHORT_ORGANIZER });
    const { meeting: other } = await queuedMeeting(t.db, "held-other", { organizer: ES2004A_MANAGER });
    let reachable = false;
    const delivered: string[] = [];
    const edges: PipelineEdges = {
      fetchTranscript: async (m) => ({ ok: true, value: { raw: m.id === meeting.id ? short : es2004a } }),
      deliver: async (d) => {
        if (!reachable) return { ok: true, value: "held" };
        delivered.push(d.meeting.id);
        return { ok: true, value: "sent" };
      },
    };
    const w = worker(t.db, edges);
    expect(await w.runOnce()).toBe(true);
    expect(await w.runOnce()).toBe(true);
    expect(await w.runOnce()).toBe(false); // held jobs are not claimed
    expect(await getJob(t.db, meeting.id)).toMatchObject({ state: "held", locked_by: null });
    expect(await getJob(t.db, other.id)).toMatchObject({ state: "held" });

    reachable = true;
    expect(await releaseHeldJobs(t.db, meeting.organizer_id!)).toBe(1);
    expect(await getJob(t.db, meeting.id)).toMatchObject({ state: "delivering" });
    expect(await w.runOnce()).toBe(true);
    expect(await w.runOnce()).toBe(false);
    expect(delivered).toEqual([meeting.id]);
    expect(await getJob(t.db, meeting.id)).toMatchObject({ state: "delivered", attempts: 2 });
    expect(await getJob(t.db, other.id)).toMatchObject({ state: "held" }); // another manager's report still waits
    expect(await countRows(t.db, "coaching_reports", "delivered_at is not null")).toBe(1);
    expect(await releaseHeldJobs(t.db, meeting.organizer_id!)).toBe(0);
  });

  it("retries a retryable failure with growing backoff, keeping the error, then delivers once", async () => {
    await t.reset();
    const { meeting, job } = await queuedMeeting(t.db, "retry", { organizer: SHORT_ORGANIZER });
    const rec = recorder((_m, call) =>
      call <= 3 ? retryLater(`transcript not ready yet (${call})`) : { ok: true, value: { raw: short } },
    );
    const w = worker(t.db, rec.edges());
    for (let attempt = 1; attempt <= 3; attempt++) {
      await waitUntil(`attempt ${attempt} is claimed`, () => w.runOnce(), 60_000, 10);
      const row = (await getJob(t.db, meeting.id))!;
      expect(row).toMatchObject({
        state: "fetching",
        attempts: attempt,
        locked_by: null,
        last_error: `transcript not ready yet (${attempt})`,
      });
      // Full jitter within [ceiling/2, ceiling], ceiling = 100 ms × 2^(attempt−1).
      const ceiling = (100 * 2 ** (attempt - 1)) / 1000;
      const waited = await waitApplied(t.db, job);
      expect(waited).toBeGreaterThanOrEqual(ceiling / 2 - 0.001);
      expect(waited).toBeLessThanOrEqual(ceiling + 0.001);
    }
    expect(rec.deliveries).toHaveLength(0);
    await waitUntil("the fourth attempt is claimed", () => w.runOnce(), 60_000, 10);
    expect(await getJob(t.db, meeting.id)).toMatchObject({ state: "delivered", attempts: 4 });
    expect(rec.fetches).toHaveLength(4);
    expect(rec.deliveries).toHaveLength(1);
    expect(await w.runOnce()).toBe(false);
  });

  it("a step's own delay wins over the backoff, and a step that throws is retried as an internal error", async () => {
    await t.reset();
    const { meeting, job } = await queuedMeeting(t.db, "delay", { organizer: SHORT_ORGANIZER });
    const rec = recorder((_m, call) => {
      if (call === 1) return retryLater("rate limited", 1500);
      throw new Error("socket hang up");
    });
    const w = worker(t.db, rec.edges());
    expect(await w.runOnce()).toBe(true);
    expect(await waitApplied(t.db, job)).toBeCloseTo(1.5, 3);
    expect(await w.runOnce()).toBe(false); // not due for 1.5 s
    await t.db.query("update jobs set run_after = now() where id = $1", [job.id]);
    expect(await w.runOnce()).toBe(true);
    expect(await getJob(t.db, meeting.id)).toMatchObject({
      state: "fetching",
      attempts: 2,
      last_error: "internal error in fetching: socket hang up",
    });
  });

  it("giveUp fails the job at once with its reason; so does a transcript that cannot be read", async () => {
    await t.reset();
    const { meeting } = await queuedMeeting(t.db, "give-up", { organizer: SHORT_ORGANIZER });
    const rec = recorder(() => giveUp("the meeting was not transcribed"));
    const w = worker(t.db, rec.edges());
    expect(await w.runOnce()).toBe(true);
    expect(await getJob(t.db, meeting.id)).toMatchObject({
      state: "failed",
      attempts: 1,
      last_error: "the meeting was not transcribed",
      locked_by: null,
    });
    expect(await w.runOnce()).toBe(false);

    const { meeting: garbled } = await queuedMeeting(t.db, "garbled", { organizer: SHORT_ORGANIZER });
    const w2 = worker(t.db, recorder(() => ({ ok: true, value: { raw: "this is not a transcript" } })).edges());
    expect(await w2.runOnce()).toBe(true);
    const failed = (await getJob(t.db, garbled.id))!;
    expect(failed.state).toBe("failed");
    expect(failed.last_error).toMatch(/^the transcript could not be read: /);
    expect(rec.deliveries).toHaveLength(0);
    expect(await countRows(t.db, "transcripts")).toBe(0);
  });

  it("fails the job after max attempts of retryable failures", async () => {
    await t.reset();
    const { meeting } = await queuedMeeting(t.db, "max-attempts", { organizer: SHORT_ORGANIZER, maxAttempts: 3 });
    const rec = recorder((_m, call) => retryLater(`Graph answered 503 (${call})`, 0));
    const w = worker(t.db, rec.edges());
    for (let i = 0; i < 3; i++) await waitUntil(`attempt ${i + 1} is claimed`, () => w.runOnce(), 60_000, 10);
    expect(await getJob(t.db, meeting.id)).toMatchObject({
      state: "failed",
      attempts: 3,
      max_attempts: 3,
      last_error: "Graph answered 503 (3)",
    });
    await sleep(20);
    expect(await w.runOnce()).toBe(false);
    expect(rec.fetches).toHaveLength(3);
    expect(rec.deliveries).toHaveLength(0);
  });

  it("a job abandoned mid-step (its worker stalled) is taken over after the lease; the stale worker changes nothing", async () => {
    await t.reset();
    const { meeting } = await queuedMeeting(t.db, "abandoned", { organizer: SHORT_ORGANIZER });
    let unblock: () => void = () => undefined;
    const stalled = recorder(() => new Promise((resolve) => (unblock = () => resolve({ ok: true, value: { raw: short } }))));
    const rescuer = recorder(() => ({ ok: true, value: { raw: short } }));
    const a = worker(t.db, stalled.edges("a"), { workerId: "a", leaseMs: 500 });
    const b = worker(t.db, rescuer.edges("b"), { workerId: "b", leaseMs: 10_000 });

    const aRun = a.runOnce();
    await waitUntil("worker a is inside fetchTranscript", () => stalled.fetches.length === 1);
    expect(await b.runOnce()).toBe(false); // a's lease still holds
    await waitUntil("worker b takes the job over", () => b.runOnce(), 10_000, 50);
    expect(await getJob(t.db, meeting.id)).toMatchObject({ state: "delivered", attempts: 2, locked_by: null });
    expect(rescuer.deliveries).toHaveLength(1);

    unblock();
    expect(await aRun).toBe(true); // a finds it lost the lease and stops
    expect(stalled.deliveries).toHaveLength(0);
    expect(await getJob(t.db, meeting.id)).toMatchObject({ state: "delivered", attempts: 2, locked_by: null });
    expect(await countRows(t.db, "coaching_reports")).toBe(1);
    expect(await countRows(t.db, "transcripts")).toBe(1);
  });
});
