/**
 * `npx tsx eval/import-verdicts.ts FILE --judge NAME [--packet DIR]`: reads a judge's answers (JSONL, the format
 * the packet's instructions give), checks every line against the packet's index.jsonl (DIR, by default the folder
 * of FILE or the one above it) and stores the verdicts in eval/verdicts/NAME.jsonl keyed by row text hash. The
 * judge's reasons go to eval/out/reasons/NAME.jsonl (not in the repository: they may quote the transcript).
 */
import { existsSync, mkdirSync } from "node:fs";
import { appendFile, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type IndexEntry, parseAnswers } from "./answers.js";
import { judgeNameSchema, saveVerdicts } from "./verdicts.js";

const USAGE = "usage: npx tsx eval/import-verdicts.ts FILE --judge NAME [--packet DIR]";
const REASONS_DIR = fileURLToPath(new URL("./out/reasons/", import.meta.url));

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { judge: { type: "string" }, packet: { type: "string" } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.judge) throw new Error(USAGE);
  const judge = judgeNameSchema.safeParse(values.judge);
  if (!judge.success) throw new Error(`--judge "${values.judge}": a judge name is 1-40 letters, digits, '.', '_' or '-'`);
  const indexFile = findIndex(file, values.packet);
  const index = new Map<string, IndexEntry>();
  for (const line of (await readFile(indexFile, "utf8")).split("\n")) {
    if (line.trim() !== "") {
      const entry = JSON.parse(line) as IndexEntry;
      index.set(entry.id, entry);
    }
  }
  const parsed = parseAnswers(await readFile(file, "utf8"), index, judge.data, file);
  if (!parsed.ok) throw new Error(parsed.reason);
  const total = await saveVerdicts(judge.data, parsed.value.verdicts);
  mkdirSync(REASONS_DIR, { recursive: true });
  const reasons = [...parsed.value.reasons].map(([key, reason]) => `${JSON.stringify({ key, reason })}\n`).join("");
  if (reasons) await appendFile(join(REASONS_DIR, `${judge.data}.jsonl`), reasons);
  console.log(`${parsed.value.verdicts.length} verdicts of ${judge.data} stored (${total} in eval/verdicts/${judge.data}.jsonl)`);
}

function findIndex(file: string, packet: string | undefined): string {
  const candidates = packet
    ? [join(packet, "index.jsonl")]
    : [join(dirname(file), "index.jsonl"), join(dirname(file), "..", "index.jsonl")];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`no index.jsonl at ${candidates.join(" or ")}: pass --packet DIR, the folder judge-packet.ts wrote`);
  return found;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
