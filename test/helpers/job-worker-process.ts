/**
 * A job worker in its own process, for the cross-process job tests (started by startWorker in
 * child-processes.ts with `node --import tsx`). It runs the real meeting pipeline (createWorker + meetingSteps,
 * heuristic coach) on the database in DATABASE_URL or ATTUNE_DATA_DIR, with test edges:
 *
 *   fetchTranscript  answers with the file TEST_TRANSCRIPT_FILE
 *   deliver          appends a "deliver" line to TEST_EVENTS_FILE (after TEST_DELIVER_DELAY_MS)
 *
 * TEST_BLOCK_IN=fetching|delivering makes that step hang forever after writing a "blocked" line: the test
 * then kills the process mid-job. TEST_GO_FILE makes it wait for that file before claiming anything. It exits
 * 0 once no job is left that is not delivered, failed or held; 2 when it cannot open the database.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { meetingSteps, type PipelineEdges } from "../../src/jobs/meeting-pipeline.js";
import { createWorker } from "../../src/jobs/worker.js";
import { createLogger } from "../../src/log.js";
import { openStorage } from "../../src/storage/open-storage.js";

const env = process.env;
const workerId = env.TEST_WORKER_ID ?? `worker-${process.pid}`;
const eventsFile = env.TEST_EVENTS_FILE;
const transcriptFile = env.TEST_TRANSCRIPT_FILE;
const leaseMs = Number(env.TEST_LEASE_MS ?? 10_000);
const blockIn = env.TEST_BLOCK_IN ?? "";
const goFile = env.TEST_GO_FILE ?? "";
const deliverDelayMs = Number(env.TEST_DELIVER_DELAY_MS ?? 0);
if (!eventsFile || !transcriptFile) {
  process.stderr.write("job-worker-process: TEST_EVENTS_FILE and TEST_TRANSCRIPT_FILE are required\n");
  process.exit(2);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const record = (event: string, details: Record<string, unknown> = {}) =>
  appendFileSync(eventsFile, `${JSON.stringify({ event, worker: workerId, pid: process.pid, ...details })}\n`);

/** Never returns; the interval keeps the process alive until it is killed. */
async function hang(state: string, meetingId: string): Promise<never> {
  record("blocked", { state, meetingId });
  setInterval(() => undefined, 1000);
  return new Promise<never>(() => undefined);
}

const opened = await openStorage(
  { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.ATTUNE_DATA_DIR ?? "./data" },
  { migrate: false },
);
if (!opened.ok) {
  process.stderr.write(`job-worker-process: ${opened.error.message}\n`);
  process.exit(2);
}
const db = opened.value;

const edges: PipelineEdges = {
  async fetchTranscript(meeting) {
    record("fetch", { meetingId: meeting.id });
    if (blockIn === "fetching") await hang("fetching", meeting.id);
    return { ok: true, value: { raw: readFileSync(transcriptFile, "utf8") } };
  },
  async deliver(delivery) {
    if (blockIn === "delivering") await hang("delivering", delivery.meeting.id);
    if (deliverDelayMs > 0) await sleep(deliverDelayMs);
    record("deliver", { meetingId: delivery.meeting.id, reportId: delivery.reportId });
    return { ok: true, value: "sent" };
  },
};

const worker = createWorker({
  db,
  steps: meetingSteps({ db, edges, coach: { llm: null, prompts: null }, retentionDays: 30 }),
  log: createLogger(env.LOG_LEVEL ?? "warn"),
  workerId,
  leaseMs,
  pollMs: 25,
  backoffBaseMs: 50,
  backoffMaxMs: 200,
});

record("ready");
while (goFile && !existsSync(goFile)) await sleep(10);
for (;;) {
  if (await worker.runOnce()) continue;
  const open = await db.query<{ n: number }>("select count(*)::int as n from jobs where state not in ('delivered', 'failed', 'held')");
  if (open.rows[0]!.n === 0) break;
  await sleep(25);
}
record("exit");
await db.close();
