/**
 * `npx tsx eval/show-rows.ts --split held-out [--first 20] [--worst 5 --judge NAME]`: prints rows of the fixed
 * sample's moments as the card shows them, for a note: the first N in sample order (by key, the packet's order:
 * fixed, not chosen) and the N worst by a judge's verdicts (most questions failed first), with the judge's reason
 * when eval/out/reasons/NAME.jsonl has it. Printed only: the rows may hold ICSI text.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { collect } from "./collect.js";
import type { SampleRow } from "./sample-rows.js";
import { loadVerdicts, type MomentVerdict } from "./verdicts.js";

const USAGE = "usage: npx tsx eval/show-rows.ts --split held-out|tune [--first N] [--worst N --judge NAME]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { split: { type: "string" }, first: { type: "string" }, worst: { type: "string" }, judge: { type: "string" } },
  });
  if (values.split !== "held-out" && values.split !== "tune") throw new Error(USAGE);
  const first = count(values.first ?? "20");
  const worst = count(values.worst ?? "0");
  if (worst > 0 && !values.judge) throw new Error(`--worst needs --judge NAME; ${USAGE}`);
  const { rows } = await collect(process.env);
  const moments = rows.filter((r) => r.split === values.split && r.kind === "moment").sort((a, b) => a.key.localeCompare(b.key));
  const out: string[] = [`The first ${Math.min(first, moments.length)} of the ${moments.length} ${values.split} moments (sample order)`];
  for (const [i, r] of moments.slice(0, first).entries()) out.push("", `--- ${i + 1} (${r.sourceId})`, r.text);
  if (worst > 0 && values.judge) out.push(...worstRows(moments, values.judge, worst, await loadVerdicts()));
  console.log(out.join("\n"));
}

function worstRows(moments: SampleRow[], judge: string, n: number, store: Awaited<ReturnType<typeof loadVerdicts>>): string[] {
  const verdicts = store.get(judge);
  if (!verdicts) throw new Error(`no verdicts of judge ${judge} in eval/verdicts/`);
  const reasons = readReasons(judge);
  const failed = (v: MomentVerdict): number =>
    [v.worth, v.faithful, v.fluent, v.heart, v.whatHappenedTrue].filter((answer) => answer === "no").length;
  const judged = moments
    .map((row) => ({ row, v: verdicts.get(row.key) }))
    .filter((x): x is { row: SampleRow; v: MomentVerdict } => x.v?.kind === "moment")
    .sort((a, b) => failed(b.v) - failed(a.v) || a.row.key.localeCompare(b.row.key));
  const out = ["", `The ${Math.min(n, judged.length)} worst of the ${judged.length} moments ${judge} judged`];
  for (const { row, v } of judged.slice(0, n)) {
    const answers = `worth ${v.worth}, faithful ${v.faithful}, fluent ${v.fluent}, heart ${v.heart}, what happened ${v.whatHappenedTrue}`;
    out.push("", `--- ${row.sourceId}: ${answers}${reasons.has(row.key) ? `; "${reasons.get(row.key)}"` : ""}`, row.text);
  }
  return out;
}

function readReasons(judge: string): Map<string, string> {
  const file = fileURLToPath(new URL(`./out/reasons/${judge}.jsonl`, import.meta.url));
  const reasons = new Map<string, string>();
  if (!existsSync(file)) return reasons;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const { key, reason } = JSON.parse(line) as { key: string; reason: string };
    reasons.set(key, reason);
  }
  return reasons;
}

function count(text: string): number {
  if (!/^\d{1,4}$/.test(text)) throw new Error(`"${text}" is not a count; ${USAGE}`);
  return Number(text);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
