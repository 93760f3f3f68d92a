import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/attune.js";
import type { CliIo } from "../../src/cli/io.js";
import { practiceReadingSchema } from "../../src/coaching/practice/practice-reading.js";
import { fixturesDir } from "../helpers/fixtures.js";

async function run(args: string[], lines: string[] | null = null) {
  let out = "";
  let err = "";
  const typed = lines === null ? null : [...lines];
  const io: CliIo = {
    stdout: (t) => (out += `${t}\n`),
    stderr: (t) => (err += `${t}\n`),
    readStdin: async () => "",
    ...(typed !== null && {
      readLine: async (prompt: string) => {
        out += prompt;
        return typed.shift() ?? null;
      },
    }),
    env: {},
  };
  return { code: await runCli(args, io), out, err };
}

const sample = `${fixturesDir}teams/download-style.vtt`;
const base = ["practise", sample, "--manager", "renee"];

describe("attune practise", () => {
  it("--format json prints exactly the reading of the attempt at what Jordan said at 0:34 (the rules' without a model)", async () => {
    const { code, out, err } = await run([...base, "--at", "0:36", "--answer", "You should ask Sam to pair with you.", "--format", "json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const parsed = practiceReadingSchema.strict().parse(JSON.parse(out));
    expect(parsed).toMatchObject({ restates: false, source: "heuristic", fallbackReason: null });
    expect(parsed.feedback).toMatch(/^This is advice rather than a restatement/);
    // the card gives a starter for this worry (its reasons said back alone drop it), so no written example either
    expect(parsed.example).toBeNull();
  });

  it("a time inside the manager's reply reads Jordan's turn just before it (not the broken-off 'so it's')", async () => {
    const answer = "So the migration script still fails on the larger tenants, and you're the only one who knows that code?";
    const { code, out } = await run([...base, "--at", "50", "--answer", answer, "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ restates: true, example: null });
  });

  it("--format text (the default) prints it readably", async () => {
    const { code, out } = await run([...base, "--at", "0:34", "--answer", "Okay."]);
    expect(code).toBe(0);
    expect(out).toContain("Said back: not yet.");
    expect(out).toContain("Put their point in a sentence.");
    expect(out).not.toContain("For example:");
  });

  it.each([
    [["--at", "half past", "--answer", "x"], /^attune practise: --at takes a time in the meeting like 12:34.*not 'half past'$/],
    [["--at", "0:10", "--answer", "x"], /^attune practise: --at 0:10: nobody but the manager says anything to say back at or before 0:10$/],
    [["--at", "59:00", "--answer", "x"], /^attune practise: --at 59:00: the meeting ends at \d+:\d\d; give a time within it$/],
    [["--at", "0:40"], /^attune practise: --at needs --answer TEXT/],
    [["--at", "0:40", "--answer", "  "], /^attune practise: --answer: the attempt is empty/],
  ])("a clear one-line error, exit 2: %j", async (extra, message) => {
    const { code, err, out } = await run([...base, ...extra]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err.trim()).toMatch(message);
  });

  it("an unknown manager is a one-line error, exit 2", async () => {
    const { code, err } = await run(["practise", sample, "--manager", "nobody", "--at", "0:40", "--answer", "x"]);
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^attune practise: --manager: /);
  });

  it("without --at and --answer: lists the card's moments, reads an attempt, gives feedback, tries again, quits", async () => {
    const { code, out } = await run(base, [
      "1",
      "Okay.",
      "t",
      "It sounds like the migration script still fails on the larger tenants. Is that right?",
      "q",
    ]);
    expect(code).toBe(0);
    expect(out).toContain("Moments from your card:\n  1. 0:34  Lee, Jordan (Guest): “The migration script still fails");
    expect(out).toContain("How would you say it back? ");
    const [first, second] = out.split("Try again (t), another moment (m) or quit (q)? ");
    expect(first).toContain("Said back: not yet.");
    expect(second).toContain("Said back: yes.");
    expect(second).toContain("Checking whether you got it right lets them correct you.");
  });

  it("the interactive loop ends quietly at the end of stdin", async () => {
    const { code } = await run(base, ["1"]);
    expect(code).toBe(0);
  });
});

describe("attune practise in a process, typed on stdin", () => {
  it("reads the pick and the attempt as lines of stdin and ends at its end", async () => {
    const { spawn } = await import("node:child_process");
    const { repoRoot } = await import("../helpers/child-processes.js");
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...base], {
      cwd: repoRoot,
      stdio: ["pipe", "pipe", "pipe"],
      env: { PATH: process.env.PATH },
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    child.stdin.end("1\nYou should ask Sam to pair with you.\nq\n");
    expect(await exited).toBe(0);
    expect(stdout).toContain("Lee, Jordan (Guest) said: “The migration script still fails");
    expect(stdout).toContain("This is advice rather than a restatement");
  }, 60_000);
});
