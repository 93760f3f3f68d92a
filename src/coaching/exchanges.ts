import type { Utterance } from "../transcript/schema.js";
import { readText } from "../language/read.js";

/**
 * The conversation as the manager heard it: each substantive turn of another person, the manager's
 * utterances that answered it, and who spoke next. A turn runs across backchannels from either side ("Yeah.",
 * "Mm-hmm.") and ends when the manager says something of substance; every utterance the manager says before
 * someone else speaks again is an answer to that turn.
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
  "yeah yes yep yup yah no nope okay ok right sure mm-hmm mhm uh-huh hmm mm oh ah true exactly absolutely definitely totally cool great alright fine good thanks thank you sorry wow really huh gotcha i see indeed".split(
    " ",
  ),
);

/** "Mm-hmm.", "Yeah, yeah.", "Okay, right." or nothing left once cleaned: a backchannel, whoever says it. */
export function isMinimal(text: string): boolean {
  // most utterances say something: six words that are neither acknowledgements nor hesitations settle it
  // without cleaning the text (cleaning drops hesitations, repeats and false starts, never a run of words)
  if (saysSomething(text)) return false;
  const words = readText(text)
    .cleaned.toLowerCase()
    .replace(/[^\p{L}\p{N}'\s-]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  if (words.length > 4) return false;
  return words.every((w) => ACKNOWLEDGEMENT.has(w)) || (words.length <= 2 && words.join(" ") === "i see");
}

/** At least six words of two or more letters outside brackets that are not acknowledgements or hesitations. */
function saysSomething(text: string): boolean {
  let other = 0;
  for (const w of text
    .replace(/\[[^\]]*\]?/g, " ")
    .toLowerCase()
    .split(/[^\p{L}']+/u)) {
    if (w.length < 2 || ACKNOWLEDGEMENT.has(w) || /^(?:u+h+|u+m+|e+r+m*|a+h+|h+m+|m+h*m*|mhm)$/.test(w)) continue;
    if (++other >= 6) return true;
  }
  return false;
}

export function exchanges(utterances: readonly Utterance[], manager: string): Exchange[] {
  const out: Exchange[] = [];
  let open: Exchange | null = null;
  let managerSpoke = false;
  for (const u of utterances) {
    if (u.speaker === null) continue;
    const minimal = isMinimal(u.text);
    if (u.speaker === manager) {
      if (open) open.replies.push(u);
      if (!minimal) managerSpoke = true;
      continue;
    }
    if (minimal) continue;
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
