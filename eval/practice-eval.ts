/**
 * `npx tsx eval/practice-eval.ts`: the honesty figure of practice. Every counsellor reply after a client turn in
 * AnnoMI (test/fixtures/annomi) and every ICSI lead reply after someone else's turn (../shared/fixtures/icsi, read
 * at run time) is read as a practice attempt at that turn; `restates` is compared with the experts' labels.
 * Prints precision, recall and counts per split (held-out first; the reading was tuned on the tune split only),
 * then the first 10 held-out AnnoMI attempts with Attune's reply, unedited.
 */
import { readdir, readFile } from "node:fs/promises";
import { readAttempt } from "../src/coaching/practice/read-attempt.js";
import { loadAnnoMi, type Split, splitOf } from "./annomi.js";
import { annomiAttempts, icsiAttempts, type LabelledAttempt } from "./practice-attempts.js";
import { emptyConfusion, precision, recall, tally } from "./scores.js";
import { icsiDir, icsiSplit, type IcsiUtteranceLabel } from "./sources.js";
import { fmt, table } from "./table.js";

async function attempts(): Promise<LabelledAttempt[]> {
  const conversations = await loadAnnoMi();
  const split = splitOf(conversations);
  const out = conversations.flatMap((c) => annomiAttempts(c, split.get(c.id)!));
  const dir = icsiDir();
  if (dir === null) {
    console.error("ICSI meetings not found (set ATTUNE_ICSI_DIR): left out");
    return out;
  }
  const ids = (await readdir(dir)).filter((f) => f.endsWith(".vtt")).map((f) => f.slice(0, -".vtt".length));
  for (const [id, s] of icsiSplit(ids)) {
    const labels = JSON.parse(await readFile(`${dir}/${id}.labels.json`, "utf8")) as { lead: string; utterances: IcsiUtteranceLabel[] };
    out.push(...icsiAttempts(id, labels.lead, labels.utterances, s));
  }
  return out;
}

async function main(): Promise<void> {
  const all = (await attempts()).map((a) => ({ ...a, read: readAttempt(a.said, a.attempt, a.speaker) }));
  const rows: string[][] = [];
  for (const split of ["held-out", "tune"] as Split[]) {
    for (const source of ["annomi", "icsi", "both"] as const) {
      const c = emptyConfusion();
      for (const a of all) if (a.split === split && (source === "both" || a.source === source)) tally(c, a.gold, a.read.restates);
      rows.push([
        split,
        source,
        String(c.tp + c.fp + c.fn + c.tn),
        String(c.tp),
        String(c.fp),
        String(c.fn),
        String(c.tn),
        fmt(precision(c)),
        fmt(recall(c)),
      ]);
    }
  }
  const out = [
    "Practice: is an attempt read as a restatement when the experts say it is one? (every counsellor reply after a client turn in AnnoMI; every lead reply after another's turn in ICSI; goal precision >= 0.85 held-out)",
    table(["split", "source", "attempts", "TP", "FP", "FN", "TN", "precision", "recall"], rows, [0, 1]),
    "",
    "The first 10 held-out AnnoMI attempts and Attune's reply (unedited):",
  ];
  for (const a of all.filter((x) => x.source === "annomi" && x.split === "held-out").slice(0, 10)) {
    out.push(
      "",
      `${a.id} (experts: ${a.gold ? "a reflection" : "not a reflection"})`,
      `  They said: ${a.said}`,
      `  Attempt:   ${a.attempt}`,
      `  Attune:    ${JSON.stringify(a.read)}`,
    );
  }
  console.log(out.join("\n"));
}

await main();
