import { countTokens } from "gpt-tokenizer";
import type { Analysis } from "../metrics/schema.js";
import type { MetricOptions } from "../metrics/options.js";
import type { Utterance } from "../transcript/schema.js";
import { heuristicCoaching } from "./heuristic-coach.js";
import { llmCoaching, type LlmCoachOptions } from "./llm-coach.js";
import type { Llm } from "../llm/client.js";
import { pickMoments } from "./moments.js";
import type { Prompt } from "../llm/prompt-store.js";
import type { Coaching } from "./schema.js";

export interface CoachDeps {
  /** null: no model configured, the heuristic coaches. */
  llm: Llm | null;
  prompts: ReadonlyMap<string, Prompt> | null;
  llmOptions?: LlmCoachOptions;
}

export interface CoachInput {
  utterances: readonly Utterance[];
  analysis: Analysis;
  /** The manager's exact display name. */
  manager: string;
}

/**
 * Coaches one meeting: picks the moments, then lets the prompt set judge them when a model is configured,
 * else (or when the model fails) the heuristic. Never throws for a model failure: the report says which
 * coach produced it and why it fell back.
 */
export async function coachMeeting(input: CoachInput, deps: CoachDeps): Promise<Coaching> {
  const options: MetricOptions = input.analysis.thresholds;
  const pick = pickMoments(input.utterances, input.manager, options);
  const transcriptTokens = countTokens(input.utterances.map((u) => `${u.speaker ?? "Unknown"}: ${u.text}`).join("\n"));
  if (!deps.llm || !deps.prompts || pick.candidates.length === 0) {
    return heuristicCoaching(pick, input.analysis, input.manager, transcriptTokens);
  }
  const result = await llmCoaching(
    pick,
    input.analysis,
    input.manager,
    input.utterances,
    transcriptTokens,
    { llm: deps.llm, prompts: deps.prompts },
    deps.llmOptions,
  );
  if (result.ok) return result.coaching;
  const fallback = heuristicCoaching(
    pick,
    input.analysis,
    input.manager,
    transcriptTokens,
    `the model could not be used (${result.reason}); the heuristic coached instead`,
  );
  fallback.tokens = {
    ...fallback.tokens,
    prompt: result.usage.promptTokens,
    completion: result.usage.completionTokens,
    requests: result.usage.requests,
  };
  return fallback;
}
