import { feltIn } from "../language/felt.js";
import { normalise } from "../language/phrases.js";
import { readText } from "../language/read.js";
import { unfaithful } from "./faithful.js";
import { endsOnState } from "./key-sentence.js";
import { toListenerVoice } from "./person.js";
import { SINCERELY, TAIL_ASIDE } from "./address.js";
import { lacksCopula, type SaidBack, withArticleBeforeBit } from "./say-back.js";

/**
 * A feeling said back in writing from the one clause that says it, when that clause alone keeps what they
 * meant: "Uh, and I-I've just been feeling really stressed lately." → "you've just been feeling really stressed
 * lately"; "I get stressed, I get resentful, I get overwhelmed and…" → "you get stressed, resentful and
 * overwhelmed"; "I guess I'm getting frustrated with the rota" → "you might be getting frustrated with the rota".
 * The rest of the sentence may be hard to write (restarts, asides), but the feeling is theirs and plain. Null
 * where the clause cannot stand alone: a "but", "if" or "unless" in the sentence (the feeling is half of a
 * contrast or a condition), a sentence that hangs on the one before ("Because…"), a hedge that cannot be kept, a
 * subject other than their "I", a pronoun that points outside it, or words cleaning had to join.
 */
export function feltClause(sentence: string): SaidBack | null {
  const cleaned = readText(sentence).cleaned;
  // "Because I get stressed…" is the reason for something said before it: alone it says something else
  if (CONTRAST.test(normalise(cleaned)) || HANGS_ON_BEFORE.test(normalise(cleaned))) return null;
  // "I'm a little bit worried, honestly, that Martina is leaving": an aside between commas does not end the clause
  const pieces = withoutMidAsides(cleaned)
    .split(COMMA_BREAK)
    // "I feel like everyone else is fine and they're normal and I'm the freak" is one thought, "and" and all
    .flatMap((p) => (FEEL_LIKE.test(p) ? [p] : p.split(AND_BREAK)))
    .map((p) =>
      p
        .trim()
        .replace(FILLER_FRONT, "")
        // "I'm, honestly, I'm tired": the opening said again once the aside is gone
        .replace(SAID_AGAIN, "$1")
        .replace(/[.!?,;:—\s]+$/, "")
        // "I'm a bit nervous about the walkthrough honestly": said of the saying, comma or not
        .replace(TAIL_ASIDE, "")
        .replace(SINCERELY, "$1 "),
    )
    .filter((p) => p !== "");
  const at = pieces.findIndex((p) => OWN_SUBJECT.test(p) && feltIn(normalise(p)) !== null);
  if (at === -1 || lacksCopula(pieces[at]!)) return null;
  // "…that we make a mistake and the douane, they give us a penalty": a subject set before the comma, its verb after it
  if (ENDS_ON_SUBJECT.test(pieces[at]!) && /^(?:they|he|she|it|we)\b/i.test(pieces[at + 1] ?? "")) return null;
  // "I'm tired, like, I don't know how long I can do both like this": what follows the feeling is a doubt of its own,
  // the point the feeling leads to; written alone, the feeling leaves it out (and its "I don't know" is no hedge of it)
  if (pieces.slice(at + 1, at + 3).some((p) => DOUBT_GOES_ON.test(normalise(p)))) return null;
  const spoken = spokenWords(withoutMidAsides(sentence.replace(SINCERELY, "$1 ")));
  // "I guess I'm getting frustrated": the hedge is set aside here and put back below
  const lead = HEDGE_LEAD.exec(pieces[at]!)?.[0] ?? "";
  const { clause: listed, last } = withListedFeelings(
    [...pieces.slice(0, at), pieces[at]!.slice(lead.length), ...pieces.slice(at + 1)],
    at,
  );
  // a hedge before the feeling, or straight after it ("I'm frustrated, I guess"), goes with it: "I guess I'm
  // getting frustrated" is said back as "you might be getting frustrated"; other hedged clauses are not written
  const hedged =
    lead !== "" ||
    [...pieces.slice(0, at), pieces[last + 1] ?? ""].some((p) => HEDGED.test(normalise(p))) ||
    // cleaning drops a hedge said as an afterthought ("I'm frustrated, I guess."), so what they said decides too
    hedgedBeside(spoken.join(" "), spokenWords(listed).join(" "));
  const clause = hedged ? mightBe(listed) : listed;
  if (clause === null) return null;
  const words = clause.split(/\s+/).length;
  // "I'm tired." is a whole clause of two words; other two-word clauses ("I'm worried") leave out what about
  const short = words < 3 && !(words === 2 && endsOnState(normalise(clause)));
  if (short || words > MAX_WORDS || !saidAsIs(listed, spoken) || !whole(clause)) return null;
  const source = withArticleBeforeBit(openingLowered(clause));
  const said = { clause: toListenerVoice(source), question: false, source, sentence: clause, said: clause, cut: false };
  return unfaithful(said) === null ? said : null;
}

