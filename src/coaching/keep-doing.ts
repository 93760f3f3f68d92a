import { normalise } from "../language/phrases.js";
import type { Analysis } from "../metrics/schema.js";
import { brushOff } from "./brush-off.js";
import { groupDiscussion } from "./group-discussion.js";
import type { Coaching, KeptRestatement } from "./schema.js";
import { splitSentences } from "../language/sentences.js";
import { afterStem, ownTakeAfterStem, readSentence, reassures, sumsUp } from "./speech-acts.js";
import { readText } from "../language/read.js";
import { genericOpening, inOwnVoice, tellsOrPredicts } from "./reply-voice.js";

/**
 * The restatements worth praising ("Keep doing"): replies that say back the other person's content or feeling,
 * read from what the reply's sentence does. Everything credited in `kept` counts in the figures; only these are
 * held up as an example, so a card never praises advice, a lecture, information, a new question, the manager's
 * own view or agenda, an argument, a fragment or a bare "okay".
 */
export function keepDoing(c: Coaching): Coaching["kept"] {
  return c.kept.filter(praiseworthy);
}

/**
 * What a card holds up under "Keep doing". In a discussion among several people the rules cannot tell a say-back
 * from the listener's own next step in their terms ("So you want to say that…", "Now the planner comes out…"):
 * read by judges, most such items in team meetings were not restatements. There only a model's verdict is shown;
 * with one other person, every praiseworthy item. The trend counts these too.
 */
export function praiseOnCard(c: Coaching, a: Pick<Analysis, "manager">): Coaching["kept"] {
  const group = groupDiscussion(a);
  return keepDoing(c).filter((k) => !group || k.source === "model");
}

/**
 * Stems that only say how something strikes the listener ("it seems to me", "on the other hand", "I bet"): a
 * reflection only when what follows is about the other person ("it seems to me you're torn").
 */
const OPINION_STEMS = new Set([
  "it seems to me",
  "seems to me",
  "it sounds to me",
  "sounds to me",
  "it seems like",
  "seems like",
  "it seems that",
  "it seems as",
  "it looks like",
  "looks like",
  "on the other hand",
  "on the one hand",
  "on one hand",
  "in other words",
  "i imagine",
  "i can imagine",
  "i bet",
  "i'm sure it",
  "i'm sure that",
  "it must be",
  "that must be",
  "must have been",
]);

/**
 * The sentence speaks of them or theirs ("the reason you smoke", "your mom"), with "you" as who does or is
 * something: not a thing as it is "for you" ("smoking is really bad for you" is a lecture), nor what others do to
 * them ("The old men, they send you messages every week.", "Policy gives you five days.").
 */
const THEIR_OWN =
  /\byour\b|(?:^|[,;]\s*|\b(?:and|but|so|that|because|if|when|why|how|what|where|though|although|while|since|as)\s+)you(?:'re|'ve|'d)?\s+(?!know\b|see\b)[\p{L}']+/u;
const PREPOSITION_YOU = /\b(?:for|to|with|at|on|about|from|by) you\b/g;

const EXPERIENCE =
  /\b(?:feel|feels|felt|feeling|want|wants|wanted|wanna|wish|hope|worr\w*|afraid|scared|fear|care|value|love|hate|enjoy|struggl\w*|notice|noticed|decided|ready|willing|hard|difficult|tough|important|frustrat\w*|stress\w*|overwhelm\w*|tired|upset|angry|sad|happy|excited|confident|comfortable|uncomfortable|committed|motivated|concerned|guilty|alone|stuck|lost|proud|ashamed|surprised|nervous|anxious|pleased|torn|trying|tried|think|thinking|thought)\b/;

/**
 * A turn of the listener's own, whatever words it shares: a new question or an objection ("But the two thirty
 * includes the tandem network?"), a change of topic ("Speaking of…", "You wanted to ask about the ops manager
 * role."), a vague prompt ("…, or something.").
 */
const MOVES_ON =
  /^(?:(?:uh|um|oh|well)[,\s]+)*but\b(?! (?:it sounds|it seems|you also|on the other))|\bspeaking of\b|\bor something[.?!]?$|^(?:(?:and|so|now|okay|ok|right)[,\s]+)*you (?:(?:said|mentioned) you )?wanted to (?:ask|talk|raise|discuss|bring up|mention|go over|chat)\b/;

/** "You remember that boy last year, in Langtang, alone.": the listener's own example, which they are asked to recall. */
const REMINDS = /^(?:(?:but|and|so|okay|ok|look|well)[,\s]+)*(?:do you remember|you remember|remember)\b/;

/**
 * "You said last time you were tired, with all the travelling.": what they said at another meeting, recalled, not
 * what they have just said.
 */
