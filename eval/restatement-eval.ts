/**
 * `npm run eval`: runs `attune analyze --coach --format json` in process on every AnnoMI conversation
 * (test/fixtures/annomi), every ICSI meeting (../shared/fixtures/icsi, read at run time), the two AMI meetings
 * (test/fixtures/ami) and the written one-on-ones (eval/one-on-ones), and prints, held-out split first:
 * 1. the reader's eval: the fixed sample's verdicts (eval/verdicts/) per question, source and setting;
 * 2. figures against expert labels: AnnoMI detection, praise precision on AnnoMI and ICSI, missed moments per
 *    client turn by quality (none of these counts the one-on-ones, which have no expert labels); moments per card
 *    of every source.
 * 3. the model path (replayed): for the conversations with recorded model answers (eval/model-replays/, or
 *    ATTUNE_MODEL_REPLAYS_DIR), the model's cards beside the rules' on the same conversations (model-path.ts).
 * It writes the sample itself (which may hold ICSI text) to eval/out/, outside the repository.
 * With OPENAI_* set the CLI coaches with the model, as it would for a user.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Split } from "./annomi.js";
import { collect, praisedItems } from "./collect.js";
import { annomiPraise, cardSizes, icsiPraise, type Precision, runsOf } from "./expert-figures.js";
import { judgedReport } from "./judged-report.js";
import { modelPathReport } from "./model-path-report.js";
import { modelPathRows, modelReplaysDir, runModelPath } from "./model-path.js";
import { readingFrom } from "./product-run.js";
import type { SourceRun } from "./run-sources.js";
import { perClientTurn, type Scored, scoreReadings } from "./score-readings.js";
import { f1, precision, recall } from "./scores.js";
import type { SampleRow } from "./sample-rows.js";
import { SOURCE_NAMES, type SourceName } from "./sources.js";
import { fmt, table } from "./table.js";
import { loadVerdicts } from "./verdicts.js";

const OUT_DIR = fileURLToPath(new URL("./out/", import.meta.url));
const SPLITS: [Split | undefined, string][] = [
  ["held-out", "held-out (not tuned on)"],
  ["tune", "tuning"],
  [undefined, "all"],
];

async function main(): Promise<void> {
  const { runs, rows } = await collect(process.env);
  writeSample(rows);
  const replays = modelReplaysDir(process.env);
  const modelPath = await runModelPath(replays, runs, process.env);
  writeModelPathSample(modelPathRows(modelPath));
  const verdicts = await loadVerdicts();
  const out: string[] = [];
  const coach = runs[0]?.report.coaching?.source ?? "heuristic";
  out.push(`Attune eval: attune analyze --coach --format json on ${describe(runs)} (${coach} coach)`, "");
  out.push(judgedReport(rows, verdicts), "");
  out.push(...detection(runs), "");
  out.push(...praiseFigures(runs), "");
  out.push(...momentFigures(runs), "");
  out.push(modelPathReport(modelPath, verdicts, replays));
  console.log(out.join("\n"));
}

function describe(runs: readonly SourceRun[]): string {
  const n = (s: SourceName) => runsOf(runs, s).length;
  return `${n("annomi")} AnnoMI conversations, ${n("icsi")} ICSI meetings, ${n("ami")} AMI meetings, ${n("one-on-one")} written one-on-ones`;
}

const sampleText = (rows: readonly SampleRow[]): string =>
  rows.map((r) => `=== ${r.sourceId} · ${r.kind} · ${r.key.slice(0, 12)}\n${r.text}\n`).join("\n");

function writeSample(rows: readonly SampleRow[]): void {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const split of ["held-out", "tune"] as const) {
    writeFileSync(`${OUT_DIR}/sample-${split}.txt`, sampleText(rows.filter((r) => r.split === split)));
  }
  process.stderr.write(`eval: the sample (${rows.length} rows) is in ${OUT_DIR}sample-held-out.txt and sample-tune.txt\n`);
}

function writeModelPathSample(rows: readonly SampleRow[]): void {
  if (rows.length === 0) return;
  writeFileSync(`${OUT_DIR}/sample-model-path.txt`, sampleText(rows));
  process.stderr.write(`eval: the model path's sample (${rows.length} rows) is in ${OUT_DIR}sample-model-path.txt\n`);
}

function detection(runs: readonly SourceRun[]): string[] {
  const parts = SPLITS.map(([split, name]) => {
    const readings = runsOf(runs, "annomi", split).map((r) => readingFrom(r.source.annomi!, r.source.input, r.report));
    return { name, scored: scoreReadings(readings) };
  });
  const cells = (c: Scored["product"]) => [c.tp, c.fp, c.fn, c.tn].map(String).concat([fmt(precision(c)), fmt(recall(c)), fmt(f1(c))]);
  return [
    "AnnoMI restatement detection: every counsellor utterance; gold = the experts' reflection_exists; predicted = listed in coaching.kept[]",
    table(
      ["split", "conversations", "detector", "TP", "FP", "FN", "TN", "precision", "recall", "F1"],
      parts.flatMap(({ name, scored }) => [
        [name, String(scored.conversations), "Attune", ...cells(scored.product)],
        ["", "", "always restates", ...cells(scored.alwaysRestates)],
      ]),
      [0, 2],
    ),
    "",
    "AnnoMI missed moments (coaching.moments[]) per client turn (goal: low / high at least 1.5)",
    table(
      ["split", "high quality", "low quality", "low / high"],
      parts.map(({ name, scored }) => {
        const high = perClientTurn(scored.missed.high);
        const low = perClientTurn(scored.missed.low);
        const show = (x: number | null, r: Scored["missed"]["high"]) =>
          x === null ? "n/a" : `${x.toFixed(3)} (${r.moments}/${r.clientTurns})`;
        return [name, show(high, scored.missed.high), show(low, scored.missed.low), high && low !== null ? (low / high).toFixed(2) : "n/a"];
      }),
    ),
  ];
}

const prec = (p: Precision): string => (p.items === 0 ? "n/a" : `${p.labelled}/${p.items} ${((100 * p.labelled) / p.items).toFixed(0)}%`);

function praiseFigures(runs: readonly SourceRun[]): string[] {
  return [
    "Praise against expert labels: AnnoMI praised items that are labelled reflections (goal 85%, low quality 70%);",
    "ICSI praised and kept (coaching.kept[]) items that are lead utterances tagged bs/bu (goals 40% and 25%), and",
    "the praiseworthy kept items (keepDoing; the trend counts none of the rules' in group meetings)",
    table(
      ["split", "AnnoMI praised", "AnnoMI low quality", "ICSI praised", "ICSI kept", "ICSI praiseworthy"],
      SPLITS.map(([split, name]) => {
        const a = annomiPraise(runsOf(runs, "annomi", split), praisedItems);
        const i = icsiPraise(runsOf(runs, "icsi", split), praisedItems);
        return [name, prec(a.all), prec(a.low), prec(i.praised), prec(i.kept), prec(i.praiseworthy)];
      }),
    ),
  ];
}

function momentFigures(runs: readonly SourceRun[]): string[] {
  const body = SPLITS.flatMap(([split, name]) =>
    SOURCE_NAMES.map((source) => {
      const s = cardSizes(runsOf(runs, source, split));
      const mean = s.cards === 0 ? "n/a" : (s.moments / s.cards).toFixed(1);
      return [name, source, String(s.cards), String(s.moments), mean, String(s.max), String(s.overThree), String(s.none)];
    }),
  );
  return [
    "Moments per card (the card shows three; goal: at most three in all)",
    table(["split", "source", "cards", "moments", "per card", "most", "cards over 3", "cards with none"], body, [0, 1]),
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
