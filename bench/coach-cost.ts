/**
 * What coaching costs on about an hour of real meeting talk (AMI ES2004a + IS1009a twice): parse + analyze
 * and the coaching step in process (fastest of a few runs, after a warm-up that pays for loading), and the CPU
 * of `attune analyze --coach` on the same hour written as WebVTT, a fresh process each time. Figures only.
 * `npx tsx bench/coach-cost.ts` after `npm run build`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { coachMeeting } from "../src/coaching/coach.js";
import { analyze } from "../src/metrics/analyze.js";
import { parseTranscript } from "../src/transcript/parse-transcript.js";
import { ONE_HOUR_MANAGER, oneHourMeeting } from "../test/helpers/one-hour-meeting.js";
import { repoRoot } from "./bench-inputs.js";

function stamp(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}.${String(ms % 1000).padStart(3, "0")}`;
}

const utterances = oneHourMeeting();
const vtt = `WEBVTT\n\n${utterances.map((u) => `${stamp(u.startMs)} --> ${stamp(u.endMs)}\n<v ${u.speaker}>${u.text}</v>\n`).join("\n")}`;
const fastest = async (run: () => unknown, runs = 5): Promise<number> => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
};
const parsed = parseTranscript(vtt);
if (!parsed.ok) throw new Error(parsed.error.message);
const analysis = analyze({ utterances: parsed.value.utterances, manager: ONE_HOUR_MANAGER });
const input = { utterances: parsed.value.utterances, analysis, manager: ONE_HOUR_MANAGER };
await coachMeeting(input, { llm: null, prompts: null });
const parseAnalyzeMs = await fastest(() => analyze({ utterances: parseOrThrow(vtt), manager: ONE_HOUR_MANAGER }));
// each timed run reads its utterances afresh, as a new meeting would: new utterance objects (readings are kept per
// object) and coachMeeting forgets the readings it made by text when it is done. The texts stay as said: a word
// added to each would turn every "Yeah." into a turn of its own.
const coachMs = await fastest(() => {
  const fresh = input.utterances.map((u) => ({ ...u }));
  return coachMeeting({ ...input, utterances: fresh }, { llm: null, prompts: null });
});
console.log(
  `in process: parse + analyze ${parseAnalyzeMs.toFixed(1)} ms, coaching ${coachMs.toFixed(1)} ms (${(coachMs / parseAnalyzeMs).toFixed(2)}x)`,
);

const work = mkdtempSync(join(tmpdir(), "attune-coach-cost-"));
const file = join(work, "one-hour.vtt");
writeFileSync(file, vtt);
for (const coach of [false, true]) {
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const args = [join(repoRoot, "bin", "attune.js"), "analyze", file, "--manager", ONE_HOUR_MANAGER, ...(coach ? ["--coach"] : [])];
    const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const run = spawnSync("bash", ["-c", `TIMEFORMAT='%U %S'; time node ${quoted} > /dev/null`], {
      encoding: "utf8",
      env: { ...process.env, OPENAI_API_KEY: "", DATABASE_URL: "", ATTUNE_DATA_DIR: join(work, "unused") },
    });
    const [user, system] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    cpu.push((user! + system!) * 1000);
  }
  cpu.sort((a, b) => a - b);
  console.log(
    `analyze${coach ? " --coach" : ""}: CPU median ${(cpu[2]! / 1000).toFixed(2)} s (of ${cpu.map((c) => (c / 1000).toFixed(2)).join(", ")})`,
  );
}

function parseOrThrow(text: string) {
  const result = parseTranscript(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.utterances;
}
