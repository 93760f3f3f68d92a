import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelPathReport } from "../../eval/model-path-report.js";
import { type ModelPathRun, modelPathRows, runModelPath, withModelRows } from "../../eval/model-path.js";
import { praisedItems } from "../../eval/collect.js";
import { runSources, type SourceRun } from "../../eval/run-sources.js";
import { sampleRows } from "../../eval/sample-rows.js";
import type { EvalSource } from "../../eval/sources.js";
import type { Verdict, VerdictStore } from "../../eval/verdicts.js";

// Issue 20: `npm run eval` reports the model path (recorded answers, replayed) beside the rules on the same
// conversations. One recorded folder where the model found moments (eval/model-replays/annomi-28--counsellor) is
// copied to a temporary folder, changed as each test needs, and paired with its transcript as an eval source.
const repo = fileURLToPath(new URL("../../", import.meta.url));
const FOLDER = "annomi-28--counsellor";
const fixture = join(repo, "eval/model-replays", FOLDER);
const MOMENTS_KEY = "e5941170fec960bd";
const SUMMARY_KEY = "bce7109101d82271";
const SOURCE_ID = "annomi/28";

const source: EvalSource = {
  source: "annomi",
  id: SOURCE_ID,
  split: "held-out",
  input: readFileSync(join(fixture, "annomi-28.json"), "utf8"),
  manager: "Counsellor",
};

let tmp: string;
let rulesRuns: SourceRun[];
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "attune-model-path-"));
  rulesRuns = await runSources([source], {});
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A replay folder holding a copy of the fixtures, changed by `edit`. */
function replays(name: string, edit: (folder: string) => void = () => {}): string {
  const dir = join(tmp, name);
  cpSync(fixture, join(dir, FOLDER), { recursive: true });
  edit(join(dir, FOLDER));
  return dir;
}

const ran = (runs: ModelPathRun[]): Extract<ModelPathRun, { ok: true }> => {
  const [run] = runs;
  if (!run?.ok) throw new Error(`the folder did not run: ${run && !run.ok ? run.reason : "no folder"}`);
  return run;
};

