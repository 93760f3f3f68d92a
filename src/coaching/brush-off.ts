/**
 * Replies that leave what they raised where it was, whatever words of theirs they repeat. Five kinds, each a
 * habit managers are coached out of:
 * - comfort or praise that waves it away: "You'll be fine.", "Don't worry about that board, nobody reads it.",
 *   "I'm sure it'll be recognised.", "You're honestly one of the best on the team." (comfort that offers
 *   something, "Don't worry, Alex can take the pager.", or promises how it turns out, "you won't lose your
 *   shifts", answers it);
 * - the listener's own story: "I had exactly that happen to me at my last place.", "When I was at Leeds I…",
 *   "My dad had a stent put in a couple years ago";
 * - a joke at it: "Ha, welcome to the trade.", "That's no bad thing.";
 * - a turn to the listener's agenda: "Right, so, about the grant.", "Anyway, the rota.", "So, moderation, we need
 *   to…", "Where are we on the engineering reqs?", "Listen, while I've got you…", a phone call taken;
 * - a lecture: "You can't keep smoking.", "Now's the time to quit.", "Do you understand that your asthma is getting
 *   worse?", "You know very well that…".
 * Read from one cleaned, lower-cased sentence.
 */

import { normalise } from "../language/phrases.js";
import { countWords, FRAGMENT_WORDS } from "../language/tokens.js";
import { perText, readText } from "../language/read.js";
import type { Utterance } from "../transcript/schema.js";
import { isMinimal } from "./exchanges.js";
import { afterAcknowledgement, onlyAcknowledges, readSentence } from "./speech-acts.js";

export type BrushOff = "waves-away" | "own-story" | "laughs-off" | "turns-away" | "lectures";

/** Words a reply may open with before it does anything ("Oh, no, you'll be fine."). */
const OPEN = String.raw`^(?:(?:oh|ah|aw|ugh|god|gosh|look|listen|honestly|well|yeah|yes|no|okay|ok|right|so|and|but|um|uh|now|hey)[,.!\s]+)*`;

