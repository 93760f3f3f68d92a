/**
 * `npx tsx eval/judge-packet.ts --split held-out --out DIR [--judge NAME] [--all]`: runs the product, takes the
 * rows of the split's fixed sample that are not yet judged (by NAME when given, else by any judge; --all: every
 * row) and writes DIR/judge/ (what a judge gets: the rubric and the rows, in batches of 25) and DIR/index.jsonl
 * (row id → key and source, for import-verdicts; not for the judge).
 */
import { mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { collect } from "./collect.js";
import { buildPacket } from "./packet.js";
import { judgeNameSchema, loadVerdicts } from "./verdicts.js";

const USAGE = "usage: npx tsx eval/judge-packet.ts --split held-out|tune --out DIR [--judge NAME] [--all]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { split: { type: "string" }, out: { type: "string" }, judge: { type: "string" }, all: { type: "boolean" } },
  });
  if ((values.split !== "held-out" && values.split !== "tune") || !values.out) throw new Error(USAGE);
  if (values.judge !== undefined && !judgeNameSchema.safeParse(values.judge).success) throw new Error(`--judge: ${USAGE}`);
  const { rows } = await collect(process.env);
  const store = await loadVerdicts();
  const judges = values.judge ? [values.judge] : [...store.keys()];
  const judged = (key: string) => judges.some((j) => store.get(j)?.has(key));
  const wanted = rows.filter((r) => r.split === values.split && (values.all || !judged(r.key)));
  const packet = buildPacket(wanted, await readFile(new URL("./rubric.md", import.meta.url), "utf8"));
  mkdirSync(`${values.out}/judge`, { recursive: true });
  for (const [name, content] of packet.judgeFiles) await writeFile(`${values.out}/judge/${name}`, content);
  await writeFile(`${values.out}/index.jsonl`, packet.index.map((e) => `${JSON.stringify(e)}\n`).join(""));
  const inSplit = rows.filter((r) => r.split === values.split).length;
  console.log(
    `${wanted.length} of the ${inSplit} ${values.split} rows in ${packet.judgeFiles.size - 1} files in ${values.out}/judge/ (give judges only that folder); index in ${values.out}/index.jsonl`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
