import type { Utterance } from "../transcript/schema.js";
import { countWords } from "../language/tokens.js";
import { findPhrase, normalise } from "../language/phrases.js";
import { CONCERN_WORDS } from "../language/word-lists.js";
import { perText, readClean, readText } from "../language/read.js";
import { feltIn } from "../language/felt.js";

/**
 * Talk about running the meeting rather than its subject: the room, the kit, the clock, the agenda, hellos and
 * goodbyes. A turn like this is no moment to coach, however it was answered ("Do we go back to our room?").
 */
const ASIDE =
  /\b(?:rooms?|lights?|microphones?|mics?|clip(?:ped)?|lapel|screens?|slides?|projector|laptop|battery|charger|cable|plug(?:ged)?|mute[ds]?|unmute|camera|recording|record(?:ed)?|hear me|see me|see my|whiteboard|white board|pens?|markers?|chairs?|door|toilet|coffee|lunch|tea|(?:take|have|grab|a short|a quick) (?:a )?break|bye|goodbye|see you|good morning|good afternoon|hello|welcome|next meeting|last meeting|agenda|minutes left|(?:in|for|another) (?:a )?(?:few|five|ten|fifteen|twenty|thirty|\d+) minutes|wrap (?:it )?up|that's (?:it|all) for|we're done|finish(?:ed)? (?:here|now|early)|log (?:in|on|off)|link|password|email me|send (?:me|you) the)\b/i;

/**
 * A turn that ends on running the meeting ("…Can you see my screen?"): where a turn lands is what it is about, so a
 * password or a break mentioned on the way ("It's password resets, mostly. I could do them in my sleep.") does
 * not make the turn an aside.
 */
export function endsOnAside(text: string): boolean {
  if (!isAside(text)) return false;
  const sentences = readText(text).sentences.filter((s) => countWords(s) >= MIN_WORDS);
  const last = sentences[sentences.length - 1];
  return last !== undefined && isAside(last);
}

/**
 * They put their own point off till later ("I also have the commissions issue. But it's connected to the numbers,
 * so we can do it there.", "an idea thing, but it can wait till the end"): it goes on the agenda, and a reply that
 * carries on with the meeting does not leave it.
 */