/** A hedge before the clause as said, or in the three words after it. */
function hedgedBeside(said: string, clause: string): boolean {
  // a list said back ("stressed, resentful and overwhelmed") runs in what they said from its first words to its last
  const words = clause.split(" ");
  const at = said.indexOf(words.slice(0, 3).join(" "));
  const end = at === -1 ? -1 : said.indexOf(words.at(-1)!, at) + words.at(-1)!.length;
  if (at === -1 || end < at) return HEDGED.test(said);
  const after = said.slice(end).trim().split(" ").slice(0, 3).join(" ");
  return HEDGED.test(said.slice(0, at)) || HEDGED.test(after);
}

/** "I'm getting frustrated" → "I might be getting frustrated": the hedge kept in the clause; null for other verbs. */
function mightBe(clause: string): string | null {
  const m = /^(?:i'm|i am) (?!not\b|gonna\b|going to\b)((?:just|really|still|kind of|sort of) )?/i.exec(clause);
  return m ? `I might ${m[1] ?? ""}be ${clause.slice(m[0].length)}` : null;
}

/** Longest feeling clause written back; a longer one is quoted instead. */
const MAX_WORDS = 16;

/** The feeling is half of a contrast or a condition: only the whole sentence says what they meant. */
const CONTRAST = /\b(?:but|though|although|however|except|unless|if|whether)\b/;

const HANGS_ON_BEFORE = /^(?:(?:and|so|but|well|yeah|um|uh)[,\s]+)*(?:because|'cause|cause|since|when|whenever|which|so that)\b/;

/** Where one piece of a spoken sentence ends: a comma or dash, or "and"/"so" before a new subject. */
const COMMA_BREAK = /\s*[,;:—]\s*/;
const AND_BREAK = /\s+(?=(?:and|so)\s+(?:i|i'm|i've|i'd|it|it's|my|you|we|they|he|she)\b)/i;
const FEEL_LIKE = /\bfeel(?:s)? like\b/i;

/** Words that open a piece and say nothing ("and", "so", "I mean"); a hedge is not one of them. */
/** "…, honestly, …", "…, to be honest, …": said of the saying, between commas. */
const MID_ASIDE = /,\s*(?:honestly|to be honest|frankly|actually|really),\s*/gi;

/**
 * The text without asides between commas: the clause goes on across one ("worried, honestly, that Martina is
 * leaving"), and one before a new subject ("I'm a bit gutted, to be honest, I liked him") or before the name they
 * end on ("I'm tired, to be honest, Andreas.") ends it.
 */
function withoutMidAsides(text: string): string {
  return text.replace(MID_ASIDE, (aside: string, at: number, all: string) => (ENDS_CLAUSE.test(all.slice(at + aside.length)) ? ", " : " "));
}
const ENDS_CLAUSE = /^(?:(?:i|i'm|i've|i'd|it|it's|he|she|they|we|you)\b|\p{Lu}\p{Ll}+[.!?]?$)/iu;

/**
 * "Sometimes I feel like I am doing everything" said back after "It sounds like": the word of time or degree that
 * opened their sentence (`OWN_SUBJECT`) is no name, so it loses its capital; their "I" keeps it until it is turned.
 */
function openingLowered(clause: string): string {
  return /^(?:i|i'm|i've|i'd)\b/i.test(clause) ? clause : clause.charAt(0).toLowerCase() + clause.slice(1);
}

/** "I'm I'm tired": the first word said twice. */
const SAID_AGAIN = /^([\p{L}']+)(?:\s+\1)+(?=\s)/iu;

const FILLER_FRONT =
  /^(?:(?:and|so|well|yeah|yes|oh|okay|ok|like|just|um|uh|honestly|really|i mean|you know|now|then|it's just(?= i\b))\b[\s,]*)+/i;

/** Their own "I" opens the clause, perhaps after a word of time or degree ("sometimes I feel worse"). */
const OWN_SUBJECT =
  /^(?:(?:sometimes|often|always|still|lately|recently|now|actually|honestly|really|just|also|then)\s+)?(?:i|i'm|i've|i'd)\b/i;

const HEDGE_LEAD = /^(?:i guess|i think|i suppose|maybe|probably)\s+(?=i'm\b|i am\b)/i;

/** "I don't know how long I can…", "not sure if…": a doubt about something, a clause of its own. */
const DOUBT_GOES_ON =
  /^(?:like\s+)?(?:i don't know|i do not know|i dunno|i'm not sure|not sure) (?:how|what|why|when|where|who|whether|if)\b/;

/** A hedge that must not be dropped: "I don't know", "I guess", "maybe", "I think". */
const HEDGED = /\b(?:i don't know|i dunno|i guess|i think|i suppose|maybe|perhaps|probably|i'm not sure|not sure|kind of|sort of)\b/;

/**
 * A clause that reads as said whole: it does not stop on a word that needs more ("…like you can", "…should
 * just"), start again after its subject ("I probably it's very difficult"), or say a word twice ("I just feel
 * just like…").
 */
function whole(clause: string): boolean {
  const words = clause.toLowerCase().split(/\s+/);
  if (OPEN_END.test(words[words.length - 1]!)) return false;
  if (RESTARTED.test(clause.toLowerCase()) || SUBJECT_AGAIN.test(clause.toLowerCase())) return false;
  return words.every((w, i) => !words.slice(i + 1, i + 4).includes(w) || /^(?:the|a|an|and|of|to|i|i'm|that)$/.test(w));
}
const OPEN_END =
  /^(?:a|an|the|of|to|and|or|but|so|with|for|from|in|on|at|by|as|than|that|is|are|was|were|be|been|am|do|does|did|has|have|had|can|could|will|would|should|may|might|must|being|my|your|our|their|his|its|just|really|very|not|like|about|because|when|what|how|kind|sort|gonna|wanna)$/;
/** "I'm kind of I'm pretty tired": their "I'm" said again a word or two on, after a start they left (cleaning may drop the comma). */
const SUBJECT_AGAIN = /\b(i'm|i am|i was|i feel)\s+(?:\S+\s+){1,2}\1\b/;
const RESTARTED =
  /^(?:\w+\s+)?(?:i|i'm|i've|i'd)\s+(?:(?:\w+ly|probably|just|really|maybe|actually|also|still|even)\s+)?(?:it's|it|that's|there's|we|they|he|she|you|i)\b/;

/**
 * "I get stressed, I get resentful, I get overwhelmed": feelings listed one after another with the same
 * opening are said back as one list ("I get stressed, resentful and overwhelmed"). `last`: the index of the
 * piece the list ends in.
 */
function withListedFeelings(pieces: readonly string[], at: number): { clause: string; last: number } {
  const first = pieces[at]!;
  const lead = LIST_LEAD.exec(first)?.[0];
  const alone = { clause: first, last: at };
  if (lead === undefined) return alone;
  // the feeling a piece names after the same opening: all of the rest ("I'm stressed out"), or its first word
  // when the piece goes on ("I get overwhelmed and out of alignment"), which ends the list
  const feeling = (piece: string): { said: string; goesOn: boolean } | null => {
    if (!piece.toLowerCase().startsWith(lead.toLowerCase())) return null;
    const rest = piece.slice(lead.length);
    for (const said of [rest, rest.split(/\s+/)[0]!])
      if (said.split(/\s+/).length <= 3 && feltIn(normalise(`${lead}${said}`)) !== null) return { said, goesOn: said !== rest };
    return null;
  };
  const opening = feeling(first);
  if (opening === null || opening.goesOn) return alone;
  const feelings = [opening.said];
  for (const piece of pieces.slice(at + 1)) {
    const next = feeling(piece);
    if (next === null) break;
    feelings.push(next.said);
    if (next.goesOn) break;
  }
  if (feelings.length === 1) return alone;
  return { clause: `${lead}${feelings.slice(0, -1).join(", ")} and ${feelings.at(-1)}`, last: at + feelings.length - 1 };
}
const LIST_LEAD = /^(?:i'm|i am|i was|i feel|i felt|i get|i got|i've been|i'm feeling|i'm getting|i've been feeling) /i;

/**
 * The clause's words run together in what they said, past hesitations and stutters ("I-I", "I'm-I'm"): cleaning
 * that joined words across a restart ("I was going— I'm tired") made a clause they never said.
 */
function saidAsIs(clause: string, said: readonly string[]): boolean {
  const ours = spokenWords(clause.replace(/, | and /g, " "));
  if (` ${said.join(" ")} `.includes(` ${ours.join(" ")} `)) return true;
  // a list said back ("stressed, resentful and overwhelmed") is checked word by word in order
  return /, | and /.test(clause) && inOrder(ours, said);
}

function spokenWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[\s\-—–]+/)
    .map((w) => w.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, ""))
    .filter((w) => w !== "" && !/^(?:um+|uh+|erm|hmm+|mm+)$/.test(w));
  return words.filter((w, i) => w !== words[i - 1]);
}

function inOrder(ours: readonly string[], theirs: readonly string[]): boolean {
  let i = 0;
  for (const w of theirs) if (w === ours[i]) i++;
  return i === ours.length;
}

/** Ends on "and the douane": a noun that the clause after the comma takes up as its subject ("…, they give us…"). */
const ENDS_ON_SUBJECT = /\b(?:and|or|but)\s+(?:the|my|our|their|his|her|your)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu;
