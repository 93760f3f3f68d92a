import type { Utterance } from "../transcript/schema.js";
import type { Candidate } from "./moments.js";
import type { PromptOutput } from "../llm/prompt-outputs.js";
import type { CoachingMoment } from "./schema.js";
import { readText, splitSentences as turnSentenceTexts } from "../language/index.js";
import { capText, foldForQuote } from "../llm/untrusted-text.js";
import { type Grounding, modelTextProblem } from "./model-text.js";

type Judged = PromptOutput<"listening-moments">["moments"][number];

export const LIMITS = { quote: 400, whatHappened: 300, suggestion: 400, habit: 240 } as const;

/**
 * The model saw cleaned text ("um" and repeats gone), so its quote is found in the utterance as spoken or as
 * cleaned; either way the card quotes what was really said: the sentence of the utterance that holds the quote.
 */
function verbatimSentence(spoken: string, foldedQuote: string): string | null {
  const holds = (text: string) => foldForQuote(text).includes(foldedQuote) || foldForQuote(readText(text).cleaned).includes(foldedQuote);
  if (!holds(spoken)) return null;
  return turnSentenceTexts(spoken).find(holds) ?? spoken;
}

export type Guarded = { ok: true; moment: CoachingMoment | null } | { ok: false; reason: string };

/** Who was in the meeting: the manager, and every speaker's name. */
export interface MeetingPeople {
  manager: string;
  names: readonly string[];
}

/**
 * The hallucination guard for one judged moment: it must name a moment that was sent, an utterance of
 * that moment spoken by the other person, and a quote found word for word in that utterance; what it
 * writes in its own voice must pass the checks of model-text.ts against that moment.
 * `moment: null` means the model judged that no restatement was due.
 */
export function guardMoment(
  answer: Judged,
  candidates: ReadonlyMap<string, Candidate>,
  utterances: ReadonlyMap<string, Utterance>,
  people: MeetingPeople = { manager: "", names: [] },
): Guarded {
  const candidate = candidates.get(answer.momentId);
  if (!candidate) return { ok: false, reason: `unknown moment id '${capText(answer.momentId, 20)}'` };
  const utterance = utterances.get(answer.utteranceId);
  if (!utterance || !candidate.trigger.some((u) => u.id === utterance.id)) {
    return { ok: false, reason: `utterance id '${capText(answer.utteranceId, 20)}' is not part of moment ${candidate.id}` };
  }
  if (utterance.speaker !== candidate.speaker) return { ok: false, reason: `utterance ${utterance.id} is not ${candidate.speaker}'s` };
  if (!answer.restatementDue) return { ok: true, moment: null };
  const quote = foldForQuote(answer.quote);
  const verbatim = quote.length < 3 ? null : verbatimSentence(utterance.text, quote);
  if (verbatim === null) return { ok: false, reason: `the quote is not in utterance ${utterance.id}` };
  const suggestion = capText(answer.suggestion, LIMITS.suggestion);
  if (suggestion.length === 0) return { ok: false, reason: "empty suggestion" };
  const whatHappened = capText(answer.whatHappened, LIMITS.whatHappened);
  const grounding = momentGrounding(candidate, people);
  const problem = modelTextProblem(whatHappened, "whatHappened", grounding) ?? modelTextProblem(suggestion, "suggestion", grounding);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    moment: {
      utteranceId: utterance.id,
      atMs: utterance.startMs,
      speaker: candidate.speaker,
      quote: capText(verbatim, LIMITS.quote),
      kind: candidate.kind,
      whatHappened,
      suggestion,
      replyUtteranceId: candidate.reply?.id ?? null,
    },
  };
}

/** What the model may draw on for one moment: what was said in it, and whose names it may use. */
export function momentGrounding(candidate: Candidate, people: MeetingPeople): Grounding {
  const said = [...candidate.trigger, ...(candidate.reply ? [candidate.reply] : [])].map((u) => u.text).join(" \n ");
  const own = [candidate.speaker, people.manager].filter((n) => n !== "");
  return { said, own, others: people.names.filter((n) => !own.includes(n)) };
}
