import type { CoachDeps } from "../coaching/coach.js";
import { createLlm } from "../coaching/llm.js";
import { loadPrompts } from "../coaching/prompt-store.js";
import { loadConfig } from "../config.js";
import { UsageError } from "./io.js";

/** The coach's dependencies from the environment: a model and the prompt set, or neither (heuristic). */
export async function coachDepsFromEnv(env: Record<string, string | undefined>): Promise<CoachDeps> {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new UsageError(`configuration: ${loaded.problems.join("; ")}`);
  const { llm, promptsDir } = loaded.config;
  if (!llm) return { llm: null, prompts: null };
  const prompts = await loadPrompts(promptsDir);
  if (!prompts.ok) throw new UsageError(prompts.message);
  return { llm: createLlm(llm), prompts: prompts.value };
}