describe("the model path, replayed", () => {
  it("says no replays are recorded when the folder is missing or empty", async () => {
    expect(await runModelPath(join(tmp, "none"), rulesRuns, {})).toEqual([]);
    const report = modelPathReport([], new Map(), join(tmp, "none"));
    expect(report).toContain("Model path (replayed)");
    expect(report).toContain("no replays recorded");
  });

  it("coaches with the recorded answers (source llm), beside the rules' card on the same conversation", async () => {
    const dir = replays("honest");
    // as when OPENAI_* is set for the whole eval: the paired run came from a model, and the env names one
    const asIfModel = rulesRuns.map((r) => ({
      ...r,
      report: { ...r.report, coaching: { ...r.report.coaching!, source: "llm" as const } },
    }));
    const run = ran(await runModelPath(dir, asIfModel, { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_API_KEY: "k" }));
    const model = run.model.report.coaching!;
    expect(model.source).toBe("llm");
    expect(model.dropped).toBe(0);
    // the two moments the recording judged due, each written by the model
    expect(model.moments.map((m) => [m.utteranceId, m.source]).sort()).toEqual([
      ["u22", "model"],
      ["u8", "model"],
    ]);
    // the rules' card is the rules' (run again without OPENAI_*), not a fallback from an unreachable model
    expect(run.rules.report.coaching!.source).toBe("heuristic");
    expect(run.rules.report.coaching!.fallbackReason).toBeNull();
    expect(run.missing).toEqual([]);
    const report = modelPathReport([run], new Map(), dir);
    const rules = run.rules.report.coaching!;
    const cards = new RegExp(
      `annomi/28 +held-out +llm +2 \\(2 by the model\\) +${rules.moments.length} +\\d \\(\\d by the model\\) +${praisedItems(run.rules.report).length} +0$`,
      "m",
    );
    expect(report).toMatch(cards);
    expect(report).toContain("Model answers dropped by the guards: 0");
  });

  it("finds a folder's own transcript when the folder is not where meeting.json was written (ATTUNE_MODEL_REPLAYS_DIR)", async () => {
    const dir = replays("moved", (folder) => {
      writeFileSync(join(folder, "meeting.json"), JSON.stringify({ transcript: "somewhere/else/annomi-28.json", manager: "Counsellor" }));
    });
    expect(ran(await runModelPath(dir, rulesRuns, {})).model.report.coaching!.source).toBe("llm");
  });

  it("builds the same sample rows from the model's card: same source, nothing telling the coach apart", async () => {
    const run = ran(await runModelPath(replays("rows"), rulesRuns, {}));
    const rows = modelPathRows([run]);
    const rules = sampleRows(run.rules, praisedItems);
    expect(rows.map((r) => r.kind)).toEqual(["moment", "moment", ...praisedItems(run.model.report).map(() => "praise")]);
    expect(rows.every((r) => r.source === "annomi" && r.sourceId === SOURCE_ID && r.split === "held-out")).toBe(true);
    for (const r of rows) expect(r.text).not.toMatch(/\bllm\b|heuristic|source|rules/i);
    expect(rows.some((r) => r.text.includes("so frightened"))).toBe(true);
    // a row both coaches wrote alike is one row in the packet
    expect(withModelRows(rules, rules)).toEqual(rules);
    const merged = withModelRows(rules, [...rows, rows[0]!]);
    expect(merged.map((r) => r.key)).toEqual([...new Set([...rules, ...rows].map((r) => r.key))]);
  });

  it("counts the judged rows for each coach from the same verdicts; a row both wrote alike counts for both", async () => {
    const run = ran(await runModelPath(replays("judged"), rulesRuns, {}));
    const rows = modelPathRows([run]);
    const rulesRows = sampleRows(run.rules, praisedItems);
    const rulesPraise = rulesRows.find((r) => r.kind === "praise")!;
    const good: Verdict = {
      key: rows[0]!.key,
      source: SOURCE_ID,
      judge: "t",
      kind: "moment",
      worth: "yes",
      faithful: "yes",
      fluent: "yes",
      heart: "yes",
      whatHappenedTrue: "yes",
    };
    const restates: Verdict = { key: rulesPraise.key, source: SOURCE_ID, judge: "t", kind: "praise", restates: "no" };
    const store: VerdictStore = new Map([["t", new Map([good, restates].map((v) => [v.key, v]))]]);
    const line = (report: string, coach: string) => report.split("\n").find((l) => new RegExp(`^all +${coach} `).test(l))!;
    // group, coach, cards, moments, in sample, judged, not yet, good, praised, in sample, judged, not yet, restates
    const report = modelPathReport([run], store, "dir");
    // the model's two moments in the sample, one judged good; it praised nothing this card shows
    expect(line(report, "model path")).toMatch(/^all +model path +1 +2 +2 +1 +1 +1\/1 100% +0 +0 +0 +0 +-$/);
    const rm = rulesRows.filter((r) => r.kind === "moment").length;
    const rp = rulesRows.filter((r) => r.kind === "praise").length;
    const rules = run.rules.report.coaching!;
    const counts = [1, rules.moments.length, rm, 0, rm, "-", praisedItems(run.rules.report).length, rp, 1, rp - 1, "0/1 0%"];
    expect(line(report, "rules")).toMatch(new RegExp(`^all +rules +${counts.join(" +")}$`));
    // the same card from both coaches: one verdict per row, counted on both lines
    const same = modelPathReport([{ ...run, model: run.rules }], store, "dir");
    expect(line(same, "model path")).toMatch(/ 0\/1 0%$/);
    expect(line(same, "rules")).toMatch(/ 0\/1 0%$/);
  });

  it("shows a setting with no replays as zeros, and no line for a setting that holds every replay", async () => {
    const report = modelPathReport([ran(await runModelPath(replays("settings"), rulesRuns, {}))], new Map(), "dir");
    for (const coach of ["rules", "model path"]) {
      expect(report).toMatch(new RegExp(`^one-on-ones +${coach} +0 +0 +0 +0 +0 +- +0 +0 +0 +0 +-$`, "m"));
      expect(report).toMatch(new RegExp(`^meetings +${coach} +0 +0 `, "m"));
    }
    // the only replay is counselling: its line would repeat "all"
    expect(report).not.toMatch(/^counselling /m);
  });

  it("reports the answers the guards dropped, with their reason, and a request with no recorded answer", async () => {
    const dir = replays("dropped", (folder) => {
      const file = join(folder, `${MOMENTS_KEY}.json`);
      const recorded = JSON.parse(readFileSync(file, "utf8")) as { answer: { moments: { quote: string }[] } };
      recorded.answer.moments[1]!.quote = "Nobody in this meeting said these words.";
      writeFileSync(file, JSON.stringify(recorded));
    });
    const run = ran(await runModelPath(dir, rulesRuns, {}));
    const model = run.model.report.coaching!;
    expect(model.source).toBe("llm");
    expect(model.dropped).toBe(1);
    const reason = model.drops![0]!.reason;
    // the summary request follows the moments, so the changed answer changed it: its key is not recorded
    expect(run.missing.map((m) => m.prompt)).toEqual(["coaching-summary"]);
    const report = modelPathReport([run], new Map(), dir);
    expect(report).toContain(`Model answers dropped by the guards: 1 (${reason}: 1)`);
    expect(report).toContain(`annomi/28: 1 model answer dropped by the guards (${reason}: 1)`);
    expect(report).toContain(`missing fixture for 1 request (coaching-summary ${run.missing[0]!.key})`);
  });

  it("shows a fallback to the rules when the moments' answer is missing, and a folder that cannot run, without stopping", async () => {
    const dir = replays("missing", (folder) => rmSync(join(folder, `${MOMENTS_KEY}.json`)));
    const broken = join(dir, "zz-broken--counsellor");
    cpSync(fixture, broken, { recursive: true });
    writeFileSync(join(broken, "meeting.json"), "{ not json");
    const runs = await runModelPath(dir, rulesRuns, {});
    expect(runs.map((r) => r.ok)).toEqual([true, false]);
    const run = ran(runs);
    expect(run.model.report.coaching!.source).toBe("heuristic");
    expect(run.missing).toEqual([{ key: MOMENTS_KEY, prompt: "listening-moments" }]);
    expect(run.missing.map((m) => m.key)).not.toContain(SUMMARY_KEY);
    const report = modelPathReport(runs, new Map(), dir);
    expect(report).toMatch(/annomi\/28 +held-out +heuristic /);
    expect(report).toContain("annomi/28: the card came from the rules, not the model: the model could not be used");
    expect(report).toContain(`missing fixture for 1 request (listening-moments ${MOMENTS_KEY})`);
    expect(report).toContain("zz-broken--counsellor: did not run: meeting.json is not");
    expect(report).toContain("1 of the 2 folders");
  });
});
