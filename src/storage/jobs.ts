import { z } from "zod";
import type { Db, Queryable } from "./db.js";

/**
 * queued → fetching → analyzing → coaching → delivering → delivered, or failed after max attempts.
 * `held`: the report is ready, and the manager cannot be reached yet (no personal install, or paused);
 * releaseHeldJobs moves it back to `delivering` once they can be, and the worker delivers it from there.
 * Only the worker's steps deliver a report and mark it delivered.
 */
export const JOB_STATES = ["queued", "fetching", "analyzing", "coaching", "delivering", "held", "delivered", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobRow {
  id: string;
  meeting_id: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_after: Date;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  /** What the job's source needs to run it (a Teams meeting: the organizer and Graph ids); its edges parse it further. */
  payload: Record<string, unknown>;
}

type JobRecord = Omit<JobRow, "payload"> & { payload: unknown };

const payloadSchema = z.record(z.string(), z.unknown());

/** A jobs row as read: its jsonb payload parsed (an object of named values), never cast. */
function toJob(row: JobRecord): JobRow {
  const payload = payloadSchema.safeParse(row.payload);
  if (!payload.success) throw new Error(`job ${row.id} has a payload that is not a JSON object`);
  return { ...row, payload: payload.data };
}

/** One job per meeting: enqueueing a meeting again returns the job it already has. */
export async function enqueueJob(
  db: Queryable,
  meetingId: string,
  payload: Record<string, unknown> = {},
  maxAttempts = 8,
): Promise<{ job: JobRow; created: boolean }> {
  const inserted = await db.query<JobRecord>(
    "insert into jobs (meeting_id, payload, max_attempts) values ($1, $2, $3) on conflict (meeting_id) do nothing returning *",
    [meetingId, JSON.stringify(payload), maxAttempts],
  );
  if (inserted.rows[0]) return { job: toJob(inserted.rows[0]), created: true };
  return { job: toJob((await db.query<JobRecord>("select * from jobs where meeting_id = $1", [meetingId])).rows[0]!), created: false };
}

/**
 * Claims the next due job for `worker` for `leaseMs`. A job whose worker died becomes claimable again
 * when its lease runs out, and resumes from the state it had reached. `for update skip locked` keeps two
 * workers off the same job.
 */
export async function claimJob(db: Db, worker: string, leaseMs: number): Promise<JobRow | null> {
  // A job whose workers kept dying used up its attempts without ever being released: fail it here.
  await db.query(
    `update jobs set state = 'failed', locked_by = null, locked_until = null, updated_at = now(),
       last_error = coalesce(last_error, 'its worker stopped mid-job') || ' (attempts used up)'
     where state not in ('delivered', 'failed', 'held') and attempts >= max_attempts and locked_until is not null and locked_until < now()`,
  );
  const rows = await db.query<JobRecord>(
    `update jobs set locked_by = $1, locked_until = now() + make_interval(secs => $2::double precision / 1000),
       attempts = attempts + 1, state = case when state = 'queued' then 'fetching' else state end, updated_at = now()
     where id = (
       select id from jobs
       where state not in ('delivered', 'failed', 'held') and attempts < max_attempts and run_after <= now()
         and (locked_until is null or locked_until < now())
       order by run_after, created_at
       for update skip locked
       limit 1)
     returning *`,
    [worker, leaseMs],
  );
  return rows.rows[0] ? toJob(rows.rows[0]) : null;
}

/** Records progress, only while `worker` still holds the job; false means the lease was lost. */
export async function advanceJob(
  db: Queryable,
  job: JobRow,
  worker: string,
  state: JobState,
  leaseMs: number,
  payload?: Record<string, unknown>,
): Promise<boolean> {
  const done = state === "delivered" || state === "held";
  const rows = await db.query(
    `update jobs set state = $3, updated_at = now(), payload = coalesce($5, payload), last_error = case when $6 then null else last_error end,
       locked_until = case when $6 then null else now() + make_interval(secs => $4::double precision / 1000) end,
       locked_by = case when $6 then null else locked_by end
     where id = $1 and locked_by = $2 returning id`,
    [job.id, worker, state, leaseMs, payload ? JSON.stringify(payload) : null, done],
  );
  return rows.rows.length === 1;
}

/** Adds to a job's payload (what a step learned, for the steps after it and for a retry). */
export async function mergeJobPayload(db: Queryable, jobId: string, values: Record<string, unknown>): Promise<void> {
  await db.query("update jobs set payload = payload || $2::jsonb, updated_at = now() where id = $1", [jobId, JSON.stringify(values)]);
}

/** Extends the lease of a job still held by `worker` (a heartbeat during a long step). */
export async function renewLease(db: Queryable, job: JobRow, worker: string, leaseMs: number): Promise<boolean> {
  const rows = await db.query(
    "update jobs set locked_until = now() + make_interval(secs => $3::double precision / 1000) where id = $1 and locked_by = $2 returning id",
    [job.id, worker, leaseMs],
  );
  return rows.rows.length === 1;
}

/** Gives the job back after a failure: retried after `delayMs`, or failed for good at max attempts. */
export async function releaseJob(
  db: Queryable,
  job: JobRow,
  worker: string,
  error: string,
  delayMs: number,
  retry: boolean,
): Promise<JobState> {
  const rows = await db.query<{ state: JobState }>(
    `update jobs set locked_by = null, locked_until = null, last_error = $3, updated_at = now(),
       state = case when not $5 or attempts >= max_attempts then 'failed' else state end,
       run_after = now() + make_interval(secs => $4::double precision / 1000)
     where id = $1 and locked_by = $2 returning state`,
    [job.id, worker, error.slice(0, 500), delayMs, retry],
  );
  return rows.rows[0]?.state ?? job.state;
}

export async function getJob(db: Queryable, meetingId: string): Promise<JobRow | null> {
  const row = (await db.query<JobRecord>("select * from jobs where meeting_id = $1", [meetingId])).rows[0];
  return row ? toJob(row) : null;
}

/**
 * Hands the manager's held jobs back to the worker (held → delivering, due now), when the manager can be
 * reached again. Returns how many. A release gives the delivery at least one attempt, however many the job
 * had used.
 */
export async function releaseHeldJobs(db: Queryable, managerId: string): Promise<number> {
  const rows = await db.query(
    `update jobs set state = 'delivering', run_after = now(), updated_at = now(), attempts = least(attempts, max_attempts - 1)
     where state = 'held' and meeting_id in (select meeting_id from coaching_reports where manager_id = $1) returning id`,
    [managerId],
  );
  return rows.rows.length;
}
