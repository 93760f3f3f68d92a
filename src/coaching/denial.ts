import { lemma } from "../language/lemma.js";
import { readClean, readText } from "../language/read.js";
import { tokens } from "../language/tokens.js";

/**
 * A sentence that takes a word of theirs only to say it is not so: "My mother also cook it the day before." –
 * "Your mother is not cooking for four hundred covers."; "I suppose I'm sort of giving out now." – "Ah no, you're
 * not giving out, you're just being conscientious." It answers their point with the listener's own, so it is no
 * say-back. A negation they made themselves is kept ("I don't want to quit." – "You don't want to quit."), and so
 * is a contrast that goes on in their words ("You're not drinking to get drunk, you drink to relax.").
 */
export function deniesTheirWords(said: string, core: string): boolean {
  const denied = NEGATED.exec(core);
  if (denied === null) return false;
  const verb = lemma(denied[1]!);
  const theirs = readText(said).contentLemmas;
  if (!theirs.has(verb) || !saidWithoutNegation(said, verb)) return false;
  // what the sentence puts in place of theirs: none of it is their words
  for (const word of readClean(denied[2]!).contentLemmas) if (word !== verb && theirs.has(word)) return false;
  return true;
}

/**
 * "you're not giving out", "your mother is not cooking", "you don't really need", "you won't lose anything": a
 * negation said of them or of theirs, the word it denies, and what follows it. Only what is said of them: "smoking
 * doesn't help you relax" or "by not putting yourself last" may well be their own point put another way.
 */
const NEGATED =
  /^(?:(?:ah|oh|no|nah|ha|sure|look|well)[,\s]+)*(?:you|your(?: [\p{L}]+){1,2})(?:'re|'s| are| is| were| was| do| does| did| have| has| will| wo| would| can| ca| could| should)?(?: not|n't| never)\s+(?:(?:really|actually|just|even|being|getting)\s+)?([\p{L}]{3,})\b(.*)$/u;
const NEGATION = /^(?:not|never|no|nothing|nobody|none|cannot|.*n't)$/;
/** How far back a negation of theirs may stand from the word: "I'm not really sure I want…". */
const REACH = 3;

/** Did they say a word of this lemma with no negation just before it? */
function saidWithoutNegation(said: string, verb: string): boolean {
  const words = tokens(readText(said).cleaned);
  return words.some((w, i) => lemma(w) === verb && !words.slice(Math.max(0, i - REACH), i).some((n) => NEGATION.test(n)));
}
