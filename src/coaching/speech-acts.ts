import { perText } from "../language/read.js";
import { REFLECTIVE_OPENERS, YOU_OPENERS } from "../language/word-lists.js";

/**
 * What a listener's sentence does, read from its form: a reflection ("It sounds like…", "So you're worried
 * that…", "Part of you wants…", "It's been hard since…"), a statement about the other person ("You've decided to
 * cut back"), a question (by a question word or by inverted word order: "Do you…?"), advice ("You should…",
 * "I'd recommend…"), a backchannel ("Mm-hmm."), or another statement. A question mark on a sentence in statement
 * word order ("So you're on call that weekend?") is a reflection offered for checking, not a question.
 * Works on lower-cased, cleaned text (see `cleanSpoken`).
 */

export type SentenceAct = "backchannel" | "reflection" | "about-them" | "question" | "advice" | "self" | "statement";

/** Shared by every step that reads the same sentence, so never changed. */
export interface ReadSentence {
  /** The sentence with its leading discourse words removed. */
  readonly core: string;
  readonly act: SentenceAct;
  /** Ends with "?" (asked or offered for checking). */
  readonly asked: boolean;
  /** Speaks of the other person ("you", "your"). */
  readonly secondPerson: boolean;
  /** The reflective stem that made it a reflection, if any. */
  readonly stem: string | null;
}

/** Words a sentence may open with that carry no act of their own ("Okay. So, yeah, you feel…"). */
const LEADS = new Set(
  "okay ok so and but well yeah yes yep yup right mm-hmm uh-huh hmm alright sure now oh great good absolutely exactly certainly wow gotcha no then also plus anyway honestly seriously look listen actually basically".split(
    " ",
  ),
);

/**
 * Stems of reflections (the language leaf's reflective openers, longest first): paraphrase openers,
 * double-sided ("on the one hand… on the other"), "part of you", and empathic guesses ("I imagine…", "it must
 * be…"), less those that begin with "you" or "so you" (they open a sentence, below). These may stand anywhere near the start of a sentence that is not a question or advice ("Okay, and it
 * sounds like…"), as long as what follows is not the listener or the two of them ("it sounds like we have a plan").
 * Stems about the other person's feeling, wanting and thinking (the leaf's "you" openers) make a reflection only
 * when they open the sentence ("So you feel…", "And you'd rather…"), not inside a question or an offer.
 */
const FREE_STEMS = REFLECTIVE_OPENERS.filter((s) => !/^(?:so )?you\b/.test(s)).sort((a, b) => b.length - a.length);
const OPENING_STEMS = [...YOU_OPENERS].sort((a, b) => b.length - a.length);

