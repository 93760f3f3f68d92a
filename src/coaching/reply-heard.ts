/**
 * Does a sentence of the manager's reply show they heard the feeling the other person voiced? The readings behind the
 * rules' verdict (`rules-judgement.ts`): a reflection or a sentence about them, an acknowledgement, an argument, a
 * question that asks after the point, an undertaking, or their own words echoed; not comfort, advice or a question of
 * fact beside it.
 */
import { readText } from "../language/read.js";
import { countWords, FRAGMENT_WORDS } from "../language/tokens.js";
import { normalise, speaksOfFeeling } from "../language/phrases.js";
import { inOwnVoice } from "./reply-voice.js";
import { type FeltSentence, withoutNotOnly } from "./key-sentence.js";
import { asksAFact } from "./takes-up.js";
import type { Utterance } from "../transcript/schema.js";
import { brushOff, offersHelp, takesItUp } from "./brush-off.js";
import { ownTakeAfterStem, readSentence, reassures, sumsUp } from "./speech-acts.js";

/** Their words, by lemma: of the sentence that says the feeling, and of their whole turn. */
export interface TheirWords {
  felt: ReadonlySet<string>;
  turn: ReadonlySet<string>;
  /** Of the turn where the worry is bare, since the turn says what it is; empty for any other feeling. */
  point: ReadonlySet<string>;
  /** The feeling is strain: "I'm quite tired", "I'm stretched". */
  strained: boolean;
}
const STRAINED = /\b(?:tired|exhausted|stretched|overwhelmed|drained|burn(?:ed|t) out|swamped|knackered|shattered|worn out|overloaded)\b/;

/**
 * Does this sentence of the reply (`sentence`: cleaned, lower-cased) show the manager heard the feeling? `opening`: it
 * is the reply's first sentence of substance; `afterComfort`: the sentence before it waved the feeling away.
 */
export function heard(sentence: string, opening: boolean, theirs: TheirWords, afterComfort: boolean): boolean {
  // "You'll be fine.", "Oh God, I remember that feeling. My second year…": no sign, whatever words it shares
  if (brushOff(sentence) !== null) return false;
  // "Look, I know about the audit." to "I'm worried about the audit": the matter is known already, the worry not heard
  if (KNOWS_OF_IT.test(sentence)) return false;
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
  if (opening && read.asked && asksAfterIt(sentence, read.core, theirs)) return true;
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
 * A question asked at once that asks after their point: it takes their case as its premise, points back at it, asks
 * how much of it they live or how much is at stake, or asks what a bare worry is. `core`: the sentence past its stem.
 */
function asksAfterIt(sentence: string, core: string, theirs: TheirWords): boolean {
  // "And if you lost your job, what would…?": a question that takes their case as its premise explores it
  if (SUPPOSES.test(sentence)) return true;
  // "How long's that been going on?": a question about what they said, pointing back at it
  if (ASKS_ABOUT_IT.test(core)) return true;
  // "How many hours are you actually working per day?" to "I'm quite tired lately": how much of it they live
  if (ASKS_HOW_MUCH_THEY.test(core)) return true;
  // "What productivity are they assuming?" to "…this is my worry. I don't think August is realistic… the same
  // productivity as in January": a question at once about what the worry is ("How many samples do we run on a
  // Tuesday?" asks a fact beside it)
  if (!asksAFact(core) && sharesWith(sentence, theirs.point)) return true;
  // "How many duty managers we have now on the rota?" to "I'm quite tired, to be honest": how much work lies behind
  // the strain ("How long's the ad been up?" to "I'm just pretty stretched" asks after the manager's business)
  if (theirs.strained && HOW_MANY.test(core)) return true;
  // "How many doses?" to "If they say destroy, that's the biggest part of the value": how much is at stake, asked at once
  if (countWords(sentence) <= HOW_MUCH_WORDS && HOW_MUCH.test(core)) return true;
  return false;
}

/** Their words for reading the reply against the feeling `felt` said in their `turn`. */
export function theirWordsOf(felt: FeltSentence, turn: readonly Utterance[]): TheirWords {
  const all = new Set(turn.flatMap((u) => [...readText(u.text).contentLemmas]));
  return {
    // "And it's not only the hours, it's, I go home and I think about the kiln": "the hours" back is not the point heard
    felt: readText(withoutNotOnly(felt.sentence.text)).contentLemmas,
    turn: all,
    // "But honestly, this is my worry. I don't think the twenty-eighth of August is realistic…": the turn says what
    // a bare worry is
    point: felt.bare ? all : new Set(),
    strained: STRAINED.test(normalise(readText(felt.sentence.text).cleaned)),
  };
}

/** "I understand." or "No! Never." on its own answers them, short as it is. */
export function answersThem(sentence: string): boolean {
  return ACKNOWLEDGES.test(sentence) || ANSWERS_NO.test(sentence);
}

/** Only that the listener knows of the matter already: "I know about the audit.", "I'm aware of the backlog." */
const KNOWS_OF_IT =
  /^(?:(?:look|listen|well|yeah|yes|okay|ok|no|so)[,.!\s]+)*(?:i know|i'm (?:well |fully )?aware|i am (?:well |fully )?aware) (?:all )?(?:about|of) (?:the|that|this|it|your)(?: [\p{L}\p{N}'-]+){0,3}[.!]?$/u;
