import { readClean, readText } from "../language/read.js";
import { countWords, FRAGMENT_WORDS, tokens } from "../language/tokens.js";
import { inOwnVoice } from "./reply-voice.js";
import { normalise, speaksOfFeeling } from "../language/phrases.js";
import { isMinimal } from "./exchanges.js";
import { type FeltSentence, feltSentence } from "./key-sentence.js";
import { thanks } from "./worth-coaching.js";
import type { Candidate } from "./moments.js";
import { echoesOnly, hearsIt } from "./answer-to-say-back.js";
import { asksAFact } from "./takes-up.js";
import type { KeptRestatement } from "./schema.js";
import type { Utterance } from "../transcript/schema.js";
import { acceptsIt, brushOff, offersHelp, replyBrushesOff, takesItUp } from "./brush-off.js";
import {
  afterAcknowledgement,
  callsForAttention,
  excusesSelf,
  onlyAcknowledges,
  withoutVocative,
  ownTakeAfterStem,
  readSentence,
  reassures,
  sumsUp,
} from "./speech-acts.js";

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
  if (felt === null) return candidate.reply !== null && turnsAway(candidate) && !cameBack(candidate);
  if (relief(felt) || worryOfTheirsAgreed(felt)) return false;
  if (!candidate.reply) return true;
  const turn = new Set(candidate.turn.flatMap((u) => [...readText(u.text).contentLemmas]));
  const theirs: TheirWords = {
    felt: readText(felt.sentence.text).contentLemmas,
    turn,
    // "But honestly, this is my worry. I don't think the twenty-eighth of August is realistic…": the turn says what
    // a bare worry is
    point: felt.bare ? turn : new Set(),
    strained: STRAINED.test(normalise(readText(felt.sentence.text).cleaned)),
  };
  const answered = candidate.replies.filter((u) => !isMinimal(u.text)).map((u) => u.text);
  const sentences = answered
    .flatMap((text) => readText(text).sentences)
    .filter((s) => !isMinimal(s))
    .map((asSaid) => ({ asSaid, text: normalise(readText(withoutVocative(asSaid)).cleaned) }))
    // "All right." opens a reply without being one; "I understand." alone answers them (below)
    .filter((s) => readSentence(s.text).act !== "backchannel" || ACKNOWLEDGES.test(s.text) || ANSWERS_NO.test(s.text))
    // "Sorry, I'm typing. Flooding, yes. Can you ask GA…?": the excuse is neither; what follows it is the reply
    // "Listen to me. …": a call for attention, before the reply
    .filter((s) => !excusesSelf(s.text) && !callsForAttention(s.text))
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
 * that happen to me at my last place.", "Ha, welcome to the trade." Where they raised a problem, a proposal or a
 * decision rather than a feeling, only this plain a sign shows the rules that the reply did not take it up; comfort
 * counts only against a problem (to a proposal, "Don't worry, that'll be fine" says yes).
 */
function turnsAway(candidate: Candidate): boolean {
  // "I'm not going to announce anything." – "Okay, good. Right, anything else?": a decision or a proposal accepted,
  // however short the yes, is taken up before the reply moves on
  if (ACCEPTED.has(candidate.raised) && opensAccepting(candidate.replies)) return false;
  // "Eh… put four. Six, I can't train them all." – "Okay, four. Next slide.": what they asked for, granted in their words
  if (grantsInTheirWords(candidate)) return false;
  const off = replyBrushesOff(candidate.replies);
  return off !== null && (off !== "waves-away" || candidate.raised === "problem" || candidate.raised === "implied");
}

/**
 * The listener did not know it: "I didn't know about the heating", "I had no idea the van was that bad", "I hadn't
 * realised it was still bothering you".
 */
const NEWS_TO_ME =
  /^(?:(?:oh|okay|ok|right|wow|god|gosh|so|that)[,.!\s]+)*i (?:(?:didn't|did not|never|hadn't|had not) (?:known?|reali[sz]ed?|hear|heard|notice|noticed)|had no idea)\b/;
