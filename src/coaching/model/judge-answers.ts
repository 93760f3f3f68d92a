import type { PromptOutput } from "../../llm/prompt-outputs.js";
import { capText } from "../../llm/untrusted-text.js";
import { sharedContent } from "../../language/index.js";
import { withoutCopiedSincerity } from "../address.js";
import { LIMITS, modelTextProblem } from "../model-text.js";
import type { Candidate } from "../moments.js";
import { type CoachingMoment, type KeptRestatement, momentKindSchema } from "../schema.js";
import type { ShownUtterance } from "./conversation-window.js";
import { placeQuote, quoteMiss } from "./shown-quote.js";
import { SAY_IT_BACK, suggestionProblem } from "./suggestion-limits.js";
import { pointIn } from "../worth-coaching.js";

type Answer = PromptOutput<"listening-moments">;
type Judged = Answer["moments"][number];

/** Answers dropped, by reason (a suggestion dropped keeps its moment, shown with the say-it-back prompt). */
export type Drops = Map<string, number>;

export interface BatchSeen {
  candidates: ReadonlyMap<string, Candidate>;
  shown: ReadonlyMap<string, ShownUtterance>;
  manager: string;
  names: readonly string[];
}

export interface BatchJudgement {
  /** Per candidate sent: the model's moment, or null when it judged no restatement was due. */
  judged: Map<string, CoachingMoment | null>;
  /** Moments the model found that the rules did not pick. */
  added: CoachingMoment[];
  praise: KeptRestatement[];
}

/** At most this many moments the model adds, and items it praises, per request. */
export const MAX_ADDED = 2;
export const MAX_PRAISE = 3;

/** Reads one answer: every quote is checked against the text the model was shown, then placed in its utterance. */
export function judgeAnswers(answer: Answer, seen: BatchSeen, drops: Drops): BatchJudgement {
  const out: BatchJudgement = { judged: new Map(), added: [], praise: [] };
  const drop = (reason: string) => drops.set(reason, (drops.get(reason) ?? 0) + 1);
  const taken = new Set([...seen.candidates.values()].flatMap((c) => c.trigger.map((u) => u.id)));
  for (const a of answer.moments) {
    if (a.momentId === "new") {
      if (!a.restatementDue) continue;
      const problem = addedProblem(a, seen, taken, out.added.length);
      if (problem) {
        drop(problem);
        continue;
      }
      const where = seen.shown.get(a.utteranceId)!;
      const moment = readMoment(a, newCandidate(a, where, seen), seen, drop);
      if (moment) {
        out.added.push(moment);
        taken.add(a.utteranceId);
      }
      continue;
    }
    const candidate = seen.candidates.get(a.momentId);
    if (!candidate) drop("unknown moment id");
    else if (out.judged.has(candidate.id)) drop("a second answer for one moment");
    else if (seen.shown.get(a.utteranceId)?.utterance.speaker !== candidate.speaker) drop("utterance not the person's, or not shown");
    else if (!a.restatementDue) out.judged.set(candidate.id, null);
    else {
      const moment = readMoment(a, candidate, seen, drop);
      if (moment) out.judged.set(candidate.id, moment);
    }
  }
  for (const p of answer.praise) {
    const problem = praiseProblem(p, seen, out.praise);
    if (typeof problem === "string") drop(problem);
    else out.praise.push(problem);
  }
  return out;
}