/**
 * The listener did not know it: "I didn't know about the heating", "I had no idea the van was that bad", "I hadn't
 * realised it was still bothering you".
 */
const NEWS_TO_ME =
  /^(?:(?:oh|okay|ok|right|wow|god|gosh|so|that)[,.!\s]+)*i (?:(?:didn't|did not|never|hadn't|had not) (?:known?|reali[sz]ed?|hear|heard|notice|noticed)|had no idea)\b/;
/** What they did not know is about the other person: "…it was still bothering you", "…you felt like that". */
const ABOUT_YOU = /\byou(?:'re|'d|'ve)?\b/;

/**
 * Fewer words than a sentence of substance, and neither a question ("Every week?"), an acknowledgement ("Fair.") nor
 * an invitation to go on ("Go on.").
 */
export function fragment(sentence: string): boolean {
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
export function echoesTurn(sentence: string, turn: ReadonlySet<string>): boolean {
  const mine = readText(sentence).contentLemmas;
  if (mine.size < ECHO_CONTENT) return false;
  for (const l of mine) if (!turn.has(l)) return false;
  return true;
}
const ECHO_CONTENT = 2;

/** Some word of theirs (by lemma) is in the sentence. */
export function sharesWith(sentence: string, theirs: ReadonlySet<string>): boolean {
  for (const l of readText(sentence).contentLemmas) if (theirs.has(l) && !SAYS_NOTHING_OF_IT.has(l)) return true;
  return false;
}
/** Words that say how much or how well, not what: "I can't sleep so good" and "it's going to be so much better". */
const SAYS_NOTHING_OF_IT = new Set(["good", "well", "much", "lot", "bit", "thing", "way", "kind", "really"]);

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

/** Words a question of "how" may open with: "Okay, so how many…", "Um, how much…". */
const HOW_LEAD = String.raw`^(?:(?:okay|ok|and|so|right|um|uh|oh)[,\s]+)*how`;
/** A short question of how much of it there is: "How many doses?", "How much stock?", "How bad?". */
const HOW_MUCH = new RegExp(String.raw`${HOW_LEAD} (?:many|much|bad|big|serious|long)\b`);
const HOW_MUCH_WORDS = 4;
/** "How many duty managers…?", "How much overtime…?" */
const HOW_MANY = new RegExp(String.raw`${HOW_LEAD} (?:many|much)\b`);
/** A question of how much, how long or how late they do something: "How many hours are you working?", "How long have you felt like this?". */
const ASKS_HOW_MUCH_THEY = new RegExp(
  String.raw`${HOW_LEAD} (?:many|much|long|late|often)\b[^?,]{0,30}\b(?:are|were|have|do|did|had) you\b`,
);

/** A question this short, in their words, asks them about it. */
const ECHO_QUESTION_WORDS = 3;
/** "Did you talk to them?", "Have you told Ross?": what they did about it. */
const ASKS_WHAT_THEY_DID =
  /^(?:(?:and|so|okay|ok|right|um|but)[,\s]+)*(?:did|have|had) you (?:already |ever )?(?:talk|spoken?|tell|told|ask|raise|mention|say|said|flag|bring|email|call)\b/;

/** A short question that asks them to say more about what they said. */
const SAY_MORE =
  /^(?:what's the difference|what do you mean|why's that|why is that|how come|in what way|how so|like what|such as|what happened|meaning|based on what|says who|how do you know|what makes you (?:say|think) (?:that|so)|who said (?:that|so|it)|when was (?:that|this)|where was (?:that|this)|what (?:kind|sort|type) of)\b/;

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
  /^(?:(?:well|yeah|yes|no|oh|okay|ok|so|mm|hmm|and)[,\s]+)*(?:(?:that's|that is|it's|it is|that sounds|sounds) (?:like )?(?:a |an )?(?:really |very |so |quite |pretty )?(?:good|great|fair|understandable|tough|hard|difficult|important|valid|interesting|bummer|shame|pity|rough|awful|terrible|horrible|horrendous|scary|frightening|frustrating|upsetting)\b|fair(?: enough| point)?[.!]?$|(?:a )?(?:good|fair) point\b|(?:that's|that is) (?:too much|not (?:okay|ok|on|right|fair)|unfair)\b|i(?:'m| am) (?:also |so |really )?(?:concerned|worried|glad|sorry|pleased|happy|delighted)\b|i (?:can )?(?:see|understand|hear you|get it|get that)\b|(?:that )?makes sense\b|i know\b|of course\b|exactly\b|absolutely\b|right, (?:so|and)\b|wow\b|oh no\b)/;

/**
 * Opens by disagreeing or correcting: "No, …", "But …", "Right, but …", "I think you're wrong", "Actually, …". An
 * argument with the point takes it up (the rubric counts it so), however little it concedes.
 */
const DISAGREES =
  /^(?:(?:well|yeah|yes|right|sure|true|fair enough|okay|ok|hmm|um|uh|oh|and)[,\s]+)*(?:no\b|nope\b|but\b|actually\b|not really\b|not necessarily\b|i don't think\b|i (?:(?:really|fully|entirely|totally|quite) )?disagree\b|i'm not sure (?:that|about)\b|that's not\b|i don't (?:(?:really|fully|entirely|totally|quite|completely) )?agree\b|(?:i think )?you're wrong\b|i think you're\b)/;
