import { readClean, readText } from "../language/read.js";
import { tokens } from "../language/tokens.js";
import { normalise } from "../language/phrases.js";
import { isMinimal } from "./exchanges.js";
import { type FeltSentence, feltSentence } from "./key-sentence.js";
import { thanks } from "./worth-coaching.js";
import type { Candidate } from "./moments.js";
import { echoesOnly, hearsIt } from "./answer-to-say-back.js";
import type { KeptRestatement } from "./schema.js";
import { brushOff, promises, replyBrushesOff, takesItUp } from "./brush-off.js";
import { answersThem, echoesTurn, fragment, heard, sharesWith, theirWordsOf } from "./reply-heard.js";
import { afterAcknowledgement, beforeTheReply, onlyAcknowledges, readSentence, withoutVocative } from "./speech-acts.js";

/** What they raised that the rules never show on their own card: whether the reply took it up is a guess. */
const LEFT_TO_A_MODEL: ReadonlySet<Candidate["raised"]> = new Set(["problem", "proposal", "disagreement", "decision"]);

/** A restatement this soon after their words is the manager coming back to the point. */
const CAME_BACK_MS = 60_000;

/** How many sentences of the reply are read for a sign that the manager heard the point. */
const REPLY_SENTENCES = 2;

/**
 * The rules' own verdict on a candidate before their card shows it: stricter than picking, which also feeds the
 * model (a model sees the conversation and judges for itself). Without a model a wrong moment costs more trust
 * than a missed one earns, so the rules show a moment only where the signs are plain: the person said in the
 * first person what they feel ("I'm worried…", "I feel like I'm failing", "it's been hard for me"), and the
 * reply shows no sign of having heard it. A proposal, a problem in the work or a question is left to a model:
 * read by its form alone, whether the reply took it up is a guess, and mostly a wrong one.
 *
 * Signs of having heard it, in the reply's first sentences: a reflection or a sentence about them, an
 * acknowledgement of the point or a shared feeling ("that's tough", "I'm worried about that too"), an argument
 * with it ("I think you're wrong"), a question that points back at it ("How long's that been going on?"), an
 * undertaking to act on it ("I'll escalate it to Pete myself"), or, short of advice, a feeling word or their own
 * words echoed; or the manager says their words back within the next minute. Comfort that waves the feeling away ("Don't worry, you'll be
 * great") is no sign: read by judges, it answers the feeling without hearing it. A bare "I hear you." is a sign
 * only when nothing follows it: "Yeah, I hear you. So, on the audit list…" acknowledges in order to move on.
 */
export function rulesShow(candidate: Candidate, kept: readonly KeptRestatement[]): boolean {
  const heardAt = candidate.trigger[0]?.startMs ?? 0;
  const until = (candidate.trigger[candidate.trigger.length - 1]?.endMs ?? heardAt) + CAME_BACK_MS;
  const theirWords = new Set(candidate.trigger.map((u) => u.id));
  const felt = feltSentence(candidate.turn);
  // an echo of a word beside a feeling ("Ah, the baby.") does not hear it
  // and praise of them in their words does not ("You've done such a good job with the juniors"; `hearsIt`)
  const heardBy = (k: KeptRestatement): boolean => hearsIt(k) && (felt === null || !echoesOnly(k.quote));
  if (kept.some((k) => theirWords.has(k.ofUtteranceId) && k.atMs >= heardAt && k.atMs <= until && heardBy(k))) return false;
  // a problem, a proposal, a disagreement or a decision, brushed off however plainly: readers of fresh one-on-ones
  // judged 4 of 26 such moments good (53 of 286 over every judged batch), so the rules leave them to a model
  if (felt === null && LEFT_TO_A_MODEL.has(candidate.raised)) return false;
  if (felt === null) return candidate.reply !== null && turnsAway(candidate) && !cameBack(candidate);
  if (relief(felt) || worryOfTheirsAgreed(felt)) return false;
  if (!candidate.reply) return true;
  const theirs = theirWordsOf(felt, candidate.turn);
  const answered = candidate.replies.filter((u) => !isMinimal(u.text)).map((u) => u.text);
  const sentences = answered
    .flatMap((text) => readText(text).sentences)
    .filter((s) => !isMinimal(s))
    .map((asSaid) => ({ asSaid, text: normalise(readText(withoutVocative(asSaid)).cleaned) }))
    // "All right." opens a reply without being one; "I understand." alone answers them (below)
    .filter((s) => readSentence(s.text).act !== "backchannel" || answersThem(s.text))
    // "Sorry, I'm typing. Flooding, yes. Can you ask GA…?", "Listen to me. …": said before the reply, which follows
    .filter((s) => !beforeTheReply(s.text))
    // "Oh, Bea.": a name or an exclamation on its own neither hears them nor moves on; nor does a few words of
    // theirs from beside the feeling said before the manager goes on ("Race Week. God. D'you know, my first Race
    // Week I was twenty…" to "I'm worried about the desk"), where what follows is the answer
    .filter((s, _, all) => !fragment(s.text) || (echoesTurn(s.text, theirs.turn) && (all.length === 1 || sharesWith(s.text, theirs.felt))));
  // "I hear you." and nothing more answers them; "Yeah, I hear you. So on the audit list…" turns away from them, and
  // "I hear you, it's been a crazy quarter for everyone" is judged by what follows the acknowledgement
  const said = sentences.filter((s) => !onlyAcknowledges(s.text)).map((s) => ({ ...s, text: afterAcknowledgement(s.text) }));
  if (sentences.length > 0 && said.length === 0) return false;
  // "That was the third weekend this month, wasn't it?" checks what they said; cleaning reads the tag as no question
  if (said[0] && CHECKS_BY_TAG.test(said[0].asSaid)) return false;
  // "…But you're not going anywhere. I will personally make sure your renewal is done early.": an undertaking in their
  // words, however far into the reply, acts on it
  if (said.some((s) => takesItUp(s.text) && sharesWith(s.text, theirs.turn))) return false;
  // "No, no, don't worry about that. … Nothing is going to happen to the patente for two trucks.": a promise in their
  // words of how it turns out argues with the worry, however far into the reply
  if (felt.felt === "worry" && said.some((s) => promises(s.text) && sharesWith(s.text, theirs.turn))) return false;
  return said
    .slice(0, REPLY_SENTENCES)
    .every((s, i) => !heard(s.text, i === 0, theirs, i > 0 && brushOff(said[i - 1]!.text) === "waves-away"));
}

