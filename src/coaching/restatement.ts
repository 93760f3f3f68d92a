import { findPhrase, normalise } from "../language/phrases.js";
import { tokens } from "../language/tokens.js";
import { CHECK_PHRASES, FEELING_WORDS } from "../language/word-lists.js";
import { brushOff } from "./brush-off.js";
import { deniesTheirWords } from "./denial.js";
import { afterStem, laysOutPlan, ownTakeAfterStem, readSentence, type SentenceAct, withoutVocative } from "./speech-acts.js";
import { readClean, readText } from "../language/read.js";

export interface RestatementJudgement {
  restates: boolean;
  /** The reply's sentence that restates, verbatim, with the check that follows it if any; null when none does. */
  sentence: string | null;
  /** What that sentence (or, when none restates, the reply's first sentence) does. */
  act: SentenceAct | null;
  /** The reflective stem it used ("it sounds like", "part of you"…), if any. */
  stem: string | null;
  /** Content words of the restating sentence taken from what the other person said. */
  shared: number;
  /** The reply invites correction ("did I get that right?"). */
  checks: boolean;
  /** Which reading made it a restatement (for the eval's breakdown); null when none did. */
  rule: string | null;
}

/** Feeling, wanting, thinking: a statement about the other person with one of these speaks of their experience. */
const EXPERIENCE =
  /\b(?:feel|feels|felt|feeling|want|wants|wanted|wanna|wish|hope|hoping|worry|worried|worries|afraid|scared|fear|think|thinking|thought|believe|wonder|wondering|care|cares|value|values|love|hate|enjoy|struggle|struggling|notice|noticed|decide|decided|ready|willing|hard|difficult|tough|important|matters|frustrat\w*|stress\w*|overwhelm\w*|exhaust\w*|tired|upset|angry|sad|happy|excited|confident|hesitant|comfortable|uncomfortable|committed|motivated|concerned|guilty|guilt|alone|stuck|lost|discouraged|hopeless|helpless|annoyed|embarrass\w*|disappoint\w*|proud|ashamed|surprised|relieved|nervous|anxious|scary|painful|hurt)\b/;

