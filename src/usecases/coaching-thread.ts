import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Coaching } from "../coaching/schema.js";
import type { LlmSettings } from "../llm/client.js";
import type { Result } from "../result.js";
import type { Analysis } from "../metrics/schema.js";
import type { Utterance } from "../transcript/schema.js";
import type { CoachedTranscript, CoachFailure, CoachRequest } from "./coach-transcript.js";

/**
 * Coaching on a worker thread, so that a long meeting (seconds of CPU for a day-long transcript) never
 * holds up the server's event loop: /healthz, the bot's turns and the side panel keep answering. The
 * thread starts on first use and ends after a minute without work, so an idle server holds no second heap.
 */
export interface CoachingThreadSettings {
  /** The model to coach with, or null for the heuristic; the thread builds its own client from it. */
  llm: LlmSettings | null;
  promptsDir: string | null;
}

/** What a thread is asked to do: a transcript the way coachTranscript takes it, or a measured meeting. */
export type ThreadTask = { kind: "transcript"; request: TranscriptRequest } | { kind: "meeting"; meeting: MeasuredMeeting };
export type ThreadRequest = ThreadTask & { id: number };
export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** coachTranscript's request, with "coach it" as a flag: the thread has the coach. */
export type TranscriptRequest = Omit<CoachRequest, "coach"> & { text: string; coach: boolean };
export interface MeasuredMeeting {
  utterances: readonly Utterance[];
  analysis: Analysis;
  manager: string;
  language?: string | null;
}

export interface CoachingThread {
  coachTranscript(
    text: string,
    request: Omit<CoachRequest, "coach"> & { coach: boolean },
  ): Promise<Result<CoachedTranscript, CoachFailure>>;
  coachMeasuredMeeting(meeting: MeasuredMeeting): Promise<Coaching>;
  close(): Promise<void>;
}

const IDLE_MS = 60_000;

export function createCoachingThread(settings: CoachingThreadSettings, options: { idleMs?: number } = {}): CoachingThread {
  let worker: Worker | null = null;
  let nextId = 1;
  let idle: NodeJS.Timeout | null = null;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  function start(): Worker {
    const started = import.meta.url.endsWith(".ts")
      ? sourceWorker(settings)
      : new Worker(new URL("./coaching-worker.js", import.meta.url), { workerData: settings });
    started.unref();
    started.on("message", (reply: ThreadReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.message));
      if (pending.size === 0) scheduleIdle();
    });
    const lost = (error: Error) => {
      if (worker === started) worker = null;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new Error(`the coaching thread stopped: ${error.message}`, { cause: error }));
      }
    };
    started.on("error", lost);
    started.on("exit", (code) => lost(new Error(`exit code ${code}`)));
    return started;
  }

  function scheduleIdle(): void {
    idle = setTimeout(() => {
      const ending = worker;
      worker = null;
      void ending?.terminate();
    }, options.idleMs ?? IDLE_MS);
    idle.unref();
  }

  function ask<T>(task: ThreadTask): Promise<T> {
    if (idle) clearTimeout(idle);
    idle = null;
    worker ??= start();
    const id = nextId++;
    const running = worker;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      running.postMessage({ ...task, id } satisfies ThreadRequest);
    });
  }

  return {
    coachTranscript: (text, request) => ask({ kind: "transcript", request: { ...request, text } }),
    coachMeasuredMeeting: (meeting) => ask({ kind: "meeting", meeting }),
    async close() {
      if (idle) clearTimeout(idle);
      const ending = worker;
      worker = null;
      await ending?.terminate();
    },
  };
}

/** From src/ (tests, tsx) the thread runs the TypeScript source, through tsx's loader (a dev dependency). */
function sourceWorker(settings: CoachingThreadSettings): Worker {
  // tsx's ESM API by its package's "import" export (require.resolve would give the CommonJS one).
  const tsxDir = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsx = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  const entry = new URL("./coaching-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: settings });
}