const RECALLS =
  /\b(?:you (?:said|mentioned|told me|were saying)|last time you (?:said|mentioned|told me))\b.*\b(?:last (?:time|week|month|meeting|one-on-one|year)|the other (?:day|week)|a (?:few|couple of) (?:weeks|months) ago)\b|\b(?:last time|last week|the other day|in our last (?:meeting|chat|one-on-one)),? you (?:said|mentioned|told me)\b/;

/** "You are young, you want to do everything.": what the listener makes of them, not what they said. */
const SIZES_UP =
  /^(?:(?:but|and|okay|ok|look|well|listen)[,\s]+)*you(?:'re| are) (?:still |so |very |too |just )?(?:young|new|junior|green|inexperienced|a perfectionist|a good person|too nice|too kind)\b/;

/**
 * "…, you bold the important things", "Five, fumigation Wednesday, you tell Fofana.": "you" and a verb of doing, in
 * the present, after a comma (or a short list): an instruction in a sentence that does not open on "you" (one that
 * does is read as about them).
 */
const YOU_DO =
  /^(?:[^,]{1,40},\s*){1,4}you (?!(?:are|were|was|have|had|do|did|don't|didn't|can|can't|could|couldn't|would|wouldn't|will|won't|should|must|might|may|know|knew|see|saw|said|say|told|tell me|mentioned|think|thought|feel|felt|want|wanted|wish|hope|need|needed|like|liked|love|hate|mean|meant|find|found|get|got|seem|seemed|sound|sounded|look|looked)\b)[\p{L}]+(?<!ed)\b/u;

/** Their worry, view or wish named as theirs: "your worry is…", "you feel…", "you want…". */
const NAMES_THEIRS =
  /\b(?:your (?:worry|concern|fear|point|idea|plan|question|view|feeling|problem)|you (?:feel|felt|want|wanted|think|thought|worry|worried|wish|hope))\b/;

/** "You look tired", "you're looking well": how they look to the listener. */
const LOOKS = /^you(?:'re| are)? (?:look|looked|looking)\b/;

/** Opens on how something is: "It's hard when…", "That's tough, with…". */
const WEIGHS = /^(?:it's|it is|it was|it's been|that's|that is|that was|that must be|that must have been)\b/;

/** Reading back what they put on a form ("you also checked that…", "you wrote on here that…"), not what they said. */
const READS_OUT = /\byou (?:also |just )?(?:checked|ticked|marked|circled|wrote|filled in|filled out|put down|indicated|rated|scored)\b/;

/** Explaining how things work ("So, the way it works here, you accrue…"): information, whatever "you" it has. */
const EXPLAINS =
  /\b(?:the way it works|how it works|the way we do it|the rule is|the rules are|the policy is|the process is|what happens is|(?:the )?policy (?:gives|says|allows|lets))\b/;

/**
 * Reassurance that denies the worry rather than saying it back: "You're not making a fuss.", "You wouldn't get in
 * trouble.", "Nobody's asking you to lie."
 */
const DENIES_WORRY =
  /\byou(?:'re| are) not (?:making a fuss|being (?:silly|difficult|dramatic|a pain)|overreacting|in trouble|the problem|failing)\b|\byou (?:wouldn't|won't|will not|would not) (?:get|be) in (?:trouble|bother)\b|\byou (?:haven't|have not|hadn't|had not|didn't|did not) do(?:ne)? (?:anything|nothing) wrong\b|\b(?:nobody|no one)(?:'s| is) (?:asking|expecting|telling) you to\b|\b(?:nobody|no one) expects you to\b/;

/**
 * The listener's own stance on what they said, not what they said: agreement ("No, you're right, that's
 * important."), a reframe that denies it ("It's not you handing over names."), or what to do this time or next
 * ("next time a superintendent writes like that, you don't answer yourself", "this time you present it").
 */
const OWN_STANCE =
  /\byou(?:'re| are) (?:absolutely |totally |quite |so |dead )?(?:right|not wrong|spot on|correct)\b|\b(?:fair|good) point\b|^(?:(?:no|but|well|look|and)[,\s]+)*(?:it's|it is|that's|that is) not (?:you|your|on you|about you)\b|^(?:(?:okay|ok|also|and|but|right)[,\s]+)*(?:next|this) time\b/;

/** Opens "So…" past a filler: a say-back offered for checking. */
const OPENS_SO = /^(?:(?:okay|ok|right|yeah|yes|mm|and|um|uh|oh)[,.\s]+)*so\b/;
/** Ends on ", okay?" or ", alright?": what the listener tells them, checked for agreement. */
const TELLS_WITH_TAG = /,\s*(?:okay|ok|alright|all right)\?\s*$/i;
/**
 * Goes on with a bare instruction: "So you start now, you train him, give him the lice counting, let him make some
 * decisions." is the listener's plan for them, whatever "So you…" it opens with.
 */
const GOES_ON_INSTRUCTING =
  /, (?:and )?(?:just )?(?:give|let|tell|send|show|make sure|ask|call|put) (?:him|her|them|it|the|your|someone)\b/;

/** A lead-in that ends in a question of the listener's own: "So you felt…, and how does it make you feel?" */
const ASKS_ANEW = /(?:,|\band\b)\s*(?:how|what|why|when|where|which|who)\b[^,]*\?$/;

/** Does this kept restatement say back the other person's content or feeling, by what its sentence does? */
export function praiseworthy(k: KeptRestatement): boolean {
  // "That must have been really stressful for you." – "Yeah, a bit. But it's more the sheet.": it missed
  if (k.corrected) return false;
  const sentence = splitSentences(k.quote)[0] ?? k.quote;
  // a fragment: cut off ("So your pack a day—", "five PM their time is is") or the tail of a sentence ("and you're…")
  if (!/[.?!]["')\]]?$/.test(sentence.trim()) || /^\p{Ll}/u.test(sentence.trim())) return false;
  const text = normalise(readText(sentence).cleaned);
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < 5) return false;
  const read = readSentence(text);
  // "You tested it at home?", "Jan still doesn't have access?": a fact checked back, often in surprise. Asked, a
  // say-back opens "So…", has a stem ("It sounds like… ?") or names what they feel or want
  if (/\?["')\]]?\s*$/.test(sentence) && !OPENS_SO.test(text) && read.act !== "reflection" && !EXPERIENCE.test(read.core)) return false;
  // "And you, you take care of yourself, okay?": telling them, with a tag
  if (TELLS_WITH_TAG.test(sentence) || GOES_ON_INSTRUCTING.test(normalise(sentence))) return false;
  // judged on the words as said: cleaning drops "I mean" and "I think", which are the listener's own voice
  const ownVoice = inOwnVoice(sentence);
  const shared = k.takesUp ?? 0;
  if (
    genericOpening(sentence) ||
    MOVES_ON.test(text) ||
    reassures(text) ||
    // praise of them in place of what they said: "You're so quick on the hail ones."
    brushOff(text) === "waves-away" ||
    READS_OUT.test(text) ||
    ASKS_ANEW.test(text) ||
    EXPLAINS.test(text) ||
    DENIES_WORRY.test(text) ||
    OWN_STANCE.test(text) ||
    REMINDS.test(text) ||
    RECALLS.test(text) ||
    SIZES_UP.test(text)
  )
    return false;
  switch (read.act) {
    case "reflection": {
      if (ownVoice || !read.stem) return false;
      const rest = afterStem(read);
      if (rest.split(/\s+/).length < 3) return false; // "I understand what you're saying."
      // about them: "it sounds like they also have…" reports a third party, "it seems to me that…" is a view, and
      // "I hear you, it's been a crazy quarter for everyone" is the listener's own take
      const aboutThem = read.secondPerson && !ownTakeAfterStem(read);
      if (!aboutThem && (OPINION_STEMS.has(read.stem) || shared < 2)) return false;
      return !(/like$/.test(read.stem) && /^(?:a|an)\b/.test(rest) && !/\byou/.test(rest)); // "sounds like a reasonable way": a verdict
    }
    case "about-them":
      if (ownVoice || tellsOrPredicts(sentence)) return false;
      // offered for checking, it must take up their words ("You wanna volunteer to do that?" asks something new);
      // how they look to the listener ("You look tired, but in a good way") is not what they said
      if (shared < 2 && LOOKS.test(read.core)) return false;
      // "You log the feeding count every day, twice.", "You don't get one chanter bang on and the next one flat.":
      // said plainly, without a "So…" that offers it back or a word of what they feel, want or think, a sentence
      // about them is the listener telling them, arguing or instructing (so were all 9 such items readers judged in
      // written one-on-ones; 1 of 112 items praised in AnnoMI counselling is one)
      if (!read.asked && !OPENS_SO.test(text) && !EXPERIENCE.test(read.core)) return false;
      return shared >= 2 || (!read.asked && EXPERIENCE.test(read.core));
    case "statement":
      if (ownVoice || tellsOrPredicts(sentence)) return false;
      // "One page, you bold the important things, the free time…": what they are to do, told after a word of theirs
      // ("Chiller two trips, you shift the load to chiller one, … and your worry is how that looks" says back theirs)
      if (!read.asked && !OPENS_SO.test(text) && YOU_DO.test(read.core) && !NAMES_THEIRS.test(read.core)) return false;
      // An understanding check ("The silence plus the KLT output?"), a summary ("So over the past year, the
      // smoking has increased.") or their situation ("The main reason that you smoke is…") in their words.
      // their situation as it weighs on them ("It's hard when they knew you as the young guide.") says it back too
      return (
        shared >= 2 &&
        (read.asked ||
          sumsUp(text) ||
          THEIR_OWN.test(read.core.replace(PREPOSITION_YOU, " ")) ||
          (WEIGHS.test(read.core) && EXPERIENCE.test(read.core)))
      );
    default:
      return false;
  }
}
