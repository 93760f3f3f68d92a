/**
 * `npm run eval`: scores the restatement detector against expert-labelled reflections in the public
 * AnnoMI rows (test/fixtures/annomi), next to trivial baselines, and counts missed moments per
 * conversation. The only file of eval/ that reads the environment.
 */
import { defaultTiming, loadAnnoMi, type Conversation, type RestatementPair } from "./annomi.js";
import { createLlm } from "../src/llm/client.js";
import { loadPrompts } from "../src/llm/prompt-store.js";
import { loadConfig } from "../src/config.js";
import { baselines, heuristicDetector, type Detector } from "./detectors.js";
import { promptSetDetector } from "./prompt-set-detector.js";
import { allPairs, comparePair, missedMoments, scoreDetectors, type DetectorResult } from "./evaluate.js";
import { accuracy, f1, majorityClass, precision, recall, type Confusion } from "./scores.js";
import { fmt, pct, table } from "./table.js";

/** The low-/high-quality versions of the same scenario. */
const PAIR = { low: "15", high: "24" } as const;

async function main(): Promise<void> {
  const env = process.env;
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`configuration: ${loaded.problems.join("; ")}`);
  const llmConfigured = loaded.config.llm !== null;
  /** Detectors that need a model: the prompt set, when OPENAI_* configures one. */
  const llmDetectors: Detector[] = [];
  if (loaded.config.llm) {
    const prompts = await loadPrompts(loaded.config.promptsDir);
    if (!prompts.ok) throw new Error(prompts.message);
    llmDetectors.push(promptSetDetector(createLlm(loaded.config.llm), prompts.value));
  }

  const conversations = await loadAnnoMi();
  const pairs = allPairs(conversations);
  const detectors: Detector[] = [heuristicDetector, ...llmDetectors];
  const results = await scoreDetectors(pairs, [...detectors, ...baselines]);

  const rows = conversations.reduce((n, c) => n + c.rows.length, 0);
  const gold = pairs.map((p) => p.gold);
  const positives = gold.filter(Boolean).length;
  const majority = majorityClass(gold);
  const out: string[] = [];
  out.push(`Attune restatement eval: AnnoMI public rows, ${conversations.length} conversations, ${rows} rows`);
  out.push(
    `Pairs: ${pairs.length} therapist utterances directly after a client utterance; gold = reflection_exists "True": ${positives} (${pct(positives / pairs.length)})`,
  );
  out.push(
    `Majority class: "${majority.label ? "restates" : "does not restate"}", ${pct(majority.rate)} of pairs (the accuracy of always answering it)`,
  );
  out.push("");
  out.push("Restatement detection, all conversations");
  out.push(
    table(
      ["detector", "TP", "FP", "FN", "TN", "precision", "recall", "F1", "accuracy"],
      results.map((r) => [r.name, ...scoreCells(r.overall)]),
    ),
  );
  out.push("");
  for (const r of results) out.push(`  ${r.name.padEnd(15)} ${r.description}`);
  out.push(
    llmConfigured
      ? llmDetectors.length > 0
        ? `LLM: scored above (${llmDetectors.map((d) => d.name).join(", ")}; model ${env.OPENAI_MODEL ?? "default"})`
        : `LLM: configured (model ${env.OPENAI_MODEL ?? "default"}) but no prompt-set judge is plugged in yet (add it to llmDetectors in eval/restatement-eval.ts)`
      : "LLM: not configured (set OPENAI_BASE_URL/OPENAI_MODEL to score the prompt set)",
  );
  out.push("");
  out.push("Restatement detection, per conversation");
  out.push(perConversationTable(conversations, pairs, results));
  out.push("");
  out.push(missedMomentSection(conversations));
  console.log(out.join("\n"));
}

function scoreCells(c: Confusion): string[] {
  return [String(c.tp), String(c.fp), String(c.fn), String(c.tn), fmt(precision(c)), fmt(recall(c)), fmt(f1(c)), fmt(accuracy(c))];
}

function perConversationTable(
  conversations: readonly Conversation[],
  pairs: readonly RestatementPair[],
  results: readonly DetectorResult[],
): string {
  const rows: string[][] = [];
  for (const c of conversations) {
    const mine = pairs.filter((p) => p.conversationId === c.id);
    const label = `${c.id} (${c.quality}, ${mine.filter((p) => p.gold).length}/${mine.length} gold)`;
    results.forEach((r, i) => {
      const confusion = r.byConversation.get(c.id) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
      rows.push([i === 0 ? label : "", r.name, ...scoreCells(confusion)]);
    });
  }
  return table(["conversation", "detector", "TP", "FP", "FN", "TN", "precision", "recall", "F1", "accuracy"], rows, [0, 1]);
}

function missedMomentSection(conversations: readonly Conversation[]): string {
  const out: string[] = [];
  out.push(`Missed moments: pickMoments(utterances, "therapist"), speakers "therapist"/"client"`);
  out.push(
    `  utterance ends: next start - ${defaultTiming.gapMs} ms (never before own start); last: start + words / ${defaultTiming.wordsPerSecond} s; starts are whole seconds`,
  );
  const moments = conversations.map((c) => missedMoments(c));
  out.push(
    table(
      ["conversation", "quality", "client turns", "candidates", "per 10 client turns", "kept restatements", "kinds"],
      moments.map((m) => [
        m.conversationId,
        m.quality,
        String(m.clientTurns),
        String(m.candidates),
        m.per10ClientTurns.toFixed(1),
        String(m.kept),
        Object.entries(m.byKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(", ") || "-",
      ]),
      [0, 1, 6],
    ),
  );
  const check = comparePair(conversations, PAIR.low, PAIR.high);
  out.push("");
  out.push(
    `Pair check: ${PAIR.low} (low quality) has ${check.low.candidates} missed moments (${check.low.per10ClientTurns.toFixed(1)} per 10 client turns), ` +
      `${PAIR.high} (high quality) has ${check.high.candidates} (${check.high.per10ClientTurns.toFixed(1)}): ${check.asExpected ? "as expected" : "NOT as expected"}`,
  );
  const gaps = [0, 500, 900];
  const sensitivity = gaps.map((gapMs) => {
    const counts = conversations.map((c) => `${c.id}:${missedMoments(c, { ...defaultTiming, gapMs }).candidates}`).join(" ");
    return `gap ${gapMs} ms -> ${counts}`;
  });
  out.push(`Timing sensitivity (candidates per conversation): ${sensitivity.join("; ")}`);
  return out.join("\n");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
