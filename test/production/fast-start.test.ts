/**
 * Finding 10 of issue 10: heavy modules load only when used, and start-up memory stays within the targets
 * (the times are load-dependent and reported by `npm run bench`, start-up section; memory is not).
 * Each case runs the built CLI (bin/attune.js) in a child process with test/helpers/process-usage.mjs, which
 * lists what the process imported and reports its peak RSS.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attuneBin, repoRoot, waitUntil } from "../helpers/child-processes.js";
import { freePort } from "../helpers/free-port.js";

const preload = join(repoRoot, "test", "helpers", "process-usage.mjs");
const sample = join(repoRoot, "samples", "one-on-one.vtt");
/** Packages that a command must not load unless it uses them; playwright never at run time. */
const heavy = ["openai", "gpt-tokenizer", "@electric-sql/pglite", "pg", "botbuilder", "botframework-connector", "redis", "playwright-core"];

let work: string;
let runs = 0;
beforeAll(async () => {
  if (!existsSync(join(repoRoot, "dist", "cli", "main.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  work = await mkdtemp(join(tmpdir(), "attune-fast-start-"));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

interface Usage {
  code: number | null;
  stderr: string;
  packages: Set<string>;
  maxRssBytes: number;
  pid: number;
}

function packagesIn(importsFile: string): Set<string> {
  const names = new Set<string>();
  for (const url of readFileSync(importsFile, "utf8").split("\n")) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match) names.add(match[1]!);
  }
  return names;
}

/** Runs the CLI with the usage preload; `whileRunning` may act on the live process before it is stopped. */
async function attune(
  args: string[],
  env: Record<string, string>,
  whileRunning?: (pid: number, output: () => string) => Promise<void>,
): Promise<Usage> {
  const usageFile = join(work, `usage-${++runs}.json`);
  const child = spawn(process.execPath, ["--import", preload, attuneBin, ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: "",
      OPENAI_API_KEY: "",
      REDIS_URL: "",
      MicrosoftAppId: "",
      LOG_LEVEL: "warn",
      ...env,
      ATTUNE_TEST_USAGE: usageFile,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (whileRunning) {
    try {
      await whileRunning(child.pid!, () => stdout + stderr);
    } finally {
      child.kill("SIGTERM");
    }
  }
  const code = await exited;
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssBytes: number };
  return { code, stderr, packages: packagesIn(`${usageFile}.imports`), maxRssBytes: usage.maxRssBytes, pid: child.pid! };
}

const MB = 1e6;

describe("heavy modules load only when used", () => {
  it("attune analyze --coach (heuristic) loads none of them", async () => {
    const run = await attune(["analyze", sample, "--manager", "renee", "--coach"], { ATTUNE_DATA_DIR: join(work, "unused") });
    expect(run.code, run.stderr).toBe(0);
    expect(run.packages.size).toBeGreaterThan(0); // the recorder works: zod and the like are listed
    expect(heavy.filter((name) => run.packages.has(name))).toEqual([]);
  }, 60_000);

  it("attune analyze --save loads the embedded database and nothing else heavy, and stays under 250 MB on a new folder", async () => {
    const run = await attune(["analyze", sample, "--manager", "renee", "--save"], { ATTUNE_DATA_DIR: join(work, "save") });
    expect(run.code, run.stderr).toBe(0);
    expect(heavy.filter((name) => run.packages.has(name))).toEqual(["@electric-sql/pglite"]);
    expect(run.maxRssBytes / MB).toBeLessThan(250);
  }, 90_000);

  it("attune serve in local mode loads neither the model client, the tokenizer, pg nor redis, and idles under 220 MB", async () => {
    const port = await freePort();
    let idleRss = 0;
    const run = await attune(["serve"], { PORT: String(port), ATTUNE_DATA_DIR: join(work, "serve") }, async (pid, output) => {
      const status = (path: string) =>
        fetch(`http://127.0.0.1:${port}${path}`).then(
          (r) => r.status,
          () => 0,
        );
      const alive = () => {
        if (/cannot start|internal error/.test(output())) throw new Error(output());
        return true;
      };
      await waitUntil("/healthz answers", async () => alive() && (await status("/healthz")) === 200, 120_000, 20);
      await waitUntil("/readyz answers", async () => alive() && (await status("/readyz")) === 200, 120_000, 50);
      // Idle a while (the worker polls, live snapshots run), then read the resident memory.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      idleRss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) * 1024;
    });
    expect(run.code, run.stderr).toBe(0);
    expect(heavy.filter((name) => run.packages.has(name))).toEqual(["@electric-sql/pglite", "botbuilder", "botframework-connector"]);
    // The target is 200 MB (npm run bench reports it); this catches a return of the 800 MB a fresh folder cost.
    expect(idleRss / MB).toBeLessThan(220);
  }, 180_000);
});
