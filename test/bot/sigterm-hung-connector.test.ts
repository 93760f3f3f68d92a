import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, postActivity } from "../helpers/attune-server.js";
import { FakeGraph, graphEnv } from "../helpers/fake-graph.js";
import { activity, FakeConnector } from "../helpers/fake-teams.js";

/** Issue 16, item 3: with a meeting info call that never answers, SIGTERM did not stop `attune serve` in 30 s. */
const bin = fileURLToPath(new URL("../../bin/attune.js", import.meta.url));
let cleanup: (() => Promise<void>)[] = [];
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe("attune serve with a Bot Connector that accepts and never answers", () => {
  it("stops within seconds of SIGTERM, the call in flight aborted", async () => {
    const connector = new FakeConnector();
    connector.route((req) => (req.method === "GET" && /^\/teams\/v1\/meetings\/[^/]+$/.test(req.path) ? { hang: true } : null));
    await connector.start();
    const graph = new FakeGraph();
    const graphUrl = await graph.start();
    const dataDir = await mkdtemp(join(tmpdir(), "attune-sigterm-"));
    cleanup = [() => connector.stop(), () => graph.stop(), () => rm(dataDir, { recursive: true, force: true })];
    const server = spawn(process.execPath, [bin, "serve"], {
      env: { ...process.env, DATABASE_URL: "", ATTUNE_DATA_DIR: dataDir, ...graphEnv(graphUrl), PORT: "0", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = server;
    let out = "";
    server.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    server.stderr!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    const url = await eventually(() => /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1], 90_000, "the server to start");
    expect((await postActivity(url, activity("meeting-end", connector.port))).status).toBe(200);
    await eventually(
      () => (connector.requests.some((r) => r.path.startsWith("/teams/v1/meetings/")) ? true : undefined),
      60_000,
      "the hung call",
    );
    const sent = Date.now();
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    // The default timeout is 20 s: stopping sooner than that is the abort, not the timeout.
    expect(Date.now() - sent).toBeLessThan(10_000);
  }, 180_000);
});
