/**
 * `npx tsx eval/judge-packet.ts --split held-out --out DIR [--judge NAME] [--all] [--rules-only]`: runs the
 * product, and the model path on the conversations with recorded model answers (eval/model-replays/, unless
 * --rules-only), takes the rows of the split's fixed sample that are not yet judged (by NAME when given, else by
 * any judge; --all: every row), each row once however many coaches wrote it, and writes DIR/judge/ (what a judge
 * gets: the rubric and the rows, in batches of 25, the model path's mixed with the rules' and not told apart) and
 * DIR/index.jsonl (row id → key and source, for import-verdicts; not for the judge).
 */
import { mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { collect } from "./collect.js";
import { modelPathRows, modelReplaysDir, runModelPath, withModelRows } from "./model-path.js";
import { buildPacket } from "./packet.js";
import { judgeNameSchema, loadVerdicts } from "./verdicts.js";

const USAGE = "usage: npx tsx eval/judge-packet.ts --split held-out|tune --out DIR [--judge NAME] [--all] [--rules-only]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      split: { type: "string" },
      out: { type: "string" },
      judge: { type: "string" },
      all: { type: "boolean" },
      "rules-only": { type: "boolean" },
    },
  });
  if ((values.split !== "held-out" && values.split !== "tune") || !values.out) throw new Error(USAGE);
  if (values.judge !== undefined && !judgeNameSchema.safeParse(values.judge).success) throw new Error(`--judge: ${USAGE}`);
  const { runs, rows: rulesRows } = await collect(process.env);
  const modelPath = values["rules-only"] ? [] : await runModelPath(modelReplaysDir(process.env), runs, process.env);
  for (const run of modelPath) if (!run.ok) console.error(`model path: ${run.folder} did not run: ${run.reason}`);
  const modelRows = modelPathRows(modelPath);
  const rows = withModelRows(rulesRows, modelRows);
  const store = await loadVerdicts();
  const judges = values.judge ? [values.judge] : [...store.keys()];
  const judged = (key: string) => judges.some((j) => store.get(j)?.has(key));
  const wanted = rows.filter((r) => r.split === values.split && (values.all || !judged(r.key)));
  const packet = buildPacket(wanted, await readFile(new URL("./rubric.md", import.meta.url), "utf8"));
  mkdirSync(`${values.out}/judge`, { recursive: true });
  for (const [name, content] of packet.judgeFiles) await writeFile(`${values.out}/judge/${name}`, content);
  await writeFile(`${values.out}/index.jsonl`, packet.index.map((e) => `${JSON.stringify(e)}\n`).join(""));
  const inSplit = rows.filter((r) => r.split === values.split).length;
  const rulesKeys = new Set(rulesRows.map((r) => r.key));
  const fromModel = modelRows.filter((r) => r.split === values.split);
  const same = fromModel.filter((r) => rulesKeys.has(r.key)).length;
  console.log(
    `${fromModel.length} rows from the model path's cards (${same} the same as a rules' row, kept once)\n${wanted.length} of the ${inSplit} ${values.split} rows in ${packet.judgeFiles.size - 1} files in ${values.out}/judge/ (give judges only that folder); index in ${values.out}/index.jsonl`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
