import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type IndexEntry, parseAnswers } from "../../eval/answers.js";
import { agreement, equalWeight, tallyRows } from "../../eval/judged-figures.js";
import { rowKey } from "../../eval/row-text.js";
import type { SampleRow } from "../../eval/sample-rows.js";
import { loadVerdicts, saveVerdicts, type Verdict } from "../../eval/verdicts.js";

const row = (n: number, kind: SampleRow["kind"], source: SampleRow["source"] = "annomi"): SampleRow => {
  const text = `row ${n}`;
  return { key: rowKey(text), source, sourceId: `${source}/${n}`, split: "held-out", kind, text };
};
const rows = [row(1, "moment"), row(2, "moment"), row(3, "praise"), row(4, "moment", "icsi")];
const index = new Map<string, IndexEntry>(
  rows.map((r, i) => [`b01-0${i + 1}`, { id: `b01-0${i + 1}`, key: r.key, source: r.sourceId, split: r.split, kind: r.kind }]),
);
const moment = (id: string, extra: Record<string, string> = {}) =>
  JSON.stringify({ id, worth: "yes", faithful: "yes", fluent: "no", heart: "yes", whatHappened: "yes", reason: "r", ...extra });

describe("importing a judge's answers", () => {
  it("turns each line into a verdict keyed by the row's text hash, with the source from the index", () => {
    const text = [moment("b01-01"), moment("b01-02", { faithful: "N/A", fluent: "n/a" }), '{"id": "b01-03", "restates": "no"}', ""].join(
      "\n",
    );
    const parsed = parseAnswers(text, index, "ann");
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.verdicts).toEqual([
      {
        key: rows[0]!.key,
        source: "annomi/1",
        judge: "ann",
        kind: "moment",
        worth: "yes",
        faithful: "yes",
        fluent: "no",
        heart: "yes",
        whatHappenedTrue: "yes",
      },
      {
        key: rows[1]!.key,
        source: "annomi/2",
        judge: "ann",
        kind: "moment",
        worth: "yes",
        faithful: "n/a",
        fluent: "n/a",
        heart: "yes",
        whatHappenedTrue: "yes",
      },
      { key: rows[2]!.key, source: "annomi/3", judge: "ann", kind: "praise", restates: "no" },
    ]);
    expect(parsed.value.reasons.get(rows[0]!.key)).toBe("r");
  });

  it.each([
    ["not JSON", "{id: b01-01}", /answers line 1: not a JSON object/],
    ["an unknown id", moment("b09-01"), /answers line 1: "id" "b09-01" is not a row of this packet/],
    [
      "a moment without a yes/no",
      moment("b01-01", { worth: "maybe" }),
      /answers line 1: row b01-01 is a moment: "worth" must be "yes" or "no" \(got "maybe"\)/,
    ],
    ["n/a where it cannot be", moment("b01-01", { heart: "n/a" }), /"heart" must be "yes" or "no"/],
    ["faithful n/a but fluent not", moment("b01-01", { faithful: "n/a" }), /both "n\/a" \(no written restatement\) or neither/],
    ["praise answered as a moment", moment("b01-03"), /row b01-03 is praise: "restates" must be "yes" or "no"/],
    ["a row answered twice", `${moment("b01-01")}\n${moment("b01-01")}`, /answers line 2: row b01-01 is answered twice/],
    ["nothing", "\n\n", /no answers in it/],
  ])("rejects %s with a one-line error naming the line", (_, text, error) => {
    const parsed = parseAnswers(text, index, "ann");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toMatch(error);
    expect(parsed.reason).not.toContain("\n");
  });
});

describe("the verdict store", () => {
  it("keeps each judge's verdicts in their own file, replacing a row's verdict when it is judged again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-verdicts-"));
    const v = (key: string, restates: "yes" | "no"): Verdict => ({ key, source: "annomi/3", judge: "ann", kind: "praise", restates });
    await saveVerdicts("ann", [v(rows[2]!.key, "no")], dir);
    expect(await saveVerdicts("ann", [v(rows[2]!.key, "yes")], dir)).toBe(1);
    await saveVerdicts("bo", [{ ...v(rows[2]!.key, "no"), judge: "bo" }], dir);
    const store = await loadVerdicts(dir);
    expect(store.get("ann")?.get(rows[2]!.key)).toMatchObject({ restates: "yes" });
    expect(store.get("bo")?.get(rows[2]!.key)).toMatchObject({ restates: "no" });
    expect(readFileSync(join(dir, "ann.jsonl"), "utf8")).not.toContain("row 3");
  });

  it("refuses a file with a broken line, naming the file and the line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-verdicts-"));
    writeFileSync(join(dir, "ann.jsonl"), '{"key": "x"}\n');
    await expect(loadVerdicts(dir)).rejects.toThrow("ann.jsonl line 1: not a verdict of judge ann");
  });
});

describe("the judged figures", () => {
  const ann = new Map<string, Verdict>([
    [
      rows[0]!.key,
      {
        key: rows[0]!.key,
        source: "annomi/1",
        judge: "ann",
        kind: "moment",
        worth: "yes",
        faithful: "n/a",
        fluent: "n/a",
        heart: "yes",
        whatHappenedTrue: "no",
      },
    ],
    [rows[2]!.key, { key: rows[2]!.key, source: "annomi/3", judge: "ann", kind: "praise", restates: "yes" }],
  ]);

  it("counts as not yet judged every row without a verdict on its exact text", () => {
    const changed = { ...rows[0]!, text: "row 1, changed", key: rowKey("row 1, changed") };
    const t = tallyRows([changed, rows[1]!, rows[2]!], ann);
    expect(t).toMatchObject({ rows: 3, judged: 1, notWritten: 0 });
    const before = tallyRows([rows[0]!, rows[1]!], ann);
    expect(before).toMatchObject({ rows: 2, judged: 1, notWritten: 1 });
    expect(before.moment.good).toEqual({ judged: 1, holds: 1 });
    expect(before.moment.faithful).toEqual({ judged: 0, holds: 0 });
    expect(before.moment.whatHappenedTrue).toEqual({ judged: 1, holds: 0 });
  });

  it("weighs counselling and meetings equally however many rows each has", () => {
    expect(equalWeight({ judged: 100, holds: 90 }, { judged: 10, holds: 1 })).toBeCloseTo(0.5);
    expect(equalWeight({ judged: 100, holds: 90 }, { judged: 0, holds: 0 })).toBeNull();
  });

  it("gives two judges' agreement per question over the rows both judged", () => {
    const bo = new Map<string, Verdict>([
      [
        rows[0]!.key,
        {
          key: rows[0]!.key,
          source: "annomi/1",
          judge: "bo",
          kind: "moment",
          worth: "no",
          faithful: "n/a",
          fluent: "n/a",
          heart: "yes",
          whatHappenedTrue: "no",
        },
      ],
      [rows[2]!.key, { key: rows[2]!.key, source: "annomi/3", judge: "bo", kind: "praise", restates: "yes" }],
    ]);
    const a = agreement(rows, ann, bo);
    expect(a.find((x) => x.question === "worth")).toEqual({ question: "worth", both: 1, agree: 0 });
    expect(a.find((x) => x.question === "heart")).toEqual({ question: "heart", both: 1, agree: 1 });
    expect(a.find((x) => x.question === "restates")).toEqual({ question: "restates", both: 1, agree: 1 });
  });
});
