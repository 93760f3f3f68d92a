import { modelTextProblem } from "../coaching/model-text.js";
import type { PromptOutput } from "../llm/prompt-outputs.js";
import { capText, foldForQuote } from "../llm/untrusted-text.js";
import { countWords } from "../metrics/words.js";
import { fail, ok, type Failure, type Result } from "../result.js";
import type { PrepQuestion } from "./prep.js";

type Answer = PromptOutput<"one-on-one-prep">;

/** Something the person said, as stored: a coaching moment's quote or one of their retained utterances. */
export interface StoredWords {
  /** The id the data block gave it: `<meeting>/<utterance>`, e.g. `m2/u4`. */
  id: string;
  meetingId: string;
  at: Date;
  text: string;
}

export const PREP_GUARD = { question: 240, reminder: 300, minQuoteWords: 3 } as const;

const LINK = /\bhttps?:|\bwww\.|\]\(/i;

export type GuardedQuestion = Result<PrepQuestion, Failure<"empty" | "link" | "quote-too-short" | "quote-not-found" | "ungrounded">>;
export type GuardedReminder = Result<string, Failure<"empty" | "link" | "figure-not-sent" | "ungrounded">>;

/**
 * The hallucination guard for one suggested question: its quote must be at least three words found word for
 * word (white space and quote marks folded) in something the person said, as stored: the item the answer
 * names first, else any stored moment quote or retained utterance of theirs. No links; and, like everything a
 * model writes, nothing the quote does not ground (no sanction, no name or address from elsewhere): `names`
 * are the ones it may use, the person's and the manager's.
 */
export function guardQuestion(
  answer: Answer["questions"][number],
  words: readonly StoredWords[],
  names: readonly string[] = [],
): GuardedQuestion {
  const question = capText(answer.question, PREP_GUARD.question);
  if (question.length === 0) return fail("empty", "empty question");
  if (LINK.test(question)) return fail("link", "the question carries a link");
  const quote = foldForQuote(answer.quote);
  if (countWords(quote) < PREP_GUARD.minQuoteWords) return fail("quote-too-short", "the quote is too short to check");
  const named = words.filter((w) => w.id === answer.utteranceId);
  const found = [...named, ...words].find((w) => foldForQuote(w.text).includes(quote));
  if (!found) return fail("quote-not-found", "the quote is not in any stored meeting");
  const problem = modelTextProblem(question, "question", { said: found.text, own: names, others: [] });
  if (problem) return fail("ungrounded", problem);
  return ok({ question, quote, meetingId: found.meetingId, at: found.at });
}

/**
 * The reminder is free text, so it is checked for what can be checked: no links, and every percentage in it
 * within a point of a figure that was sent, and nothing that what the person said (`said`) does not ground.
 */
export function guardReminder(
  reminder: string,
  sentPercents: readonly number[],
  grounding: { said: string; names: readonly string[] } = { said: "", names: [] },
): GuardedReminder {
  const text = capText(reminder, PREP_GUARD.reminder);
  if (text.length === 0) return fail("empty", "empty reminder");
  if (LINK.test(text)) return fail("link", "the reminder carries a link");
  for (const [, number] of text.matchAll(/(\d+(?:\.\d+)?)\s*%/g)) {
    const value = Number(number);
    if (!sentPercents.some((p) => Math.abs(p - value) <= 1))
      return fail("figure-not-sent", `the reminder gives ${value}%, a figure that was not sent`);
  }
  const problem = modelTextProblem(text, "reminder", { said: grounding.said, own: grounding.names, others: [] });
  if (problem) return fail("ungrounded", problem);
  return ok(text);
}
