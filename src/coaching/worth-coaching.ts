import { contentStems } from "./content-words.js";
import { CONCERN_MARKERS, findMarker } from "./markers.js";
import { cleanSpoken } from "./spoken-text.js";

/**
 * Talk about running the meeting rather than its subject: the room, the kit, the clock, the agenda, hellos and
 * goodbyes. A turn like this is no moment to coach, however it was answered ("Do we go back to our room?").
 */
const ASIDE =
  /\b(?:rooms?|lights?|microphones?|mics?|clip(?:ped)?|lapel|screens?|slides?|projector|laptop|battery|charger|cable|plug(?:ged)?|mute[ds]?|unmute|camera|recording|record(?:ed)?|hear me|see me|see my|whiteboard|white board|pens?|markers?|chairs?|door|toilet|coffee|lunch|tea|break|bye|goodbye|see you|good morning|good afternoon|hello|welcome|next meeting|last meeting|agenda|minutes left|(?:in|for|another) (?:a )?(?:few|five|ten|fifteen|twenty|thirty|\d+) minutes|wrap (?:it )?up|that's (?:it|all) for|we're done|finish(?:ed)? (?:here|now|early)|log (?:in|on|off)|link|password|email me|send (?:me|you) the)\b/i;

/** Closing and logistics asides, unless they also voice a worry ("I'm worried the link won't work" is a concern). */
export function isAside(text: string): boolean {
  const cleaned = cleanSpoken(text).toLowerCase();
  return ASIDE.test(cleaned) && findMarker(cleaned, CONCERN_MARKERS) === null;
}

const AFFECT =
  /\b(?:worr\w*|afraid|scared|fear\w*|anxious|nervous|stress\w*|overwhelm\w*|exhaust\w*|tired|frustrat\w*|upset|angry|sad|hurt|guilt\w*|ashamed|embarrass\w*|alone|stuck|lost|hopeless|helpless|disappoint\w*|unfair|struggl\w*|hard|difficult|tough|can't|cannot|won't be able|too much|pressure|risk\w*|problem\w*|fail\w*|broken|late|behind)\b/gi;
const PERSONAL = /\b(?:i|i'm|i've|i'd|i'll|me|my|myself|mine)\b/gi;

/**
 * How much the person had at stake in what they said, for ranking moments: words of strain or risk count most,
 * then speaking of themselves, then how much they said. A bounded score (0–30), not a measure of feeling.
 */
export function stakeOf(text: string): number {
  const cleaned = cleanSpoken(text).toLowerCase();
  const affect = Math.min(4, (cleaned.match(AFFECT) ?? []).length);
  const personal = Math.min(3, (cleaned.match(PERSONAL) ?? []).length);
  const content = Math.min(10, contentStems(cleaned).size / 3);
  return affect * 4 + personal * 2 + content;
}
