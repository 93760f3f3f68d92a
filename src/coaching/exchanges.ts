import type { Utterance } from "../transcript/schema.js";
import { isHesitation } from "../language/clean-fillers.js";
import { perText, readText } from "../language/read.js";
import { normalise } from "../language/phrases.js";
import { countWords } from "../language/tokens.js";

/**
 * The conversation as the manager heard it: each substantive turn of another person, the manager's
 * utterances that answered it, and who spoke next. A turn runs across backchannels from either side ("Yeah.",
 * "Mm-hmm.") and ends when the manager says something of substance; every utterance the manager says before
 * someone else speaks again is an answer to that turn. Their echo of the manager's last words ("Ninety-four." after
 * "Ninety-four.") is a backchannel too: what the manager says next still answers the turn.
 */
export interface Exchange {
  speaker: string;
  /** The other person's utterances of this turn, backchannels left out. */
  said: Utterance[];
  /** The manager's utterances after it (backchannels included), in order, until someone else says something. */
  replies: Utterance[];
  /** Who said something substantive next, other than the manager; null at the end. */
  nextSpeaker: string | null;
}

/** Acknowledgements and hesitations: an utterance made only of these holds no turn of its own. */
const ACKNOWLEDGEMENT = new Set(
  "yeah yes yep yup yah no nope okay ok right sure mm-hmm mhm uh-huh hmm mm oh ah true exactly absolutely definitely totally cool great alright fine good thanks thank you sorry wow really huh gotcha i see indeed remember so".split(
    " ",
  ),
);

const ASKS_AFTER_THEM = /(?:^|[.!?,]\s*)(?:are )?you (?:ok|okay|alright|all right|good|fine)\s*\?\s*$/i;

/**
 * "Mm-hmm.", "Yeah, yeah.", "Okay, right." or nothing left once cleaned: a backchannel, whoever says it. Remembered
 * per text: every step of coaching asks it of the same utterances and sentences.
 */
export const isMinimal = perText(minimal);

function minimal(text: string): boolean {
  // Most utterances settle it without being cleaned (cleaning only drops words, never adds one): six words that
  // are neither acknowledgements nor hesitations say something; up to four acknowledgements and nothing else are
  // a backchannel.
  // "You OK?", "Oh. You alright?": made of words a backchannel is made of ("you" is there for "thank you"), and yet
  // it asks after them. Taking "you" out of the set instead makes "I see you." a reply of substance that shares
  // "see" with "nobody sees it", and a brush-off reads as hearing (b36/09)
  if (ASKS_AFTER_THEM.test(text)) return false;
  const plain = plainWords(text);
  let other = 0;
  for (const w of plain) if (!ACKNOWLEDGEMENT.has(w) && w.length >= 2 && ++other >= 6) return false;
  if (plain.length <= 4 && plain.every((w) => ACKNOWLEDGEMENT.has(w))) return true;
  const words = readText(text)
    .cleaned.toLowerCase()
    .replace(/[^\p{L}\p{N}'\s-]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  if (words.length > 4) return false;
  return words.every((w) => ACKNOWLEDGEMENT.has(w));
}

/**
 * "Ninety-four." after "Ninety-four.", "Twice?" after "…the same helmet. Twice!": a few words, acknowledgements aside,
 * that repeat how the manager's last utterance ended.
 */
function echoes(text: string, managers: string): boolean {
  const own = plainWords(text).filter((w) => !ACKNOWLEDGEMENT.has(w));
  if (own.length === 0 || own.length > ECHO_WORDS) return false;
  const ending = plainWords(managers).slice(-own.length);
  return own.every((w, i) => w === ending[i]);
}
const ECHO_WORDS = 3;

/** The words as transcribed, lower-cased, without hesitations or short notes in brackets ("[laughter]"). */
function plainWords(text: string): string[] {
  return text
    .replace(/\[[^[\]\n]{0,80}\]/g, " ")
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w !== "" && !isHesitation(w));
}

export function exchanges(utterances: readonly Utterance[], manager: string): Exchange[] {
  const out: Exchange[] = [];
  let open: Exchange | null = null;
  let managerSpoke = false;
  let managerLast = "";
  for (const u of utterances) {
    if (u.speaker === null) continue;
    const minimal = isMinimal(u.text);
    if (u.speaker === manager) {
      if (open) open.replies.push(u);
      if (!minimal) {
        managerSpoke = true;
        managerLast = u.text;
      }
      continue;
    }
    if (minimal || (open && managerSpoke && echoes(u.text, managerLast))) continue;
    if (open && open.speaker === u.speaker && !managerSpoke) {
      open.said.push(u);
      continue;
    }
    if (open) open.nextSpeaker = u.speaker;
    open = { speaker: u.speaker, said: [u], replies: [], nextSpeaker: null };
    out.push(open);
    managerSpoke = false;
  }
  return out;
}

/** The last utterance of the reply that is more than a backchannel. */
export const lastSaid = (replies: readonly Utterance[]): Utterance | undefined => replies.findLast((u) => !isMinimal(u.text));

/** The manager's utterances of substance after `from`, until `untilMs`. */
export function managerLater(utterances: readonly Utterance[], from: number, manager: string, untilMs: number): Utterance[] {
  const out: Utterance[] = [];
  for (let i = from + 1; i < utterances.length && utterances[i]!.startMs <= untilMs; i++) {
    const u = utterances[i]!;
    if (u.speaker === manager && !isMinimal(u.text)) out.push(u);
  }
  return out;
}

/**
 * The turn's last `count` utterances, and the one before them when the first continues its sentence ("…leave by
 * quarter past five," + "which, I don't know, maybe that's fine…"): a window never opens mid-sentence.
 */
export function lastUtterances(said: readonly Utterance[], count: number): Utterance[] {
  const from = Math.max(0, said.length - count);
  const opensMidSentence = from > 0 && continuesSentence(said[from - 1]!.text, said[from]!.text);
  return said.slice(opensMidSentence ? from - 1 : from);
}

/** "…the doctor talked to you about-" then "-high cholesterol.": the second utterance goes on with the first's sentence. */
export function continuesSentence(before: string, after: string): boolean {
  const brokenOff = /[-—–]\s*$/.test(before) || !/[.?!]["')\]]?\s*$/.test(before);
  return brokenOff && (/^\s*[-—–]/.test(after) || /^\s*\p{Ll}/u.test(after));
}

/**
 * Their turn only says yes to what the manager just said, in the manager's words ("Yes, nominated mill."): no words
 * of their own for a say-back to take up.
 */
export function yesToOwnPoint(x: Exchange, before: Exchange | undefined): boolean {
  if (before === undefined || before.replies.length === 0) return false;
  const said = x.said.map((u) => u.text).join(" ");
  const cleaned = normalise(readText(said).cleaned);
  if (countWords(cleaned) > SHORT_YES_WORDS || !SAYS_YES.test(cleaned)) return false;
  const theirs = readText(said).contentLemmas;
  if (theirs.size === 0) return false;
  const managers = new Set(before.replies.flatMap((u) => [...readText(u.text).contentLemmas]));
  for (const l of theirs) if (!managers.has(l)) return false;
  return true;
}
const SHORT_YES_WORDS = 5;
const SAYS_YES = /^(?:yes|yeah|yep|yup|ya|right|exactly|correct|that's right)\b/;
