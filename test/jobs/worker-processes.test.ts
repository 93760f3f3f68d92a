/**
 * Job workers in separate processes (test/helpers/job-worker-process.ts) sharing one queue. PostgreSQL only:
 * a PGlite data folder can be opened by one process at a time, which the last test checks.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { getJob } from "../../src/storage/jobs.js";
import { killStarted, readEvents, startWorker, waitUntil, type WorkerSettings } from "../helpers/child-processes.js";
import { countRows, describeEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { fixturesDir } from "../helpers/fixtures.js";
import { ES2004A, ES2004A_MANAGER, queuedMeeting } from "../storage/meeting-fixtures.js";

const es2004aFile = `${fixturesDir}${ES2004A}`;
const shortFile = `${fixturesDir}teams/download-style.vtt`;
const SHORT_ORGANIZER = "Renée Ortiz";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "attune-workers-"));
});
afterEach(killStarted);
afterAll(async () => {
  await killStarted();
  await rm(dir, { recursive: true, force: true });
});

let runs = 0;
/** Settings for one worker of a test, with the test's shared events file. */
function settings(events: string, workerId: string, extra: Partial<WorkerSettings> = {}): WorkerSettings {
  return { workerId, eventsFile: events, transcriptFile: es2004aFile, ...extra };
}
const eventsFile = () => join(dir, `events-${++runs}.jsonl`);

/** The transcript, analysis and report of the meeting are all stored, and the report is marked delivered. */
async function expectComplete(t: TestDatabase, meetingId: string): Promise<void> {
  expect(await countRows(t.db, "transcripts", "meeting_id = $1 and jsonb_array_length(utterances) > 0", [meetingId])).toBe(1);
  expect(await countRows(t.db, "analyses", "meeting_id = $1 and manager_id is not null", [meetingId])).toBe(1);
  expect(await countRows(t.db, "coaching_reports", "meeting_id = $1 and delivered_at is not null", [meetingId])).toBe(1);
}

describeEachDatabase(
  "job workers in two processes",
  (t) => {
    it("two processes draining one queue deliver every job exactly once", async () => {
      await t.reset();
      const n = 16;
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push((await queuedMeeting(t.db, `proc-${i}`, { organizer: SHORT_ORGANIZER })).meeting.id);
      const events = eventsFile();
      const go = join(dir, `go-${runs}`);
      const extra = { transcriptFile: shortFile, goFile: go, deliverDelayMs: 15 };
      const a = startWorker(t.env(), settings(events, "proc-a", extra));
      const b = startWorker(t.env(), settings(events, "proc-b", extra));
      // Both are up before either claims anything, so they really compete.
      await waitUntil("both workers are ready", () => readEvents(events).filter((e) => e.event === "ready").length === 2, 30_000);
      await writeFile(go, "");
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect(ra, ra.stderr).toMatchObject({ code: 0 });
      expect(rb, rb.stderr).toMatchObject({ code: 0 });

      const deliveries = readEvents(events).filter((e) => e.event === "deliver");
      expect(deliveries.map((d) => d.meetingId).sort()).toEqual([...ids].sort());
      expect(new Set(deliveries.map((d) => d.reportId)).size).toBe(n);
      expect(new Set(deliveries.map((d) => d.worker))).toEqual(new Set(["proc-a", "proc-b"]));
      const fetches = readEvents(events).filter((e) => e.event === "fetch");
      expect(fetches).toHaveLength(n);
      expect(await countRows(t.db, "jobs", "state = 'delivered' and attempts = 1 and locked_by is null")).toBe(n);
      expect(await countRows(t.db, "coaching_reports", "delivered_at is not null")).toBe(n);
    });

    for (const step of ["fetching", "delivering"] as const) {
      it(`a worker killed (SIGKILL) while ${step} is resumed by another after its lease: one delivery, nothing lost`, async () => {
        await t.reset();
        const { meeting, job } = await queuedMeeting(t.db, `crash-${step}`, { organizer: ES2004A_MANAGER });
        const events = eventsFile();
        const doomed = startWorker(t.env(), settings(events, "doomed", { leaseMs: 1000, blockIn: step }));
        await waitUntil(`the first worker is stuck in ${step}`, () => readEvents(events).some((e) => e.event === "blocked"), 30_000);
        doomed.kill("SIGKILL");
        const killed = await doomed.done;
        expect(killed.signal).toBe("SIGKILL");
        const orphan = (await getJob(t.db, meeting.id))!;
        expect(orphan).toMatchObject({ id: job.id, state: step, attempts: 1, locked_by: "doomed" });

        const rescuer = startWorker(t.env(), settings(events, "rescuer", { leaseMs: 10_000 }));
        const done = await rescuer.done;
        expect(done, done.stderr).toMatchObject({ code: 0 });

        const all = readEvents(events);
        const deliveries = all.filter((e) => e.event === "deliver");
        expect(deliveries).toHaveLength(1);
        expect(deliveries[0]).toMatchObject({ worker: "rescuer", meetingId: meeting.id });
        // Resumed from the state reached: a transcript already fetched is not fetched again.
        expect(all.filter((e) => e.event === "fetch").map((e) => e.worker)).toEqual(
          step === "fetching" ? ["doomed", "rescuer"] : ["doomed"],
        );
        const finished = (await getJob(t.db, meeting.id))!;
        expect(finished).toMatchObject({ state: "delivered", attempts: 2, locked_by: null, locked_until: null });
        await expectComplete(t, meeting.id);
        const report = (await t.db.query<{ id: string }>("select id from coaching_reports where meeting_id = $1", [meeting.id])).rows[0]!;
        expect(deliveries[0]!.reportId).toBe(report.id);
      });
    }
  },
  { kinds: ["postgres"] },
);

describeEachDatabase(
  "a job worker process on a PGlite folder in use",
  (t) => {
    it("gets the clear 'in use' error instead of opening it", async () => {
      const events = eventsFile();
      const result = await startWorker(t.env(), settings(events, "second")).done;
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^job-worker-process: the data folder .* is in use by process ${process.pid}; `));
      expect(readEvents(events)).toEqual([]);
    });
  },
  { kinds: ["pglite"] },
);
