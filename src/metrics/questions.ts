import { splitSentences } from "../language/sentences.js";

export interface QuestionCount {
  total: number;
  open: number;
  closed: number;
}

/** Openers that invite the other person to elaborate (MI's "open question"). */
const OPEN = /^(what|how|why|tell me|describe|walk me through|explain|talk me through|help me understand|in what way)\b/;
/** Openers that ask for a yes/no or a single fact. */
const CLOSED =
  /^(is|are|am|was|were|do|does|did|can|could|will|would|should|shall|may|might|must|have|has|had|isn't|aren't|wasn't|don't|doesn't|didn't|can't|couldn't|won't|wouldn't|shouldn't|haven't|hasn't|who|whom|whose|where|when|which|any|anything|anyone|right|okay|yes|no)\b/;
/** Fillers and discourse markers skipped before the opener ("so, uh, what do you think?"). */
const LEAD = /^(?:(?:so|and|but|uh|um|uhm|er|erm|mm|okay|ok|well|then|now|yeah|right|alright|oh|like)\b[\s,]*)+/;

/**
 * Counts questions in an utterance: every sentence that ends in `?` (a run like `??` counts once).
 * Open or closed by the sentence's first word after fillers; the rest count only in the total.
 */
export function countQuestions(text: string): QuestionCount {
  const result: QuestionCount = { total: 0, open: 0, closed: 0 };
  if (text.indexOf("?") === -1) return result;
  const sentences = splitSentences(text);
  for (const sentence of sentences) {
    if (!sentence.trimEnd().endsWith("?")) continue;
    result.total++;
    const opener = sentence
      .toLowerCase()
      .replace(/^[^\p{L}]+/u, "")
      .replace(LEAD, "");
    if (OPEN.test(opener)) result.open++;
    else if (CLOSED.test(opener)) result.closed++;
  }
  return result;
}
