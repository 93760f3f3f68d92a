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
  if (garbled(said.said, said.sentence)) return "too many restarts to be sure what they meant";
  if (BROKEN_OFF.test(said.said.toLowerCase().replace(/[’‘]/g, "'"))) return "speech broke off and started again";
  if (UNFINISHED.test(lower.replace(/[.!?,;:\s]+$/, ""))) return "ends on a word that needs more";
  const rest = dropped(said.sentence, source);
  if (LOSSY.test(rest) || lostMarker(said.said, source)) return "drops a contrast, condition, negation or hedge";
  if (RELATIVE_AFTER.test(said.sentence.slice(said.sentence.indexOf(source.replace(HEDGE_CASED, "")) + source.length - 1)))
    return "the point is in the clause after it";
  if (FIRST.test(lower) && SECOND.test(lower)) return "mixes their 'I' and a 'you': whose is which is unclear";
  if (/\byou\b/.test(lower) && ADDRESSEE.test(lower)) return "their 'you' is the listener";
  if (REPORTED.test(lower) || /["“”]/.test(source)) return "reported or quoted speech";
  // "I'll put that, intrepid": a "that" set off by a comma as said stands alone (cleaning may have dropped the comma)
  const standsAlone = /\b(?:that|this),/i.test(said.said) && /\b(?:that|this)\b/.test(lower);
  if (standsAlone || dangling(lower, source, said.question)) return "a pronoun with nothing to refer to";
  if (speaker !== null && namesOf(speaker).some((n) => new RegExp(`\\b${n}\\b`, "i").test(source))) return "their own name said to them";
  if (DISFLUENT.test(lower)) return "disfluency left in";
  if (EXAMPLE.test(lower)) return "an example, not the point";
  if (FEELING_LAST.test(lower)) return "the feeling comes last, after what it is about";
  return null;
}

/**
 * "…the weather changing so quick out there, I'm worried": a bare feeling after a comma, what it is about set before
 * it in a phrase that said back alone has no verb.
 */
const FEELING_LAST =
  /,\s*(?:i'm|i am|i was|i feel|i felt|i get)(?: (?:so|really|very|a bit|a little|quite|just|kind of|also|still))* (?:worried|scared|afraid|nervous|anxious|stressed|concerned|frightened)(?:,\s*[\p{L}. ]{1,30})?[.!]?$/u;

/**
 * "I was so tired that I wasn't": an auxiliary, an article or a conjunction cannot end what they meant (cleaning may
 * have dropped the restart that finished it, "…my brain wasn't really there").
 */
const UNFINISHED =
  /\b(?:is|isn't|was|wasn't|were|weren't|are|aren't|am|'m|can|can't|could|couldn't|will|won't|would|wouldn't|should|shouldn't|be|been|that|to|the|a|an|and|but|or|of|so|because)$/;

/** "I'm just happy to, I feel like…": a word that needs more, a comma, and a new start; cleaning may drop the comma. */
const BROKEN_OFF = /\b(?:to|the|a|an|of|with|for|from|my|your|our|their|is|was|are|were)[-—–]*,\s+(?:i|i'm|i've|you|we|they|he|she)\b/;
const HEDGE_CASED = /^(?:I feel like|I feel that|I think|I guess|I suppose|I believe|I'd say)\s+/;
/** "I have an extra point, which is the naturalness issue": the clause before ", which" is not the point. */
const RELATIVE_AFTER = /^\S*,\s+(?:which|who|where)\b/;

/** Markers of meaning, each class counted in what they said and in the clause: a class the clause has fewer of was lost. */
const MARKER_CLASSES: readonly RegExp[] = [
  /\b(?:but|although|though|however|except)\b/g,
  /\b(?:if|unless)\b/g,
  /\b(?:not|never|nobody|nothing|none|\w+n't|cannot)\b/g,
  /\b(?:maybe|perhaps|probably|might|i think|i guess|i suppose|not sure|i don't know|kind of|sort of)\b/g,
  // "a bit stupid, like I'm making a fuss": "like" before a clause is "as if" (cleaning may drop it as a filler)
  /\blike (?=(?:i|i'm|i've|we|we're|they|they're|it's|you|you're|he|she|he's|she's)\b)/g,
];
const LEADING_ASIDE = /^(?:(?:but|and|so|well|yes|yeah|no|oh|okay|ok|um|uh|right)\b[\s,.-]*)+/;

/**
 * Compares the sentence as said (less any hesitations and a leading "but"/"no") with the clause: cleaning may
 * have dropped a restart that held a condition ("if we need to we can buy a disk"), so the said text decides.
 */
function lostMarker(said: string, clause: string): boolean {
  const theirs = said
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\b(?:um|uh|erm)\b[,]?/g, "")
    .trim()
    .replace(LEADING_ASIDE, "");
  const ours = clause.toLowerCase().replace(/[’‘]/g, "'");
  return MARKER_CLASSES.some((marker) => count(theirs, marker) > count(ours, marker));
}

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

/** Cleaning dropped four or more words and a fifth of the sentence: what is left may join pieces never said together. */
function garbled(said: string, cleaned: string): boolean {
  const before = said.split(/\s+/).filter(Boolean).length;
  const dropped = before - cleaned.split(/\s+/).filter(Boolean).length;
  return dropped >= 4 && dropped >= before / 5;
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
/** Direct speech reported ("she said, I'm done", "he goes, you…"): its "I" is not the speaker's. "She says I drink" is indirect and may move. */
const REPORTED =
  /\b(?:said|says|told (?:me|him|her|them|us)|asked)[,:]\s+(?:i|i'm|you|you're|we|we're)\b|\b(?:goes|went|was like|were like|is like|'s like),?\s+(?:i|i'm|you|you're|we|we're)\b/;
/** Hesitation or a verb said twice over, which cleaning could not mend ("isn't doesn't appear"). */
const DISFLUENT =
  /\b(?:i|you|we|they|he|she)\s+(?:i|you|we|they|he|she|it)\b|\w+n't\s+(?:i|i'm|you|you're|we|we're|they|they're|he|she)\b|\b(?:the|a|an|my|your|our|their)\s+(?:i|i'm|you|you're|we|we're|they|they're|he|she|it's)\b|\blike want\b|(?<!\b(?:feel|feels|felt|feeling|seem|seems|seemed|look|looks|looked|sound|sounds|just|it's|that's))\s+like (?:i|you|we|they|he|she)\b|\b(?:um|uh|erm|you know|i mean)\b|\b(?:is|isn't|was|wasn't|are|aren't|doesn't|don't|didn't|won't|can't|wouldn't|couldn't)\s+(?:is|isn't|was|wasn't|are|aren't|does|doesn't|don't|didn't|won't|can't|wouldn't|couldn't)\b/;
const EXAMPLE = /^(?:for example|for instance|like when|say|e\.g\.)\b/;

/** Subjects that point back to something said before: a reader of the one sentence cannot tell what. */
const POINTING = /^(?:it|it's|its|that|that's|this|these|those|they|they're|they've|them|he|he's|she|she's|his|her|their)$/;
/**
 * "It's hard to…", "it was difficult when…", "it's raining", "it's not only Kamran": "it" that points at nothing, as
 * English wants.
 */
const DUMMY_IT =
  /^it(?:'s| is| was|'s been| has been| had been| gets| got)(?: (?:really|so|very|quite|pretty|just|too|a bit|kind of|sort of))? (?:\w+) (?:to|that|when|for|because|being|having|doing|going|trying|getting|not)\b|^it(?:'s| is| was)(?: not)? (?:only|just) \p{L}/u;
/**
 * Words that stand for someone or something named before; "that"/"this" only where they stand alone or as "this
 * one" ("I'm a bit worried about this one").
 */
const PERSONAL_LATER =
  /\b(?:he|she|they|him|her|them|his|their|theirs|it|it's|it'll|its|that's)\b|\b(?:that|this)\s+(?:as|to|for|with|in|on|at|is|was|'s|one)\b|\b(?:that|this)(?=[,.;:!?]|$)/;
const ANTECEDENT =
  /\b(?:the|my|our|your|his|her|their|this|that|these|those)\s+(?!(?:i|you|we|they|he|she|it)\b)\w+|\b(?:everyone|everybody|people|others)\b/;
/** A name: a capitalised word that is not the first of the clause. */
const NAME = /\s\p{Lu}\p{Ll}+/u;

function dangling(lower: string, source: string, question: boolean): boolean {
  const words = lower.replace(HEDGE_FRONT, "").split(/\s+/);
  // a question keeps its inversion here ("does it have…"): its subject is the second or third word
  const subject = question ? words.slice(0, 3).find((w) => POINTING.test(w) || /^(?:i|you|we)$/.test(w)) : words[0];
  if (subject !== undefined && POINTING.test(subject.replace(/[^a-z']/g, "")) && !DUMMY_IT.test(words.join(" "))) return true;
  // "and they said no": a person named only by a pronoun, with no one before it in the clause
  const at = lower.search(PERSONAL_LATER);
  if (at === -1 || DUMMY_IT.test(lower.slice(at))) return false;
  const before = source.slice(0, at);
  return !ANTECEDENT.test(before.toLowerCase()) && !NAME.test(before);
}

/** "Lee, Morgan (Guest)" → ["Lee", "Morgan"]: the words of a display name a person answers to. */
function namesOf(displayName: string): string[] {
  return displayName
    .replace(/\([^)]*\)/g, " ")
    .split(/[\s,]+/)
    .filter((w) => /^\p{Lu}\p{L}{1,}$/u.test(w));
}
