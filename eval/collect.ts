/**
 * Runs the product on every source and returns what the eval reads: the runs and the fixed sample. The one place
 * that knows which of `coaching.kept[]` the card praises (see praisedItems).
 */
import { praiseOnCard } from "../src/coaching/keep-doing.js";
import type { KeptRestatement } from "../src/coaching/schema.js";
import type { JsonReport } from "../src/rendering/json-report.js";
import { runSources, type SourceRun } from "./run-sources.js";
import { type SampleRow, sampleRows } from "./sample-rows.js";
import { loadSources } from "./sources.js";

/**
 * The items the card shows under "Keep doing", in card order. The JSON report lists every restatement credited
 * (`coaching.kept[]`) but not which of them the card praises, so this applies the card's own filter to it.
 */
export const praisedItems = (report: JsonReport): KeptRestatement[] => (report.coaching ? praiseOnCard(report.coaching, report) : []);

export interface Collected {
  runs: SourceRun[];
  rows: SampleRow[];
}

export async function collect(env: Record<string, string | undefined>): Promise<Collected> {
  const runs = await runSources(await loadSources(env), env);
  return { runs, rows: runs.flatMap((run) => sampleRows(run, praisedItems)) };
}
