/**
 * Figures against the experts' labels, from the product's output: praise precision on AnnoMI (praised items
 * that are labelled reflections: all conversations and low-quality ones) and on ICSI (praised items, and every
 * item of `coaching.kept[]`, that are lead utterances tagged `bs`/`bu`), and the moments per card. Pure.
 */
import { keepDoing } from "../src/coaching/keep-doing.js";
import type { KeptRestatement } from "../src/coaching/schema.js";
import type { JsonReport } from "../src/rendering/json-report.js";
import type { Split } from "./annomi.js";
import { readingFrom } from "./product-run.js";
import type { SourceRun } from "./run-sources.js";
import type { SourceName } from "./sources.js";

export interface Precision {
  items: number;
  labelled: number;
}

const empty = (): Precision => ({ items: 0, labelled: 0 });

/** AnnoMI: praised items whose counsellor utterance the experts labelled a reflection. */
export function annomiPraise(
  runs: readonly SourceRun[],
  praised: (report: JsonReport) => KeptRestatement[],
): { all: Precision; low: Precision } {
  const all = empty();
  const low = empty();
  for (const run of runs) {
    const conversation = run.source.annomi;
    if (!conversation || !run.report.coaching) continue;
    const reading = readingFrom(conversation, run.source.input, run.report);
    const rowOf = new Map(reading.utteranceIds.map((id, i) => [id, conversation.rows[i]!]));
    for (const k of praised(run.report)) {
      const reflection = rowOf.get(k.utteranceId)?.reflection === true;
      for (const p of conversation.quality === "low" ? [all, low] : [all]) {
        p.items++;
        if (reflection) p.labelled++;
      }
    }
  }
  return { all, low };
}

/**
 * ICSI: praised items, kept items (every restatement the detector credits, `coaching.kept[]`) and the
 * praiseworthy ones among them (`keepDoing`, what a model-coached group card could hold up) that are the lead's
 * utterances with `restates` (a `bs` or `bu` act).
 */
export function icsiPraise(
  runs: readonly SourceRun[],
  praised: (report: JsonReport) => KeptRestatement[],
): { praised: Precision; kept: Precision; praiseworthy: Precision } {
  const p = empty();
  const k = empty();
  const n = empty();
  for (const run of runs) {
    const labels = run.source.icsi;
    const coaching = run.report.coaching;
    if (!labels || !coaching) continue;
    if (labels.length !== run.utterances.length) {
      throw new Error(`${run.source.id}: ${labels.length} labels but the product read ${run.utterances.length} utterances`);
    }
    const index = new Map(run.utterances.map((u, i) => [u.id, i]));
    const restates = (item: KeptRestatement): boolean => {
      const label = labels[index.get(item.utteranceId) ?? -1];
      return label !== undefined && label.speaker === run.source.manager && label.restates;
    };
    for (const item of praised(run.report)) tallyInto(p, restates(item));
    for (const item of coaching.kept) tallyInto(k, restates(item));
    for (const item of keepDoing(coaching)) tallyInto(n, restates(item));
  }
  return { praised: p, kept: k, praiseworthy: n };
}

function tallyInto(p: Precision, labelled: boolean): void {
  p.items++;
  if (labelled) p.labelled++;
}

export interface CardSizes {
  cards: number;
  moments: number;
  max: number;
  /** Cards with more than three moments (three shown, the rest behind "show all"). */
  overThree: number;
  none: number;
}

export function cardSizes(runs: readonly SourceRun[]): CardSizes {
  const sizes = runs.map((r) => r.report.coaching?.moments.length ?? 0);
  return {
    cards: sizes.length,
    moments: sizes.reduce((a, b) => a + b, 0),
    max: Math.max(0, ...sizes),
    overThree: sizes.filter((n) => n > 3).length,
    none: sizes.filter((n) => n === 0).length,
  };
}

export const runsOf = (runs: readonly SourceRun[], source: SourceName, split?: Split): SourceRun[] =>
  runs.filter((r) => r.source.source === source && (split === undefined || r.source.split === split));
