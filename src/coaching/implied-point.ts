/**
 * A point their words do not name, shown by the reply that brushed it off: where they spoke of themselves and the
 * listener comforted, joked, told their own story or moved on. Read only where `pointIn` (worth-coaching.ts) finds
 * nothing named.
 */
import { readSentence, SECOND_PERSON } from "./speech-acts.js";
import { brushOff, replyBrushesOff, takesItUp } from "./brush-off.js";
import { isMinimal } from "./exchanges.js";
import { countWords } from "../language/tokens.js";
import { normalise } from "../language/phrases.js";
import { readClean, readText, sharedContent } from "../language/read.js";
import { speaksOfThemselves } from "../language/felt.js";
import type { Utterance } from "../transcript/schema.js";
import { isAside, MIN_WORDS, type Raised, thanks } from "./worth-coaching.js";

/** "Sorry, I didn't think…": an apology, which answers the manager. */
const APOLOGISES = /^(?:(?:okay|ok|oh|yeah|um|uh|no)[,.!\s]+)*(?:sorry|i'm sorry|i am sorry|my bad|apologies)\b/;
/** A sentence that takes something on or thanks them: an answer to the manager, not a point of their own. */
const COMMITS_OR_THANKS =
  /^(?:(?:yeah|yes|ok|okay|sure|right|ha|oh|um|uh|no)[,.!\s]+)*(?:i'll(?! be honest| admit| tell you| say)|i will|i can do|i could do|i'm happy to|thanks|thank you|cheers)\b|\b(?:thanks|thank you)\b/;
/** A statement about themselves with this many content words is something of their own, not a fragment or a yes. */
const MIN_PERSONAL_CONTENT = 2;

/**
 * A point their words do not name but the reply shows was there: they spoke of themselves, in a statement of some
 * length ("I've got the mortgage and everything. And Ade's hours got cut at his place."), and the reply brushed
 * it off (`brush-off.ts`: "Look, you're not going anywhere. You'll be fine."). Managers comfort, joke, tell their
 * own story or move on where something was raised; the card quotes what they said and asks the manager to say it
 * back in their own words.
 */
export function pointBrushedOff(
  trigger: readonly Utterance[],
  replies: readonly Utterance[],
): { raised: Raised; utterances: Utterance[] } | null {
  // comfort, praise, the listener's story or a joke shows something was there; a turn to the next topic ("Good.
  // Anything else?", "Okay. And, um, career-wise.") is how meetings move on, and says nothing of what was
  const off = replyBrushesOff(replies);
  if (off === null || off === "turns-away" || replyAnswers(trigger, replies) || turnAsksNothing(trigger)) return null;
  // "Ha. OK. Thanks. That's been at the back of my head.": relief at an answer, not a point left unheard
  const personal = trigger.filter((u) => !readText(u.text).sentences.some(thanks) && readText(u.text).sentences.some(aboutThemselves));
  return personal.length > 0 ? { raised: "implied", utterances: personal } : null;
}

/**
 * Whatever comfort is in it, the reply answers them: it answers their question in their terms, grants what they said
 * of themselves, acts on it or advises on it in their words.
 */
function replyAnswers(trigger: readonly Utterance[], replies: readonly Utterance[]): boolean {
  return answersTheirQuestion(trigger, replies) || affirmsIt(replies) || actsOnIt(replies) || advisesOnIt(trigger, replies);
}

/**
 * Their turn asks for no hearing: it hands the floor back with a question about the listener, opens by agreeing or
 * with a laugh, or takes something on ("I'll forward you the email from the committee. … I already updated the
 * numbers.": what they did is the report that goes with it).
 */
function turnAsksNothing(trigger: readonly Utterance[]): boolean {
  const sentences = trigger.flatMap((u) => readText(u.text).sentences);
  return (
    asksAfterListener(trigger) ||
    opensWith(trigger, AGREES_OR_LAUGHS) ||
    sentences.some((s) => UNDERTAKES.test(normalise(readText(s).cleaned)))
  );
}

/**
 * Their turn opens with `pattern`: agreement with the manager's suggestion ("Yeah. That's true. The auto ones I don't
 * mind.", what follows answers it), or a laugh ("Ha, I deleted about three versions first.", a joke at praise).
 */
function opensWith(trigger: readonly Utterance[], pattern: RegExp): boolean {
  const first = trigger.flatMap((u) => readText(u.text).sentences).find((s) => !isMinimal(s) || LAUGH.test(normalise(s)));
  return first !== undefined && pattern.test(normalise(first));
}
const LAUGH = /^(?:ha|haha|hah|heh|lol)\b/;
const AGREES_OR_LAUGHS =
  /^(?:(?:yeah|yes|oh|okay|ok|mm|hmm)[,.!\s]+)*(?:that's true|true|fair enough|fair point|good point|exactly|you're right|that's right|that makes sense|makes sense)[.!]?$|^(?:ha|haha|hah|heh|lol)\b/;

/** "I'm usually very careful with the meds." – "I know you are, pet.": what they said of themselves, granted. */
function affirmsIt(replies: readonly Utterance[]): boolean {
  const first = replies.filter((u) => !isMinimal(u.text)).flatMap((u) => readText(u.text).sentences)[0];
  return first !== undefined && AFFIRMS.test(normalise(readText(first).cleaned));
}
const AFFIRMS = /^(?:(?:oh|ah|aw|yeah|yes|no|sure|of course)[,.!\s]+)*i know (?:you (?:are|do|did|have|were|will|would|can)|that)\b/;

/**
 * "I'll forward you the email", "And the uniqueness check, I'll do that this week", "Yeah. I can check with Lina.",
 * "I can train whoever comes.": something they take on or offer to do.
 */
const UNDERTAKES =
  /^(?:(?:yeah|yes|ok|okay|sure|so|and|um|uh)[,.!\s]+)*(?:(?:the|that|this) [^,.?!]{1,30}, )?i(?:'ll| will| can| could) (?:(?:just|also|definitely) )?(?:forward|send|share|email|update|add|put|book|set up|write|draft|check|ask|do|get|bring|fix|finish|train|show|teach|help|cover|hand over|sit with|prepare|organi[sz]e|stay)\b/;

/**
 * "Went to my mum's in Paisley on Sunday, that was about it. You?": their turn hands the floor back with a short
 * question about the listener, and the listener's story answers it.
 */
function asksAfterListener(trigger: readonly Utterance[]): boolean {
  const last = trigger.flatMap((u) => readText(u.text).sentences).at(-1);
  return last !== undefined && /\?\s*$/.test(last) && countWords(last) <= ASKS_BACK_WORDS && /\b(?:you|your|yours)\b/i.test(last);
}
const ASKS_BACK_WORDS = 5;

/**
 * "I'm kind of thinking maybe it's not the right time." – "Oh, don't worry about that. … You should apply.": advice
 * in their words, past the comfort, disagrees with their point, which takes it up.
 */
function advisesOnIt(trigger: readonly Utterance[], replies: readonly Utterance[]): boolean {
  const theirs = trigger.map((u) => u.text);
  return replies
    .filter((u) => !isMinimal(u.text))
    .flatMap((u) => readText(u.text).sentences)
    .map((s) => normalise(readText(s).cleaned))
    .filter((s) => !isMinimal(s))
    .slice(0, ADVICE_SENTENCES)
    .some((s) => brushOff(s) === null && readSentence(s).act === "advice" && sharedContent(theirs, s) > 0);
}
/** How many sentences of substance of the reply are read for advice on their point. */
const ADVICE_SENTENCES = 3;

/** "…you did exactly the right thing. … But I'll ping Tom today and ask where it is.": an undertaking takes it up. */
function actsOnIt(replies: readonly Utterance[]): boolean {
  return replies.some((u) => readText(u.text).sentences.some((s) => takesItUp(normalise(readText(s).cleaned))));
}

/**
 * They asked, and the reply's first words answer in their terms ("Did it get logged as a non-conformance? Because I
 * wrote it in the book…" – "Ja, Sipho goes through the book. It'll be fine."): a question of fact answered, whatever
 * comfort follows.
 */
function answersTheirQuestion(trigger: readonly Utterance[], replies: readonly Utterance[]): boolean {
  const said = trigger.map((u) => u.text).join(" ");
  if (!readText(said).sentences.some((s) => /\?\s*$/.test(s))) return false;
  const first = replies
    .filter((u) => !isMinimal(u.text))
    .flatMap((u) => readText(u.text).sentences)
    .find((s) => countWords(s) >= MIN_WORDS);
  return first !== undefined && sharedContent([said], first) > 0;
}

/** A sentence in which they speak of themselves at some length (`sentence` as said). */
function aboutThemselves(sentence: string): boolean {
  if (/\?\s*$/.test(sentence)) return false;
  const s = normalise(readText(sentence).cleaned);
  // "Yeah, I'll do that. I'll email Priyanka.": a yes to the manager, not a point of their own
  if (COMMITS_OR_THANKS.test(s)) return false;
  // "Sorry, I didn't think it was a big deal": an apology answers the manager; "I can see your ceiling" is about them
  if (APOLOGISES.test(s) || SECOND_PERSON.test(s)) return false;
  // "But I'm saying, I'm thinking.": that they say or think, with nothing of what
  const content = [...readClean(s).contentLemmas].filter((l) => !SAYING.has(l));
  return content.length >= MIN_PERSONAL_CONTENT && !isAside(s) && speaksOfThemselves(s);
}
/** Verbs of saying and thinking: what they name is the saying, not a point. */
const SAYING: ReadonlySet<string> = new Set(["say", "think", "mean", "know", "tell", "guess", "suppose", "talk", "ask"]);
