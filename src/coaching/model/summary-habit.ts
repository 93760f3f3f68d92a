import type { Llm, LlmUsage } from "../../llm/client.js";
import { dataBlock } from "../../llm/data-block.js";
import { promptOutputs } from "../../llm/prompt-outputs.js";
import { type Prompt, renderPrompt } from "../../llm/prompt-store.js";
import { capText } from "../../llm/untrusted-text.js";
import type { Analysis } from "../../metrics/schema.js";
import { LIMITS, modelTextProblem } from "../model-text.js";
import type { CoachingMoment, KeptRestatement } from "../schema.js";

/** A display name is a participant's text too: the model gets at most this much of it. */
export const NAME_CAP = 80;
/** Prompt tokens kept back for the summary request (its prompt with four short moments and two restatements). */
export const SUMMARY_RESERVE = 600;

export function addUsage(total: LlmUsage, part: LlmUsage): void {
  total.promptTokens += part.promptTokens;
  total.completionTokens += part.completionTokens;
  total.requests += part.requests;
}

/** The one habit to try next time, by the coaching-summary prompt; null when it fails or is not grounded. */
export async function summaryHabit(
  moments: readonly CoachingMoment[],
  kept: readonly KeptRestatement[],
  analysis: Analysis,
  manager: string,
  deps: { llm: Llm; prompts: ReadonlyMap<string, Prompt> },
  usage: LlmUsage,
): Promise<string | null> {
  const m = analysis.manager;
  const block = dataBlock([
    {
      share_of_talk: m ? Math.round(m.share * 100) : null,
      expected_share: m ? `${Math.round(m.expectedShare[0] * 100)}–${Math.round(m.expectedShare[1] * 100)}%` : null,
      interruptions_of_others: m?.interruptionsMade ?? null,
      questions_asked: m?.questions ?? null,
      moments: moments.slice(0, 4).map((x) => ({
        kind: x.kind,
        person: capText(x.speaker, NAME_CAP),
        quote: capText(x.quote, 120),
        what_happened: capText(x.whatHappened, 120),
      })),
      restatements_made: kept.slice(0, 2).map((k) => capText(k.quote, 120)),
    },
  ]);
  const rendered = renderPrompt(deps.prompts, "coaching-summary", {
    manager: capText(manager, NAME_CAP),
    summary: block.text,
    data_tag: block.tag,
  });
  if (!rendered.ok) return null;
  const result = await deps.llm.complete(rendered.value, promptOutputs["coaching-summary"]);
  addUsage(usage, result.usage);
  if (!result.ok) return null;
  const habit = capText(result.value.habit, LIMITS.habit);
  // The habit is the model's own voice too: it may draw on the moments it was shown, and name nobody else.
  const grounding = {
    said: moments.map((x) => `${x.quote} ${x.whatHappened}`).join(" \n "),
    own: [manager, ...moments.map((x) => x.speaker)],
    others: analysis.speakers.map((x) => x.name).filter((n) => n !== manager),
  };
  return habit.length > 0 && modelTextProblem(habit, "habit", grounding) === null ? habit : null;
}
