import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, type Logger } from "../../src/log.js";
import { startAttune, type RunningAttune } from "../../src/main.js";
import { openStorage } from "../../src/storage/open-storage.js";

export interface LocalAttune {
  attune: RunningAttune;
  dataDir: string;
  /** The server's log lines (pino JSON, level info and up) so far: tests wait on them, never on the clock. */
  logs: string[];
  /** Resolves when a log line contains every one of `parts` (e.g. `'"to":"delivered"'`); fails after `timeoutMs`. */
  waitForLog(what: string, parts: string[], timeoutMs?: number): Promise<string>;
  /**
   * The pipeline's terminal state: stops the server (it finishes the job in hand first), then reads every
   * job's state from its data folder. Nothing can be sent after this, so counts taken now are final.
   */
  settle(): Promise<{ state: string }[]>;
  stop: () => Promise<void>;
}

/**
 * The real server in local mode on a free port, embedded storage in a fresh folder, logs kept in memory (or
 * written to `options.log` instead, when a test reads them itself).
 */
export async function startLocalAttune(env: Record<string, string>, options: { log?: Logger } = {}): Promise<LocalAttune> {
  const dataDir = env.ATTUNE_DATA_DIR ?? (await mkdtemp(join(tmpdir(), "attune-server-")));
  const logs: string[] = [];
  const log = options.log ?? createLogger("info", { write: (line: string) => void logs.push(line) });
  const started = await startAttune({ PORT: "0", ATTUNE_DATA_DIR: dataDir, LOG_LEVEL: "info", ...env }, { log });
  if (!started.ok) throw new Error(started.error.message);
  const attune = started.value;
  return {
    attune,
    dataDir,
    logs,
    waitForLog: (what, parts, timeoutMs = 60_000) =>
      eventually(() => logs.find((line) => parts.every((part) => line.includes(part))), timeoutMs, what),
    async settle() {
      await attune.close();
      const opened = await openStorage({ databaseUrl: env.DATABASE_URL || undefined, dataDir }, { migrate: false });
      if (!opened.ok) throw new Error(opened.error.message);
      try {
        return (await opened.value.query<{ state: string }>("select state from jobs order by created_at")).rows;
      } finally {
        await opened.value.close();
      }
    },
    stop: async () => {
      await attune.close();
      if (!env.ATTUNE_DATA_DIR) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(activity),
  });
}

/**
 * Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. The default deadline is
 * generous (the suite must hold at load 8 on 2 cores); it only costs time when something is wrong.
 */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 60_000,
  what = "condition",
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