function readMoment(a: Judged, candidate: Candidate, seen: BatchSeen, drop: (reason: string) => void): CoachingMoment | null {
  const where = seen.shown.get(a.utteranceId)!;
  const quote = placeQuote(a.quote, where.text, where.utterance.text);
  if (quote === null) {
    drop(quoteMiss(a.quote));
    return null;
  }
  const whatHappened = capText(a.whatHappened, LIMITS.whatHappened);
  const theirs = [...seen.shown.values()]
    .filter((s) => s.utterance.speaker === candidate.speaker)
    .map((s) => s.text)
    .join(" \n ");
  // their "honestly" copied into the say-back would vouch for the manager
  let suggestion = withoutCopiedSincerity(capText(a.suggestion, LIMITS.suggestion), theirs);
  const grounding = windowGrounding(candidate, seen);
  const problem = modelTextProblem(whatHappened, "whatHappened", grounding) ?? modelTextProblem(suggestion, "suggestion", grounding);
  if (problem || whatHappened === "") {
    drop("what it wrote failed the text check");
    return null;
  }
  const limit = suggestionProblem(suggestion, theirs, [candidate.speaker, seen.manager]);
  if (limit) {
    drop(limit.reason);
    suggestion = SAY_IT_BACK;
  }
  return {
    utteranceId: where.utterance.id,
    atMs: where.utterance.startMs,
    speaker: candidate.speaker,
    quote: capText(quote, LIMITS.quote),
    kind: candidate.kind,
    whatHappened,
    suggestion,
    replyUtteranceId: candidate.reply?.id ?? null,
    source: "model",
  };
}

/** What the model's own text may draw on: everything shown around the moment, and the two people's names. */
function windowGrounding(candidate: Candidate, seen: BatchSeen) {
  const own = [candidate.speaker, seen.manager].filter((n) => n !== "");
  const said = [...seen.shown.values()].map((s) => `${s.utterance.text} \n ${s.text}`).join(" \n ");
  return { said, own, others: seen.names.filter((n) => !own.includes(n)) };
}

function addedProblem(a: Judged, seen: BatchSeen, taken: ReadonlySet<string>, count: number): string | null {
  const where = seen.shown.get(a.utteranceId);
  if (!where || where.utterance.speaker === null || where.utterance.speaker === seen.manager)
    return "new moment not on a person's utterance shown";
  if (taken.has(a.utteranceId)) return "new moment already judged";
  if (!momentKindSchema.safeParse(a.kind).success) return "new moment of an unknown kind";
  if (count >= MAX_ADDED) return "more new moments than asked for";
  return null;
}

/** A moment the model found, read like one of the rules': the person's utterance and the manager's next reply shown. */
function newCandidate(a: Judged, where: ShownUtterance, seen: BatchSeen): Candidate {
  const reply = [...seen.shown.values()].find((s) => s.index > where.index && s.utterance.speaker === seen.manager);
  return {
    id: "new",
    kind: momentKindSchema.parse(a.kind),
    speaker: where.utterance.speaker ?? "",
    trigger: [where.utterance],
    turn: [where.utterance],
    reply: reply && reply.index - where.index <= 3 ? reply.utterance : null,
    replies: reply && reply.index - where.index <= 3 ? [reply.utterance] : [],
    gapMs: null,
    interrupted: false,
    // what the rules read in it, for the line about it when the model's own line cannot be shown
    raised: pointIn([where.utterance])?.raised ?? "problem",
    priority: 0,
  };
}

function praiseProblem(p: Answer["praise"][number], seen: BatchSeen, praised: readonly KeptRestatement[]): string | KeptRestatement {
  const own = seen.shown.get(p.utteranceId);
  if (!own || own.utterance.speaker !== seen.manager) return "praise not on the manager's utterance shown";
  const of = seen.shown.get(p.ofUtteranceId);
  if (!of || of.utterance.speaker === null || of.utterance.speaker === seen.manager || of.index >= own.index)
    return "praise of an utterance not shown before it";
  if (praised.length >= MAX_PRAISE || praised.some((k) => k.utteranceId === own.utterance.id)) return "more praise than asked for";
  const quote = placeQuote(p.quote, own.text, own.utterance.text);
  if (quote === null) return `praise ${quoteMiss(p.quote)}`;
  return {
    utteranceId: own.utterance.id,
    atMs: own.utterance.startMs,
    quote: capText(quote, LIMITS.quote),
    of: of.utterance.speaker ?? "",
    ofUtteranceId: of.utterance.id,
    takesUp: sharedContent(of.text, quote),
    source: "model",
  };
}
