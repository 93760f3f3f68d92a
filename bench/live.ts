/**
 * `npm run bench:live`: 1,000 concurrent live meetings × 4 speakers × one segment a second, ingest → side panel.
 * Latency from sending a segment to the manager's panel receiving the state that includes it (p50, p99), the
 * server's CPU and its memory per meeting; first against a bare WebSocket relay (the baseline, same run), then
 * one Attune instance, then two through Redis (ingest on one, panels on the other). Figures only, no pass/fail.
 * Options: --meetings N (1000), --seconds N measured (30), --warmup N (10), --redis URL (redis://127.0.0.1:6379).
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { devKey, signDevToken } from "../src/live/dev-token.js";
import { runLoad, type LoadResult } from "./live-load.js";
import { fmtBytes, fmtMs, fmtRatio, textTable } from "./text-table.js";

const { values } = parseArgs({
  options: {
    meetings: { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    redis: { type: "string" },
    only: { type: "string" },
  },
});
/** Live settings to try (ATTUNE_LIVE_*) pass through to the servers. */
const passed = Object.fromEntries(
  Object.entries(process.env).filter(([k, v]) => k.startsWith("ATTUNE_LIVE_") && v !== undefined),
) as Record<string, string>;
const wanted = (name: string) => values.only === undefined || values.only.split(",").includes(name);
const meetings = Number(values.meetings ?? 1000);
const measureS = Number(values.seconds ?? 30);
const warmupS = Number(values.warmup ?? 10);
const redisUrl = values.redis ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const TOKEN = "bench-ingest-token-0123456789";

interface Stats {
  cpu: { user: number; system: number };
  rss: number;
  heapUsed: number;
  external: number;
  meetings: number;
  stateBytes: number;
}

interface Server {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** CPU and memory after a full GC (pauses the server: only outside the measured window). */
  stats(): Promise<Stats>;
  /** CPU and memory, no GC. */
  cpu(): Promise<Stats>;
  stop(): Promise<void>;
}

