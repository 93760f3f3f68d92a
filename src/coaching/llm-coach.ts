import { describeFailure, type Llm, type LlmUsage } from "../llm/client.js";
import { promptOutputs } from "../llm/prompt-outputs.js";
import type { Prompt } from "../llm/prompt-store.js";
import type { Analysis } from "../metrics/schema.js";
import type { Utterance } from "../transcript/schema.js";
import { pickHabit } from "./habit.js";
import { type Drops, judgeAnswers } from "./model/judge-answers.js";
import { planRequests } from "./model/plan-requests.js";
import { addUsage, SUMMARY_RESERVE, summaryHabit } from "./model/summary-habit.js";
import { byPriority, type Candidate, type MomentPick } from "./moments.js";
import type { Coaching, CoachingMoment, KeptRestatement } from "./schema.js";
import { heuristicMoment } from "./suggest.js";

export interface LlmCoachOptions {
  /** At most this many moments go to the model, most important first. */
  maxMoments: number;
  /** Moments per request. */
  batchSize: number;
  /** The rules' restatements shown to the model for it to judge as praise. */
  praiseCandidates: number;
  /** Prompt tokens for the whole meeting: at most this share of the transcript's own tokens… */
  budgetShare: number;
  /** …and at most this many per hour of meeting… */
  budgetPerHour: number;
  /** …but never more than this, and, under half an hour, at least the floor (short meetings still get coached). */
  budgetMax: number;
  budgetFloor: number;
}

export const defaultLlmCoachOptions: LlmCoachOptions = {
  maxMoments: 8,
  batchSize: 8,
  praiseCandidates: 3,
  budgetShare: 0.3,
  budgetPerHour: 3250,
  budgetMax: 12_000,
  budgetFloor: 2400,
};

export type LlmCoachResult = { ok: true; coaching: Coaching } | { ok: false; reason: string; usage: LlmUsage };

/**
 * Coaching by the prompt set: the model judges each candidate in the conversation around it, may add
 * moments the rules missed, and names what went well; every answer is checked against what it was shown.
 */
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
  // The floor is for short meetings; from half an hour on, the hourly cap holds.
  const floor = hours >= 0.5 ? 0 : options.budgetFloor;
  const budget = Math.floor(Math.min(options.budgetMax, Math.max(floor, scaled)));
  const index = new Map(utterances.map((u, i) => [u.id, i]));
  const praiseShown = [...pick.kept].sort((a, b) => (b.takesUp ?? 0) - (a.takesUp ?? 0)).slice(0, options.praiseCandidates);
  const requests = planRequests(
    byPriority(pick.candidates).slice(0, options.maxMoments),
    praiseShown,
    { utterances, index, manager },
    deps.prompts,
    options.batchSize,
    budget - SUMMARY_RESERVE,
  );
  if (!requests.ok) return { ok: false, reason: requests.error.message, usage };
  const names = analysis.speakers.map((x) => x.name);
  const moments: CoachingMoment[] = []; // requests go most important first, so moments stay in that order
  const added: CoachingMoment[] = [];
  const praise: KeptRestatement[] = [];
  let praiseJudged = false;
  const drops: Drops = new Map();
  const failures: string[] = [];
  for (const request of requests.value) {
    const result = await deps.llm.complete(request.prompt, promptOutputs["listening-moments"]);
    addUsage(usage, result.usage);
    if (!result.ok) {
      // This request's moments keep the rules' reading; the others may still be judged by the model.
      failures.push(describeFailure(result.error));
      for (const c of request.candidates) pushRules(moments, c, names);
      continue;
    }
    const seen = { candidates: new Map(request.candidates.map((c) => [c.id, c])), shown: request.shown, manager, names };
    const judgement = judgeAnswers(result.value, seen, drops);
    for (const c of request.candidates) {
      const answer = judgement.judged.get(c.id);
      if (answer === undefined)
        pushRules(moments, c, names); // dropped or missing: the rules' reading stands
      else if (answer !== null) moments.push(answer);
    }
    added.push(...judgement.added);
    praise.push(...judgement.praise);
    if (request === requests.value[0]) praiseJudged = true; // the first request shows the rules' restatements
  }
  if (failures.length === requests.value.length) return { ok: false, reason: failures[0]!, usage };
  // With a model, the model judges praise; if the request that showed it failed, the rules' list stays.
  const kept = praiseJudged
    ? [...new Map(praise.map((k) => [k.utteranceId, k])).values()]
    : pick.kept.map((k) => ({ ...k, source: "rules" as const }));
  const all = [...moments, ...added];
  const habit = await summaryHabit(all, kept, analysis, manager, deps, usage);
  const dropList = [...drops].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, count]) => ({ reason, count }));
  return {
    ok: true,
    coaching: {
      source: "llm",
      fallbackReason: failures.length > 0 ? `the model could not judge some moments (${failures[0]}); the heuristic read those` : null,
      manager,
      moments: all,
      kept: kept.sort((a, b) => a.atMs - b.atMs),
      habit: habit ?? pickHabit(all, kept, analysis),
      candidates: pick.candidates.length,
      dropped: dropList.reduce((sum, d) => sum + d.count, 0),
      drops: dropList,
      tokens: { prompt: usage.promptTokens, completion: usage.completionTokens, transcript: transcriptTokens, requests: usage.requests },
    },
  };
}

function pushRules(moments: CoachingMoment[], candidate: Candidate, names: readonly string[]): void {
  const reading = heuristicMoment(candidate, names);
  if (reading) moments.push({ ...reading, source: "rules" });
}
