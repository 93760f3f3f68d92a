/**
 * A judge packet: the rows not yet judged, in batches, each batch a plain-text file with the rubric, the answer
 * format and the rows, and the same rows as JSONL. Only those go in `judge/`: nothing about the product, its
 * code, its coach or version, or where a row comes from. The index that ties row ids to keys and sources sits
 * beside `judge/`, for the import, not for the judge. Pure: returns the files' contents.
 */
import type { IndexEntry } from "./answers.js";
import type { SampleRow } from "./sample-rows.js";

export const BATCH_SIZE = 25;

export interface Packet {
  /** File name (inside `judge/`) → content. */
  judgeFiles: Map<string, string>;
  index: IndexEntry[];
}

export function answerFormat(): string {
  return `## How to answer

Judge every row strictly by the rubric above, from the conversation shown and what the card says, and nothing
else. Write one JSON object a line (JSONL) per row, with the row's id, each question's answer and a one-line reason:

- A row of type "moment" (the card says the manager could have shown they listened):
  {"id": "b01-01", "worth": "yes", "faithful": "no", "fluent": "yes", "heart": "yes", "whatHappened": "yes", "reason": "drops the 'but' clause"}
  worth, heart, whatHappened: "yes" or "no". faithful and fluent: "yes" or "no" when the card writes a
  restatement for the manager to say; both "n/a" when it writes none (it quotes the person and asks the
  manager to say it back in their own words). whatHappened: is the "What happened" line true of the reply?
- A row of type "praise" (the card praises something the manager said, under "Keep doing"):
  {"id": "b01-02", "restates": "no", "reason": "gives advice, does not say back what was said"}

Answer every row of the batch; nothing else in the file.
`;
}

export function buildPacket(rows: readonly SampleRow[], rubric: string, batchSize = BATCH_SIZE): Packet {
  const ordered = [...rows].sort((a, b) => a.key.localeCompare(b.key));
  const judgeFiles = new Map<string, string>();
  const index: IndexEntry[] = [];
  const batches = Math.ceil(ordered.length / batchSize);
  for (let b = 0; b < batches; b++) {
    const name = `batch-${pad(b + 1)}`;
    const batch = ordered.slice(b * batchSize, (b + 1) * batchSize).map((row, i) => ({ id: `b${pad(b + 1)}-${pad(i + 1)}`, row }));
    const blocks = batch.map(({ id, row }) => [`### Row ${id} (type: ${row.kind})`, "", row.text].join("\n"));
    judgeFiles.set(`${name}.txt`, [rubric.trim(), "", answerFormat(), `## Rows (${batch.length})`, "", blocks.join("\n\n"), ""].join("\n"));
    judgeFiles.set(`${name}.jsonl`, batch.map(({ id, row }) => `${JSON.stringify({ id, type: row.kind, text: row.text })}\n`).join(""));
    for (const { id, row } of batch) index.push({ id, key: row.key, source: row.sourceId, split: row.split, kind: row.kind });
  }
  judgeFiles.set(
    "README.txt",
    [rubric.trim(), "", answerFormat(), `The rows are in ${batches} batch files (batch-NN.txt, the same rows as batch-NN.jsonl).`, ""].join(
      "\n",
    ),
  );
  return { judgeFiles, index };
}

const pad = (n: number): string => String(n).padStart(2, "0");