export function putsOff(text: string): boolean {
  return PUTS_OFF.test(normalise(readText(text).cleaned));
}
const PUTS_OFF =
  /\b(?:(?:we|i) can (?:do|cover|talk about|discuss|come (?:back )?to|get (?:to|into)|look at|pick up|deal with|go (?:over|through)) (?:it|that|this|them|those) (?:there|then|later|after|afterwards|at the end|last|next time|another time)|(?:let's|can we|could we|we can) (?:come back to|park|leave) (?:it|that|this)(?: for)? (?:later|for now|till|until|there|then)|i'll (?:bring|raise|mention) (?:it|that|this) (?:up )?(?:later|then|at the end|next time)|(?:it|that|this|that one) can wait|(?:it's|it is) not urgent|no rush (?:on|with) (?:it|that|this))\b/;

/** Closing and logistics asides, unless they also voice a worry ("I'm worried the link won't work" is a concern). */
export function isAside(text: string): boolean {
  const cleaned = readText(text).cleaned.toLowerCase();
  return ASIDE.test(cleaned) && findPhrase(cleaned, CONCERN_WORDS) === null;
}

const AFFECT =
  /\b(?:worr\w*|afraid|scared|fear\w*|anxious|nervous|stress\w*|overwhelm\w*|exhaust\w*|tired|frustrat\w*|upset|angry|sad|hurt|guilt\w*|ashamed|embarrass\w*|alone|stuck|lost|hopeless|helpless|disappoint\w*|unfair|struggl\w*|hard|difficult|tough|can't|cannot|won't be able|too much|pressure|risk\w*|problem\w*|fail\w*|broken|late|behind)\b/gi;
const PERSONAL = /\b(?:i|i'm|i've|i'd|i'll|me|my|myself|mine)\b/gi;

/**
 * How much the person had at stake in what they said, for ranking moments: words of strain or risk count most,
 * then speaking of themselves, then how much they said. A bounded score (0–30), not a measure of feeling.
 */
export function stakeOf(text: string): number {
  const cleaned = readText(text).cleaned.toLowerCase();
  const affect = Math.min(4, (cleaned.match(AFFECT) ?? []).length);
  const personal = Math.min(3, (cleaned.match(PERSONAL) ?? []).length);
  const content = Math.min(10, readClean(cleaned).contentLemmas.size / 3);
  return affect * 4 + personal * 2 + content;
}

/**
 * What the person raised that a listener should take up; "implied" when no word of theirs names it and the reply
 * shows it was there (`pointBrushedOff` in implied-point.ts).
 */
export type Raised = "worry" | "feeling" | "disagreement" | "proposal" | "decision" | "problem" | "implied";

const WORRY = /\b(?:worr\w*|afraid|scared|fear\w*|anxious|nervous|concern\w*|stress\w*|overwhelm\w*|panic\w*)\b/;
/**
 * A feeling they speak of as their own: "I feel bad", "I was so frustrated", "it makes me sad" ("the felt change"
 * on a paper machine is a thing).
 */
const FEELING =
  /\b(?:i|i'm|i've|i'd|i was|me|my)\b[^.?!]{0,60}\b(?:feel|feeling|(?<!\b(?:the|a|new) )felt|exhaust\w*|tired|frustrat\w*|upset|angry|sad|hurt|guilt\w*|ashamed|embarrass\w*|alone|lonely|hopeless|helpless|disappoint\w*|unhappy|happy|glad|proud|excited|hate|love|miss|bored|annoy\w*|confus\w*|depress\w*|craving|crave|wish|relie\w*)\b/;
const DISAGREEMENT =
  /\b(?:i don't think (?!i\b|i'm\b|i'd\b|i'll\b)|i do not think (?!i\b)|i disagree|i don't agree|don't agree|i'm not convinced|i doubt|i'm not sure that|i'm not sure about|that's not (?:right|true|what))\b/;
const PROPOSAL =
  /\b(?:i think we should|we should|we could|why don't we|what if we|how about we|maybe we|i'd suggest|i suggest|i propose|my suggestion|i'd like to|i would like to|i want to|i (?:just |really |only )?want (?:it|us|them|this|that) to|i'd rather|i would rather|i prefer|i'd prefer|i would prefer)\b/;
const DECISION =
  /\b(?:i've decided|i decided|i have decided|i'm going to (?:stop|quit|start|leave|try|tell|ask|cut|give)|i'm gonna (?:stop|quit|start|leave|try|tell|ask|cut|give)|i won't|i'm not going to|i'm not gonna|i don't want|i'm done)\b/;
const PROBLEM =
  /\b(?:i can't|i cannot|i couldn't|we can't|can't get|hard|difficult|tough|struggl\w*|stuck|behind|problem|issue|trouble|broken|fail\w*|too much|pressure|unfair|risk\w*)\b/;

const OWN = /\b(?:i|i'm|i've|i'd|i'll|me|my|myself|we|we're|we've|we'd|we'll|us|our)\b/;

/** A sentence this short is a fragment or an aside, not a point someone raised. */
export const MIN_WORDS = 4;

/**
 * What the person raised in their turn that a listener should take up (a worry, a feeling, a disagreement, a
 * proposal, a decision they own, or a problem, said as a statement of at least a few words), and the utterances of
 * the turn that raise it (where the moment's quote belongs). Null for a question of fact, a description, logistics or
 * a fragment, however long the turn.
 */
export function pointIn(trigger: readonly Utterance[]): { raised: Raised; utterances: Utterance[] } | null {
  let found: Raised | null = null;
  const by = new Map<Utterance, Raised>();
  for (const u of trigger) {
    for (const sentence of readText(u.text).sentences) {
      const raised = raisedBy(sentence);
      if (raised === null) continue;
      const before = by.get(u);
      if (before === undefined || RANK.indexOf(raised) < RANK.indexOf(before)) by.set(u, raised);
      if (found === null || RANK.indexOf(raised) < RANK.indexOf(found)) found = raised;
    }
  }
  if (found === null) return null;
  return { raised: found, utterances: trigger.filter((u) => by.get(u) === found) };
}

export const RANK: readonly Raised[] = ["worry", "feeling", "disagreement", "proposal", "decision", "problem"];

/**
 * What one sentence raises, ranked (0 = a worry, the most worth saying back; higher, less), or null for a
 * question, a fragment or a sentence that raises nothing of their own.
 */
export function raisedRank(sentence: string): number | null {
  const raised = raisedBy(sentence);
  return raised === null ? null : RANK.indexOf(raised);
}

/**
 * What one sentence, as said, raises: null for a question, a fragment or a sentence that raises nothing of their
 * own. Remembered per sentence: the moment's turn and the suggestion's quote read the same sentences.
 */
const raisedBy = perText((sentence: string): Raised | null => {
  if (/\?\s*$/.test(sentence)) return null;
  const s = normalise(readText(sentence).cleaned);
  if (countWords(s) < MIN_WORDS) return null;
  return raisedIn(s);
});

function raisedIn(s: string): Raised | null {
  const felt = feltIn(s);
  if (felt !== null) return felt === "worry" ? "worry" : "feeling";
  if (WORRY.test(s)) return "worry";
  if (FEELING.test(s)) return "feeling";
  if (DISAGREEMENT.test(s)) return "disagreement";
  if (PROPOSAL.test(s)) return "proposal";
  if (DECISION.test(s)) return "decision";
  // a problem of their own ("I can't get the build to pass", "we're behind"), not one in the material under
  // discussion ("there is this problem of multilinguality")
  if ((PROBLEM.test(s) || findPhrase(s, CONCERN_WORDS) !== null) && OWN.test(s)) return "problem";
  return null;
}

const THANKS = /\b(?:thanks|thank you|cheers)\b/i;

/** A sentence that thanks the manager ("Okay. That would be really good. Thank you."). */
export function thanks(sentence: string): boolean {
  return THANKS.test(sentence);
}
