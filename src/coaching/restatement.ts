import { contentStems, tokens } from "./content-words.js";
import { CHECK_MARKERS, findMarker, PARAPHRASE_MARKERS, normalise } from "./markers.js";

export interface RestatementJudgement {
  restates: boolean;
  /** 0..1, for ranking; not a probability. */
  score: number;
  marker: string | null;
  /** Share of the reply's content words that come from the previous turn. */
  overlap: number;
  /** The reply invites correction ("did I get that right?"). */
  checks: boolean;
}

const ADVICE = /\b(you should|you need to|you have to|you must|i think you|why don't you|have you tried|you could try|i would)\b/;
const OPEN_QUESTION_START = /^(what|how|why|when|where|who|which|tell me|can you tell|could you tell)\b/;
const LEADING_FILLER = /^((so|and|but|okay|ok|well|uh|um|yeah|right|mm-hmm|hmm|now)\b[\s,.-]*)+/;
/** A statement about the other person: "You feel…", "You're…", "Your…" (MI's reflection form). */
const YOU_STATEMENT = /^(you|you're|you've|you'd|your|you'll)\b(?! know,)/;
const SECOND_PERSON = new Set(["you", "your", "you're", "yours", "yourself", "you've", "you'd", "you'll"]);

/**
 * Does `reply` restate `previous`, the turn it answers? The heuristic coach's detector:
 * a paraphrase marker ("it sounds like", "you're saying", "if I understand"), a statement about the
 * other person ("You feel…", "You're…": the form of a reflection in motivational interviewing), or a
 * reply about them whose content words come largely from what they said; never advice or a fresh
 * open question.
 */
export function judgeRestatement(previous: string, reply: string): RestatementJudgement {
  const words = tokens(reply);
  const lower = normalise(reply).trim();
  const marker = findMarker(reply, PARAPHRASE_MARKERS);
  const checks = findMarker(reply, CHECK_MARKERS) !== null;
  const mine = contentStems(reply);
  const theirs = contentStems(previous);
  let shared = 0;
  for (const s of mine) if (theirs.has(s)) shared++;
  const overlap = mine.size === 0 ? 0 : shared / mine.size;
  const aboutThem = words.some((w) => SECOND_PERSON.has(w));
  const advice = ADVICE.test(lower);
  const said = sentences(lower)
    .map((t) => t.replace(LEADING_FILLER, ""))
    .filter((t) => /[\p{L}]/u.test(t));
  const freshQuestion = said.length > 0 && said.every((t) => t.endsWith("?")) && OPEN_QUESTION_START.test(said[0]!);
  const substantial = words.length >= 3;
  const youStatement = said.some((sentence) => !sentence.endsWith("?") && YOU_STATEMENT.test(sentence));

  let score = 0.5 * overlap + (aboutThem ? 0.1 : 0) + (youStatement ? 0.25 : 0) + (checks ? 0.1 : 0) + (marker ? 0.4 : 0);
  if (advice) score -= 0.3;
  if (freshQuestion) score -= 0.3;
  score = Math.max(0, Math.min(1, score));

  const eligible = substantial && !advice && !freshQuestion;
  const byContent = aboutThem && shared >= 2 && overlap >= 0.4;
  return { restates: eligible && (marker !== null || youStatement || byContent), score, marker, overlap, checks };
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((t) => t.trim())
    .filter(Boolean);
}
