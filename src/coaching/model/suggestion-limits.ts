import { FUNCTION_WORDS, lemma, readText, tokens } from "../../language/index.js";
import { nameParts } from "../model-text.js";

/** The word cap the prompt states for a suggestion, enforced on the answer. */
export const SUGGESTION_WORDS = 35;

/** The restatement's own frame ("It sounds like…", "So what I'm hearing is…", "Did I get that right?"). */
const FRAME = new Set(
  `sound sounds hearing hear heard saying asking ask wondering wonder feel feeling feels check understand
  understood correct question earlier sorry early point correctly`.split(/\s+/),
);

export type SuggestionProblem = { reason: "suggestion too long" | "suggestion adds what they did not say"; detail: string };

/**
 * The prompt's own limits on a suggestion: at most SUGGESTION_WORDS words, and its content words taken from the
 * person's words shown. Function words and the restatement frame are free; beyond them, one content word in
 * four (at least two) may be the model's own, for an honest paraphrase ("still fails" → "still breaks").
 */
export function suggestionProblem(suggestion: string, theirWords: string, names: readonly string[]): SuggestionProblem | null {
  const words = tokens(suggestion);
  if (words.length > SUGGESTION_WORDS) return { reason: "suggestion too long", detail: `${words.length} words` };
  const theirs = readText(theirWords).contentLemmas;
  const named = new Set(names.flatMap(nameParts).map((n) => n.toLowerCase()));
  const content = words.filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w) && !FRAME.has(w) && !named.has(w));
  const added = content.filter((w) => !theirs.has(lemma(w)));
  const allowance = Math.max(2, Math.ceil(content.length / 4));
  if (added.length > allowance)
    return { reason: "suggestion adds what they did not say", detail: `${added.length} of ${content.length} content words` };
  return null;
}

/** What the card shows when the model's suggestion cannot be: the moment and their words, and a prompt to say it back. */
export const SAY_IT_BACK = "So you're saying… (say back in your own words what you heard). Did I get that right?";
