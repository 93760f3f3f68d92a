import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readWithin } from "../../src/cli/read-input.js";
import { defaultParseLimits } from "../../src/transcript/schema.js";
import { repoRoot } from "../helpers/child-processes.js";

const MB = 1024 * 1024;

/** An endless stream of WebVTT-looking text, counting what was taken from it. */
function endless(chunkBytes: number): { stream: Readable; taken: () => number } {
  let taken = 0;
  const chunk = Buffer.alloc(chunkBytes, "a");
  const stream = new Readable({
    read() {
      taken += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, taken: () => taken };
}

// Finding 6 of issue 10: `attune analyze -` held all of stdin before checking the limit (2 GB in: 3.9 GB of
// memory, then exit 1).
describe("stdin is read against the size limit as it streams", () => {
  it("an endless stream fails with one line soon after the limit, having read little more than it", async () => {
    const { stream, taken } = endless(64 * 1024);
    await expect(readWithin(stream, 4 * MB)).rejects.toThrow(/^stdin: input is over the 4 MB limit for one transcript; /);
    expect(taken()).toBeLessThan(6 * MB);
  });

  it("input under the limit is read whole, across chunks and multi-byte characters", async () => {
    const text = "WEBVTT\n\nRenée: ça va ✓\n".repeat(5000);
    const bytes = Buffer.from(text);
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 100_001), bytes.subarray(100_001)];
    expect(await readWithin(Readable.from(chunks), bytes.length)).toBe(text);
  });

  it("`attune analyze -` stops reading once over the limit, exits 2 with one line", async () => {
    const limit = defaultParseLimits.maxBytes;
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "analyze", "-"], {
      cwd: repoRoot,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    child.stdin.on("error", () => undefined); // EPIPE once it stops reading and exits
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    let closed = false;
    void exited.then(() => (closed = true));
    // Write up to three times the limit; a reader that checks as it goes exits long before.
    const chunk = Buffer.alloc(MB, "a");
    let written = 0;
    while (!closed && written < 3 * limit) {
      written += chunk.length;
      if (!child.stdin.write(chunk)) await Promise.race([new Promise((resolve) => child.stdin.once("drain", resolve)), exited]);
    }
    child.stdin.end();
    expect(await exited).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^attune analyze: stdin: input is over the 64 MB limit for one transcript; /),
    ]);
    expect(written).toBeLessThan(limit + 32 * MB);
  }, 120_000);
});