const WAVES_AWAY = new RegExp(
  [
    String.raw`you'll be (?:(?:absolutely|totally|completely|just) )?(?:fine|okay|ok|alright|all right|right|grand|great)`,
    String.raw`you're (?:going to|gonna) be (?:(?:absolutely|totally|completely|just) )?(?:fine|okay|ok|alright|all right|great)`,
    String.raw`[\p{L}]+(?:'ll| will) be (?:(?:absolutely|totally|completely|just) )?(?:fine|okay|ok|alright|all right|grand)`,
    String.raw`(?:everyone|everybody) (?:feels|felt|goes through|went through|struggles with|has) (?:like )?(?:that|this|it)\b`,
    // "Sipho, you worry too much!", "Everyone's done a set-out off an old rev.", "Eleven grand on a job this size is nothing."
    String.raw`you (?:worry|stress|fret|overthink) (?:too much|about everything)|you're overthinking`,
    String.raw`(?:everyone|everybody)(?:'s| has) (?:done|made|had) (?:it|that|this|one|that mistake|an? [\p{L}-]+)\b`,
    String.raw`(?:is|'s) nothing[.!]?$`,
    // "Two hundred dinars, it's not that big", "Six hours is not that bad": their trouble sized down
    String.raw`(?:is|'s|are) not (?:that|so) (?:bad|big|serious|terrible)\b`,
    String.raw`you're doing (?:great|fine|brilliantly|amazing|amazingly|(?:really |so )?well|a (?:great|good|brilliant) job)`,
    String.raw`you're (?:honestly |really |genuinely |easily )?(?:one of (?:the|my|our) best|the best (?:on|in))`,
    String.raw`you always (?:pull|get|come|figure|manage|sort|make) (?:it|things|through)`,
    String.raw`(?:everyone|everybody) (?:can see it|knows how (?:much|hard))`,
    String.raw`(?:they|we|everyone|everybody|the [\p{L}]+|your [\p{L}]+) (?:love|loves|adore|adores) (?:your|you)\b`,
    // "You're a great hygienist", "you're still the fastest turnaround on the team", "you're too important here":
    // praise of them
    String.raw`you(?:'re| are) (?:far |much |way )?(?:too|so|really|very) (?:important|valuable|precious)\b`,
    String.raw`you(?:'re| are) (?:still |easily |honestly |really |genuinely |just )?(?:the|one of the) (?:best|fastest|quickest|strongest)\b`,
    String.raw`you(?:'re| are) (?:still |honestly |really |genuinely |just )?(?:a|an) (?:(?:really|very|so|absolutely|truly) )?(?:great|brilliant|fantastic|amazing|excellent|wonderful|superb|terrific) [\p{L}]+`,
    String.raw`i'm sure (?:it'll|it will|you'll|you will|they'll|they will|he'll|she'll|that'll|it's fine)`,
    String.raw`don't worry`,
    String.raw`(?:nothing|not anything) to worry about`,
    String.raw`nobody thinks (?:that|so|you)`,
    String.raw`don't give it (?:a|another) (?:second )?thought`,
    String.raw`don't be (?:daft|silly|ridiculous|so hard on yourself)`,
    String.raw`you're (?:brilliant|amazing|great|fantastic|a natural) (?:at|on|with)`,
    // praise in place of hearing it: "you handled it absolutely brilliantly", "You're a star" ("you'd be great at
    // that" is no brush-off: to a plan of theirs it is support, and "you did the right thing" is often the start of
    // acting on it, so both are read as the listener's verdict in restatement.ts)
    String.raw`you (?:handled|dealt with|managed) (?:it|that|this|him|her|them|everything)(?: (?:absolutely|really|so|just))? (?:brilliantly|perfectly|beautifully|amazingly|superbly|fine|(?:really |so )?well)`,
    String.raw`you(?:'re| are) (?:(?:an? )?(?:absolute|total|real|proper|wee|little) )?(?:a )?(?:star|legend|superstar|gem|hero|rock|treasure|natural)\b`,
    String.raw`i (?:really )?(?:wouldn't|would not|won't) (?:stress|worry|fret)`,
    String.raw`you(?:'ve| have) been (?:(?:absolutely|honestly|really|so|just|truly) )?(?:incredible|amazing|brilliant|fantastic|wonderful|outstanding|superb|a star|a rock|a hero)\b`,
    String.raw`you(?:'ve| have) (?:done|been doing) (?:such )?(?:an? )?(?:(?:really|so|absolutely|truly) )?(?:incredible|amazing|brilliant|fantastic|great|wonderful|outstanding|superb|excellent) (?:work|job)`,
    String.raw`you(?:'ve| have) been (?:so |really |absolutely )on top of`,
    String.raw`you always (?:come|turn up|show up) with`,
    String.raw`you take (?:the )?initiative`,
    String.raw`(?:i )?don't know what (?:we|i)(?:'d| would) do without you`,
    String.raw`you(?:'re| are) (?:so|such|really) (?:good|great|brilliant|amazing|fantastic|wonderful|talented|capable|strong|quick|fast|sharp|clever|smart|organised|organized|thorough|reliable)\b`,
    String.raw`makes you (?:so |such )?(?:good|great|brilliant|special|amazing)\b`,
    String.raw`for (?:everyone|everybody|all of us)\b`,
    String.raw`nobody (?:reads|notices|cares|looks at|remembers)`,
    String.raw`(?:it )?happens to (?:everyone|everybody|all of us|the best of us)`,
    String.raw`you're not going anywhere`,
    // "Oh no, you're not taken for granted at all", "Ah no, you're not giving out": a no to how they said they feel
    // or what they complain of ("No, you're not overthinking it" takes their self-doubt seriously instead)
    String.raw`^(?:(?:oh|ah|aw|ha|god|gosh)[,!\s]+)*(?:no|nah)[,!.]?\s+(?:no[,!.]?\s+)?(?:[\p{L}]+,\s+)?you(?:'re| are) not (?!(?:overthinking|overreacting|imagining|mad|crazy|silly|stupid|daft|paranoid|being (?:silly|stupid|daft|dramatic|paranoid|difficult))\b)`,
    String.raw`you(?:'re| are) (?:the|our) (?:backbone|heart|glue|engine) of\b`,
    // "That's very good of you. Real leadership.": praise of them for carrying it, in place of hearing it
    String.raw`^(?:(?:oh|well|ah|aw)[,!\s]+)*that's (?:very |really |so |ever so )?(?:good|kind|generous|decent|big) of you\b`,
    String.raw`let's not get ahead of ourselves`,
    String.raw`don't take it personally`,
    String.raw`you(?:'ll)? get used to it`,
    String.raw`(?:cheer|chin) up`,
    String.raw`look on the bright side`,
  ]
    .map((alternative) => String.raw`\b${alternative}`)
    .join("|"),
  "u",
);

