import { feltClause } from "./felt-say-back.js";
import { feltSentence } from "./key-sentence.js";
import { toThirdPerson } from "./person.js";
import { isMinimal } from "./exchanges.js";
import { beforeTheReply, onlyAcknowledges } from "./speech-acts.js";
import { normalise } from "../language/phrases.js";
import { readText } from "../language/read.js";
import type { Felt } from "../language/felt.js";
import type { Candidate } from "./moments.js";
import type { SaidBack } from "./say-back.js";
import type { Raised } from "./worth-coaching.js";

/**
 * What they raised, as the line names it. Only what their own words name is named: a worry ("worried",
 * "afraid"), a feeling ("I feel…", "I'm upset"). A struggle ("I don't know what to do"), a proposal, a decision,
 * a disagreement or a problem is named only as what they told you: read from the form of a sentence, a name
 * for it is often wrong about its point.
 */
const FELT: Record<Felt, string> = {
  worry: "the worry they raised",
  feeling: "what they said they felt",
  struggle: "what they told you",
};
const RAISED: Record<Raised, string> = {
  worry: "the worry they raised",
  // a word of feeling somewhere in the turn ("he wrote me very angry", "I am alone as a foreman") that no sentence
  // of theirs says as their own feeling: the line does not claim they said one
  feeling: "what they told you",
  disagreement: "what they said",
  proposal: "what they said",
  decision: "what they said",
  problem: "what they said",
  implied: "what they told you",
};

/** What the line may name of a feeling they said: its kind, and the clause that says it plainly, if one does. */
export interface FeltReading {
  felt: Felt;
  clause: SaidBack | null;
}

/** The feeling said in the candidate's turn, read for the line; null when they said none. */
export function feltReading(candidate: Candidate): FeltReading | null {
  const felt = feltSentence(candidate.turn);
  return felt ? { felt: felt.felt, clause: feltClause(felt.sentence.text) } : null;
}

/** A reply sentence shorter than this is a false start ("So.", "W"), not the reply to quote. */
const MIN_QUOTED_WORDS = 3;
const MAX_QUOTED_WORDS = 10;

/**
 * The line that says what happened, true of the reply: what the manager said (their first sentence of
 * substance, quoted) and what they did not say back. It never says the person stopped or was talked over (a
 * transcript's timings are too loose to say so of one sentence; the talk-over figure counts those), never says
 * what kind of reply it was (advice, a question) on a guess, and never calls a point a worry unless it was one.
 */
export function whatHappened(
  candidate: Candidate,
  felt: FeltReading | null = feltReading(candidate),
  about: Candidate["turn"][number] | null = null,
  quote = "",
): string {
  // where one clause says the feeling plainly, the line says which ("…without first saying back that they're
  // having a hard time breathing"): a reply that took up something else they said is not called deaf to it all
  const named = felt?.clause ? toThirdPerson(felt.clause.source) : null;
  const thing = named ? `that ${named}` : felt ? FELT[felt.felt] : RAISED[candidate.raised];
  if (!candidate.reply) return `They raised this once, and nobody said it back (${thing}).`;
  // "I still feel bad." "Mm." "Can I suggest something?" "Please.": what answered the line the moment is about
  // was the "Mm.", not what answered their next question
  const between = about ? backchannelAfter(candidate, about, quote) : null;
  if (between !== null) return `You replied "${between}" without first saying back ${thing}.`;
  const replies = candidate.replies.length > 0 ? candidate.replies : [candidate.reply];
  const [first, next] = sentencesOfSubstance(replies);
  const opening = `"${shortened(first ?? candidate.reply.text)}"`;
  // "Yeah, I hear you." and then the agenda: the line shows both, or it would read as if "I hear you" were the problem
  if (first !== undefined && next !== undefined && onlyAcknowledges(normalise(first))) {
    return `You replied ${opening} and then "${shortened(next)}" without first saying back ${thing}.`;
  }
  return `You replied ${opening} without first saying back ${thing}.`;
}

/**
 * The manager's backchannel right after `about` when they went on speaking after it ("Mm.", then their next line):
 * the only answer that line got. Null when `about` ends their turn, when the card quotes them on past the
 * backchannel ("…I'm not getting my charting done." "Yeah." "So I'm doing it at night."), or when the manager said
 * more there.
 */
function backchannelAfter(candidate: Candidate, about: Candidate["turn"][number], quote: string): string | null {
  const next = candidate.turn.find((u) => u.startMs > about.startMs);
  if (next === undefined || quote.includes(next.text.trim().slice(0, QUOTED_ON_CHARS))) return null;
  const there = candidate.replies.filter((u) => u.startMs >= about.endMs - 500 && u.startMs < next.startMs);
  if (there.length === 0 || !there.every((u) => isMinimal(u.text))) return null;
  return shortened(there[0]!.text.trim());
}

/** This much of their next line found in the quote shows the quote runs on into it. */
const QUOTED_ON_CHARS = 24;

/** The manager's first two sentences of substance in the reply, cleaned of "um" and repeats. */
function sentencesOfSubstance(replies: readonly Candidate["replies"][number][]): string[] {
  const out: string[] = [];
  for (const utterance of replies) {
    if (isMinimal(utterance.text)) continue;
    for (const sentence of readText(utterance.text).sentences) {
      const cleaned = readText(sentence).cleaned;
      if (isMinimal(cleaned) || words(cleaned).length < MIN_QUOTED_WORDS || beforeTheReply(normalise(cleaned))) continue;
      out.push(cleaned);
      if (out.length === 2) return out;
    }
  }
  return out;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** At most ten words, cut with "…", with a capital first letter. */
function shortened(text: string): string {
  const all = text.trim().split(/\s+/);
  const kept =
    all.length <= MAX_QUOTED_WORDS
      ? all.join(" ")
      : `${all
          .slice(0, MAX_QUOTED_WORDS)
          .join(" ")
          .replace(/[,;:]$/, "")}…`;
  return kept.charAt(0).toUpperCase() + kept.slice(1);
}
