import { countTextTokens } from "../llm/token-count.js";
import type { Analysis } from "../metrics/schema.js";
import type { Utterance } from "../transcript/schema.js";
import { dataBlock } from "../llm/data-block.js";
import { guardMoment, LIMITS } from "./guard.js";
import { modelTextProblem } from "./model-text.js";
import { pickHabit } from "./habit.js";
import { describeFailure, type Llm, type LlmUsage } from "../llm/client.js";
import { byPriority, type Candidate, type MomentPick } from "./moments.js";
import { promptOutputs } from "../llm/prompt-outputs.js";
import { renderPrompt, type Prompt, type PromptResult, type RenderedPrompt } from "../llm/prompt-store.js";
import type { Coaching, CoachingMoment } from "./schema.js";
import { cleanSpoken } from "./spoken-text.js";
import { heuristicMoment } from "./suggest.js";
import { capText } from "../llm/untrusted-text.js";

export interface LlmCoachOptions {
  /** At most this many moments go to the model, most important first. */
  maxMoments: number;
  /** Moments per request. */
  batchSize: number;
  /** Prompt tokens for the whole meeting: at most this share of the transcript's own tokens… */
  budgetShare: number;
  /** …and at most this many per hour of meeting… */
  budgetPerHour: number;
  /** …but never more than this, and at least the floor (short meetings still get coached). */
  budgetMax: number;
  budgetFloor: number;
}

export const defaultLlmCoachOptions: LlmCoachOptions = {
  maxMoments: 8,
  batchSize: 4,
  budgetShare: 0.3,
  budgetPerHour: 3200,
  budgetMax: 12_000,
  budgetFloor: 1600,
};

export type LlmCoachResult = { ok: true; coaching: Coaching } | { ok: false; reason: string; usage: LlmUsage };

/** Coaching by the prompt set: the model judges each candidate; the guard keeps only grounded answers. */
export async function llmCoaching(
  pick: MomentPick,
  analysis: Analysis,
  manager: string,
  utterances: readonly Utterance[],
  transcriptTokens: number,
  deps: { llm: Llm; prompts: ReadonlyMap<string, Prompt> },
  options: LlmCoachOptions = defaultLlmCoachOptions,
): Promise<LlmCoachResult> {
  const usage: LlmUsage = { promptTokens: 0, completionTokens: 0, requests: 0 };
  const hours = (utterances[utterances.length - 1]?.endMs ?? 0) / 3_600_000;
  const scaled = Math.min(transcriptTokens * options.budgetShare, options.budgetPerHour * hours);
  const budget = Math.floor(Math.min(options.budgetMax, Math.max(options.budgetFloor, scaled)));
  const batches = planBatches(
    byPriority(pick.candidates).slice(0, options.maxMoments),
    manager,
    deps.prompts,
    options.batchSize,
    budget - SUMMARY_RESERVE,
  );
  if (!batches.ok) return { ok: false, reason: batches.error.message, usage };
  const byId = new Map(utterances.map((u) => [u.id, u]));
  const names = analysis.speakers.map((x) => x.name);
  const moments: CoachingMoment[] = []; // batches go most important first, so moments stay in that order
  let dropped = 0;
  const failures: string[] = [];
  for (const batch of batches.value) {
    const result = await deps.llm.complete(batch.prompt, promptOutputs["listening-moments"]);
    add(usage, result.usage);
    if (!result.ok) {
      // This batch keeps the heuristic's reading of its moments; the others may still be judged by the model.
      failures.push(describeFailure(result.error));
      for (const c of batch.candidates) pushHeuristic(moments, c, names);
      continue;
    }
    const sent = new Map(batch.candidates.map((c) => [c.id, c]));
    const judged = new Map<string, CoachingMoment | null>();
    for (const answer of result.value.moments) {
      const guarded = judged.has(answer.momentId) ? null : guardMoment(answer, sent, byId, { manager, names });
      if (!guarded?.ok) {
        dropped++;
        continue;
      }
      judged.set(answer.momentId, guarded.moment);
    }
    for (const c of batch.candidates) {
      const answer = judged.get(c.id);
      if (answer === undefined)
        pushHeuristic(moments, c, names); // dropped or missing: the heuristic's reading stands
      else if (answer !== null) moments.push(answer);
    }
  }
  if (failures.length === batches.value.length) return { ok: false, reason: failures[0]!, usage };
  const habit = await summaryHabit(moments, pick, analysis, manager, deps, usage);
  return {
    ok: true,
    coaching: {
      source: "llm",
      fallbackReason: failures.length > 0 ? `the model could not judge some moments (${failures[0]}); the heuristic read those` : null,
      manager,
      moments,
      kept: pick.kept,
      habit: habit ?? pickHabit(moments, pick.kept, analysis),
      candidates: pick.candidates.length,
      dropped,
      tokens: { prompt: usage.promptTokens, completion: usage.completionTokens, transcript: transcriptTokens, requests: usage.requests },
    },
  };
}