/** What they did not know is about the other person: "…it was still bothering you", "…you felt like that". */
const ABOUT_YOU = /\byou(?:'re|'d|'ve)?\b/;

const ACCEPTED: ReadonlySet<Candidate["raised"]> = new Set(["decision", "proposal"]);

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

/** The reply's first sentence accepts what they said. */
function opensAccepting(replies: readonly Utterance[]): boolean {
  const first = replies.flatMap((u) => readText(u.text).sentences)[0];
  return first !== undefined && acceptsIt(normalise(readText(first).cleaned));
}

/** Their words, by lemma: of the sentence that says the feeling, and of their whole turn. */
interface TheirWords {
  felt: ReadonlySet<string>;
  turn: ReadonlySet<string>;
  /** Of the turn where the worry is bare, since the turn says what it is; empty for any other feeling. */
  point: ReadonlySet<string>;
  /** The feeling is strain: "I'm quite tired", "I'm stretched". */
  strained: boolean;
}
const STRAINED = /\b(?:tired|exhausted|stretched|overwhelmed|drained|burn(?:ed|t) out|swamped|knackered|shattered|worn out|overloaded)\b/;

function heard(sentence: string, opening: boolean, theirs: TheirWords, afterComfort: boolean): boolean {
  // "You'll be fine.", "Oh God, I remember that feeling. My second year…": no sign, whatever words it shares
  if (brushOff(sentence) !== null) return false;
  // "Fifty-two hours since Christmas.": their words said back, nothing of the listener's added
  if (echoesTurn(sentence, theirs.turn)) return true;
  const read = readSentence(sentence);
  // "You handled it brilliantly. You stayed calm, you got him sorted.": the praise spelled out, not their feeling
  // "Sipho, you worry too much! The juniors are good, you trained half of them yourself.": so is praise of what they did
  if (afterComfort && (read.act === "about-them" || read.secondPerson) && !sharesWith(sentence, theirs.felt)) return false;
  if ((read.act === "reflection" && !ownTakeAfterStem(read)) || read.act === "about-them") return true;
  if (ACKNOWLEDGES.test(sentence)) return true;
  // "That, I didn't know about the heating.", "I hadn't realised it was still bothering you.": their news taken in,
  // in their words or as news of them
  if (NEWS_TO_ME.test(sentence) && (sharesWith(sentence, theirs.turn) || ABOUT_YOU.test(sentence))) return true;
  if (opening && (DISAGREES.test(sentence) || ANSWERS_NO.test(sentence))) return true;
  // "And if you lost your job, what would…?": a question that takes their case as its premise explores it
  if (opening && read.asked && SUPPOSES.test(sentence)) return true;
  // "How long's that been going on?": a question about what they said, pointing back at it
  if (opening && read.asked && ASKS_ABOUT_IT.test(read.core)) return true;
  // "How many hours are you actually working per day?" to "I'm quite tired lately": how much of it they live
  if (opening && read.asked && ASKS_HOW_MUCH_THEY.test(read.core)) return true;
  // "What productivity are they assuming?" to "…this is my worry. I don't think August is realistic… the same
  // productivity as in January": a question at once about what the worry is ("How many samples do we run on a
  // Tuesday?" asks a fact beside it)
  if (opening && read.asked && !asksAFact(read.core) && sharesWith(sentence, theirs.point)) return true;
  // "How many duty managers we have now on the rota?" to "I'm quite tired, to be honest": how much work lies behind
  // the strain ("How long's the ad been up?" to "I'm just pretty stretched" asks after the manager's business)
  if (opening && read.asked && theirs.strained && HOW_MANY.test(read.core)) return true;
  // "How many doses?" to "If they say destroy, that's the biggest part of the value": how much is at stake, asked at once
  if (opening && read.asked && countWords(sentence) <= HOW_MUCH_WORDS && HOW_MUCH.test(read.core)) return true;
  // "I'll escalate it to Pete myself, today", "Of course. Go on.": acting on it, or asking them to go on
  if (takesItUp(sentence)) return true;
  // "The email?", "Every week?", "What's the difference?", "Why's that?": a short question at once asks them to say
  // more ("Anything else?" moves on, read above as a brush-off)
  if (opening && read.asked && (countWords(sentence) <= 2 || (countWords(sentence) <= 4 && SAY_MORE.test(read.core)))) return true;
  // "The 3.2 thing?": a few of their words asked back; "Did you talk to them?": what they did about it
  if (opening && read.asked && countWords(sentence) <= ECHO_QUESTION_WORDS && sharesWith(sentence, theirs.turn)) return true;
  if (read.asked && ASKS_WHAT_THEY_DID.test(read.core)) return true;
  // "How many in your class this year?": a fact beside the feeling, whatever word of theirs it shares
  if (read.asked && asksAFact(read.core)) return false;
  // comfort waves the feeling away without saying it back, whatever words of theirs it repeats ("Don't worry about
  // your stats, nobody's looking."); comfort that offers something ("Don't worry, Alex can take the pager.") answers it
  if (reassures(sentence) && !offersHelp(sentence)) return false;
  // advice is no sign of having heard a feeling, even in their words ("You need to quit smoking."); "it's going
  // to keep happening that you have to turn down work" says their worry back, whatever "you have to" inside it
  if (read.act === "advice" && TELLS.test(read.core)) return false;
  // a summing-up or a statement about them, in other words ("So, having reliable childcare would make a big
  // difference.", "There's a lot of change with your wife, with the new baby."): a paraphrase, not moving on
  if (
    !read.asked &&
    read.act !== "question" &&
    (sumsThemUp(sentence, read.core) || (read.secondPerson && (read.act === "statement" || THERE_IS.test(read.core))))
  )
    return true;
  return speaksOfFeeling(sentence) || sharesWith(sentence, theirs.felt);
}

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

/**
 * Fewer words than a sentence of substance, and neither a question ("Every week?"), an acknowledgement ("Fair.") nor
 * an invitation to go on ("Go on.").
 */
function fragment(sentence: string): boolean {
  return (
    countWords(sentence) < FRAGMENT_WORDS &&
    !/\?\s*$/.test(sentence) &&
    !ACKNOWLEDGES.test(sentence) &&
    !ANSWERS_NO.test(sentence) &&
    !takesItUp(sentence) &&
    brushOff(sentence) === null
  );
}
/** "No! Never.", "Of course not.": a worry about what the listener would say, answered. */
const ANSWERS_NO = /^(?:(?:oh|god|gosh)[,!.\s]+)*(?:no|never|of course not|not at all|absolutely not|no way)[!.]?$/;

/** Every content word of the sentence is theirs, and there are a few: an echo of what they said. */
function echoesTurn(sentence: string, turn: ReadonlySet<string>): boolean {
  const mine = readText(sentence).contentLemmas;
  if (mine.size < ECHO_CONTENT) return false;
  for (const l of mine) if (!turn.has(l)) return false;
  return true;
}
const ECHO_CONTENT = 2;

/** Some word of theirs (by lemma) is in the sentence. */
function sharesWith(sentence: string, theirs: ReadonlySet<string>): boolean {
  for (const l of readText(sentence).contentLemmas) if (theirs.has(l)) return true;
  return false;
}

/**
 * A "so" that sums up what they said, in their words or in others ("So having someone else on the pager would
 * make a big difference."). Not one that turns to the manager's own agenda ("So let's…"; "So, on the audit list,
 * the main thing is…" is a brush-off, read before this) or speaks in the manager's own voice ("So, a thing that
 * really helped me…").
 */
function sumsThemUp(sentence: string, core: string): boolean {
  return sumsUp(sentence) && !TURNS_TO_AGENDA.test(sentence) && !inOwnVoice(core);
}

/** A question about what they said, pointing back at it: "How long's that been going on?", "When did it start?" */
const ASKS_ABOUT_IT =
  /^(?:(?:okay|ok|and|so|right)[,\s]+)*(?:how long|since when|when did|how often|how bad|how much|how many|what's|what is|what was|why is|why's|how is|how's|is that|has that|has it|how did you|what did you|how do you|what do you)\b[^?]{0,40}\b(?:that|it|this)\b(?! (?:year|week|month|morning|term|quarter|season|time)\b)/;

/** A short question of how much of it there is: "How many doses?", "How much stock?", "How bad?". */
const HOW_MUCH = /^(?:(?:okay|ok|and|so|right|um|uh|oh)[,\s]+)*how (?:many|much|bad|big|serious|long)\b/;
const HOW_MUCH_WORDS = 4;
const HOW_MANY = /^(?:(?:okay|ok|and|so|right|um|uh|oh)[,\s]+)*how (?:many|much)\b/;

/** A question of how much, how long or how late they do something: "How many hours are you working?", "How long have you felt like this?". */
const ASKS_HOW_MUCH_THEY =
  /^(?:(?:okay|ok|and|so|right|um|uh)[,\s]+)*how (?:many|much|long|late|often)\b[^?,]{0,30}\b(?:are|were|have|do|did|had) you\b/;

/** A question this short, in their words, asks them about it. */
const ECHO_QUESTION_WORDS = 3;
/** "Did you talk to them?", "Have you told Ross?": what they did about it. */
const ASKS_WHAT_THEY_DID =
  /^(?:(?:and|so|okay|ok|right|um|but)[,\s]+)*(?:did|have|had) you (?:already |ever )?(?:talk|spoken?|tell|told|ask|raise|mention|say|said|flag|bring|email|call)\b/;

/** A short question that asks them to say more about what they said. */
const SAY_MORE =
  /^(?:what's the difference|what do you mean|why's that|why is that|how come|in what way|how so|like what|such as|what happened|meaning|based on what|says who|how do you know|what makes you (?:say|think) (?:that|so))\b/;

/** Opens by supposing something of them: "and if you lost your job…", "what if it happens again…". */
const SUPPOSES = /^(?:(?:and|so|but|okay|ok|well)[,\s]+)*(?:if|what if|suppose|say) (?:you|that|it|this|they|he|she)\b/;

/**
 * "So, on-call, which is the part I wanted to get to.", "So let's move on": a "so" that turns to the manager's own
 * agenda is no summing-up by its form; it still counts as heard below where it echoes their words ("So the release
 * may slip, let's move on"). Praise keeps its own reading (`keep-doing.ts`), where a summing-up needs their words.
 */
const TURNS_TO_AGENDA =
  /\b(?:i (?:really )?(?:want|wanted|'d like|would like|need|needed) to (?:get to|get on to|talk about|go (?:over|through)|cover|move on|turn to)|let's|let us|move on|moving on|next (?:item|thing|topic|point)|on to the)\b/;

/** "There's a lot on your plate": their situation named. */
const THERE_IS = /^there(?:'s| is| are| was| were| has been| have been)\b/;

/** A sentence that opens by telling them what to do. */
const TELLS =
  /^(?:my (?:advice|suggestion|recommendation) (?:is|would be)|you (?:really |just |still )?(?:should|shouldn't|ought|need to|have to|must|might want to|could try|can try|gotta|have got to)|i(?:'d| would)? (?:recommend|suggest|encourage)|i (?:really )?(?:want|need) you to|let's|let us|try|make sure|why don't you|how about|maybe you (?:should|could)|it(?:'d| would) be (?:good|best|better) (?:to|if))\b/;

/** Opens by acknowledging the point or sharing the feeling, in so many words. */
const ACKNOWLEDGES =
  /^(?:(?:well|yeah|yes|oh|okay|ok|so|mm|hmm|and)[,\s]+)*(?:(?:that's|that is|it's|it is|that sounds|sounds) (?:like )?(?:a |an )?(?:really |very |so |quite |pretty )?(?:good|great|fair|understandable|tough|hard|difficult|important|valid|interesting|bummer|shame|pity|rough|awful|terrible|horrible|horrendous|scary|frightening|frustrating|upsetting)\b|fair(?: enough| point)?[.!]?$|(?:a )?(?:good|fair) point\b|(?:that's|that is) (?:too much|not (?:okay|ok|on|right|fair)|unfair)\b|i(?:'m| am) (?:also |so |really )?(?:concerned|worried|glad|sorry|pleased|happy|delighted)\b|i (?:can )?(?:see|understand|hear you|get it|get that)\b|(?:that )?makes sense\b|i know\b|of course\b|exactly\b|absolutely\b|right, (?:so|and)\b|wow\b|oh no\b)/;

/**
 * Opens by disagreeing or correcting: "No, …", "But …", "Right, but …", "I think you're wrong", "Actually, …". An
 * argument with the point takes it up (the rubric counts it so), however little it concedes.
 */
const DISAGREES =
  /^(?:(?:well|yeah|yes|right|sure|true|fair enough|okay|ok|hmm|um|uh|oh|and)[,\s]+)*(?:no\b|nope\b|but\b|actually\b|not really\b|not necessarily\b|i don't think\b|i (?:(?:really|fully|entirely|totally|quite) )?disagree\b|i'm not sure (?:that|about)\b|that's not\b|i don't (?:(?:really|fully|entirely|totally|quite|completely) )?agree\b|(?:i think )?you're wrong\b|i think you're\b)/;
