import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../src/storage/open-pglite.js";
import { eventually } from "../helpers/attune-server.js";

/** State and start time of a process, from /proc (Linux). */
function stat(pid: number): { state: string; started: number } {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0]!, started: Number(fields[19]) };
}

/**
 * Issue 16 (smaller): the lock trusted kill(pid, 0), so a zombie, or another process given the dead holder's pid,
 * blocked start-up until the file was deleted by hand. A Python parent forks a child that exits at once and never
 * waits for it: that child stays a zombie with a known pid (a shell may reap its background job before it execs).
 */
const canMakeZombie = existsSync("/proc/self/stat") && spawnSync("python3", ["--version"]).status === 0;

describe.skipIf(!canMakeZombie)(`the embedded store's lock${canMakeZombie ? "" : " (skipped: needs Linux /proc and python3)"}`, () => {
  let parent: ChildProcess;
  let zombie: number;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "attune-lock-"));
    parent = spawn(
      "python3",
      ["-c", "import os, sys, time\npid = os.fork()\nif pid == 0: os._exit(0)\nprint(pid, flush=True)\ntime.sleep(60)"],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    let out = "";
    parent.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    zombie = await eventually(() => (/^\d+\n/.test(out) ? Number(out.trim()) : undefined), 10_000, "the child's pid");
    await eventually(() => (stat(zombie).state === "Z" ? true : undefined), 10_000, "the child to become a zombie");
  });
  afterAll(async () => {
    parent.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  const lockedBy = async (text: string) => {
    await writeFile(join(dir, "attune.pid"), text);
    return openPglite(dir, { template: null });
  };

  it.each([
    ["a zombie (exited, not reaped), by pid and start time", () => `${zombie} ${stat(zombie).started}`],
    ["a zombie, by pid alone (a lock written before start times)", () => String(zombie)],
    ["a live process that got the holder's pid later (another start time)", () => `${parent.pid} ${stat(parent.pid!).started - 1}`],
  ])(
    "left by %s: taken over",
    async (_name, text) => {
      const opened = await lockedBy(text());
      if (!opened.ok) throw new Error(opened.error.message);
      expect(readFileSync(join(dir, "attune.pid"), "utf8")).toBe(`${process.pid} ${stat(process.pid).started}`);
      await opened.value.close();
    },
    120_000,
  );

  it("held by the live process that wrote it: refused, naming it", async () => {
    const opened = await lockedBy(`${parent.pid} ${stat(parent.pid!).started}`);
    expect(opened).toMatchObject({
      ok: false,
      error: { code: "in-use", message: expect.stringContaining(`in use by process ${parent.pid}`) },
    });
  });
});
