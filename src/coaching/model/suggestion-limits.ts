import { FUNCTION_WORDS, lemma, readText, tokens } from "../../language/index.js";
import { nameParts } from "../model-text.js";

/** The word cap the prompt states for a suggestion, enforced on the answer. */
export const SUGGESTION_WORDS = 35;

/** The restatement's own frame ("It sounds like…", "So what I'm hearing is…", "Did I get that right?"). */
const FRAME = new Set(
  `sound sounds hearing hear heard saying asking ask wondering wonder feel feeling feels check understand
  understood correct question earlier sorry early point correctly`.split(/\s+/),
);

/**
 * At most this many breaks ("," or ";") in a say-back: past them it strings their details together ("…, then early
 * morning back to Calinan, two hours each way, and you're a bit tired"), a list read out, not a sentence a manager
 * says. Readers of the model path's cards (j46–j55) found 23 of 42 verdicts on such say-backs not fluent, 34 of 114
 * on the rest.
 */
export const SUGGESTION_BREAKS = 3;

export type SuggestionProblem = {
  reason:
    | "suggestion too long"
    | "suggestion strings details together"
    | "suggestion adds what they did not say"
    | "suggestion points at something it does not name";
  detail: string;
};

/**
 * The prompt's own limits on a suggestion: at most SUGGESTION_WORDS words, and its content words taken from the
 * person's words shown. Function words and the restatement frame are free; beyond them, one content word in
 * four (at least two) may be the model's own, for an honest paraphrase ("still fails" → "still breaks").
 */
export function suggestionProblem(suggestion: string, theirWords: string, names: readonly string[]): SuggestionProblem | null {
  const words = tokens(suggestion);
  if (words.length > SUGGESTION_WORDS) return { reason: "suggestion too long", detail: `${words.length} words` };
  const breaks = suggestion.replace(CHECK_QUESTION, "").match(/[,;]\s/g)?.length ?? 0;
  if (breaks > SUGGESTION_BREAKS) return { reason: "suggestion strings details together", detail: `${breaks} breaks` };
  const theirs = readText(theirWords).contentLemmas;
  const named = new Set(names.flatMap(nameParts).map((n) => n.toLowerCase()));
  const content = words.filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w) && !FRAME.has(w) && !named.has(w));
  const added = content.filter((w) => !theirs.has(lemma(w)));
  const allowance = Math.max(2, Math.ceil(content.length / 4));
  if (added.length > allowance)
    return { reason: "suggestion adds what they did not say", detail: `${added.length} of ${content.length} content words` };
  const pointing = pointsOutside(suggestion);
  if (pointing) return { reason: "suggestion points at something it does not name", detail: pointing.slice(0, 60) };
  return null;
}

const CHECK_QUESTION = /\s*Did I get that right\?\s*$/i;

/**
 * A clause of the restatement that opens with "it", "that" or "they" standing for something the sentence never
 * names ("It makes you feel like an idiot", "…, and it's socially unacceptable really"): said aloud on its own,
 * the manager's sentence does not say what. "It's hard to…" and "it was humid" point at nothing and are fine.
 */
export function pointsOutside(suggestion: string): string | null {
  const body = suggestion.replace(CHECK_QUESTION, "").toLowerCase().replace(/[’‘]/g, "'");
  let before = "";
  for (const piece of body.split(CLAUSES)) {
    const clause = piece
      .trim()
      .replace(/[.!?]+$/, "")
      .replace(RESTATEMENT_FRAME, "")
      .replace(/^(?:and|but|so|because)\s+/, "");
    const first = clause.split(/\s+/)[0] ?? "";
    // "Your left knee is not bad, but after six hours it's swollen": named earlier in the restatement, it is said
    if (POINTING.test(first) && !EMPTY_IT.test(clause) && !NAMES_A_THING.test(before)) return clause;
    before += ` ${clause}`;
  }
  return null;
}
/** A thing named by "the", "your", "my"… and a word ("your left knee", "the Lithuanian flour"), not "a bit" or "the same". */
const NAMES_A_THING =
  /\b(?:the|your|my|our|their|his|her)\s+(?!(?:bit|lot|little|few|while|way|same|other|one|thing|things|time)\b)\p{L}[\p{L}-]{2,}/u;
const CLAUSES = /[.;:!?]\s+|,\s+|\s+(?:and|but|so)\s+(?=(?:it|it's|that|that's|this|they|they're)\b)/;
const RESTATEMENT_FRAME =
  /^(?:(?:so|and|but|well)[,\s]+)*(?:it sounds like|it seems like|(?:so )?what i'm hearing is(?: that)?|you're saying(?: that)?|i hear(?: that)?|earlier you said(?: that)?|you said(?: that)?|you were saying(?: that)?)\s+/;
const POINTING = /^(?:it|it's|its|that|that's|this|these|those|they|they're|they've|them)$/;
/** "It" as English needs it, standing for nothing: "it's hard to…", "it was humid", "it's been a while since…". */
const EMPTY_IT =
  /^it(?:'s| is| was|'s been| has been| had been| gets| got)(?: (?:really|so|very|quite|pretty|just|too|a bit|kind of|sort of))? (?:\w+ (?:to|that|when|for|because|if|being|having|doing|going|trying|getting|not)\b|(?:humid|raining|snowing|cold|hot|warm|late|early|dark|sunny|windy)\b)/;

/** What the card shows when the model's suggestion cannot be: the moment and their words, and a prompt to say it back. */
export const SAY_IT_BACK = "So you're saying… (say back in your own words what you heard). Did I get that right?";
