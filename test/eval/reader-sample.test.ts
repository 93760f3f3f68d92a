import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CoachingMoment, KeptRestatement } from "../../src/coaching/schema.js";
import type { JsonReport } from "../../src/rendering/json-report.js";
import type { Utterance } from "../../src/transcript/index.js";
import { conversationLines, momentText, praiseText, rowKey } from "../../eval/row-text.js";
import { praisedItems } from "../../eval/collect.js";
import { runSources, type SourceRun } from "../../eval/run-sources.js";
import { sampleRows } from "../../eval/sample-rows.js";
import { AMI_SPLIT, icsiSplit, loadSources } from "../../eval/sources.js";

const utterances: Utterance[] = Array.from({ length: 20 }, (_, i) => ({
  id: `u${i + 1}`,
  speaker: i % 2 === 0 ? "Sam" : "Lee",
  startMs: i * 1000,
  endMs: i * 1000 + 900,
  text: `Line ${i + 1}.`,
}));

const moment = (id: string, reply: string | null): CoachingMoment => ({
  utteranceId: id,
  atMs: 0,
  speaker: "Sam",
  quote: "Line.",
  kind: "missed-concern",
  whatHappened: "You moved on.",
  suggestion: "So you're worried about it?",
  replyUtteranceId: reply,
});
const kept = (id: string): KeptRestatement => ({ utteranceId: id, atMs: 0, quote: "So it is late.", of: "Sam", ofUtteranceId: "u1" });

function run(moments: CoachingMoment[], keptItems: KeptRestatement[]): SourceRun {
  const coaching = { manager: "Lee", moments, kept: keptItems, source: "heuristic" };
  return {
    source: { source: "icsi", id: "icsi/Bxx001", split: "held-out", input: "", manager: "Lee" },
    report: { coaching } as unknown as JsonReport,
    utterances,
  };
}

describe("a row of the sample", () => {
  it("has the same key on every run: the sha256 of exactly the text shown", () => {
    const text = momentText({ utterances, focus: 9, reach: 10, manager: "Lee" }, moment("u10", "u11"));
    // Pinned: a change in how rows are written changes every key, and every verdict then has to be given again.
    expect(rowKey(text)).toBe("552b0a50eddf1a6e21a14fe8c14a71a00a5085851ba8d6e9bebe2d931eb59fb3");
    expect(rowKey("Conversation\n>> Sam: I am worried.")).toBe("130177f4eae277536372167fb07f288013ebd0e8c9c14e684dad88e73461b8d7");
    expect(rowKey(text)).not.toBe(rowKey(text.replace("You moved on.", "You moved on")));
  });

  it("shows six utterances before and three after, reaching further (up to eight) for the manager's reply", () => {
    const plain = conversationLines({ utterances, focus: 9, manager: "Lee" });
    expect(plain.slice(1)).toEqual([
      "   Lee: Line 4.",
      "   Sam: Line 5.",
      "   Lee: Line 6.",
      "   Sam: Line 7.",
      "   Lee: Line 8.",
      "   Sam: Line 9.",
      ">> Lee: Line 10.",
      "   Sam: Line 11.",
      "   Lee: Line 12.",
      "   Sam: Line 13.",
    ]);
    expect(conversationLines({ utterances, focus: 9, reach: 15, manager: "Lee" }).at(-1)).toBe("   Lee: Line 16.");
    expect(conversationLines({ utterances, focus: 9, reach: 19, manager: "Lee" }).at(-1)).toBe("   Lee: Line 18.");
    expect(conversationLines({ utterances, focus: 1, manager: "Lee" })[1]).toBe("   Sam: Line 1.");
  });

  it("shows what the card shows and nothing about the coach", () => {
    const text = praiseText({ utterances, focus: 3, manager: "Lee" }, kept("u4"));
    expect(text).toContain('"So it is late." (to Sam)');
    expect(text).not.toMatch(/heuristic|llm|icsi|Bxx001/i);
  });
});

