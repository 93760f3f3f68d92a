/**
 * Runs the product on every source in process (`attune analyze - --manager NAME --coach --format json`), with
 * progress on stderr, and reads each transcript with the product's own reader so that the utterance ids in the
 * report can be shown with their words and neighbours.
 */
import type { JsonReport } from "../src/rendering/json-report.js";
import { parseTranscript, type Utterance } from "../src/transcript/index.js";
import { analyzeInProcess } from "./product-run.js";
import type { EvalSource } from "./sources.js";

export interface SourceRun {
  source: EvalSource;
  report: JsonReport;
  /** The transcript's utterances as the product read them, in order. */
  utterances: Utterance[];
}

export async function runSources(sources: readonly EvalSource[], env: Record<string, string | undefined>): Promise<SourceRun[]> {
  const runs: SourceRun[] = [];
  const started = performance.now();
  for (const [i, source] of sources.entries()) {
    const report = await analyzeInProcess(source.input, source.manager, env, source.id);
    const parsed = parseTranscript(source.input);
    if (!parsed.ok) throw new Error(`${source.id}: the transcript does not parse: ${parsed.error.message}`);
    runs.push({ source, report, utterances: parsed.value.utterances });
    if (i === sources.length - 1 || source.source !== sources[i + 1]?.source || (i + 1) % 10 === 0) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`eval: ran the product on ${i + 1}/${sources.length} (${source.id}), ${seconds} s\n`);
    }
  }
  return runs;
}
