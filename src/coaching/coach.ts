import type { Analysis } from "../metrics/schema.js";
import type { MetricOptions } from "../metrics/options.js";
import type { Utterance } from "../transcript/schema.js";
import { heuristicCoaching } from "./heuristic-coach.js";
import type { LlmCoachOptions } from "./llm-coach.js";
import type { Llm } from "../llm/client.js";
import { type MeetingLanguage, meetingLanguage } from "./language.js";
import { pickMoments } from "./moments.js";
import { forgetReadings } from "../language/index.js";
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
  /** The language the transcript says was spoken ("en-us"), if it says; otherwise it is detected. */
  language?: string | null;
}

/**
 * Coaches one meeting: picks the moments, then lets the prompt set judge them when a model is configured,
 * else (or when the model fails) the heuristic. Never throws for a model failure: the report says which
 * coach produced it and why it fell back.
 */
export async function coachMeeting(input: CoachInput, deps: CoachDeps): Promise<Coaching> {
  try {
    return await coachOnce(input, deps);
  } finally {
    forgetReadings();
  }
}

async function coachOnce(input: CoachInput, deps: CoachDeps): Promise<Coaching> {
  const options: MetricOptions = input.analysis.thresholds;
  const language = meetingLanguage(input.utterances, input.language ?? null);
  if (!language.coached) return notCoached(input, language);
  const pick = pickMoments(input.utterances, input.manager, options);
  const transcriptTokens = estimateTokens(input.utterances);
  // With nothing to show the model (no moment and no restatement of the rules'), the rules' empty reading stands.
  if (!deps.llm || !deps.prompts || (pick.candidates.length === 0 && pick.kept.length === 0)) {
    return { ...heuristicCoaching(pick, input.analysis, input.manager, transcriptTokens), language };
  }
  // Loaded only when a model coaches: the heuristic path never pays for the tokenizer and the model client.
  const { llmCoaching } = await import("./llm-coach.js");
  const result = await llmCoaching(
    pick,
    input.analysis,
    input.manager,
    input.utterances,
    transcriptTokens,
    { llm: deps.llm, prompts: deps.prompts },
    deps.llmOptions,
  );
  if (result.ok) return { ...result.coaching, language };
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
  return { ...fallback, language };
}

/**
 * The transcript's size in tokens, for comparing with what was sent: estimated at four characters a token
 * (English averages about that), so it costs one pass whatever the text. Only text sent to a model is counted
 * by the tokenizer itself.
 */
function estimateTokens(utterances: CoachInput["utterances"]): number {
  let chars = 0;
  for (const u of utterances) chars += (u.speaker?.length ?? 7) + 2 + u.text.length + 1;
  return Math.ceil(chars / 4);
}

/** A meeting in a language Attune's moments cannot read: the figures stand, no moments or restatements are claimed. */
function notCoached(input: CoachInput, language: MeetingLanguage): Coaching {
  const empty = { candidates: [], kept: [] };
  return { ...heuristicCoaching(empty, input.analysis, input.manager, 0), language };
}
