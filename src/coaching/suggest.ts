import { asIndirect } from "./indirect-question.js";
import { feltClause } from "./felt-say-back.js";
import { feltSentence, opensWithBut, rankSentences } from "./key-sentence.js";
import { announces, butAfter, heartOf, pointFirst, sentenceAfter, together } from "./quoted-sentences.js";
import { type Felt, feltIn } from "../language/felt.js";
import { normalise } from "../language/phrases.js";
import { readText } from "../language/read.js";
import { countWords, FRAGMENT_WORDS } from "../language/tokens.js";
import type { Utterance } from "../transcript/schema.js";
import type { Candidate } from "./moments.js";
import { unfaithful } from "./faithful.js";
import { type Focus, type SaidBack, sayBack } from "./say-back.js";
import type { CoachingMoment, MomentKind } from "./schema.js";
import { type FeltReading, whatHappened } from "./what-happened.js";
import { thanks } from "./worth-coaching.js";

/** The check every suggestion closes with: one, and only one. */
export const CHECK = "Did I get that right?";

/**
 * The heuristic coach's reading of a candidate: the quote, what happened, and what to say. The quote is the
 * sentence most worth saying back; the suggestion restates it in writing only when the restatement keeps its
 * meaning and reads well, and otherwise asks the manager to say it back in their own words, with a starter.
 * Null when nothing they said in the moment can be said back at all (only fragments, or only asides).
 */
export function heuristicMoment(candidate: Candidate, names: readonly string[] = []): CoachingMoment | null {
  if (candidate.raised === "implied") return impliedMoment(candidate);
  const focus = focusOf(candidate.kind);
  const felt = feltSentence(candidate.turn);
  if (felt) {
    // where they said what they feel, that is the heart; "I'm worried about it." carries its point in the
    // sentence next to it (the reason after it, or else what came before), which is quoted. That sentence said
    // back alone ("the script still fails on the larger tenants") drops the worry, which readers call the heart,
    // so the manager gets the starter for the feeling with their reason quoted
    // "I'd rather Wednesday, because… But Monday's okay.": the feeling and what they grant after it are quoted
    // together, and said back in the manager's own words, since one without the other changes it
    const conceded = felt.after !== null && opensWithBut(felt.after.text);
    const heart = conceded ? together(felt.sentence, felt.after!) : heartOf(felt);
    const whole =
      heart === felt.sentence && plainEnough(heart.text) && sayBack(heart.text, focus, names)
        ? faithfulSayBack(heart.text, focus, names, candidate.speaker)
        : null;
    // a clause of the sentence that leaves the feeling out ("Kamil was doing the round" of "And I was alone,
    // because Kamil was doing the round") says back the side of it, not the heart
    const keepsFelt = whole !== null && feltIn(normalise(readText(whole.source).cleaned)) !== null;
    // where the whole sentence cannot be written back, the clause that says the feeling may be
    const clause = feltClause(felt.sentence.text);
    const said = whole?.faithful && keepsFelt ? whole : heart === felt.sentence ? clause : null;
    return {
      ...momentAt(candidate, heart.utterance, heart.text, { felt: felt.felt, clause }),
      // with what they grant after it, the feeling is not all of the point: the plain starter
      suggestion: said ? suggestion(candidate.kind, said) : conceded ? SAY_IT_BACK : FELT_STARTER[felt.felt],
    };
  }
  const sayable = pointFirst(rankSentences(candidate.trigger, focus), candidate.raised, focus).filter(
    (s) => sayBack(s.text, focus, names) !== null,
  );
  if (sayable.length === 0) return null;
  // the sentence most worth saying back, written or not: another sentence that writes well may miss the heart
  const heart = sayable[0]!;
  const said = faithfulSayBack(heart.text, focus, names, candidate.speaker);
  // "I made the call, I own that. But the system lets anyone override it…": what they grant is quoted with the "but"
  // that follows it, and the manager says the two back in their own words
  // "This is the bigger problem for me. We have four small cars for August…": a sentence that only announces the
  // point is quoted with the one that makes it, and the manager says the two back in their own words
  const made = announces(heart.text) ? sentenceAfter(candidate.turn, heart) : null;
  if (made !== null) {
    const both = together(heart, made);
    return { ...momentAt(candidate, both.utterance, both.text, null), suggestion: SAY_IT_BACK };
  }
  const next = butAfter(candidate.trigger, heart);
  if (next !== null) {
    const both = together(heart, next);
    return { ...momentAt(candidate, both.utterance, both.text, null), suggestion: sayItBack(said) };
  }
  return {
    ...momentAt(candidate, heart.utterance, heart.text, null),
    suggestion: said.faithful ? suggestion(candidate.kind, said) : sayItBack(said),
  };
}

/** At most this many of their sentences of substance (and this many words) are quoted for a point no word of theirs names. */
const IMPLIED_SENTENCES = 3;
const IMPLIED_WORDS = 60;

/**
 * A point no word of theirs names ("I've got the mortgage and everything. And Ade's hours got cut."): which
 * sentence holds it is a guess, so the card quotes how their turn ended, where people land what they mean ("It's
 * more the chronic pain ones. And the people with loads going on. I just… I don't know."), and the manager gets
 * the starter.
 */
