import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, type Logger } from "../../src/log.js";
import { startAttune, type RunningAttune } from "../../src/main.js";

/** The real server in local mode on a free port, embedded storage in a fresh folder, logs silenced (or to `options.log`). */
export async function startLocalAttune(
  env: Record<string, string>,
  options: { log?: Logger } = {},
): Promise<{ attune: RunningAttune; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = env.ATTUNE_DATA_DIR ?? (await mkdtemp(join(tmpdir(), "attune-server-")));
  const started = await startAttune(
    { PORT: "0", ATTUNE_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
    { log: options.log ?? createLogger("silent") },
  );
  if (!started.ok) throw new Error(started.error.message);
  return {
    attune: started.value,
    dataDir,
    stop: async () => {
      await started.value.close();
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

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
