import { randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import type { Db } from "../storage/db.js";
import { advanceJob, claimJob, releaseJob, renewLease, type JobRow } from "../storage/jobs.js";
import { StoredDocumentError } from "../storage/stored-documents.js";
import { backoffMs } from "./backoff.js";
import { meetingOf, type Step } from "./meeting-pipeline.js";
import { giveUp, retryLater } from "./step-result.js";

export interface WorkerOptions {
  db: Db;
  steps: Partial<Record<JobRow["state"], Step>>;
  log: Logger;
  workerId?: string;
  /** How long a claim lasts without progress before another worker may take the job over. */
  leaseMs?: number;
  /** The lease is renewed while a step runs, up to this long; a step stuck past it loses the job. Default: 5 leases. */
  maxStepMs?: number;
  pollMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface Worker {
  readonly id: string;
  /** Claims and runs one job to its end or to its next wait; false when no job was due. */
  runOnce(): Promise<boolean>;
  /** Keeps running jobs until stopped. */
  start(): void;
  /** Looks for due jobs now instead of at the next poll. */
  wake(): void;
  /** Stops claiming; resolves when the job in hand is finished or given back. */
  stop(): Promise<void>;
}

export function createWorker(options: WorkerOptions): Worker {
  const id = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 2000;
  const maxStepMs = options.maxStepMs ?? leaseMs * 5;
  const { db, steps, log } = options;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function runOnce(): Promise<boolean> {
    const job = await claimJob(db, id, leaseMs);
    if (!job) return false;
    const jobLog = log.child({ jobId: job.id, meetingId: job.meeting_id });
    let state = job.state;
    while (state !== "delivered" && state !== "failed" && state !== "held") {
      // Read before each step: a step may have filled the meeting in (its title, organizer, start) for the next.
      const meeting = await meetingOf(db, job);
      if (!meeting) {
        await releaseJob(db, job, id, "the meeting no longer exists", 0, false);
        return true;
      }
      const step = steps[state];
      if (!step) {
        await releaseJob(db, job, id, `no step handles state '${state}'`, 0, false);
        return true;
      }
      let result: Awaited<ReturnType<Step>>;
      // A step may outlast the lease (a slow model, a slow Graph): keep the claim alive while it runs.
      const stepStarted = Date.now();
      const heartbeat = setInterval(
        () => {
          if (Date.now() - stepStarted > maxStepMs) return;
          renewLease(db, job, id, leaseMs).catch((error: unknown) => jobLog.warn({ err: error }, "could not renew the job's lease"));
        },
        Math.max(250, Math.floor(leaseMs / 3)),
      );
      try {
        result = await step(job, meeting);
      } catch (error) {
        jobLog.error({ err: error, state }, "job step crashed");
        // A stored document this release cannot read stays unreadable: trying again would not help.
        result =
          error instanceof StoredDocumentError
            ? giveUp(error.message)
            : retryLater(`internal error in ${state}: ${(error as Error).message}`);
      } finally {
        clearInterval(heartbeat);
      }
      if (!result.ok) {
        const { code, message, delayMs } = result.error;
        const delay = delayMs ?? backoffMs(job.attempts, options.backoffBaseMs ?? 5000, options.backoffMaxMs ?? 600_000);
        const after = await releaseJob(db, job, id, message, delay, code === "retry-later");
        jobLog.warn(
          { state, attempts: job.attempts, reason: message, retryInMs: after === "failed" ? null : delay, final: after === "failed" },
          after === "failed" ? "job failed" : "job step will be retried",
        );
        return true;
      }
      if (!(await advanceJob(db, job, id, result.value, leaseMs))) {
        jobLog.warn({ state }, "lost the job's lease; another worker has it");
        return true;
      }
      jobLog.info({ from: state, to: result.value }, "job advanced");
      state = result.value;
    }
    return true;
  }

  return {
    id,
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let worked = false;
          try {
            worked = await runOnce();
          } catch (error) {
            log.error({ err: error }, "worker could not claim a job");
          }
          if (!worked && running)
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, pollMs).unref();
            });
        }
      })();
    },
    wake() {
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