const OWN_STORY =
  /\b(?:i've been there|i know the feeling|i remember (?:that(?! you)(?= [\p{L}])|when(?! you)|those|doing|being)|(?:happen|happened) to me|when i was (?:at|in|a|an|your|starting)|(?:this|that|it) reminds me|back when i|at my (?:last|old|previous|first) (?:place|job|company|firm|school)|my (?:first|second|third|old|last) (?:year|job|boss|manager)|i did (?:[\p{L}]+ )?years? (?:of|at|in|on)|my (?:dad|mum|mom|mother|father|wife|husband|partner|brother|sister|son|daughter|kids?|gran|nan|grandma|grandad|grandpa)(?:,? (?:he|she|they))? (?:had|went through|got|did) (?:an? |the |that |this |exactly |something )?)\b/u;

const LAUGHS_OFF =
  /\bwelcome to (?:the|my|our|[\p{L}]+ing|hospitality|retail)\b|\bnone of us (?:sleep|do|get)\b|\b(?:that's|it's) no bad thing\b|\bdon't you dare\b/u;

/** Discourse words that may sit between commas without being a topic ("So, honestly, you…"). */
const NOT_A_TOPIC =
  /^(?:honestly|basically|actually|yeah|okay|ok|right|well|anyway|like|um|uh|look|listen|again|then|now|yes|no|sure|so)$|^(?:for|to|in|on|at|with|by|of|from|as|if|when|you|your|it|that|this)\b/;

const TURNS_AWAY = new RegExp(
  [
    // "Anyway, the other thing I wanted to catch you on…", "Anyway, the rota."
    String.raw`${OPEN}(?:anyway|anyhow)\b.*\b(?:the other thing|other bits|i wanted to|i meant to|back to|let's|next thing)`,
    String.raw`${OPEN}(?:anyway|anyhow)[,\s]+(?:(?:so|um|uh)[,\s]+)*(?:the|your|our) [\p{L}-]+(?: [\p{L}-]+)?[.!]?$`,
    // "Right, so, about the grant.", "So, on the audit list, the main thing is…"
    String.raw`${OPEN}(?:about|regarding|as for|on to|onto) (?:the|your|our|this|that) [^,.?]{1,40}(?:[.,!]|$)`,
    String.raw`^(?:(?:right|okay|ok|and|now)[,.\s]+)*(?:so|now|anyway|right)[,\s]+(?:on|about) (?!the (?:one|other) hand)(?:the|your|our|this|that) [^,.?]{1,40},`,
    // "And on planning, can you…", "So, for the insurance, have you got…"
    String.raw`^(?:(?:um|uh|and|so|now|anyway|right|okay|ok|but)[,\s]+)*(?:on|about|regarding|for) (?!the (?:one|other) hand)(?!(?:you|me|him|her|them|us|it)\b)(?:(?:the|your|our|this|that) )?[\p{L}\p{N}-]+(?: [\p{L}\p{N}-]+){0,3}, (?:can|could|would|will|did|do|have|has|is|are|we|i|let's|what|how|when|where)\b`,
    String.raw`\bwhere are we (?:on|with) (?:the|your|our)\b`,
    String.raw`\bthe (?:main|other|next) thing,? going forward\b`,
    String.raw`\blet me (?:just )?(?:share|pull up|bring up) (?:my|the)\b`,
    String.raw`\b(?:moving on|on another note|changing (?:the )?subject|while i've got you|while i remember|before i forget|i meant to say|speaking of)\b`,
    String.raw`^(?:(?:um|uh|and|so|now|okay|ok|right)[,\s]+)*(?:can we|could we) (?:talk about|move on to|get to|go through) (?:the|your|our)\b`,
    // "Okay. Anything else?": the point closed, not asked about
    String.raw`^(?:(?:okay|ok|right|so|and|great|good|cool|lovely)[,.\s]+)*anything else(?: (?:for|from) (?:me|today|your side))?\?$`,
    // a phone call taken: "Hang on, sorry, this is the client, I have to take this", "hang on one sec, it's the crane supervisor"
    String.raw`\b(?:hang on|hold on|one sec(?:ond)?|just a sec(?:ond)?)\b.*\b(?:i (?:have|need|gotta|got) to (?:take|get|grab|answer) (?:this|it)|(?:this|that|it)(?:'s| is) (?:the|my) [\p{L}-]+(?: [\p{L}-]+)?(?:[,.]|$))`,
  ].join("|"),
  "u",
);

/** What they must do, or must see, told them: a lecture, whatever words of theirs it uses. */
const LECTURES = new RegExp(
  [
    String.raw`\byou can(?:'t|not) (?:keep|go on|carry on)\b`,
    String.raw`\b(?:now's|now is) the time (?:to|for)\b`,
    String.raw`\b(?:it's|it has|things have|this has) (?:really )?(?:gotten|got|come) to the point\b`,
    String.raw`^(?:[\p{L}]+,\s+)?(?:but |and |now |so )?do you (?:not )?(?:understand|realise|realize) (?:that|how)\b`,
    String.raw`\byou know (?:very|perfectly|full) well\b`,
  ].join("|"),
  "u",
);

/**
 * "So, the ride-along.", "Okay, budget templates.", "Now, Q4 stock counts.": a sentence that only names the next
 * topic. Not "Okay, great." or "Right, makes sense.", which answer.
 */
const TOPIC_ONLY =
  /^(?:(?:right|okay|ok|and|now|so|anyway|um|uh)[,.\s]+)+(?:(?:the|your|our) )?([\p{L}\p{N}-]+(?: [\p{L}\p{N}-]+){0,2})[.!]?$/u;
const NOT_NAMED_TOPIC =
  /\b(?:great|good|fine|cool|perfect|lovely|brilliant|exactly|sure|yeah|yes|no|right|okay|ok|fair|sense|got|thanks|thank|course|absolutely|definitely|totally|true|nice|wow|interesting|see|gotcha|sounds|worries|problem|alright|mm|hmm|well|bad|same|ha|haha|i|you|we|it|that|this|they|he|she|me|him|her|them|us|is|are|was|were|do|does|did|know|think|mean|hear|feel|get|go|said|say|agree|done|true|wait|hang|sorry|again|then|too|yet|enough|please|fine|yourself|yourselves|care|look|take|have|see|come|keep|stay|enjoy|safe|bye|soon|later|tomorrow)\b/;

/**
 * "So, moderation, we need to…": a topic named between commas, then the listener's business. Not a name said before
 * an acknowledgement ("Okay, Daniel, I hear you.").
 */
const NAMES_TOPIC =
  /^(?:(?:right|okay|ok|and|now)[,.\s]+)*(?:so|now|right|okay)[,\s]+([\p{L}-]+(?: [\p{L}-]+)?), ((?:we|i|i'm|i'd|i've|let's|can you|could you|did you|have you|is there)\b.*)$/u;

/**
 * An offer of something done about it: "I'll talk to Ines", "Alex can take the pager", "let me sort it", or what to
 * do about it after the comfort ("Don't worry, tell Finance it's an estimate."). Broad on purpose: it only keeps
 * comfort from counting as a brush-off. `takesItUp` below is the narrow reading, an undertaking that by itself shows
 * the point was heard.
 */
const OFFERS =
  /\b(?:i'll|we'll|i will|we will|let me|i can|we can|[\p{L}]+ (?:can|will|could) (?:take|cover|do|handle|help|sort|move|pick|swap|step))\b|^(?:(?:no|oh|ah|okay|ok)[,.\s]+)*(?:don't worry|do not worry|no worries)(?: about (?:it|that))?[,.\s]+(?:just )?(?:tell|ask|email|send|call|give|use|put) (?!me\b|yourself\b)/u;

/**
 * A promise about how it turns out: "you won't lose your shifts", "nobody's going to blame you", "Nothing is going to
 * happen to the patente".
 */
const PROMISES =
  /\b(?:you won't|you will not|you're not going to|you aren't going to|nobody's going to|no one's going to|nobody will|no one will|nothing(?:'s| is) going to happen|nothing will happen|it won't come to that|(?:it|that) won't happen)\b/;

/** The sentence promises how it turns out. `sentence`: cleaned, lower-cased. */
export function promises(sentence: string): boolean {
  return PROMISES.test(sentence);
}

/** Something done about it is offered: "I'll talk to Ines", "Alex can take the pager". */
export function offersHelp(sentence: string): boolean {
  return OFFERS.test(sentence);
}

/**
 * What kind of brush-off the sentence is, or null when it is none. `sentence`: cleaned, lower-cased. Remembered per
 * sentence: restatement, the reply's reading and the rules' judgement each ask it of the same sentences.
 */
export const brushOff = perText(brushOffOnce);

function brushOffOnce(sentence: string): BrushOff | null {
  // comfort that offers something ("Don't worry, Alex can take the pager.") or promises how it turns out ("No,
  // you won't lose your shifts, don't worry about that.") answers it
  if (WAVES_AWAY.test(sentence) && !offersHelp(sentence) && !PROMISES.test(sentence)) return "waves-away";
  if (OWN_STORY.test(sentence)) return "own-story";
  if (LAUGHS_OFF.test(sentence)) return "laughs-off";
  // "So you feel you can't keep doing the nights" says their own "can't keep" back
  if (LECTURES.test(sentence) && readSentence(sentence).act !== "reflection") return "lectures";
  if (TURNS_AWAY.test(sentence)) return "turns-away";
  const only = TOPIC_ONLY.exec(sentence)?.[1];
  if (only !== undefined && !NOT_NAMED_TOPIC.test(only)) return "turns-away";
  const named = NAMES_TOPIC.exec(sentence);
  if (named !== null && !NOT_A_TOPIC.test(named[1]!) && !onlyAcknowledges(named[2]!)) return "turns-away";
  return null;
}

/**
 * How the reply's first sentences of substance, past a bare "I hear you", brush off what they said; null when
 * they do not.
 */
export function replyBrushesOff(replies: readonly Utterance[]): BrushOff | null {
  const sentences = replies
    .filter((u) => !isMinimal(u.text))
    .flatMap((u) => readText(u.text).sentences)
    .filter((s) => !isMinimal(s))
    .map((s) => normalise(readText(s).cleaned));
  let read = 0;
  for (const [i, s] of sentences.entries()) {
    // "Fair enough.", "Perfect.", "Go on.", "I'll get Marsha to confirm it": what they said was taken, so what
    // comes next is no brush-off
    if (ACCEPTS.test(s) || takesItUp(s)) return null;
    if (onlyAcknowledges(s) || readSentence(s).act === "backchannel") continue;
    const off = brushOff(afterAcknowledgement(s));
    // "Don't worry about it. I'll talk to him.": comfort followed at once by an undertaking answers it, as it does
    // said in one sentence ("Okay, let me share my screen." is no undertaking: `takesItUp` is the narrow reading)
    if (off === "waves-away" && sentences.slice(i + 1, i + 1 + OFFER_REACH).some((next) => takesItUp(next))) return null;
    if (off !== null) return off;
    // "Oh, Dee.", "That's, God.": a name or an exclamation is not yet a sentence of substance
    if (countWords(s) < FRAGMENT_WORDS) continue;
    if (++read >= REPLY_SENTENCES) break;
  }
  return null;
}

/** A reply sentence that only accepts what they said: "Fair enough.", "Perfect.", "That's what I'd do.", "Okay, do it." */
const ACCEPTS =
  /^(?:(?:yeah|yes|ok|okay|right|oh|no)[,.!\s]+)*(?:perfect|brilliant|lovely|great|good|excellent|fair enough|fair|nice|cool|sounds good|good stuff|nice one|cheers|thanks|thank you|that's (?:great|good|fine|brilliant|perfect|fair)|(?:good|great) (?:call|idea|plan|shout)|that's (?:exactly )?what i(?:'d| would) (?:do|have done)|(?:do|buy|book|order|try) it|go for it)(?:[,\s]+(?:thanks|thank you|cheers))?[.!]?$/;

/**
 * The reply takes the point up in so many words: an undertaking to act on it ("I'll escalate it to Pete", "let me
 * talk to Ines", "I will include it in my report"), an offer of it ("Would it help if I came too?"), someone to
 * take it to ("Just email Priya.") or an invitation to go on or to say what would change it ("Of course. Go on.",
 * "Tell me more.", "Yes, tell.", "So what do you want to do?", "What would you drop?").
 */
export const takesItUp = perText(takesItUpOnce);

function takesItUpOnce(sentence: string): boolean {
  return ACTS_ON_IT.test(sentence) || INVITES.test(sentence) || REFERS.test(sentence) || PLANS_IT.test(sentence);
}

/** An undertaking in the plain present, as many speak it: "We write to them, we say there is small change…" */
const PLANS_IT =
  /^(?:(?:ah|oh|okay|ok|so|then|fine|good|right)[,.!\s]+)*(?:i|we) (?:write|call|phone|email|send|ask|tell|talk|speak) (?:to |with )?(?:them|him|her|the [\p{L}-]+)\b/u;

/** Sends them to who can help: "Just email Priya.", "Talk to Hyejin. Systems lead." */
const REFERS =
  /^(?:(?:just|so|maybe|well|okay|ok|yeah|then)[,\s]+)*(?:talk to|speak to|talk with|speak with|email|message|ping|ask|check with|go (?:and )?see) (?!yourself\b|me\b|him\b|her\b|them\b|it\b|that\b|this\b|about\b)[\p{L}]+/u;

const ACTS_ON_IT =
  /\b(?:i'll|i will|let me|i can|we can|we'll|we will)\s+(?:(?:just|definitely|personally|also|really) )?(?:escalate|make sure|talk to|speak to|have a word|ask|check(?: with)?|find out|ping|message|text|nudge|follow (?:it |that |this )?up|ring|call|email|chase|sort|fix|look into|raise|take (?:it|that|this) (?:up|to)|back (?:it|you)|cover|swap|move|get (?:you|someone|it|that|[\p{Lu}\p{L}]+ to)|(?:include|mention|flag|note|log|add|raise) (?:it|that|this)|think (?:about|over) (?:it|that|this|how)|show (?:him|her|them)|have a think|put (?:it|that|this) (?:in writing|in (?:my|the|our|a) (?:report|notes)|on the agenda|to (?:him|her|them))|write (?:it|that|this) (?:up|down)|bring (?:it|that|this) up|pass (?:it|that|this) on)\b/u;
const INVITES =
  /^(?:(?:of course|sure|yeah|yes|okay|ok|absolutely|please|so|and|hmm|mm|well)[,.\s]+)*(?:go on|go (?:a|')?head|tell me(?: more)?|tell(?=[.!]?$)|i'm listening|what's (?:up|going on|happened)|what do you (?:want|need|think you want) to do|what do you think (?:we|i) should do|what(?:'s| are| is)? you(?:'re)? thinking(?: of doing)?|what would you (?:like|want) to do|what would help|what do you need|what would you (?:drop|change|move|cut|need|want|suggest|prefer|like to do)|what could (?:we|you) (?:drop|change|move|cut)|how can i help|what can i do|would it help if (?:i|we)|do you want me to|would you like me to|shall i|should i (?:come|talk|ask|call|join|sit in))\b/;

/** How many of the reply's sentences of substance are read for a brush-off. */
const REPLY_SENTENCES = 2;
/** How many sentences after comfort are read for an undertaking that answers it. */
const OFFER_REACH = 2;