/** Advice, instruction, permission-seeking to give information: what a reflection is not. */
const ADVICE =
  /\b(?:you should|you shouldn't|you ought|you need to|you have to|you've got to|you must|you might want to|you may want to|you might consider|you could try|you can try|you could also|you can also|try to|try and|i'd recommend|i would recommend|i recommend|i'd suggest|i would suggest|i suggest|my advice|my recommendation|i'd like you to|i want you to|i'd encourage|i encourage|make sure|why don't you|how about (?:you|we|trying)|it'd be good to|it would be good to|it's a good idea|the best thing|let's|let us|would you be willing|i'd like to (?:share|give|tell|talk|recommend|ask|check|go|talk)|can i (?:share|give|tell|suggest|offer)|could i (?:share|give|tell|suggest))\b/;

/** "you can", "you'll", "you could": modal you-statements tell or permit; "you'd like", "you'd rather" reflect. */
const MODAL_YOU =
  /^(?:you (?:(?:really|just|also|probably|definitely|still|might|may) )?(?:can|could|should|might|may|must|will|would|need|have to|got to|gotta)|you'll|you'd)\b(?! (?:like|rather|prefer|love|hate|want))/;

const QUESTION_WORD = /^(?:what|how|why|when|where|who|whom|whose|which)\b/;
/**
 * "What I'd rather do is…", "What I need from you is a list", "What you do is, you call Marek": the listener's own
 * plan or request, not a question.
 */
const OWN_PLAN =
  /^(?:what (?:i|we)(?:'d| would| really| just)?(?: rather| like| need| want| suggest| propose| can do| could do| will do| 'll do)|(?:what|here's what) you(?:'ll| will| should| need to| have to| can| could)? do is)\b/;

/** The sentence lays out the listener's own plan or request ("What I'd rather do is…"); cleaned, lower-cased core. */
export function laysOutPlan(core: string): boolean {
  return OWN_PLAN.test(core);
}
const REFLECTIVE_WH =
  /^(?:what (?:i'm hearing|i am hearing|i hear|you're saying|you are saying|you've told me|you said|you're telling me|i understood))\b/;
const INVERTED =
  /^(?:do|does|did|don't|doesn't|didn't|are|is|was|were|aren't|isn't|wasn't|have|has|had|haven't|hasn't|can|could|can't|would|wouldn't|will|won't|should|shall|may|might)\s+(?:you|i|we|it|that|this|there|they|he|she|your|the|any|anything|anyone|anybody|somebody|someone)\b/;
/**
 * Inverted word order anywhere in an asked sentence: "So about how much are you…?", "…, so do you see…?", "And the
 * temperature logging, is that where the misses come from?"
 */
const INVERTED_INSIDE =
  /\b(?:do|does|did|are|is|was|were|would|will|can|could|should|have|has|had|may|might)\s+(?:you|i|we|it|they|he|she|there|anybody|anyone|everybody|everyone|somebody|someone)\b|,\s*(?:is|was|are|were|does|did|has)\s+(?:that|this)\b/;
/** Asked, with the verb first, whatever its subject: "Has Siobhán ever done a night?", "Do product transfers count…?" */
const AUXILIARY_FIRST = /^(?:do|does|did|is|are|was|were|can|could|would|will|should|shall|have|has|may|might)\s+(?!you know\b)\S+/;
/** A question word right before inverted order, wherever it stands: "…, where do you think you fall…". */
const WH_INVERTED =
  /\b(?:what|how|where|when|why|which)\s+(?:[\p{L}']+\s+){0,2}(?:do|does|did|would|will|can|could|should|are|is|have)\s+you\b/u;
/** "Acting out would be what?" */
const ENDS_WITH_WH = /\b(?:what|how|where|when|why|who)$/;
const REQUEST =
  /^(?:tell me|talk to me|talk (?:a little )?(?:bit )?more|can you talk|could you talk|can you tell|could you tell|would you tell|walk me through|describe|explain|help me understand|say more|i wonder (?:if|whether|what|how|why|about)|i'm wondering (?:if|whether|what|how|why|about)|i was wondering|i'm curious|i am curious|may i ask|can i ask|let me ask|would you mind|do you mind|would it be okay|is it okay|mind if)\b/;
const IMPERATIVE =
  /^(?:try|take|think about|call|use|keep|remember|consider|stop|start|avoid|ask|talk to|come|make|put|check|read|write|let me know|go ahead|feel free|don't)\b/;
const SELF =
  /^(?:for what it's worth|to be fair|in fairness|just so you know|for the record|the thing is|the reality is|the truth is|in my (?:view|opinion|experience)|personally|i|i'm|i've|i'll|i'd|i was|we|we're|we'll|we've|we'd|let me|my|our|there is|there are|there's|there was|there were|most people|a lot of people|some people|many people|research|studies)\b/;
/** "You", "your", "yourself": the listener, or a generic "you". */
export const SECOND_PERSON = /\b(?:you|your|you're|you've|you'd|you'll|yours|yourself)\b/;
const NOT_ABOUT_THEM = /^(?:you know|you see|you guys|you all)\b/;

/**
 * Comfort or reassurance ("don't worry", "you're not alone", "you're definitely not the first to feel like this", "it's
 * normal"): it answers a feeling without saying it back.
 */
export function reassures(sentence: string): boolean {
  return REASSURES.test(sentence);
}
const REASSURES =
  /\b(?:don't worry|do not worry|it's okay|it's ok|that's okay|that's ok|it's alright|that's alright|it's normal|that's normal|it's natural|that's natural|you're not alone|(?:everybody|everyone)(?: \w+){0,3} knows|we all know|you(?:'re| are) (?:(?:definitely|certainly|really|honestly|so) )?not the (?:first|only)|it's understandable|that's understandable|no wonder|it happens|i'm sorry|i am sorry|sorry to hear)\b/;

/**
 * What the listener says before the reply, which is neither an answer nor a move away: an excuse for what they are
 * doing as they listen ("Sorry, sorry, I'm typing.", "Sorry, I was on mute.") or a call for attention ("Listen to
 * me.", "Look."). The reply is read from what follows it. `sentence`: cleaned, lower-cased.
 */
export function beforeTheReply(sentence: string): boolean {
  return EXCUSES_SELF.test(sentence) || CALLS_FOR_ATTENTION.test(sentence);
}
const EXCUSES_SELF =
  /^(?:(?:mm|hmm|okay|ok|oh)[,.!\s]+)*sorry[,.!\s]+(?:sorry[,.!\s]+)*i(?:'m| am| was) (?:just |still )?(?:typing|writing (?:something|this)|reading (?:something|this)|driving|muted|on mute|on (?:another|the other) call|distracted|multitasking)\b[^.!?,;]*[.!?]?$/;
const CALLS_FOR_ATTENTION = /^(?:(?:hey|okay|ok|now|but|and)[,.!\s]+)*(?:listen(?: to me)?|look|hear me out)(?:[,\s]+[\p{L}]+)?[.!]?$/u;

/** A sentence that only acknowledges ("I hear you.", "Yeah, I understand.", "Of course."): it says nothing back. */
export function onlyAcknowledges(sentence: string): boolean {
  return ACKNOWLEDGEMENT.exec(sentence)?.[0].length === sentence.length;
}

/** The sentence after a bare acknowledgement that opens it: "yeah, i hear you, it's been a crazy quarter" → "it's been a crazy quarter". */
export function afterAcknowledgement(sentence: string): string {
  const ack = ACKNOWLEDGEMENT.exec(sentence);
  return ack ? sentence.slice(ack[0].length).replace(/^[\s,;:—–-]+/, "") : sentence;
}

const ACKNOWLEDGEMENT =
  /^(?:(?:well|yeah|yes|no|oh|okay|ok|so|mm|hmm|and|right|sure|totally)[,\s]+)*(?:i (?:totally |completely |really )?(?:hear you|hear that|see|understand|get it|get that|know|can imagine)|i(?:'m| am) (?:so |really |very )?sorry(?: to hear (?:that|it))?|of course|exactly|absolutely|(?:that )?makes sense|got it|fair enough|totally)(?:[,\s]+(?:yeah|totally|completely|for sure|of course))*(?:[.!]$|$|(?=[,;:—–-]\s*\S))/;

/**
 * A listener sums up: "So…", "And so…", "Okay, so…" (not "So what…?" or "So do you…?", which ask). Lower-cased,
 * cleaned text.
 */
export function sumsUp(sentence: string): boolean {
  return SUMS_UP.test(sentence);
}
const SUMS_UP =
  /^(?:(?:okay|ok|yeah|yes|right|mm-hmm|and|well)[,\s]+)*so\b(?! (?:what|how|why|when|where|who|do|does|did|are|is|can|could|would|will)\b)/;

/** What the sentence does; remembered per sentence, as several steps read the same reply sentence. */
export const readSentence = perText(readSentenceOnce);

function readSentenceOnce(sentence: string): ReadSentence {
  const asked = /\?\s*$/.test(sentence);
  const core = stripLeads(sentence.replace(/[.!?\s]+$/, ""));
  const secondPerson = SECOND_PERSON.test(core);
  const read = (act: SentenceAct, stem: string | null = null): ReadSentence => ({ core, act, asked, secondPerson, stem });
  if (core === "" || /^(?:i see|i understand|got it|i got it|that's right|thank you|thanks)$/.test(core)) return read("backchannel");
  if (ADVICE.test(core) || OWN_PLAN.test(core)) return read("advice");
  const stem = REFLECTIVE_WH.test(core) ? "what you're saying" : (freeStem(core) ?? openingStem(core));
  if (QUESTION_WORD.test(core) && !REFLECTIVE_WH.test(core)) return read("question");
  if (INVERTED.test(core) || REQUEST.test(core)) return read("question");
  if (stem) return read("reflection", stem);
  if ((asked && (INVERTED_INSIDE.test(core) || AUXILIARY_FIRST.test(core))) || WH_INVERTED.test(core) || (asked && ENDS_WITH_WH.test(core)))
    return read("question");
  if (IMPERATIVE.test(core)) return read("advice");
  if (MODAL_YOU.test(core)) return read("advice");
  if (SELF.test(core)) return read("self");
  if (/^(?:you|you're|you've|your|yours|you are|you were|you have|you had)\b/.test(core) && !NOT_ABOUT_THEM.test(core))
    return read("about-them");
  return read("statement");
}

/**
 * A reflection whose stem is the listener's ("I hear you", "I can imagine") and whose rest is not about the other
 * person: "I hear you, it's been a crazy quarter for everyone" is the listener's own take, whatever "you" the
 * stem has.
 */
export function ownTakeAfterStem(read: ReadSentence): boolean {
  return read.act === "reflection" && /^i\b/.test(read.stem ?? "") && !SECOND_PERSON.test(afterStem(read));
}

/** What a reflection says after its stem: "it sounds like you're tired" → "you're tired"; "I hear you." → "". */
export function afterStem(read: ReadSentence): string {
  if (!read.stem) return read.core;
  const at = read.core.indexOf(read.stem);
  return at === -1
    ? read.core
    : read.core
        .slice(at + read.stem.length)
        .replace(/^[\s,;:—-]+/, "")
        .trim();
}

/** A free stem must open the sentence's point: within its first few words ("and then it also sounds like…"). */
const STEM_WITHIN = 40;

function freeStem(core: string): string | null {
  for (const stem of FREE_STEMS) {
    const at = core.indexOf(stem);
    if (at === -1 || at > STEM_WITHIN) continue;
    const before = at === 0 ? " " : core[at - 1]!;
    const after = core.slice(at + stem.length);
    if (/[\p{L}'-]/u.test(before) || /^[\p{L}']/u.test(after)) continue;
    if (/^[\s,]*(?:we|we're|we've|we'll|i|i'm|i've|i'll|us|our|my)\b/.test(after)) continue;
    return stem;
  }
  return null;
}

function openingStem(core: string): string | null {
  const opening = core.replace(/^(?:(?:and|but|so|or|then|now|because|cause)\s+)+/, "");
  for (const stem of OPENING_STEMS) {
    if (opening.startsWith(stem) && !/^[\p{L}']/u.test(opening.slice(stem.length))) return stem;
  }
  return null;
}

/** "D'you know,", "You know what,": a lead that opens a story, said to be listened to, not answered. */
const KNOW_LEAD = /^(?:d'you|do you|you) know(?: what)?,\s/;

/** "Okay, so, yeah, you're…" → "you're…". */
function stripLeads(text: string): string {
  const words = text.replace(/^[\s,;:—-]+/, "").split(/\s+/);
  let i = 0;
  while (i < words.length && LEADS.has(words[i]!.replace(/[,;:—-]+$/, ""))) i++;
  if (words[i] === "all" && words[i + 1]?.replace(/[,;:]+$/, "") === "right") i += 2;
  // "D'you know, my first Race Week I was twenty.": a "you know" that opens a story before its comma asks nothing
  const known = KNOW_LEAD.exec(words.slice(i).join(" "));
  if (known) i += known[0].trim().split(/\s+/).length;
  return words
    .slice(i)
    .join(" ")
    .replace(/^[\s,;:—-]+/, "")
    .trim();
}

/**
 * The sentence without the name they are called by, at its start or after its opener: "Oh, Imran, that's great." reads
 * as "Oh, that's great.", "Sipho, you worry too much!" as "you worry too much!".
 */
export function withoutVocative(sentence: string): string {
  const opener = /^(?:(?:oh|ah|aw|well|yeah|yes|okay|ok|right|look)[,.!]?\s+)*/i.exec(sentence)?.[0] ?? "";
  const rest = sentence.slice(opener.length);
  const name = /^\p{Lu}\p{Ll}+,\s+(?=\p{L})/u.exec(rest);
  return name !== null && !VOCATIVE_OPENERS.test(rest) ? opener + rest.slice(name[0].length) : sentence;
}
const VOCATIVE_OPENERS = /^(?:okay|ok|so|well|yeah|yes|right|now|and|but|oh|sure|great|good|alright|hmm|no|look|listen|honestly)\b/i;
