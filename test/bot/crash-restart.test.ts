import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, postActivity } from "../helpers/attune-server.js";
import { openStorage } from "../../src/storage/open-storage.js";
import { FakeGraph, graphEnv } from "../helpers/fake-graph.js";
import { activity, FakeConnector, isCoachingCard, PERSONAL_CONVERSATION } from "../helpers/fake-teams.js";

const bin = fileURLToPath(new URL("../../bin/attune.js", import.meta.url));
const children: ChildProcess[] = [];
let cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const step of cleanup.splice(0).reverse()) await step();
});

/**
 * `attune serve` as its own process (the built CLI), resolving with its URL once it listens; `output()` is
 * everything it wrote (its info logs say how each job advanced).
 */
async function serve(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, DATABASE_URL: "", ...env, PORT: "0", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  // A fresh embedded database takes seconds to open on a quiet machine and far longer at load 8.
  const url = await eventually(() => /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1], 90_000, "the server to start").catch(
    (error: Error) => {
      throw new Error(`${error.message}; it wrote: ${out}`);
    },
  );
  return { child, url, output: () => out };
}

describe("a server killed mid-job", () => {
  it("resumes after a restart and still sends exactly one card", async () => {
    const connector = new FakeConnector();
    await connector.start();
    const graph = new FakeGraph();
    const graphUrl = await graph.start();
    const dataDir = await mkdtemp(join(tmpdir(), "attune-crash-"));
    cleanup = [() => connector.stop(), () => graph.stop(), () => rm(dataDir, { recursive: true, force: true })];
    const env = {
      ATTUNE_DATA_DIR: dataDir,
      ...graphEnv(graphUrl),
      ATTUNE_TRANSCRIPT_POLL_SECONDS: "1",
      ATTUNE_JOB_LEASE_SECONDS: "2",
    };
    // The transcript download hangs, so the first server is inside the job when it dies.
    const normal = graph.content;
    graph.content = () => ({ hang: true });
    const first = await serve(env);
    await postActivity(first.url, activity("installation-update-personal", connector.port));
    await postActivity(first.url, activity("meeting-end", connector.port));
    await eventually(() => (graph.requests.some((r) => r.path.includes("/content")) ? true : undefined), 60_000, "the transcript download");
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    expect(connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard)).toHaveLength(0);

    graph.content = normal;
    const second = await serve(env);
    await eventually(
      () => (connector.cardsTo(PERSONAL_CONVERSATION).some(isCoachingCard) ? true : undefined),
      60_000,
      "the card after the restart",
    );
    // The pipeline's terminal state, then the count: the job is recorded delivered, the server is gone (it can
    // send nothing more), and no other job was left to run.
    const delivered = (line: string) => line.includes('"msg":"job advanced"') && line.includes('"to":"delivered"');
    await eventually(() => (second.output().split("\n").some(delivered) ? true : undefined), 60_000, "the job to be recorded delivered");
    second.child.kill("SIGKILL");
    await new Promise((resolve) =>
      second.child.exitCode === null && second.child.signalCode === null ? second.child.once("exit", resolve) : resolve(null),
    );
    const opened = await openStorage({ databaseUrl: undefined, dataDir }, { migrate: false });
    if (!opened.ok) throw new Error(opened.error.message);
    const jobs = await opened.value.query<{ state: string }>("select state from jobs");
    await opened.value.close();
    expect(jobs.rows).toEqual([{ state: "delivered" }]);
    expect(connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard)).toHaveLength(1);
    // Two server start-ups and a lease to run out: 15 s on a quiet machine, a minute or more at load 8; the
    // waits inside have their own deadlines, so the test as a whole gets room for all of them.
  }, 300_000);
});
