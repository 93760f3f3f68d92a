import { expect, it } from "vitest";
import { advanceJob, claimJob, enqueueJob, getJob, releaseJob } from "../../src/storage/jobs.js";
import { eventually } from "../helpers/attune-server.js";
import { countRows, describeEachDatabase } from "../helpers/databases.js";
import { queuedMeeting, teamsMeeting } from "./meeting-fixtures.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LEASE_MS = 3000;

describeEachDatabase("jobs", (t) => {
  it("enqueueing the same meeting twice (or twice at once) gives one job", async () => {
    await t.reset();
    const { meeting, job } = await queuedMeeting(t.db, "enqueue-twice");
    const again = await enqueueJob(t.db, meeting.id, { other: true });
    expect(again.created).toBe(false);
    expect(again.job.id).toBe(job.id);
    expect(again.job.payload).toEqual({});
    const second = await teamsMeeting(t.db, "enqueue-at-once");
    const both = await Promise.all([enqueueJob(t.db, second.id), enqueueJob(t.db, second.id)]);
    expect(both.map((b) => b.created).sort()).toEqual([false, true]);
    expect(both[0]!.job.id).toBe(both[1]!.job.id);
    expect(await countRows(t.db, "jobs")).toBe(2);
  });

  it("a claim holds the job for its lease; then another worker may take it, resuming from its state", async () => {
    await t.reset();
    const { job } = await queuedMeeting(t.db, "lease");
    // A lease long enough that a busy machine cannot run it out between the claims that expect it held.
    const a = await claimJob(t.db, "worker-a", LEASE_MS);
    expect(a).toMatchObject({ id: job.id, state: "fetching", attempts: 1, locked_by: "worker-a" });
    expect(await claimJob(t.db, "worker-b", 600)).toBeNull();
    const advancedAt = Date.now();
    expect(await advanceJob(t.db, a!, "worker-a", "analyzing", LEASE_MS)).toBe(true);
    expect(await claimJob(t.db, "worker-b", 600)).toBeNull(); // still held
    // Then worker b waits for the lease to run out (polling, not sleeping a fixed time), and takes the job.
    const b = await eventually(async () => (await claimJob(t.db, "worker-b", 10_000)) ?? undefined, 60_000, "the lease to run out");
    expect(Date.now() - advancedAt).toBeGreaterThanOrEqual(LEASE_MS - 50);
    expect(b).toMatchObject({ id: job.id, state: "analyzing", attempts: 2, locked_by: "worker-b" });
    // The first worker lost the job: its progress and its failures are refused.
    expect(await advanceJob(t.db, a!, "worker-a", "coaching", 600)).toBe(false);
    expect(await releaseJob(t.db, a!, "worker-a", "late failure", 0, true)).toBe("fetching"); // unchanged row: a's stale view
    expect(await getJob(t.db, job.meeting_id)).toMatchObject({ state: "analyzing", locked_by: "worker-b", last_error: null });
    expect(await advanceJob(t.db, b!, "worker-b", "delivered", 10_000)).toBe(true);
    expect(await getJob(t.db, job.meeting_id)).toMatchObject({ state: "delivered", locked_by: null, locked_until: null });
    expect(await claimJob(t.db, "worker-c", 10_000)).toBeNull();
  });

  it("a released job waits for its delay, keeps its error, and fails at max attempts or when not retryable", async () => {
    await t.reset();
    const { job } = await queuedMeeting(t.db, "release", { maxAttempts: 2 });
    const first = (await claimJob(t.db, "w", 10_000))!;
    expect(await releaseJob(t.db, first, "w", "not yet", 60_000, true)).toBe("fetching");
    const waiting = (
      await t.db.query<{ wait_s: number; locked_by: string | null; last_error: string }>(
        "select extract(epoch from run_after - updated_at)::float8 as wait_s, locked_by, last_error from jobs where id = $1",
        [job.id],
      )
    ).rows[0]!;
    expect(waiting).toEqual({ wait_s: 60, locked_by: null, last_error: "not yet" });
    expect(await claimJob(t.db, "w", 10_000)).toBeNull();
    await t.db.query("update jobs set run_after = now() where id = $1", [job.id]);
    const second = (await claimJob(t.db, "w", 10_000))!;
    expect(second.attempts).toBe(2);
    expect(await releaseJob(t.db, second, "w", "still not", 0, true)).toBe("failed");
    expect(await getJob(t.db, job.meeting_id)).toMatchObject({ state: "failed", attempts: 2, last_error: "still not" });

    const { job: other } = await queuedMeeting(t.db, "give-up");
    const claimed = (await claimJob(t.db, "w", 10_000))!;
    expect(claimed.id).toBe(other.id);
    expect(await releaseJob(t.db, claimed, "w", "x".repeat(600), 0, false)).toBe("failed");
    expect((await getJob(t.db, other.meeting_id))!.last_error).toBe("x".repeat(500));
  });

  // Regression (src/storage/jobs.ts claimJob): max_attempts was once enforced only by releaseJob. A job whose worker
  // dies (a crash, OOM, or a step that kills the process) is never released, so it was claimed again after every
  // lease, past max_attempts: a poison job retried without end instead of failing.
  it("a job whose workers died max_attempts times fails instead of being claimed again", async () => {
    await t.reset();
    const { job } = await queuedMeeting(t.db, "poison", { maxAttempts: 2 });
    expect(await claimJob(t.db, "dies-1", 50)).toMatchObject({ attempts: 1 });
    await sleep(100);
    expect(await claimJob(t.db, "dies-2", 50)).toMatchObject({ attempts: 2 });
    await sleep(100);
    expect(await claimJob(t.db, "worker-3", 10_000)).toBeNull();
    expect(await getJob(t.db, job.meeting_id)).toMatchObject({ state: "failed", attempts: 2 });
  });
});
