import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildPacket } from "../../eval/packet.js";
import { rowKey } from "../../eval/row-text.js";
import type { SampleRow } from "../../eval/sample-rows.js";

const rubric = readFileSync(new URL("../../eval/rubric.md", import.meta.url), "utf8");
const sources = [
  ["icsi", "icsi/Bdb001"],
  ["annomi", "annomi/15"],
  ["ami", "ami/ES2004a"],
] as const;
const rows: SampleRow[] = Array.from({ length: 60 }, (_, i) => {
  const [source, sourceId] = sources[i % 3]!;
  const text = `Conversation (the manager is Lee):\n>> Sam: I am worried about item ${i}.`;
  return { key: rowKey(text), source, sourceId, split: "held-out", kind: i % 4 === 0 ? "praise" : "moment", text };
});

describe("a judge packet", () => {
  const packet = buildPacket(rows, rubric);

  it("holds every row once, in batches of 25, each batch with the rubric and the answer format", () => {
    const names = [...packet.judgeFiles.keys()].sort();
    expect(names).toEqual([
      "README.txt",
      "batch-01.jsonl",
      "batch-01.txt",
      "batch-02.jsonl",
      "batch-02.txt",
      "batch-03.jsonl",
      "batch-03.txt",
    ]);
    const lines = [1, 2, 3].flatMap((b) => packet.judgeFiles.get(`batch-0${b}.jsonl`)!.trim().split("\n"));
    expect(lines).toHaveLength(60);
    expect(packet.judgeFiles.get("batch-03.jsonl")!.trim().split("\n")).toHaveLength(10);
    const texts = new Set(lines.map((l) => (JSON.parse(l) as { text: string }).text));
    expect(texts).toEqual(new Set(rows.map((r) => r.text)));
    const batch = packet.judgeFiles.get("batch-02.txt")!;
    expect(batch).toContain("**Worth it.**");
    expect(batch).toContain('"whatHappened"');
    expect(batch).toContain("### Row b02-01 (type:");
  });

  it("tells the judge nothing of where a row comes from or what produced it", () => {
    for (const [name, content] of packet.judgeFiles) {
      for (const telltale of ["icsi", "annomi", "ami/", "Bdb001", "ES2004a", "held-out", "heuristic", "llm", "sha256", "src/"]) {
        expect(content.toLowerCase(), `${name} mentions ${telltale}`).not.toContain(telltale.toLowerCase());
      }
      for (const r of rows) expect(content).not.toContain(r.key);
    }
  });

  it("keeps the row id → key and source index beside the judge's files, for the import", () => {
    expect(packet.index).toHaveLength(60);
    expect(new Set(packet.index.map((e) => e.id)).size).toBe(60);
    const first = packet.index[0]!;
    const row = rows.find((r) => r.key === first.key)!;
    expect(first).toEqual({ id: "b01-01", key: row.key, source: row.sourceId, split: "held-out", kind: row.kind });
  });
});
