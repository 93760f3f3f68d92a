/**
 * `npm run eval`: runs `attune analyze --coach --format json` on every AnnoMI conversation in
 * test/fixtures/annomi (48) and scores what it outputs against the experts' labels: every counsellor utterance
 * is a prediction ("restates" when `coaching.kept[]` lists it), beside the always-restates baseline, on the
 * held-out half first (never tuned on), then the tuning half, then all. Also: missed moments per client turn in
 * high- and low-quality conversations. With OPENAI_* set the CLI coaches with the model, as it would for a user.
 */
import { loadAnnoMi, splitOf } from "./annomi.js";
import { readWithProduct } from "./product-run.js";
import { perClientTurn, type Scored, scoreReadings } from "./score-readings.js";
import { f1, precision, recall } from "./scores.js";
import { fmt, table } from "./table.js";

async function main(): Promise<void> {
  const conversations = await loadAnnoMi();
  const split = splitOf(conversations);
  const readings = [];
  for (const conversation of conversations) readings.push(await readWithProduct(conversation, process.env));
  const parts = [
    { name: "held-out half (not tuned on)", readings: readings.filter((r) => split.get(r.conversation.id) === "held-out") },
    { name: "tuning half", readings: readings.filter((r) => split.get(r.conversation.id) === "tune") },
    { name: "all 48", readings },
  ].map((p) => ({ name: p.name, scored: scoreReadings(p.readings) }));

  const coach = readings[0]?.report.coaching?.source ?? "heuristic";
  const out: string[] = [];
  const utterances = parts[2]!.scored.product;
  out.push(
    `Attune restatement eval: attune analyze --coach --format json on ${conversations.length} AnnoMI conversations (${coach} coach)`,
  );
  out.push(
    `Every counsellor utterance is scored (${utterances.tp + utterances.fp + utterances.fn + utterances.tn}); gold = the experts' reflection_exists; predicted = listed in coaching.kept[]`,
  );
  out.push("");
  out.push(
    table(
      ["split", "conversations", "detector", "TP", "FP", "FN", "TN", "precision", "recall", "F1"],
      parts.flatMap(({ name, scored }) => [
        [name, String(scored.conversations), "Attune", ...cells(scored.product)],
        ["", "", "always restates", ...cells(scored.alwaysRestates)],
      ]),
      [0, 2],
    ),
  );
  out.push("");
  out.push("Missed moments (coaching.moments[]) per client turn");
  out.push(
    table(
      ["split", "high quality", "low quality", "low / high"],
      parts.map(({ name, scored }) => [name, ...missedCells(scored)]),
      [0],
    ),
  );
  console.log(out.join("\n"));
}

function cells(c: Scored["product"]): string[] {
  return [String(c.tp), String(c.fp), String(c.fn), String(c.tn), fmt(precision(c)), fmt(recall(c)), fmt(f1(c))];
}

function missedCells(scored: Scored): string[] {
  const high = perClientTurn(scored.missed.high);
  const low = perClientTurn(scored.missed.low);
  const show = (x: number | null, rate: Scored["missed"]["high"]) =>
    x === null ? "n/a" : `${x.toFixed(2)} (${rate.moments}/${rate.clientTurns}, ${rate.conversations} conv.)`;
  return [show(high, scored.missed.high), show(low, scored.missed.low), high && low !== null ? (low / high).toFixed(2) : "n/a"];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
