/**
 * A feeling a speaker owns, said in the first person: "I'm worried about…", "I feel like I'm failing", "it was a
 * bit embarrassing, I'm the only one…", "I don't know what to do". Read from a cleaned, lower-cased sentence.
 * Not a feeling: one that is denied ("I'm not worried"), asked about ("are you worried?"), someone else's ("she
 * feels bad"), or a hypothetical one ("if you feel that's worth it").
 */

/** What kind of thing they said they feel. */
export type Felt = "worry" | "feeling" | "struggle";

const AFFECT_WORDS =
  "worried|worrying|scared|afraid|frightened|terrified|anxious|nervous|stressed(?: out)?|overwhelmed|panicked|panicky|frustrated|upset|angry|sad|depressed|guilty|ashamed|embarrassed|humiliated|lonely|isolated|hopeless|helpless|disappointed|discouraged|unhappy|miserable|exhausted|tired|burn(?:ed|t) out|fed up|sick of|annoyed|irritated|uncomfortable|insecure|jealous|resentful|useless|worthless|unappreciated|pressured|under pressure|worn out|heartbroken|devastated|swamped|slammed|overloaded|overworked|underwater|knackered|shattered|gutted|shaking|shaky|shaken|rattled|(?:stretched|spread) (?:(?:really|pretty|too|so|very) )?thin";

/**
 * Words that name a feeling only after "feel", "am", "was", "get" ("I feel stuck", "I was so hurt"); elsewhere
 * they are verbs or things ("I stuck it in", "I hurt my back", "a bad day").
 */
const LINKED_WORDS =
  "stuck|stretched|trapped|torn|hurt|lost|worse|weird|bad|terrible|awful|horrible|alone|ignored|left out|crushed|defeated|mad|drained|bitter|awkward|uneasy|stupid|inadequate|undervalued|overlooked|invisible|sidelined|unsupported|out of the loop";
const LINKED = new RegExp(
  `\\b(?:i|i'm|i've|i'd|me)\\b(?:\\s+(?:just|really|still|always|sometimes|often|also|do|did|kind of|sort of|been|have|had|will|would|could))*\\s+(?:feel|feeling|felt|am|'m|was|get|getting|got|become|becoming|been|making me|makes me|made me)(?:\\s+(?:so|really|very|pretty|kind of|sort of|a bit|a little|quite|just|too|a lot|more|even))*\\s+(?:${LINKED_WORDS})\\b`,
  "u",
);

/**
 * Up to five words between the speaker and the feeling ("I've just been feeling really stressed", "makes me so
 * sad"), none a negation and none another person ("I think she's getting stressed" is hers).
 */
const GAP =
  "(?:\\s+(?!(?:not|never|no|nothing|she|he|they|she's|he's|they're|you|you're|it|it's|we|we're|people|everyone|everybody)\\b)(?![\\p{L}]+n't\\b)[\\p{L}']+){0,5}?";

/**
 * "I'm … worried", "I just feel … helpless", "it makes me … sad" ("he wrote me very angry" is his anger: "me" owns a
 * feeling only after a verb that brings it on).
 */
const OWN_AFFECT = new RegExp(
  `\\b(?:i|i'm|i've|i'd|(?:makes?|made|making|gets?|got|getting|leaves?|left|leaving|drives?|drove|driving|keeps?|kept|keeping) me)\\b${GAP}\\s+(?:${AFFECT_WORDS})\\b`,
  "u",
);

/** "My depression", "my stress": a feeling named as theirs. */
const OWN_NAMED = /\bmy (?:depression|anxiety|stress|stresses|anger|grief|loneliness|fears?|worr(?:y|ies)|panic attacks?|guilt)\b/;