/** A feeling named on its own ("Discouraged.", "Some guilt?"): the shortest reflection of feeling. */
const namesFeeling = (text: string): boolean => tokens(text).some((w) => FEELING_WORDS.has(w));
const namesFeelingAlone = (text: string): boolean => tokens(text).length <= 4 && namesFeeling(text);
const SELF_REFERENCE = /\b(?:i|i'm|me|my|we|our|us)\b/;

/**
 * A question by its word order ("Do product transfers count…?", "Could I do compressed hours?", "On which time? During
 * shift or?"), not a tag ("…, you know?").
 */
function asksSomething(sentence: string): boolean {
  if (!ENDS_ASKED.test(sentence)) return false;
  const read = readSentence(normalise(readText(sentence).cleaned));
  return read.act === "question" || PREPOSED_WH.test(read.core) || EITHER_OR.test(read.core);
}
/** "On which time?", "For how long?", "With whom?": a question word after a preposition. */
const PREPOSED_WH = /^(?:on|in|at|for|with|from|to|by|since|until|till|after|before|about) (?:which|what|how|when|where|whom|whose)\b/;
/** "During shift or?", "Tomorrow or Friday?" left open: a choice asked for. */
const EITHER_OR = /\bor$/;

/** A judgement of the listener's own: what should have happened, or how good something is. */
const VERDICT =
  /\b(?:should(?:n't| not)? have|ought(?:n't)? to have|(?:which|that)(?:'s| is) (?:good|great|brilliant|fine|excellent|really good)|that's (?:the )?(?:important|main|good) (?:thing|part)|well done|nice work|good job|(?:very |really |so |it's |it is |good,? )?good that you|you did right|you did (?:(?:absolutely|exactly|totally) )?(?:the right thing|everything right|nothing wrong)|you(?:'d| would) be (?:(?:absolutely|really|so) )?(?:great|brilliant|amazing|fantastic|perfect|excellent) (?:at|in|on|with)|you(?:'d| would) be (?:great|brilliant|amazing|fantastic|perfect) anywhere)\b/;

/** "Don't decide anything now.", "Don't rush it.": the listener tells them not to, a ruling of the listener's. */
const TOLD_NOT_TO = /^(?:(?:so|okay|ok|look|listen|no|but|and)[,.\s]+)*(?:don't|do not|never) (?!worry\b|be\b|apologi[sz]e\b)[\p{L}]+/u;

/** The listener says they are advising: "Let me give you some advice", "my advice is", "if I were you". */
const GIVES_ADVICE =
  /\b(?:let me give you (?:some|a (?:bit|piece|word) of) advice|(?:my|a (?:bit|piece|word) of) advice(?: (?:is|would be))?|take it from me|if i were you|if i was you)\b/;

/** Ends on a question mark, closing quote or bracket aside. */
const ENDS_ASKED = /\?["')\]]?\s*$/;
/** "…it's not sustainable, you know?": a tag asks for no answer. */
const ASKS_BY_TAG = /[,\s](?:you know|right|yeah|eh|no|na|innit|okay|ok|hey|huh)\?["')\]]?\s*$/i;
/** The listener's proposal: "So what if, for this one, you don't handle it?", "What if we split it?" */
const PROPOSES = /^(?:(?:so|and|but|okay|ok|well|then)[,.\s]+)*what if,? (?:[^,]{1,30}, )?(?:i|we|you) (?!mean|meant|said|say)[\p{L}']+/u;
/** Opens with a yes or a no. */
const ANSWERS_YES_NO = /^(?:(?:ha|oh|well|um|uh|okay|ok)[,.!\s]+)*(?:yes|yeah|yep|yup|no|nope|nah|sure|of course)\b/;

/** "Denderleeuw is good, you have the train…": the listener rates their option, whatever reasons follow. */
const RATES_IT =
  /^(?:[\p{L}-]+ ){1,2}(?:is|are) (?:(?:very|really|so|quite|also) )?(?:good|great|fine|nice|perfect|ok|okay|better|best)\b/u;

/** A well-wish: "You take care of yourself too, eh.", "Get some rest." */
const WISHES_WELL = /\b(?:take care(?: of yourself)?(?! of)|look after yourself|get some rest|rest well|safe travels|drive safe(?:ly)?)\b/;
/** An instruction opening on a verb: "Plan your visits well in advance", "Send me the list today", "Well, you have a think." */
const INSTRUCTS =
  /^(?:(?:so|and|then|okay|ok|just|but|now|please|well)[,.\s]+)*(?:plan|send|call|tell|ask|make sure|try|put|give|write|check|bring|use|stop|start|remember|book|group|print|email|prepare|focus on|follow up|talk to|speak to|go and|you have a think)\b/;
/** A question word left in place at the end: "You want to go where?", "He said what?" */
const ASKS_IN_PLACE = /\b(?:where|what|who|when|which one|how much|how many|how long)\s*\?["')\]]?\s*$/;

/** "Okay, let's wrap.", "So, to recap:": the listener closes the meeting, and what follows is the list of who does what. */
const WRAPS_UP =
  /\b(?:let's|let us|time to|we can) (?:wrap(?: (?:it|this|things))?(?: up)?|recap|sum up)\b|\bto (?:wrap (?:it |this )?up|recap|sum up)\b/;

/** "You talked to sales already.", "You tested it already?": a few words about them that end on "already". */
const SURPRISED_ALREADY = /^you\b(?:\s+[\p{L}']+){1,6}\s+already$/u;

/** ", what, two and a half years?": a figure guessed at. */
const GUESSES = /,\s*what,\s/;

/** "You want something, you ask.", "You see a problem, you flag it.": a rule in a general "you". */
const MAXIM = /^you [\p{L}']+ (?:something|anything|a problem|a question|an issue|a mistake)\b[^,]*, you [\p{L}']+/u;

/** "You kept the line open, you got the Eircode, you kept talking to her.": what they did, listed. */
const DEEDS =
  /^you (?:[\p{L}]+ed|got|kept|stayed|did|made|held|took|went|gave|told|found|brought|knew|stuck|caught|spotted)\b[^,]*,\s*(?:and )?you\b/u;

/** "You've really thought about it", "you've given it a lot of thought": that they thought, not what. */
const THOUGHT_ABOUT_IT =
  /^(?:you(?:'ve| have)? )?(?:really |clearly |obviously |properly |already )?(?:thought (?:about (?:it|this|that)|it through|this through|hard about (?:it|this|that))|considered (?:it|this|that)|given (?:it|this|that) (?:a lot of |some )?thought)\b/;

/** What has to happen, said as settled: "It has to be shared round.", "You need to cut down." */
const RULES_ON =
  /^(?:(?:so|and|but|look|which means)[,\s]+)*(?:it|that|this|they|you|we|everyone|everybody|someone|somebody)(?:'s| has| have)? (?:has to|have to|needs to|need to|must|got to|gotta)\b/;

/** The listener settles it: "No problem.", "That's fine.", "Okay, so we stagger it.", "We'll swap them.", "We'll make a plan." */
const SETTLED =
  /^(?:(?:okay|ok|right|yeah|yes|fine)[,.\s]+)*(?:no problem|that's fine|so we [\p{L}]+ (?:it|this|that|them)|we'll [\p{L}]+ (?:it|this|that|them)|we'll (?:make|find|work out|sort out) a (?:plan|way|solution))[.!]?$/u;

/** "…, you start the cooking later", "You call Marek": what they are to do, said as what they do. */
const TOLD_TO = /(?:^|, )(?:and |then |so )?you (?!(?:are|were|have|had|was|do|did|can|could|will|would)\b)[\p{L}]+(?<!ed) (?!to\b)/u;

/** A fix closed as done: "…, eight instead of ten, and that's it.", "…, problem solved." */
const SETTLES = /(?:,|\band) (?:and )?(?:that's (?:it|that|all)|problem solved|job done|sorted)$/;

/** A bare no: "No.", "No, no.", "Nope." */
const SAYS_NO = /^(?:no|nope|nah)(?:[,\s]+no)*[.!]?$/;

/** Opens a question's second half: "Like…?", "Or…?", "I mean…?", "As in…?" */
const SPELLS_OUT = /^(?:like|or|i mean|as in|so like)\b/;

/** The listener's verdict right after an echo: "That's ambitious.", "That's great. That's fast.", "Wow, already?" */
const SURPRISE =
  /^(?:(?:oh|wow|gosh|blimey|right|okay|ok)[,!.\s]+)*(?:that's|that is|wow|gosh|blimey)\b[^.?!]{0,20}\b(?:great|ambitious|fast|quick|impressive|brilliant|amazing|a lot|huge|big|early|soon|fantastic|keen|bold|brave)\b/;

/** "You want any of it?", "You want me to…?", "You need anything?": an offer when asked. */
const OFFER = /^(?:so )?you (?:want|need)\s+(?:any|anything|some|something|more|me|us|one|a hand|help)\b/;

const MODAL = /\b(?:can|could|would|will|should|might|may|must|'ll|'d)\b/;
const COURTESY = /\b(?:nice to (?:meet|see|talk)|nice talking|nice meeting|up to you|thank)\b/;

/** Sentences about a situation rather than a person, as complex reflections often are: "It's pretty exhausting work." */
const SITUATION =
  /^(?:it's|it is|it was|it has been|it's been|that's|that is|that was|that's been|this is|it|that|this|there's been|sounds)\b/;

/**
 * Does `reply` restate what the other person said (`said`, their last substantive turn)? One sentence of the
 * reply is enough. A sentence restates when its form is a reflection ("It sounds like…", "So you feel…",
 * "Part of you…", "On the one hand…"), when it is a statement about them ("You've decided to cut back",
 * "You're doing the best you can") that is not advice, when it is about them and takes up their words (also
 * when offered with a question mark: "So you're on call that weekend?"), when it names their situation in their
 * words or in words of feeling ("It's pretty exhausting work."), or when it echoes their words back ("Two
 * max."). Questions by form ("What else…?", "Do you…?"), advice and the listener's own news never restate.
 */
export function judgeRestatement(said: string, reply: string): RestatementJudgement {
  const theirs = readText(said).contentLemmas;
  // they asked something: a plain statement in their terms answers it ("They count towards your cases, but not
  // the lending figure."); a reflection or a check ("So you're asking whether…") still says it back
  const asked = readText(said).sentences.some(asksSomething);
  // asked by word order or by the voice alone ("On my personal phone?")
  const questioned = readText(said).sentences.some((s) => ENDS_ASKED.test(s) && !ASKS_BY_TAG.test(s));
  const checks = findPhrase(reply, CHECK_PHRASES) !== null;
  let first: SentenceAct | null = null;
  let most = 0;
  let comforted = false;
  let settled = false;
  const sentences = readText(reply).sentences;
  // "No. Manual sorting, before peak? … Your error rate is good now.": a reply that opens by saying no argues, and
  // only a sentence framed as a say-back ("So what you're saying is…") says theirs back
  const argues = sentences.length > 1 && SAYS_NO.test(normalise(readText(sentences[0]!).cleaned));
  let previous: string | null = null;
  for (const [i, sentence] of sentences.entries()) {
    const text = normalise(withoutVocative(readText(sentence).cleaned));
    const before = previous;
    previous = text;
    const read = readSentence(text);
    first ??= read.act;
    if (argues && read.act !== "reflection") continue;
    // once the reply lays out the listener's own plan or request, what follows spells it out ("What I'd rather do
    // is, you do mornings with Dave… And you don't go near the laydown area unless she's with you.")
    if (laysOutPlan(read.core)) break;
    // "Let me give you some advice… You learn how the client thinks.": once the listener says they are advising,
    // what follows is the advice, whatever "you" it is put in
    if (GIVES_ADVICE.test(read.core)) break;
    // "Okay, let's wrap. So you send the auto-fails to Lorena, I ask Workforce…": once the listener closes the
    // meeting, what follows recaps who does what, whatever words of theirs it holds
    if (WRAPS_UP.test(text)) break;
    // "You take care of yourself too, eh.", "Plan your visits well in advance, group them.": a well-wish or an
    // instruction says nothing back, whatever words of theirs it holds
    if (WISHES_WELL.test(text) || INSTRUCTS.test(text)) continue;
    // "You want to go where?": their words asked again in surprise, with the question word left where the answer goes
    if (ASKS_IN_PLACE.test(normalise(sentence))) continue;
    // "So what if, for this one, you don't handle it? I take the meeting… You come if you want, but you're not the one
    // who carries the answer.": once the listener proposes, what follows spells the proposal out
    if (PROPOSES.test(text)) break;
    // comfort, the listener's own story, a joke or a turn to their agenda says nothing back, whatever words it
    // shares ("You're honestly one of the best on the team", "Right, so, about the grant."); after a story, a joke
    // or a new topic, what follows carries it on ("Listen, I did six years on the desk. The printer on the third
    // floor was there then as well…")
    const off = brushOff(text);
    if (off !== null && off !== "waves-away") break;
    if (off !== null) {
      comforted = true;
      continue;
    }
    // the listener's own verdict ("Mandy shouldn't have read you the whole thing", "your DNA rate's low, which is
    // good") is no say-back, whatever it shares
    if (VERDICT.test(read.core) || RATES_IT.test(read.core)) {
      comforted = true;
      continue;
    }
    // "Okay, so we stagger it. The pickup is at three, you start the cooking later.": once the listener has settled
    // it, what they are to do is the arrangement spelled out, not their words said back
    if (SETTLED.test(text)) settled = true;
    if (settled && (read.act === "about-them" || read.act === "statement") && TOLD_TO.test(read.core) && !EXPERIENCE.test(read.core))
      continue;
    // "Your mother is not cooking for four hundred covers.": their word taken up only to say it is not so
    if (deniesTheirWords(said, read.core)) {
      comforted = true;
      continue;
    }
    // "And you've had the seniors three years. It has to be shared round.": their words as the reason for a ruling
    // "You start earlier those days, and that's it.": the listener's fix, settled
    if (RULES_ON.test(normalise(sentences[i + 1] ?? "")) || SETTLES.test(read.core)) continue;
    // "You've been here, what, two and a half years?": a figure guessed at is a question of fact; "You want
    // something, you ask.": a rule of the listener's, put in a general "you"
    if ((read.asked && GUESSES.test(text)) || MAXIM.test(read.core)) continue;
    // "Don't decide anything now. You're grieving, the season is heavy…": what they are told, then the listener's case
    // for it
    if (before !== null && read.act !== "reflection" && TOLD_NOT_TO.test(before)) continue;
    // "Huh. You talked to sales already.": surprise at a fact of theirs, not their point said back
    if (read.act === "about-them" && SURPRISED_ALREADY.test(read.core)) continue;
    // "You did everything right on that call. You kept the line open, you got the Eircode…": after praise, what they
    // did, listed, spells the praise out, in their words or not
    if (comforted && read.act === "about-them" && DEEDS.test(read.core)) continue;
    if (asked && read.act === "statement" && !read.asked && !namesFeelingAlone(read.core)) continue;
    // "On my personal phone?" – "Ha. Yes, on your personal phone.": a yes or a no in their words answers the question
    if (questioned && read.act !== "reflection" && ANSWERS_YES_NO.test(text)) continue;
    const mine = readClean(read.core).contentLemmas;
    let shared = 0;
    for (const s of mine) if (theirs.has(s)) shared++;
    most = Math.max(most, shared);
    const rule = restatesBy(read, mine.size, shared);
    // after comfort or praise, a sentence about them with no word of theirs spells the praise out ("You handled
    // it brilliantly. You stayed calm, you got him sorted.", "…that's exactly what you're supposed to do."), not
    // what they said
    // "Can you get them doing it properly? Like actually walking round the van?": their own question, spelled out
    // (read as said: cleaning takes "Like" for a filler)
    if (
      read.asked &&
      i > 0 &&
      SPELLS_OUT.test(normalise(sentence)) &&
      readSentence(normalise(readText(sentences[i - 1]!).cleaned)).act === "question"
    )
      continue;
    // "Three modules in one sitting? That's ambitious.": an echo asked in surprise, then the listener's verdict
    const surprised = read.asked && read.act !== "reflection" && SURPRISE.test(normalise(sentences[i + 1] ?? ""));
    if (rule && !surprised && !(comforted && shared === 0 && read.act !== "reflection")) {
      // "…alone this weekend. Is that right?": the check that follows belongs with the restatement
      const next = sentences[i + 1];
      const quoted = next !== undefined && findPhrase(next, CHECK_PHRASES) !== null ? `${sentence} ${next}` : sentence;
      return { restates: true, sentence: quoted, act: read.act, stem: read.stem, shared, checks, rule };
    }
  }
  return { restates: false, sentence: null, act: first, stem: null, shared: most, checks, rule: null };
}

/** Which reading makes the sentence a restatement, or null. */
function restatesBy(read: ReturnType<typeof readSentence>, contentWords: number, shared: number): string | null {
  const words = read.core.split(" ").filter(Boolean).length;
  switch (read.act) {
    case "reflection":
      // a stem with nothing after it ("I can imagine.", "Yeah, I hear you.") says nothing back, and after the
      // listener's own stem, their own take says back only what it shares ("I hear you, it's been a crazy quarter")
      if (words < 2 || afterStem(read) === "") return null;
      // "You want any of it?", "You want me to ask Sam?": asked, with nothing of theirs in it, an offer
      if (read.asked && shared === 0 && OFFER.test(read.core)) return null;
      // "It sounds like you've really thought about it.": how they decided, with nothing of what they decided
      if (shared === 0 && THOUGHT_ABOUT_IT.test(afterStem(read))) return null;
      return !ownTakeAfterStem(read) ? "stem" : shared >= 1 ? "stem-shared" : null;
    case "about-them":
      if (words < 3) return null;
      if (shared >= 1) return "about-them-shared";
      if (EXPERIENCE.test(read.core)) return "about-them-experience";
      return contentWords >= 2 ? "about-them-other" : null;
    case "statement":
      if (read.secondPerson) {
        if (shared >= 1) return "you-inside-shared";
        // "It's something that's always on your mind": their situation named; not the listener's own view
        // ("I'm worried"), not information with a modal ("it can help you"), not a pleasantry or "up to you"
        const theirSituation = SITUATION.test(read.core) && words >= 4 && !SELF_REFERENCE.test(read.core);
        return theirSituation && !MODAL.test(read.core) && !COURTESY.test(read.core) ? "situation-you" : null;
      }
      if (SITUATION.test(read.core) && shared >= 1 && EXPERIENCE.test(read.core)) return "situation-experience";
      if (shared >= 2 && shared / Math.max(1, contentWords) >= 0.4) return "content";
      if (words <= 6 && shared >= 1 && shared === contentWords) return "echo";
      return words <= 4 && namesFeeling(read.core) && !SELF_REFERENCE.test(read.core) ? "feeling" : null;
    default:
      return null;
  }
}