function impliedMoment(candidate: Candidate): CoachingMoment {
  // their turn after any thanks ("That would be really good. Thank you." is not the point that follows)
  const all = candidate.turn.flatMap((utterance) => readText(utterance.text).sentences.map((text) => ({ utterance, text })));
  const said = all.slice(all.findLastIndex((s) => thanks(s.text)) + 1);
  // the last few sentences of substance, with the "So." and "I dunno." between them, and no more than a few lines
  let from = said.length;
  let substantial = 0;
  let words = 0;
  while (from > 0 && substantial < IMPLIED_SENTENCES) {
    const n = countWords(said[from - 1]!.text);
    if (words + n > IMPLIED_WORDS && words > 0) break;
    from--;
    words += n;
    if (n >= FRAGMENT_WORDS) substantial++;
  }
  while (from < said.length - 1 && countWords(said[from]!.text) < FRAGMENT_WORDS) from++;
  const quoted = said.slice(from);
  const quote = quoted.map((s) => s.text).join(" ");
  return {
    ...momentAt(candidate, quoted[0]!.utterance, quote, null),
    suggestion: `So you're saying… (their point, in your own words). ${CHECK}`,
  };
}

/**
 * A feeling is written back only from a plain sentence: short, one or two of their "I"s, no "I don't know" in
 * it. A run of restarts ("I don't know I'm just happy to, I feel like I got back…") reads garbled however it is
 * turned, so the manager gets a starter instead.
 */
function plainEnough(sentence: string): boolean {
  const cleaned = normalise(readText(sentence).cleaned);
  const words = cleaned.split(/\s+/).filter(Boolean).length;
  const selves = (cleaned.match(/\b(?:i|i'm|i've|i'd|i'll)\b/g) ?? []).length;
  return words <= 22 && selves <= 2 && !/\bi don't know\b/.test(cleaned) && !STARTS_AGAIN.test(cleaned);
}
/** "And I was, honestly, I felt very bad.": a start given up for another, which only the feeling's clause leaves out. */
const STARTS_AGAIN = /(?:^|[\s,])i(?:'m| am| was)\b[\s,]+(?:(?:honestly|really|actually|like|um|uh|you know|to be honest)[\s,]+)*i\b/;

/** Starters for a feeling that cannot be written back: they name only what kind of thing was said. */
const SAY_IT_BACK = `So you're saying… (their point, in your own words). ${CHECK}`;
const FELT_STARTER: Record<Felt, string> = {
  worry: `So you're worried… (their worry, in your own words). ${CHECK}`,
  feeling: `So you feel… (what they said, in your own words). ${CHECK}`,
  struggle: `So you're saying… (what they said, in your own words). ${CHECK}`,
};

function momentAt(candidate: Candidate, utterance: Utterance, quote: string, felt: FeltReading | null): Omit<CoachingMoment, "suggestion"> {
  return {
    utteranceId: utterance.id,
    atMs: utterance.startMs,
    speaker: candidate.speaker,
    quote,
    kind: candidate.kind,
    whatHappened: whatHappened(candidate, felt, utterance, quote),
    replyUtteranceId: candidate.reply?.id ?? null,
  };
}

/**
 * What to say back from a sentence, and whether it may be written out: the clause said back when it keeps the
 * meaning, else the whole sentence when that does (a "but" or an "if" kept), else the clause, not to be written.
 */
export function faithfulSayBack(
  sentence: string,
  focus: Focus,
  names: readonly string[],
  speaker: string | null,
): SaidBack & { faithful: boolean } {
  const clause = sayBack(sentence, focus, names)!;
  if (unfaithful(clause, speaker) === null) return { ...clause, faithful: true };
  const whole = sayBack(sentence, focus, names, true);
  if (whole && unfaithful(whole, speaker) === null) return { ...whole, faithful: true };
  return { ...clause, faithful: false };
}

/**
 * No written restatement: a starter for saying it back in the manager's own words. It names no feeling or
 * worry they did not name, so it cannot put words in their mouth.
 */
export function sayItBack(said: SaidBack): string {
  if (said.question) return `So you're asking… (their question, in your own words). ${CHECK}`;
  if (/^i feel\b/i.test(said.source)) return `So you feel… (what they said, in your own words). ${CHECK}`;
  return `So you're saying… (their point, in your own words). ${CHECK}`;
}

export function focusOf(kind: MomentKind): Focus {
  return kind === "missed-concern" ? "concern" : kind === "missed-question" ? "question" : "point";
}

/** A restatement in the manager's voice: a frame, their clause, and the check. */
export function suggestion(kind: MomentKind, said: SaidBack): string {
  if (said.question) {
    const indirect = asIndirect(said.clause);
    if (indirect) return `You're asking ${indirect}. ${CHECK}`;
    return `So your question is: ${said.clause}? ${CHECK}`;
  }
  // "you feel like you're failing", "you think we should wait": their hedge leads, so the frame is plain
  if (
    /^you (?:just |really |kind of |sort of |do |still )?(?:feel|think|guess|suppose|believe|wish|hope|want|'d like|'d say)\b/.test(
      said.clause,
    )
  ) {
    if (kind === "interrupted") return `Sorry, I came in too early. ${capital(said.clause)}. ${CHECK}`;
    if (kind === "not-picked-up") return `Earlier ${said.clause}. ${CHECK}`;
    return `So ${said.clause}. ${CHECK}`;
  }
  switch (kind) {
    case "missed-long-turn":
    case "quick-reply":
      if (/^that\b/i.test(said.clause)) return `It sounds like ${said.clause}. ${CHECK}`;
      return `So what I'm hearing is that ${said.clause}. ${CHECK}`;
    case "interrupted":
      return `Sorry, I came in too early. You were saying ${that(said.clause)}. ${CHECK}`;
    case "not-picked-up":
      return `Earlier you said ${that(said.clause)}. ${CHECK}`;
    default:
      return `It sounds like ${said.clause}. ${CHECK}`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "that " before a clause, unless the clause itself starts with "that". */
export function that(clause: string): string {
  return /^that\b/i.test(clause) ? clause : `that ${clause}`;
}
