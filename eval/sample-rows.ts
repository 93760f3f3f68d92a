/**
 * The fixed sample, chosen before anyone looks: for every conversation or meeting, the top three moments of
 * the card (in card order) and the first two praised ("Keep doing") items, each as the manager reads it. Pure.
 */
import type { KeptRestatement } from "../src/coaching/schema.js";
import type { JsonReport } from "../src/rendering/json-report.js";
import type { Split } from "./annomi.js";
import { momentText, praiseText, rowKey } from "./row-text.js";
import type { SourceRun } from "./run-sources.js";
import type { SourceName } from "./sources.js";

export const SAMPLE = { moments: 3, praise: 2 } as const;

export type RowKind = "moment" | "praise";

export interface SampleRow {
  /** sha256 (hex) of `text`. */
  key: string;
  source: SourceName;
  sourceId: string;
  split: Split;
  kind: RowKind;
  /** What the judge reads. */
  text: string;
}

/** `praised` gives the card's "Keep doing" items in card order. */
export function sampleRows(run: SourceRun, praised: (report: JsonReport) => KeptRestatement[]): SampleRow[] {
  const coaching = run.report.coaching;
  if (!coaching) return [];
  const index = new Map(run.utterances.map((u, i) => [u.id, i]));
  const at = (id: string, what: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`${run.source.id}: the card's ${what} names utterance ${id}, which the transcript lacks`);
    return i;
  };
  const base = { utterances: run.utterances, manager: coaching.manager };
  const row = (kind: RowKind, text: string): SampleRow => ({
    key: rowKey(text),
    source: run.source.source,
    sourceId: run.source.id,
    split: run.source.split,
    kind,
    text,
  });
  const moments = coaching.moments.slice(0, SAMPLE.moments).map((m) => {
    const reach = m.replyUtteranceId === null ? null : at(m.replyUtteranceId, "reply");
    return row("moment", momentText({ ...base, focus: at(m.utteranceId, "moment"), reach }, m));
  });
  const praise = praised(run.report)
    .slice(0, SAMPLE.praise)
    .map((k) => row("praise", praiseText({ ...base, focus: at(k.utteranceId, "praise") }, k)));
  return [...moments, ...praise];
}
