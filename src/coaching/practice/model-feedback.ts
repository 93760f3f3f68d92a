import { describeFailure, type Llm } from "../../llm/client.js";
import { dataBlock } from "../../llm/data-block.js";
import { promptOutputs } from "../../llm/prompt-outputs.js";
import { type Prompt, renderPrompt } from "../../llm/prompt-store.js";
import { excerpt } from "../../llm/untrusted-text.js";
import { modelFeedbackProblem } from "./check-model-feedback.js";
import type { PracticeReading } from "./practice-reading.js";
import { readAttempt } from "./read-attempt.js";

/** The coach's model settings: null when no model is configured. */
export interface PracticeModelDeps {
  llm: Llm | null;
  prompts: ReadonlyMap<string, Prompt> | null;
}

export interface PracticeAttempt {
  /** The person's words: the turn practised. */
  said: string;
  /** The manager's attempt at saying them back, as typed (checked and trimmed). */
  attempt: string;
  /** Who said it. */
  speaker: string;
  /** Who is practising, when known. */
  manager: string | null;
  /** Everyone named in the meeting. */
  names: readonly string[];
}

/** The most of the person's turn sent: its start and end, where a long turn's point usually is. */
export const PRACTICE_DATA_LIMITS = { saidChars: 2400 } as const;

/**
 * Reads a practice attempt. The rules always read it; with a model configured, the practice-feedback prompt
 * writes the feedback and the example, which are shown only when every check passes (check-model-feedback.ts)
 * and the model agrees with the rules on whether it restates. Any failure gives the rules' feedback and says why.
 */
export async function readPracticeAttempt(input: PracticeAttempt, deps: PracticeModelDeps): Promise<PracticeReading> {
  const rules = readAttempt(input.said, input.attempt, input.speaker, input.names);
  if (!deps.llm || !deps.prompts) return { ...rules, source: "heuristic", fallbackReason: null };
  const fallback = (reason: string): PracticeReading => ({
    ...rules,
    source: "heuristic",
    fallbackReason: `${reason}; the rules wrote the feedback instead`,
  });
  // Both texts are untrusted: each goes to the model as a JSON string inside the data block, never as prompt text.
  const block = dataBlock([
    { person: input.speaker, person_said: excerpt(input.said, PRACTICE_DATA_LIMITS.saidChars) },
    { manager: input.manager ?? "the manager", manager_attempt: input.attempt },
  ]);
  const rendered = renderPrompt(deps.prompts, "practice-feedback", { attempt: block.text, data_tag: block.tag });
  if (!rendered.ok) return fallback(`the prompt could not be used (${rendered.error.message})`);
  const result = await deps.llm.complete(rendered.value, promptOutputs["practice-feedback"]);
  if (!result.ok) return fallback(`the model could not be used (${describeFailure(result.error)})`);
  const own = input.manager === null ? [input.speaker] : [input.speaker, input.manager];
  const others = input.names.filter((n) => !own.includes(n));
  const checked = modelFeedbackProblem(result.value, rules, { said: input.said, attempt: input.attempt, own, others });
  if (!checked.ok) return fallback(`the model's feedback was not used (${checked.problem})`);
  return { ...checked.value, source: "llm", fallbackReason: null };
}