describe("the fixed sample", () => {
  it("takes the card's first three moments and first two praised items, in card order", () => {
    const r = run(
      ["u2", "u4", "u6", "u8"].map((id) => moment(id, null)),
      ["u3", "u5", "u7"].map(kept),
    );
    const rows = sampleRows(r, (report) => report.coaching!.kept);
    expect(rows.map((x) => x.kind)).toEqual(["moment", "moment", "moment", "praise", "praise"]);
    expect(rows[0]!.text).toContain(">> Lee: Line 2.");
    expect(rows[4]!.text).toContain(">> Sam: Line 5.");
    expect(rows.every((x) => x.sourceId === "icsi/Bxx001" && x.split === "held-out")).toBe(true);
    expect(new Set(rows.map((x) => x.key)).size).toBe(5);
  });

  it("fails with the source named when the card points at an utterance the transcript lacks", () => {
    expect(() => sampleRows(run([moment("u99", null)], []), (report) => report.coaching!.kept)).toThrow(/icsi\/Bxx001.*u99/);
  });
});

describe("splits fixed before looking", () => {
  it("ICSI: sorted meeting ids, even positions tune and odd held out", () => {
    const split = icsiSplit(["Bro007", "Bdb001", "Bed005", "Bed009"]);
    expect([...split]).toEqual([
      ["Bdb001", "tune"],
      ["Bed005", "held-out"],
      ["Bed009", "tune"],
      ["Bro007", "held-out"],
    ]);
    expect(AMI_SPLIT.get("ES2004a")).toBe("tune");
    expect(AMI_SPLIT.get("IS1009a")).toBe("held-out");
  });
});

describe("the sources", () => {
  it("reads ICSI meetings from ATTUNE_ICSI_DIR at run time, the lead as manager, and leaves them out when the folder is missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-icsi-"));
    for (const id of ["Bzz002", "Bzz001"]) {
      writeFileSync(join(dir, `${id}.vtt`), "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Professor B>Hello.</v>\n");
      writeFileSync(join(dir, `${id}.labels.json`), JSON.stringify({ lead: "Professor B", utterances: [] }));
    }
    const icsi = (await loadSources({ ATTUNE_ICSI_DIR: dir })).filter((s) => s.source === "icsi");
    expect(icsi.map((s) => [s.id, s.split, s.manager])).toEqual([
      ["icsi/Bzz001", "tune", "Professor B"],
      ["icsi/Bzz002", "held-out", "Professor B"],
    ]);
    const without = await loadSources({ ATTUNE_ICSI_DIR: join(dir, "missing") });
    expect(without.filter((s) => s.source === "icsi")).toHaveLength(0);
    expect(without.filter((s) => s.source === "ami").map((s) => s.id)).toEqual(["ami/ES2004a", "ami/IS1009a"]);
  });
});

describe("the sample from the product's own output", () => {
  it("finds every moment and praised item of real cards in their transcripts (AMI and two AnnoMI sessions)", async () => {
    const sources = (await loadSources({ ATTUNE_ICSI_DIR: join(tmpdir(), "attune-no-icsi-here") })).filter((s) =>
      ["ami/IS1009a", "ami/ES2004a", "annomi/15", "annomi/1"].includes(s.id),
    );
    const runs = await runSources(sources, {});
    const rows = runs.flatMap((r) => sampleRows(r, praisedItems));
    for (const r of runs) {
      const c = r.report.coaching!;
      const expected = Math.min(3, c.moments.length) + Math.min(2, praisedItems(r.report).length);
      expect(
        rows.filter((row) => row.sourceId === r.source.id),
        r.source.id,
      ).toHaveLength(expected);
    }
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.text.split("\n").filter((l) => l.startsWith(">> "))).toHaveLength(1);
      expect(row.text).toMatch(row.kind === "moment" ? /\n {2}Suggested: / : /\n {2}".*" \(to /);
    }
  });
});
