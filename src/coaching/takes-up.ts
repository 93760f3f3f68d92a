import type { Utterance } from "../transcript/schema.js";
import { isMinimal } from "./exchanges.js";
import { normalise, speaksOfFeeling } from "../language/phrases.js";
import { splitSentences } from "../language/sentences.js";
import { readSentence } from "./speech-acts.js";
import { readClean, readText } from "../language/read.js";
import { feltIn } from "../language/felt.js";
import type { Raised } from "./worth-coaching.js";

const ARGUABLE: ReadonlySet<Raised> = new Set(["proposal", "disagreement", "decision"]);

/**
 * Did the manager's reply take up what the person said, short of saying it back? A reply that asks about it
 * ("What makes it hard?"), disagrees with a proposal, claim or decision ("But we tried that…", "No, I think…"), agrees with it in so many words or answers their question or
 * proposal in its terms (two or more of their content words) engaged with it: no moment to coach there. Advice,
 * a lecture, a change of subject or a bare "okay" did not.
 */
export function replyTakesUp(said: string, replies: readonly Utterance[], raised: Raised): boolean {
  const theirs = readText(said).contentLemmas;
  const felt = feltContent(said);
  const answerable = /\?/.test(said) || PROPOSAL.test(normalise(said));
  const substantive = replies.filter((u) => !isMinimal(u.text)).slice(0, 2);
  let first = true;
  for (const reply of substantive) {
    for (const sentence of splitSentences(reply.text)) {
      const text = normalise(readText(sentence).cleaned);
      const read = readSentence(text);
      if (read.act === "backchannel") continue;
      let shared = 0;
      for (const s of readClean(read.core).contentLemmas) if (theirs.has(s)) shared++;
      const opening = first;
      first = false;
      // a question right away is a follow-up on what they said, even in other words ("Can you tell me more?")
      // "What would you be willing to do…?" reads as advice by its words, but asked, it is a question
      const asks = read.act === "question" || (read.asked && read.act === "advice");
      // but a question about something else leaves a feeling they voiced where it was ("It's really hard." "What
      // made you say five?")
      if (asks && (shared >= 1 || opening)) {
        if (felt === null || followsUpFeeling(read.core, felt)) return true;
        continue;
      }
      // arguing with a proposal or a claim engages it; "but…" to a worry, a feeling or a problem brushes it aside
      if (opening && AGREES.test(text)) return true;
      if (opening && DISAGREES.test(text) && ARGUABLE.has(raised)) return true;
      // answering a question or a proposal in its terms takes it up; a lecture that reuses a word or two does not
      if (answerable && read.act !== "advice" && shared >= 2) return true;
    }
  }
  return false;
}

/** The content lemmas of the sentences where they say what they feel, or null when they said none. */
function feltContent(said: string): ReadonlySet<string> | null {
  const out = new Set<string>();
  let any = false;
  for (const sentence of readText(said).sentences) {
    const reading = readText(sentence);
    if (feltIn(normalise(reading.cleaned)) === null) continue;
    any = true;
    for (const l of reading.contentLemmas) out.add(l);
  }
  return any ? out : null;
}

/** An open invitation ("Tell me more.", "How so?"), a question about the feeling, or one in the words they felt in. */
function followsUpFeeling(question: string, felt: ReadonlySet<string>): boolean {
  if (OPEN_INVITATION.test(question) || speaksOfFeeling(question) || FOR_YOU.test(question)) return true;
  // "How many in your class this year?" to "maybe I'm not cut out for a class like this": a fact beside the
  // feeling, whatever word it shares
  if (asksAFact(question)) return false;
  for (const l of readClean(question).contentLemmas) if (felt.has(l)) return true;
  return false;
}

const OPEN_INVITATION =
  /^(?:tell me|talk to me|say more|can you (?:tell|say|talk)|could you (?:tell|say|talk)|would you (?:tell|say)|what do you mean|how so|how come|why|in what way|what's that like|what is that like|what was that like|what happened|what makes|what made it|how is that|how was that|how's that|how has that|help me understand|walk me through)\b/;
/**
 * A question of fact: how many, how old, when, where, which, who. `question`: cleaned, lower-cased. "How long…?" is
 * read apart (`asksHowLong`): after a feeling it often asks about it ("How long has that been going on?").
 */
export function asksAFact(question: string): boolean {
  return ASKS_A_FACT.test(question);
}
const ASKS_A_FACT =
  /^(?:(?:and|so|okay|ok|um|uh|oh|right)[,\s]+)*(?:how (?:many|much|old|far|often|big)|when|where|which|who|what time|what day)\b/;

/** "How long for your version?", "How soon can you…?" `question`: cleaned, lower-cased. */
export function asksHowLong(question: string): boolean {
  return HOW_LONG.test(question);
}
const HOW_LONG = /^(?:(?:and|so|okay|ok|um|uh|oh|right)[,\s]+)*how (?:long|soon)\b/;
/** "What's that like for you?", "What's going on for you?": asking how it is for them. */
const FOR_YOU = /\b(?:going on for you|like for you)\b/;

const PROPOSAL = /\b(?:we should|we could|why don't we|what if we|how about|i suggest|i'd suggest|i propose|maybe we)\b/;

/** Opens by agreeing with the point in so many words: "That's exactly right.", "I agree.", "Good point." */
const AGREES =
  /^(?:(?:well|yeah|yes|yep|okay|ok|oh|so)[,\s]+)*(?:i think )?(?:that's|that is|it's) (?:exactly |absolutely |quite |very |so )?(?:right|true|fair|a good point|a fair point)\b|^(?:(?:yeah|yes|oh|well)[,\s]+)*(?:i agree|i completely agree|good point|fair point|agreed)\b/;

/** Opens by disagreeing or correcting: "No, …", "But …", "I don't think so", "Actually, …", "Not really". */
const DISAGREES =
  /^(?:(?:well|yeah|okay|ok|hmm|um|uh|oh)[,\s]+)*(?:no\b|nope\b|but\b|actually\b|not really\b|not necessarily\b|i don't think\b|i disagree\b|i'm not sure (?:that|about)\b|that's not\b|i don't agree\b)/;
