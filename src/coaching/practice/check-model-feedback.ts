import { splitSentences } from "../../language/sentences.js";
import type { PromptOutput } from "../../llm/prompt-outputs.js";
import { capText, foldForQuote } from "../../llm/untrusted-text.js";
import { suggestionProblem } from "../model/suggestion-limits.js";
import { modelTextProblem } from "../model-text.js";
import type { PracticeFeedback } from "./read-attempt.js";

type Answer = PromptOutput<"practice-feedback">;

/** What the model's answer may draw on: the person's words, the manager's attempt, and who is who. */
export interface FeedbackGrounding {
  /** The person's words (the turn practised). */
  said: string;
  attempt: string;
  /** The person's and the manager's names: the only people the feedback may speak of. */
  own: readonly string[];
  /** Everyone else in the meeting. */
  others: readonly string[];
}

export const PRACTICE_FEEDBACK_LIMITS = { feedbackChars: 400, feedbackSentences: 3, exampleChars: 400 } as const;

const CHECK = "Did I get that right?";
/** Quoted words the feedback may use that neither of them said: the check it recommends. */
const FREE_QUOTES = new Set([CHECK, "So you're saying…", "It sounds like…"].map(comparable));
const QUOTED = /["“”]([^"“”]{1,300})["“”]/gu;
const SCORE = /\b(?:score[sd]?|grade[sd]?|rating|rated|percent|out of (?:ten|five|\d+))\b|%|\/\s*(?:5|10|100)\b/iu;

/**
 * Checks the model's feedback on an attempt like coaching text, and returns what may be shown (with the rules'
 * `restates`), or why none of it may. The feedback: short, no score or figure of its own, quotes only what one of
 * them said, and nothing modelTextProblem refuses (links, sanctions, third parties, names from elsewhere). The
 * example: a restatement that ends with the check, quotes only the person's words, and meets the coach's limits
 * on a suggestion.
 */
export function modelFeedbackProblem(
  answer: Answer,
  rules: PracticeFeedback,
  grounding: FeedbackGrounding,
): { ok: true; value: PracticeFeedback } | { ok: false; problem: string } {
  const problem = (text: string) => ({ ok: false as const, problem: text });
  // The rules' `restates` is the reading that is counted in the trend, stored and measured against the experts'
  // labels (issue 19's precision figure); the model's is not measured. Where they disagree, the model's text was
  // written about a different judgement and would contradict the "said back" the manager is shown, so none of it
  // is used.
  if (answer.restates !== rules.restates)
    return problem(`the model read the attempt as ${answer.restates ? "a restatement" : "no restatement"} and the rules did not`);
  const feedback = capText(answer.feedback, Number.MAX_SAFE_INTEGER);
  const both = `${grounding.said}\n${grounding.attempt}`;
  const feedbackProblem = textProblem(feedback, "feedback", "feedback", [grounding.said, grounding.attempt], both, grounding);
  if (feedbackProblem) return problem(feedbackProblem);
  if (
    feedback.length > PRACTICE_FEEDBACK_LIMITS.feedbackChars ||
    splitSentences(feedback).length > PRACTICE_FEEDBACK_LIMITS.feedbackSentences
  )
    return problem("the feedback is longer than two short sentences");
  if (SCORE.test(feedback)) return problem("the feedback gives a score");
  const figure = [...feedback.matchAll(/\d+/gu)].find(([n]) => !both.includes(n));
  if (figure) return problem("the feedback gives a figure neither of them said");
  if (answer.example === null) return { ok: true, value: { restates: rules.restates, feedback, example: null } };
  const example = capText(answer.example, Number.MAX_SAFE_INTEGER);
  if (example.length > PRACTICE_FEEDBACK_LIMITS.exampleChars) return problem("the example is too long");
  if (!example.endsWith(CHECK)) return problem(`the example does not end with "${CHECK}"`);
  // A restatement: checked as the coach's suggestion is (a sensitive topic only as the person's own, addressed to them).
  const exampleProblem = textProblem(example, "example", "suggestion", [grounding.said], both, grounding);
  if (exampleProblem) return problem(exampleProblem.replace(/^suggestion/, "the example"));
  const limits = suggestionProblem(example, grounding.said, grounding.own);
  if (limits) return problem(`${limits.reason.replace(/^suggestion/, "the example")} (${limits.detail})`);
  return { ok: true, value: { restates: rules.restates, feedback, example } };
}

/** Empty, a quote from anywhere but `quotable`, or what modelTextProblem refuses of `text` read as its `field`. */
function textProblem(
  text: string,
  label: string,
  field: string,
  quotable: readonly string[],
  said: string,
  grounding: FeedbackGrounding,
): string | null {
  if (text === "") return `the ${label} is empty`;
  const sources = quotable.map(comparable);
  for (const [, quote] of text.matchAll(QUOTED)) {
    const q = comparable(quote!);
    if (q !== "" && !FREE_QUOTES.has(q) && !sources.some((s) => s.includes(q)))
      return `the ${label} quotes words ${quotable.length === 1 ? "the person did not say" : "neither of them said"}`;
  }
  return modelTextProblem(text, field, { said, own: grounding.own, others: grounding.others });
}

/** Text folded for comparing a quote: quote marks and white space folded, case and punctuation aside. */
function comparable(text: string): string {
  return ` ${foldForQuote(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim()} `.replace(/^ {2}$/u, "");
}
