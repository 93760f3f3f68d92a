import { OPENERS, type SaidBack } from "./say-back.js";

/**
 * Whether a clause said back keeps what the person meant and reads as something a manager would say aloud:
 * the reason it does not, or null when it does. Conservative by design: a moment without a written
 * restatement (their words and a prompt to say it back) costs little; a garbled or unfaithful one costs trust.
 */
export function unfaithful(said: SaidBack, speaker: string | null = null): string | null {
  const source = said.source;
  const lower = source.toLowerCase().replace(/[’‘]/g, "'");
  if (said.cut) return "cut short";
  const rest = dropped(said.sentence, source);
  if (LOSSY.test(rest)) return "drops a contrast, condition, negation or hedge";
  if (FIRST.test(lower) && SECOND.test(lower)) return "mixes their 'I' and a 'you': whose is which is unclear";
  if (/\byou\b/.test(lower) && ADDRESSEE.test(lower)) return "their 'you' is the listener";
  if (REPORTED.test(lower) || /["“”]/.test(source)) return "reported or quoted speech";
  if (dangling(lower, source, said.question)) return "a pronoun with nothing to refer to";
  if (speaker !== null && namesOf(speaker).some((n) => new RegExp(`\\b${n}\\b`, "i").test(source))) return "their own name said to them";
  if (DISFLUENT.test(lower)) return "disfluency left in";
  if (EXAMPLE.test(lower)) return "an example, not the point";
  return null;
}

/** What the sentence says besides the clause, its leading "yeah, so" aside. */
function dropped(sentence: string, clause: string): string {
  const s = sentence.toLowerCase().replace(/[’‘]/g, "'");
  // the clause as said may carry a hedge put back in front; look for the words after it
  const body = clause.toLowerCase().replace(/[’‘]/g, "'").replace(HEDGE_FRONT, "");
  const at = s.indexOf(body);
  // what came before may open with "yeah, so," or a hedge, which say nothing; what comes after keeps its "but"
  const before = (at === -1 ? s : s.slice(0, at)).trim().replace(OPENERS, "");
  const after = at === -1 ? "" : s.slice(at + body.length);
  return `${before} ${after}`.replace(/[.!?,;:—\s]+/g, " ").trim();
}

const HEDGE_FRONT = /^(?:i feel like|i feel that|i think|i guess|i suppose|i believe|i'd say)\s+/;
/** Words whose loss changes the meaning: a contrast, a condition, a negation, a hedge. */
const LOSSY =
  /\b(?:but|although|though|however|except|unless|if|only if|as long as|not|never|no|nobody|nothing|none|\w+n't|maybe|perhaps|probably|might|not sure|i don't know|kind of|sort of|i guess|i think|i feel)\b/;
const FIRST = /\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b/;
const SECOND = /\b(?:you|your|you're|you've|you'd|you'll|yours|yourself)\b/;
/** A "you" that is the listener: asked of them, or the one acting on the speaker. */
const ADDRESSEE =
  /\b(?:can|could|would|will|do|did|are|were|should|won't|can't|don't|didn't|aren't) you\b|\byou (?:are|were|aren't|weren't|don't|didn't|never|always|keep|said|told|asked|promised|gave|made|want me|need me)\b/;
const REPORTED =
  /\b(?:said|says|told (?:me|him|her|them|us)|asked|goes|went|was like|were like|is like|'s like),?\s+(?:i|i'm|you|you're|we|we're)\b/;
/** Hesitation or a verb said twice over, which cleaning could not mend ("isn't doesn't appear"). */
const DISFLUENT =
  /\b(?:um|uh|erm|you know|i mean)\b|\b(?:is|isn't|was|wasn't|are|aren't|doesn't|don't|didn't|won't|can't|wouldn't|couldn't)\s+(?:is|isn't|was|wasn't|are|aren't|does|doesn't|don't|didn't|won't|can't|wouldn't|couldn't)\b/;
const EXAMPLE = /^(?:for example|for instance|like when|say|e\.g\.)\b/;

/** Subjects that point back to something said before: a reader of the one sentence cannot tell what. */
const POINTING = /^(?:it|it's|its|that|that's|this|these|those|they|they're|they've|them|he|he's|she|she's|his|her|their)$/;
/** "It's hard to…", "it was difficult when…", "it's raining": "it" that points at nothing, as English wants. */
const DUMMY_IT =
  /^it(?:'s| is| was|'s been| has been| had been| gets| got)(?: (?:really|so|very|quite|pretty|just|too|a bit|kind of|sort of))? (?:\w+) (?:to|that|when|for|because|being|having|doing|going|trying|getting|not)\b/;
const PERSONAL_LATER = /\b(?:he|she|they|him|them|his|their|theirs)\b/;
const ANTECEDENT = /\b(?:the|my|our|your|a|an|his|her|their)\s+\w+|\b\p{Lu}\p{Ll}+/u;

function dangling(lower: string, source: string, question: boolean): boolean {
  const words = lower.replace(HEDGE_FRONT, "").split(/\s+/);
  // a question keeps its inversion here ("does it have…"): its subject is the second or third word
  const subject = question ? words.slice(0, 3).find((w) => POINTING.test(w) || /^(?:i|you|we)$/.test(w)) : words[0];
  if (subject !== undefined && POINTING.test(subject.replace(/[^a-z']/g, "")) && !DUMMY_IT.test(words.join(" "))) return true;
  // "and they said no": a person named only by a pronoun, with no one before it in the clause
  const at = lower.search(PERSONAL_LATER);
  return at !== -1 && !ANTECEDENT.test(source.slice(0, at).replace(/^(?:I|You|We)\b/i, ""));
}

/** "Lee, Morgan (Guest)" → ["Lee", "Morgan"]: the words of a display name a person answers to. */
function namesOf(displayName: string): string[] {
  return displayName
    .replace(/\([^)]*\)/g, " ")
    .split(/[\s,]+/)
    .filter((w) => /^\p{Lu}\p{L}{1,}$/u.test(w));
}
