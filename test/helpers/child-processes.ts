/** Child processes for storage tests: the built CLI (bin/attune.js) and the test job worker (job-worker-process.ts). */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const attuneBin = fileURLToPath(new URL("../../bin/attune.js", import.meta.url));
export const workerScript = fileURLToPath(new URL("./job-worker-process.ts", import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves when the process has exited, with everything it wrote. */
  readonly done: Promise<Finished>;
  /** What it has written so far. */
  output(): { stdout: string; stderr: string };
  kill(signal?: NodeJS.Signals): void;
}

const started = new Set<Running>();

function start(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Running {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => {
    stderr += `\n[test: killed after ${timeoutMs} ms]`;
    child.kill("SIGKILL");
  }, timeoutMs);
  const running: Running = {
    child,
    pid: child.pid!,
    done: new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        started.delete(running);
        resolve({ code, signal, stdout, stderr });
      });
    }),
    output: () => ({ stdout, stderr }),
    kill: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
  started.add(running);
  return running;
}

/** Starts `node bin/attune.js ...args` (the compiled CLI: `npm run build` first). */
// Generous: a CLI run opens an embedded database, which takes seconds on a quiet machine and far more at load 8.
export function startAttune(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Running {
  if (!existsSync(fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url)))) {
    throw new Error("dist/ is missing: run `npm run build` before these tests (npm test does)");
  }
  return start([attuneBin, ...args], env, timeoutMs);
}

/** Runs `node bin/attune.js ...args` to its end. */
export function runAttune(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Finished> {
  return startAttune(args, env, timeoutMs).done;
}

/** Settings of the test worker process; see job-worker-process.ts. */
export interface WorkerSettings {
  workerId: string;
  /** JSON lines of what the worker did: ready, fetch, blocked, deliver, exit. */
  eventsFile: string;
  /** The transcript every meeting's fetchTranscript answers with. */
  transcriptFile: string;
  leaseMs?: number;
  /** The step to hang in forever (after recording a "blocked" event), until the process is killed. */
  blockIn?: "fetching" | "delivering";
  /** Wait for this file to exist before claiming (lines several workers up). */
  goFile?: string;
  deliverDelayMs?: number;
}

/** Starts the test job worker (tsx) on the database `env` points at. It exits when no job is left to do. */
export function startWorker(env: NodeJS.ProcessEnv, settings: WorkerSettings, timeoutMs = 120_000): Running {
  return start(
    ["--import", "tsx", workerScript],
    {
      ...env,
      TEST_WORKER_ID: settings.workerId,
      TEST_EVENTS_FILE: settings.eventsFile,
      TEST_TRANSCRIPT_FILE: settings.transcriptFile,
      TEST_LEASE_MS: String(settings.leaseMs ?? 10_000),
      TEST_BLOCK_IN: settings.blockIn ?? "",
      TEST_GO_FILE: settings.goFile ?? "",
      TEST_DELIVER_DELAY_MS: String(settings.deliverDelayMs ?? 0),
    },
    timeoutMs,
  );
}

export interface WorkerEvent {
  event: "ready" | "fetch" | "blocked" | "deliver" | "exit";
  worker: string;
  pid: number;
  meetingId?: string;
  reportId?: string;
  state?: string;
}

export function readEvents(file: string): WorkerEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WorkerEvent);
}

/** Polls `check` until it is true; throws with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Kills (SIGKILL) every child this file started that is still running; for afterEach/afterAll. */
export async function killStarted(): Promise<void> {
  const left = [...started];
  for (const running of left) running.kill("SIGKILL");
  await Promise.all(left.map((running) => running.done.catch(() => undefined)));
}