const SUMMARY_RESERVE = 700;
/** A display name is a participant's text too: the model gets at most this much of it. */
const NAME_CAP = 80;

interface Batch {
  candidates: Candidate[];
  prompt: RenderedPrompt;
}

function planBatches(
  candidates: Candidate[],
  manager: string,
  prompts: ReadonlyMap<string, Prompt>,
  size: number,
  budget: number,
): PromptResult<Batch[]> {
  let chosen = candidates;
  for (;;) {
    const batches: Batch[] = [];
    for (let i = 0; i < chosen.length; i += size) {
      const group = chosen.slice(i, i + size);
      const block = dataBlock(group.map(momentPayload));
      const rendered = renderPrompt(prompts, "listening-moments", {
        manager: capText(manager, NAME_CAP),
        moments: block.text,
        moment_count: String(group.length),
        data_tag: block.tag,
      });
      if (!rendered.ok) return rendered;
      batches.push({ candidates: group, prompt: rendered.value });
    }
    const tokens = batches.reduce((sum, b) => sum + countTextTokens(b.prompt.system) + countTextTokens(b.prompt.user), 0);
    if (tokens <= budget || chosen.length <= 1) return { ok: true, value: batches };
    chosen = chosen.slice(0, -1);
  }
}

function pushHeuristic(moments: CoachingMoment[], candidate: Candidate, names: readonly string[]): void {
  const reading = heuristicMoment(candidate, names);
  if (reading) moments.push(reading);
}

/** What the model sees of a moment: cleaned text (no "um", no repeats: fewer tokens), ids to quote by. */
function momentPayload(c: Candidate): unknown {
  return {
    moment: c.id,
    kind: c.kind,
    person: capText(c.speaker, NAME_CAP),
    said: c.trigger.map((u) => ({ id: u.id, text: excerpt(cleanSpoken(u.text) || u.text, 320) })),
    manager_replied: c.reply ? { id: c.reply.id, text: excerpt(cleanSpoken(c.reply.text) || c.reply.text, 240) } : null,
    ...(c.gapMs !== null && { reply_gap_seconds: Math.round(c.gapMs / 250) / 4 }),
    ...(c.interrupted && { manager_came_in_before_they_finished: true }),
  };
}

/** Long text keeps its start and end, so any quote the model picks is still a piece of the real utterance. */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 3) / 2);
  return `${text.slice(0, half).replace(/\s+\S*$/, "")} … ${text.slice(-half).replace(/^\S*\s+/, "")}`;
}

async function summaryHabit(
  moments: readonly CoachingMoment[],
  pick: MomentPick,
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
      moments: moments
        .slice(0, 6)
        .map((x) => ({ kind: x.kind, person: capText(x.speaker, NAME_CAP), quote: capText(x.quote, 160), what_happened: x.whatHappened })),
      restatements_made: pick.kept.slice(0, 3).map((k) => capText(k.quote, 160)),
    },
  ]);
  const rendered = renderPrompt(deps.prompts, "coaching-summary", {
    manager: capText(manager, NAME_CAP),
    summary: block.text,
    data_tag: block.tag,
  });
  if (!rendered.ok) return null;
  const result = await deps.llm.complete(rendered.value, promptOutputs["coaching-summary"]);
  add(usage, result.usage);
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

function add(total: LlmUsage, part: LlmUsage): void {
  total.promptTokens += part.promptTokens;
  total.completionTokens += part.completionTokens;
  total.requests += part.requests;
}