async function startServer(script: string, env: Record<string, string>): Promise<Server> {
  const dataDir = await mkdtemp(join(tmpdir(), "attune-bench-live-"));
  const child = fork(new URL(script, import.meta.url), [], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: {
      PATH: process.env.PATH,
      PORT: "0",
      LOG_LEVEL: "warn",
      ATTUNE_DATA_DIR: dataDir,
      ...passed,
      ATTUNE_LIVE_INGEST_TOKEN: TOKEN,
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const on = (message: { type: string }) => {
        if (message.type === type) {
          child.off("message", on);
          resolve(message as T);
        } else if (message.type === "failed") reject(new Error(JSON.stringify(message)));
      };
      child.on("message", on);
    });
  const { url } = await next<{ url: string }>("ready");
  return {
    url,
    child,
    dataDir,
    stats: () => {
      const answer = next<Stats>("stats");
      child.send({ type: "stats" });
      return answer;
    },
    cpu: () => {
      const answer = next<Stats>("stats");
      child.send({ type: "cpu" });
      return answer;
    },
    async stop() {
      child.send({ type: "stop" });
      await new Promise((resolve) => child.once("exit", resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface Scenario {
  name: string;
  result: LoadResult;
  cpuPercent: number;
  heapPerMeeting: number;
  statePerMeeting: number;
}

const ws = (url: string, path: string) => `${url.replace(/^http/, "ws")}${path}`;
const cpuMs = (s: Stats) => (s.cpu.user + s.cpu.system) / 1000;

async function scenario(name: string, ingestSide: Server, panelSide: Server, token: (id: string) => Promise<string>): Promise<Scenario> {
  const servers = ingestSide === panelSide ? [ingestSide] : [ingestSide, panelSide];
  const idle = await Promise.all(servers.map((s) => s.stats()));
  let busy: Stats[] = [];
  let cpuBefore: Stats[] = [];
  let cpuAfter: Stats[] = [];
  const result = await runLoad(
    {
      ingestUrl: ws(ingestSide.url, "/live/ingest"),
      panelUrl: ws(panelSide.url, "/live/panel"),
      ingestToken: TOKEN,
      panelToken: token,
      meetings,
      warmupS,
      measureS,
    },
    (phase) => {
      console.error(`  ${name}: ${phase}`);
      if (phase.startsWith("running")) {
        setTimeout(async () => (cpuBefore = await Promise.all(servers.map((s) => s.cpu()))), warmupS * 1000);
        setTimeout(async () => (cpuAfter = await Promise.all(servers.map((s) => s.cpu()))), (warmupS + measureS) * 1000 - 500);
      }
    },
    async () => {
      busy = await Promise.all(servers.map((s) => s.stats()));
    },
  );
  const cpu = cpuAfter.reduce((sum, s, i) => sum + cpuMs(s) - cpuMs(cpuBefore[i]!), 0);
  const heap = busy.reduce((sum, s, i) => sum + s.heapUsed - idle[i]!.heapUsed, 0);
  const state = busy.reduce((sum, s) => sum + s.stateBytes, 0);
  return {
    name,
    result,
    cpuPercent: (cpu / ((measureS - 0.5) * 1000)) * 100,
    heapPerMeeting: heap / meetings,
    statePerMeeting: state / meetings,
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

console.error(
  `bench:live: ${meetings} meetings × 4 speakers × 1 segment/s, ${warmupS} s warm-up + ${measureS} s measured, ${cpus().length} CPUs`,
);
const done: Scenario[] = [];
const relay = await startServer("./relay-process.ts", {});
done.push(await scenario("baseline: bare WebSocket relay", relay, relay, async () => "none"));
await relay.stop();

if (wanted("single")) {
  const single = await startServer("./live-server-process.ts", {});
  const singleKey = await devKey(single.dataDir);
  done.push(await scenario("Attune, one instance", single, single, (id) => signDevToken(singleKey, id, "Speaker 0")));
  await single.stop();
}

if (wanted("redis"))
  try {
    const a = await startServer("./live-server-process.ts", { REDIS_URL: redisUrl });
    const b = await startServer("./live-server-process.ts", { REDIS_URL: redisUrl });
    const bKey = await devKey(b.dataDir);
    done.push(await scenario("Attune, two instances via Redis", a, b, (id) => signDevToken(bKey, id, "Speaker 0")));
    await Promise.all([a.stop(), b.stop()]);
  } catch (error) {
    console.error(`  two instances via Redis skipped: ${(error as Error).message} (start Redis or pass --redis URL)`);
  }

const base = done[0]!;
const rows = done.map((s) => {
  const sorted = [...s.result.latenciesMs].sort((x, y) => x - y);
  const baseSorted = [...base.result.latenciesMs].sort((x, y) => x - y);
  return [
    s.name,
    `${s.result.sent}`,
    `${s.result.missing}`,
    fmtMs(quantile(sorted, 0.5)),
    fmtMs(quantile(sorted, 0.99)),
    fmtRatio(quantile(sorted, 0.99) / quantile(baseSorted, 0.99)),
    `${s.cpuPercent.toFixed(0)}%`,
    fmtRatio(s.cpuPercent / base.cpuPercent),
    fmtBytes(s.heapPerMeeting),
    fmtBytes(s.statePerMeeting),
  ];
});
console.log(
  textTable(
    [
      "scenario",
      "segments",
      "lost",
      "p50 ms",
      "p99 ms",
      "p99 vs base",
      "CPU (1 core = 100%)",
      "CPU vs base",
      "heap/meeting",
      "state/meeting",
    ],
    rows,
  ),
);
console.log(
  "heap/meeting: JS heap after a full GC, loaded minus idle, per meeting: its state, its two sockets, its panel (PGlite's WASM memory is left out: it is the embedded database's, not the meetings').",
);
console.log(
  "state/meeting: the meeting's live state as snapshotted (JSON). CPU: the servers' own processes (both, with Redis), not the load generator's.",
);