const WORRY = /\b(?:worr\w*|scared|afraid|frightened|terrified|anxious|nervous|panick\w*)\b/;
/** The feeling said of a time past: "I was nervous", "I got scared". */
const THEN = /^(?:i|me)\b.*\b(?:was|were|got|felt|became)\b/;
/** A worry named as theirs: "my biggest worry is", "I'm concerned". */
const OWN_WORRY =
  /\b(?:my (?:biggest |main |real |only )?(?:worry|concern|fear) is|i'm concerned|i am concerned|i'm a bit concerned|i'm really concerned)\b/;
/** "I'm feeling down" (but "I could cut down" is no feeling). */
const FEELING_DOWN = /\b(?:feel|feeling|felt)(?: so| really| pretty| a bit| kind of)? down\b/;

/** "I feel like I'm…", "I feel like nobody…": a feeling said as a thought (kept as "you feel like…"). */
const FEEL_LIKE =
  /\bi (?:just |really |kind of |sort of )?(?:feel|felt) like (?:i\b|i'm\b|i've\b|i'd\b|nobody\b|no one\b|everyone\b|everybody\b|they\b|she\b|he\b|my\b|people\b)/;

/**
 * Struggles said of oneself: "I can't cope", "I don't know what to do", "I'm struggling", "I hate it", "maybe I'm not
 * cut out for a class like this".
 */
const STRUGGLE =
  /\b(?:i dread\b|i'm dreading|i (?:actually |just |really |still |always |sometimes |kind of |sort of )?(?:feel|felt)(?: physically| actually| really| a bit| a little| kind of| sort of| quite| so| just)* sick\b(?! of)|i can't (?:cope|handle|take|deal|stand|do this|sleep|stop|seem to)|i cannot (?:cope|handle|take|deal|stand)|i don't know (?:what to do|how to (?:cope|handle|deal|stop|manage))|i'm struggling|i've been struggling|i struggle|i hate\b|i miss\b|i'm not (?:feeling )?(?:happy|okay|ok|fine|good|great|coping|sleeping)|i (?:don't|didn't) feel (?:good|great|fine|okay|ok|right|safe|happy|comfortable|supported|heard)|i'm at (?:my|the) (?:wits'? end|end of my rope|breaking point)|i'm (?:barely|just) (?:coping|keeping up|hanging on|getting by)|my nose is just above the water|i'm drowning|i(?:'ve| have) been (?:feeling|getting) (?:(?:physically|actually|really|a bit|kind of|so) )*sick\b(?! of)|i'm not,? (?:really,? |sure i'm )?(?:cut out for|good enough|up to (?:it|this|the job))|i'm (?:out of my depth|in over my head))\b/;

/**
 * "It's been really hard", "it was a bit embarrassing", "it's been a nightmare": a hard time, counted only beside
 * "I", "me" or "my".
 */
const HARD_TIME =
  /\b(?:it|that|this|everything|things|life|work)(?: just| really)?(?:'s| is| was|'s been| has been| seems| seemed| feels| felt| gets| got| can be)\s+(?:(?:really|so|very|pretty|kind of|sort of|a bit|a little|quite|just|been|getting|too|all|a lot)\s+)*(?:(hard|harder|tough|tougher|rough|difficult)|stressful|frustrating|overwhelming|exhausting|embarrassing|humiliating|hurtful|demoralising|demoralizing|depressing|upsetting|painful|scary|lonely|an? (?:(?:absolute|total|complete|real|bit of a|bit of an) )?(?:nightmare|disaster|struggle|slog))\b/;
/** "I've had a rough week", "it's been a tough month". */
const ROUGH_PATCH =
  /\b(?:i've had|i had|i'm having|it's been|it has been|this has been|that was|it was)(?: such)? an? (?:really |very |pretty |bit of a )?(?:rough|tough|hard|difficult|bad|terrible|awful|stressful) (?:week|day|month|year|time|few weeks|few days|couple of weeks|stretch|patch)\b/;

/** "It still stings", "it just kind of rattled me": a hurt said of what happened. */
const STINGS =
  /\b(?:it|that|this)(?: still| really| kind of| honestly| just)? (?:stings|stung)\b|\b(?:it|that|this|he|she|they)(?: (?:just|really|kind of|sort of|honestly|properly))* (?:rattled|shook|unsettled|shook up|freaked) me\b/;

/**
 * "It's been a lot lately", "it's just a lot, I guess", "everything's too much", "Honestly… it's a lot.": strain said
 * without a feeling word ("it's a lot" only as the whole sentence: "it's a lot, but the pay is good" weighs it up).
 */
const BEEN_A_LOT =
  /^(?:(?:honestly|and|but|so|well|yeah|hey|um)[,\s]+)*it's a lot[.!]?$|\b(?:(?:it's|it has|things have|everything's|everything has)(?: just| really| honestly)? been|(?:it's|everything's|it is) (?:just|all|all just)|everything's) (?:(?:a bit|way|just|really) )?(?:a lot|too much)(?=\s*(?:[,.!;—–-]|$)|\s+(?:lately|recently|honestly|for me|this week|this month|this year|at the moment|right now)\b)/;

/** "I'm having a hard time", "I have trouble sleeping", "I'm finding it quite hard". */
const HARD_FOR_ME =
  /\bi(?:'m| am|'ve been| have been)? (?:really |just |still )?(?:(?:having|had|have) (?:a (?:really |very )?(?:hard|tough|rough|difficult) time|(?:a lot of |so much )?trouble)|finding (?:it|this|that|things) (?:(?:really|quite|pretty|very|so|a bit|a little|kind of) )*(?:hard|tough|difficult|hard going|a struggle))\b/;
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b/;

/** A feeling put as "if…" or "whether…" is hypothetical; "you feel" is not the speaker's own. */
const HYPOTHETICAL = /\b(?:if|whether|unless|in case)\s+(?:you|we|they|i|i'm|someone|people)\b[^,]{0,30}$/;

/** What the speaker says they feel in this sentence, or null. `sentence`: cleaned, lower-cased. */
export function feltIn(sentence: string): Felt | null {
  if (/\?\s*$/.test(sentence)) return null;
  const affect = sentence.match(OWN_AFFECT) ?? linked(sentence);
  if (affect && !denied(sentence, affect.index!, affect[0]) && !notTheirs(sentence, affect.index!))
    // "I was just trying to stay calm, and maybe I smiled because I was nervous": a fear at the time they tell of is
    // how they felt then, not a worry they raise
    return WORRY.test(affect[0]) && !THEN.test(affect[0]) ? "worry" : "feeling";
  const worry = sentence.match(OWN_WORRY);
  if (worry && !denied(sentence, worry.index!, worry[0]) && !notTheirs(sentence, worry.index!)) return "worry";
  if (FEELING_DOWN.test(sentence) && FIRST_PERSON.test(sentence)) return "feeling";
  const stings = sentence.match(STINGS);
  if (stings && !denied(sentence, stings.index!, stings[0])) return "feeling";
  const like = sentence.match(FEEL_LIKE);
  if (like && !notTheirs(sentence, like.index!)) return "feeling";
  const struggle = sentence.match(STRUGGLE);
  if (struggle && !notTheirs(sentence, struggle.index!)) return "struggle";
  if (OWN_NAMED.test(sentence) || HARD_FOR_ME.test(sentence) || ROUGH_PATCH.test(sentence) || BEEN_A_LOT.test(sentence))
    return WORRY.test(sentence) ? "worry" : "struggle";
  // "it's been hard" counts beside "I", "me" or "my", or said on its own ("It's so hard."); "it's so stressful"
  // is how it felt to them either way
  const hard = sentence.match(HARD_TIME);
  const alone = hard !== null && /^[\s.!—–-]*$/.test(sentence.slice(hard.index! + hard[0].length));
  if (
    hard &&
    (hard[1] === undefined || alone || speaksOfThemselves(sentence)) &&
    !denied(sentence, hard.index!, hard[0]) &&
    !notTheirs(sentence, hard.index!)
  )
    return "struggle";
  return null;
}

/** "I'm" written with its verb apart ("i 'm") never occurs in cleaned text; "I'm so hurt" reads as "i'm" + "so hurt". */
function linked(sentence: string): RegExpMatchArray | null {
  return sentence.replace(/\bi'm\b/g, "i 'm").match(LINKED);
}

/**
 * "I", "me" or "my" beyond a hedge: "I think it's harder to train" is about the work, and "I know that's hard
 * with Sian on leave" grants the listener a difficulty.
 */
export function speaksOfThemselves(sentence: string): boolean {
  return FIRST_PERSON.test(sentence.replace(HEDGE, " "));
}
const HEDGE = /\bi (?:think|guess|mean|suppose|believe|know|don't know|dunno|'d say|would say)\b/g;

/**
 * The word they named their feeling with ("frustrated", "stressed out", "stretched pretty thin"), when the
 * sentence says it of themselves in so many words; null otherwise (a feeling said as a thought, a struggle, a
 * feeling word that is denied or someone else's). `sentence`: cleaned, lower-cased.
 */
export function feelingWord(sentence: string): string | null {
  if (feltIn(sentence) === null) return null;
  const affect = sentence.match(OWN_AFFECT) ?? linked(sentence);
  if (!affect || denied(sentence, affect.index!, affect[0]) || notTheirs(sentence, affect.index!)) return null;
  const word = affect[0].match(new RegExp(`(?:${AFFECT_WORDS}|${LINKED_WORDS})$`, "u"));
  return word ? word[0] : null;
}

/** A negation just before the feeling or inside its phrase: "I'm not worried", "not that I'm upset", "I don't worry". */
function denied(sentence: string, at: number, phrase: string): boolean {
  if (/\b(?:not|never|no|[\p{L}]+n't)\b/u.test(phrase)) return true;
  return /\b(?:not|never|no longer|[\p{L}]+n't)\s+(?:[\p{L}']+\s+)?(?:that\s+)?$/u.test(sentence.slice(Math.max(0, at - 30), at));
}

/** The feeling at `at` is put as "if…" or "whether…", or in someone else's words ("he said I was stupid"). */
function notTheirs(sentence: string, at: number): boolean {
  return HYPOTHETICAL.test(sentence.slice(Math.max(0, at - 40), at)) || REPORTED.test(sentence.slice(Math.max(0, at - 30), at));
}
/** "He said I was stupid", "she told me I'm useless": someone else's words about them, not what they feel. */
const REPORTED = /\b(?!i\b)[\p{L}]+ (?:said|says|told|tells|called|thinks|thought)(?: me)?(?: that)?\s*$/u;
