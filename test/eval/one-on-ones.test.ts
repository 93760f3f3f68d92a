import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonReport } from "../../src/rendering/json-report.js";
import { groups } from "../../eval/judged-figures.js";
import { judgedReport } from "../../eval/judged-report.js";
import { rowKey } from "../../eval/row-text.js";
import type { SourceRun } from "../../eval/run-sources.js";
import { type SampleRow, sampleRows } from "../../eval/sample-rows.js";
import { ONE_ON_ONE_TUNE_BATCHES, oneOnOneSources, parseManagers } from "../../eval/sources.js";
import type { Verdict, VerdictStore } from "../../eval/verdicts.js";

// The written one-on-ones of eval/one-on-ones/ as a source of the reader's eval: read from a folder of batches,
// split by batch, in a setting of their own beside counselling and meetings.
const vtt = (manager: string) => `WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v ${manager}>How are things?</v>\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "attune-one-on-ones-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A batch folder `dir/batch` with the given files. */
function batch(name: string, files: Record<string, string>): void {
  mkdirSync(join(dir, name));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, name, file), text);
}

describe("the written one-on-ones as an eval source", () => {
  it("keeps b22 to b47, b50 and b52 to b57 for tuning (they prompted changes) and holds out any other batch", async () => {
    expect(ONE_ON_ONE_TUNE_BATCHES).toEqual([
      ...Array.from({ length: 26 }, (_, i) => `b${22 + i}`),
      "b50",
      "b52",
      "b53",
      "b54",
      "b55",
      "b56",
      "b57",
    ]);
    for (const name of ["b48", "b22", "b30", "b21"]) batch(name, { "01.vtt": vtt("Ann Lee"), "managers.txt": "01.vtt\tAnn Lee\n" });
    const sources = await oneOnOneSources(dir);
    expect(sources.map((s) => [s.source, s.id, s.split])).toEqual([
      ["one-on-one", "one-on-one/b21/01", "held-out"],
      ["one-on-one", "one-on-one/b22/01", "tune"],
      ["one-on-one", "one-on-one/b30/01", "tune"],
      ["one-on-one", "one-on-one/b48/01", "held-out"],
    ]);
    expect(sources[0]!.input).toBe(vtt("Ann Lee"));
  });

  it("takes each file's manager from any managers*.txt of its batch, the file named with or without .vtt", async () => {
    batch("b30", {
      "02.vtt": vtt("Bo Ek"),
      "01.vtt": vtt("Ann Lee"),
      "managers.txt": "01.vtt\tAnn Lee\r\n\r\n",
      "managers-late.txt": "02\t Bo Ek \n",
      "notes.txt": "not a managers file",
    });
    const sources = await oneOnOneSources(dir);
    expect(sources.map((s) => [s.id, s.manager])).toEqual([
      ["one-on-one/b30/01", "Ann Lee"],
      ["one-on-one/b30/02", "Bo Ek"],
    ]);
  });

  it.each([
    [
      "a file with no manager line",
      { "01.vtt": "", "02.vtt": "", "managers.txt": "01\tAnn Lee\n" },
      /b31\/02\.vtt: no manager named for it/,
    ],
    [
      "a managers line naming a missing file",
      { "01.vtt": "", "managers.txt": "01\tAnn Lee\n03.vtt\tBo Ek\n" },
      /managers\.txt line 2: names 03\.vtt, which is not in/,
    ],
    [
      "a line that is not FILE<TAB>name",
      { "01.vtt": "", "managers.txt": "01.vtt Ann Lee\n" },
      /b31\/managers\.txt line 1: not "FILE<TAB>Manager Name"/,
    ],
    [
      "a file named twice",
      { "01.vtt": "", "managers.txt": "01\tAnn Lee\n", "managers2.txt": "01.vtt\tBo Ek\n" },
      /managers2\.txt: names the manager of 01\.vtt a second time/,
    ],
  ])("refuses %s with one line naming the file", async (_, files, error) => {
    batch("b31", files);
    const failure = await oneOnOneSources(dir).then(
      () => "",
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(failure).toMatch(error);
    expect(failure).not.toContain("\n");
  });

  it("reads the managers file a line at a time, naming where it is wrong", () => {
    expect(parseManagers("01\tAnn\n\n02.vtt\tBo\n", "m.txt", ["01.vtt", "02.vtt"])).toEqual([
      ["01.vtt", "Ann"],
      ["02.vtt", "Bo"],
    ]);
    expect(() => parseManagers("01\t\n", "m.txt", ["01.vtt"])).toThrow('m.txt line 1: not "FILE<TAB>Manager Name"');
    expect(() => parseManagers("01\tAnn\textra\n", "m.txt", ["01.vtt"])).toThrow("m.txt line 1");
  });

  it("reads the batches kept in the repository: twelve a batch, each with its manager, the tuning batches tune", async () => {
    const sources = await oneOnOneSources();
    const tuneBatches = ONE_ON_ONE_TUNE_BATCHES.map((b) => sources.filter((s) => s.id.startsWith(`one-on-one/${b}/`)));
    expect(tuneBatches.map((b) => b.length)).toEqual(ONE_ON_ONE_TUNE_BATCHES.map(() => 12));
    expect(tuneBatches.flat().every((s) => s.split === "tune" && s.input.includes(`<v ${s.manager}>`))).toBe(true);
  });
});

const row = (n: number, source: SampleRow["source"], kind: SampleRow["kind"] = "praise"): SampleRow => {
  const text = `row ${n}`;
  return { key: rowKey(text), source, sourceId: `${source}/${n}`, split: "tune", kind, text };
};
const restates = (r: SampleRow, answer: "yes" | "no"): Verdict => ({
  key: r.key,
  source: r.sourceId,
  judge: "t",
  kind: "praise",
  restates: answer,
});

describe("the one-on-ones in the judged figures", () => {
  const rows = [row(1, "annomi"), row(2, "icsi"), row(3, "one-on-one"), row(4, "one-on-one")];

  it("are a group of their own, in no other source's or setting's group", () => {
    const byGroup = new Map(groups(rows).map(([name, rs]) => [name, rs.map((r) => r.sourceId)]));
    expect([...byGroup.keys()]).toEqual(["AnnoMI", "ICSI", "AMI", "counselling", "meetings", "one-on-ones"]);
    expect(byGroup.get("one-on-ones")).toEqual(["one-on-one/3", "one-on-one/4"]);
    expect(byGroup.get("counselling")).toEqual(["annomi/1"]);
    expect(byGroup.get("meetings")).toEqual(["icsi/2"]);
  });

  it("show on their own line after the equal weight of counselling and meetings, which they do not change", () => {
    const store: VerdictStore = new Map([
      ["t", new Map([restates(rows[0]!, "yes"), restates(rows[1]!, "no"), restates(rows[2]!, "no")].map((v) => [v.key, v]))],
    ]);
    const report = judgedReport(rows, store);
    const tuning = report.slice(report.indexOf("tuning split"));
    const praise = tuning.slice(tuning.indexOf('praise ("Keep doing")')).split("\n");
    const at = (group: string) => praise.findIndex((l) => l.startsWith(`${group} `));
    expect(praise[at("equal weight")]).toMatch(/ 50%$/);
    expect(at("one-on-ones")).toBe(at("equal weight") + 1);
    expect(praise[at("one-on-ones")]).toMatch(/^one-on-ones +2 +1 +1 +0\/1 0%$/);
    expect(report).toContain(
      "tuning split: 0 moments and 2 praised items\ntuning split, one-on-ones besides: 0 moments and 2 praised items",
    );
  });
});

describe("a one-on-one's rows", () => {
  it("say nothing of the source or batch they come from", () => {
    const utterances = ["Ann Lee", "Bo Ek"].map((speaker, i) => ({ id: `u${i + 1}`, speaker, startMs: i, endMs: i + 1, text: "Fine." }));
    const kept = { utteranceId: "u1", atMs: 0, quote: "So it's fine.", of: "Bo Ek", ofUtteranceId: "u2" };
    const run: SourceRun = {
      source: { source: "one-on-one", id: "one-on-one/b22/07", split: "tune", input: "", manager: "Ann Lee" },
      report: { coaching: { manager: "Ann Lee", moments: [], kept: [kept], source: "heuristic" } } as unknown as JsonReport,
      utterances,
    };
    const [praise] = sampleRows(run, (report) => report.coaching!.kept);
    expect(praise!.sourceId).toBe("one-on-one/b22/07");
    expect(praise!.text).toContain('"So it\'s fine." (to Bo Ek)');
    expect(praise!.text).not.toMatch(/one-on-one|b22|07/i);
  });
});