/**
 * The manager came back to it within the minute, once the other person had spoken again: a question or a
 * reflection in their words ("Sorry Jo. Go on." … "So tell me how the knee actually is now."). A statement that
 * happens to share a word ("So you're on from seven, off at three") is the manager's own business.
 */
function cameBack(candidate: Candidate): boolean {
  const theirs = new Set(candidate.trigger.flatMap((u) => [...readText(u.text).contentLemmas]));
  return (candidate.later ?? [])
    .flatMap((u) => readText(u.text).sentences)
    .map((s) => normalise(readText(s).cleaned))
    .some((s) => {
      const read = readSentence(s);
      if (!(read.act === "question" || read.act === "reflection") || brushOff(s) !== null) return false;
      for (const l of readClean(s).contentLemmas) if (theirs.has(l)) return true;
      return false;
    });
}

/** A statement closed by a tag that asks them to confirm it: "…, wasn't it?", "…, aren't you?", "…, right?". */
const CHECKS_BY_TAG =
  /,\s*(?:(?:isn't|wasn't|weren't|aren't|don't|didn't|doesn't|haven't|hasn't|won't|can't|couldn't|wouldn't)\s+(?:it|you|they|we|he|she|there|that|i)|right)\s*\?\s*$/i;

/**
 * A reply whose first sentences of substance, past a bare acknowledgement, plainly leave the point
 * (`brush-off.ts`): "No, course. Anyway, the other thing I wanted to catch you on…", "Oh, I know. I had exactly
 * that happen to me at my last place.", "Ha, welcome to the trade." Where their words name no feeling, only this
 * plain a sign shows the rules that the reply did not take it up; comfort counts only against a point their words
 * do not name (`implied-point.ts`), which the comfort itself shows was there.
 */
function turnsAway(candidate: Candidate): boolean {
  // "Eh… put four. Six, I can't train them all." – "Okay, four. Next slide.": what they asked for, granted in their words
  if (grantsInTheirWords(candidate)) return false;
  const off = replyBrushesOff(candidate.replies);
  return off !== null && (off !== "waves-away" || candidate.raised === "implied");
}

/** The reply opens with a yes and a word or two of theirs, nothing else: "Okay, four.", "Fine, Thursday then." */
function grantsInTheirWords(candidate: Candidate): boolean {
  const first = candidate.replies.flatMap((u) => readText(u.text).sentences)[0];
  if (first === undefined) return false;
  const granted = GRANTS.exec(normalise(readText(first).cleaned))?.[1];
  if (granted === undefined) return false;
  const theirs = new Set(candidate.turn.flatMap((u) => tokens(normalise(readText(u.text).cleaned))));
  const words = tokens(granted).filter((w) => w !== "then");
  return words.length > 0 && words.every((w) => theirs.has(w));
}
const GRANTS = /^(?:okay|ok|fine|alright|all right|right|yes|yeah|sure|done)[,\s]+((?:[\p{L}\p{N}'-]+\s*){1,2}?)(?:then)?[.!]?$/u;

/**
 * "Okay. Thank you. I was a bit worried about that part.": a worry that is over, said in thanks for what the manager
 * just did, is relief, not a point left unheard.
 */
function relief(felt: FeltSentence): boolean {
  return felt.before !== null && thanks(felt.before.text) && WAS_WORRIED.test(normalise(readText(felt.sentence.text).cleaned));
}
/**
 * "You can't take guests out without a working radio." – "I know. That's why I'm worried.": their yes to what the
 * manager just said, worried for the same reason, raises nothing the manager has not said; nor does "That's why I'm
 * worried." said on its own.
 */
function worryOfTheirsAgreed(felt: FeltSentence): boolean {
  if (!THAT_WORRIES.test(normalise(readText(felt.sentence.text).cleaned))) return false;
  // "…I was sitting in Samagaun calling the whole night." – "That's why I'm, I'm worried, dai.": said alone after the
  // manager's story, the worry is the one the manager has just told
  if (felt.before === null) return felt.after === null;
  return felt.before.utterance === felt.sentence.utterance && AGREES_FIRST.test(normalise(readText(felt.before.text).cleaned));
}
const AGREES_FIRST = /^(?:(?:yes|yeah|no|oh)[,.\s]+)*(?:i know|exactly|true|that's true|that's right|right|yes|yeah)[.!]?$/;
const THAT_WORRIES =
  /^(?:(?:and|so|yeah)[,\s]+)*that's (?:why|what|exactly what|exactly why) (?:i'm|i am|i was|worries me|scares me)(?: (?:a bit |so |really )?(?:worried|scared|nervous|concerned)(?: about)?)?(?:, \p{L}+)?[.!]?$/u;
const WAS_WORRIED = /\bi was(?: (?:a bit|a little|really|so|actually|just|kind of))* (?:worried|scared|nervous|anxious|afraid|concerned)\b/;
