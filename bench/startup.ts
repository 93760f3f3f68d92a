/**
 * Start-up figures for `npm run bench`: the built CLI and server (bin/attune.js, so run `npm run build`
 * first), each in a fresh node process, against the targets of issue 10 and against a bare node process
 * and a bare node:http server measured in the same run. Medians of a few runs; the machine is shared.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./bench-inputs.js";
import { generateTeamsMeeting } from "./generate-meeting.js";
import { textTable } from "./text-table.js";

const bin = join(repoRoot, "bin", "attune.js");
const preload = join(repoRoot, "bench", "report-usage.mjs");
const IDLE_MS = 10_000;

interface Usage {
  cpuMs: number;
  maxRssBytes: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a node script to completion with the usage preload; returns its CPU time and peak RSS. */
async function runToEnd(args: string[], env: Record<string, string>): Promise<Usage> {
  const work = mkdtempSync(join(tmpdir(), "attune-bench-"));
  const usageFile = join(work, "usage.json");
  try {
    const child = spawn(process.execPath, ["--import", preload, ...args], {
      env: { ...process.env, ...env, ATTUNE_BENCH_USAGE: usageFile },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error(`${args.join(" ")} exited ${code}: ${stderr.trim().split("\n")[0]}`);
    return JSON.parse(readFileSync(usageFile, "utf8")) as Usage;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Served {
  /** To the first 200 from /healthz (the process is up). */
  readyMs: number;
  /** To the first 200 from /readyz (the database answers and the app serves). */
  servingMs: number;
  idleRssBytes: number;
}

/** Polls a URL until it answers 200; throws if the process exits or the deadline passes first. */
async function firstOk(url: string, child: { exitCode: number | null }, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode} before ${url} answered`);
    if (performance.now() > deadline) throw new Error(`no answer from ${url} within the deadline`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

/** Starts a server process, times it to the first 200 from /healthz, lets it idle, reads its RSS, stops it. */
async function serveOnce(args: string[], env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port) }, stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const deadline = started + 120_000;
    await firstOk(`http://127.0.0.1:${port}/healthz`, child, deadline);
    const readyMs = performance.now() - started;
    await firstOk(`http://127.0.0.1:${port}/readyz`, child, deadline);
    const servingMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { readyMs, servingMs, idleRssBytes: rssOf(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function times<T>(n: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await run(i));
  return out;
}

// The baseline answers both probes at once.
const bareServer = `require("node:http").createServer((q, s) => s.end("ok")).listen(Number(process.env.PORT), "127.0.0.1")`;

export async function startupSection(runs = 3): Promise<void> {
  console.log("\nStart-up: the built CLI and server (bin/attune.js), a fresh node process each; medians of", runs, "runs.");
  if (!existsSync(join(repoRoot, "dist", "cli", "main.js"))) {
    console.log("dist/ is missing: run `npm run build` first. Start-up figures skipped.");
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "attune-bench-startup-"));
  try {
    const meeting = generateTeamsMeeting({ minutes: 60, seed: 20260308, speakers: 12 });
    const vtt = join(work, "one-hour.vtt");
    writeFileSync(vtt, meeting.text);
    const quiet = { ATTUNE_DATA_DIR: join(work, "unused"), DATABASE_URL: "", OPENAI_API_KEY: "", REDIS_URL: "", MicrosoftAppId: "" };

    const bare = await times(runs, () => runToEnd(["-e", ""], {}));
    const analyze = await times(runs, () => runToEnd([bin, "analyze", vtt, "--manager", meeting.manager], quiet));
    const saveFresh = await times(runs, (i) =>
      runToEnd([bin, "analyze", vtt, "--manager", meeting.manager, "--save", "--title", `fresh ${i}`], {
        ...quiet,
        ATTUNE_DATA_DIR: join(work, `save-${i}`),
      }),
    );
    const saveExisting = await times(runs, (i) =>
      runToEnd([bin, "analyze", vtt, "--manager", meeting.manager, "--save", "--title", `again ${i}`], {
        ...quiet,
        ATTUNE_DATA_DIR: join(work, "save-0"),
      }),
    );
    const bareServed = await times(runs, () => serveOnce(["-e", bareServer], {}));
    const fresh = await times(runs, (i) => serveOnce([bin, "serve"], { ...quiet, ATTUNE_DATA_DIR: join(work, `serve-${i}`) }));
    const existing = await times(runs, (i) => serveOnce([bin, "serve"], { ...quiet, ATTUNE_DATA_DIR: join(work, `serve-${i}`) }));

    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const bareCpu = median(bare.map((u) => u.cpuMs));
    const bareRss = median(bare.map((u) => u.maxRssBytes));
    const bareReady = median(bareServed.map((r) => r.readyMs));
    const bareIdle = median(bareServed.map((r) => r.idleRssBytes));
    const row = (what: string, value: number, target: number, show: (n: number) => string, base: number, baseline: string) => [
      what,
      show(value),
      `≤ ${show(target)}`,
      `${(value / target).toFixed(2)}x`,
      value <= target ? "met" : "NOT met",
      `${show(base)} (${baseline})`,
      `${(value / base).toFixed(1)}x`,
    ];
    console.log(
      textTable(
        ["measure", "Attune", "target", "of target", "", "baseline", "vs baseline"],
        [
          row("analyze a 1 h meeting: CPU", median(analyze.map((u) => u.cpuMs)), 250, s, bareCpu, "node -e ''"),
          row("analyze a 1 h meeting: peak RSS", median(analyze.map((u) => u.maxRssBytes)), 250e6, mb, bareRss, "node -e ''"),
          row("analyze --save, new data folder: peak RSS", median(saveFresh.map((u) => u.maxRssBytes)), 250e6, mb, bareRss, "node -e ''"),
          row(
            "analyze --save, existing folder: peak RSS",
            median(saveExisting.map((u) => u.maxRssBytes)),
            250e6,
            mb,
            bareRss,
            "node -e ''",
          ),
          row("serve, new data folder: to /healthz", median(fresh.map((r) => r.readyMs)), 8000, s, bareReady, "node:http"),
          row("serve, new data folder: to /readyz", median(fresh.map((r) => r.servingMs)), 8000, s, bareReady, "node:http"),
          row("serve, existing folder: to /healthz", median(existing.map((r) => r.readyMs)), 3000, s, bareReady, "node:http"),
          row("serve, existing folder: to /readyz", median(existing.map((r) => r.servingMs)), 3000, s, bareReady, "node:http"),
          row(
            `serve idle ${IDLE_MS / 1000} s after ready: RSS`,
            median(existing.map((r) => r.idleRssBytes)),
            200e6,
            mb,
            bareIdle,
            "node:http",
          ),
        ],
      ),
    );
    console.log(
      `Also: analyze --save CPU ${s(median(saveFresh.map((u) => u.cpuMs)))} on a new folder, ${s(median(saveExisting.map((u) => u.cpuMs)))} on an existing one; ` +
        `serve idle RSS after a new folder ${mb(median(fresh.map((r) => r.idleRssBytes)))}. Embedded database (PGlite), heuristic coach, local mode.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await startupSection(Number(process.env.ATTUNE_BENCH_RUNS ?? 3));
