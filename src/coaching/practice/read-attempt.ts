import { z } from "zod";
import { normalise, voicesConcern } from "../../language/phrases.js";
import { readSentence, type SentenceAct } from "../speech-acts.js";
import { readText } from "../../language/read.js";
import { splitSentences } from "../../language/sentences.js";
import { lemma } from "../../language/lemma.js";
import { praiseworthy } from "../keep-doing.js";
import { judgeRestatement, type RestatementJudgement } from "../restatement.js";
import { type Focus, sayBack } from "../say-back.js";
import type { MomentKind } from "../schema.js";
import { faithfulSayBack, suggestion } from "../suggest.js";
import { attemptFeedback } from "./feedback-text.js";
import { isMinimal } from "../exchanges.js";
import { type Felt, feltIn } from "../../language/felt.js";
import { raisedRank } from "../worth-coaching.js";

/** What Attune says about one practice attempt: never a score. */
export const practiceFeedbackSchema = z.object({
  /** The attempt says back what they said (the card's restatement reading). */
  restates: z.boolean(),
  /** One specific, kind observation in plain English. */
  feedback: z.string().min(1),
  /** Where the heart was missed, one faithful restatement; null when none can be written faithfully. */
  example: z.string().nullable(),
});
export type PracticeFeedback = z.infer<typeof practiceFeedbackSchema>;

/** The sentence of what they said most worth saying back, and the clause of it Attune would say back. */
export interface Heart {
  focus: Focus;
  sentence: string;
  /** The clause of it said back, in their words (the whole sentence when the clause had to be cut). */
  clause: string;
  /** Content lemmas of the clause said back. */
  lemmas: ReadonlySet<string>;
  /** Found by what it says (a feeling, a point they raised, a concern, their question), not only by its length. */
  marked: boolean;
  /**
   * The feeling this sentence is the reason for, when they said it in a sentence that cannot be said back itself
   * ("I'm worried about it."): the reason said back alone drops it, so there is no written example for it (the
   * card gives a starter there too), and an attempt that leaves it out is told so.
   */
  besideFeeling: Felt | null;
}

/**
 * Reads the manager's typed `attempt` at saying back `said` (the other person's words): whether it restates,
 * one observation about it, and, where the heart was missed, an example restatement. Pure.
 */
export function readAttempt(said: string, attempt: string, speaker: string | null = null, names: readonly string[] = []): PracticeFeedback {
  const judged = sayItBackReading(said, typed(attempt));
  const heart = heartOf(said, names);
  const theirs = readText(said).contentLemmas;
  const taken = takenWords(attempt, said);
  // "it leaves out what mattered most" only where the heart is marked by what it says, not by being the longest
  const missedHeart = heart?.marked === true && ![...heart.lemmas].some((l) => readText(attempt).contentLemmas.has(l));
  const feedback = nothingToSayBack(said) ?? attemptFeedback({ judged, act: mainAct(attempt), taken, missedHeart, heart, attempt, theirs });
  // an example only for a heart marked by what it says: a restatement of their longest sentence can miss it
  const example = (!judged.restates || missedHeart) && heart?.marked ? exampleFor(heart, names, speaker) : null;
  return { restates: judged.restates, feedback, example };
}

/**
 * Some turns hold nothing to say back: an acknowledgement ("Yeah, yeah. Okay.") or a short question of fact
 * ("Well, where is that?"), which is answered, not restated. Null for a turn with a point of its own.
 */
function nothingToSayBack(said: string): string | null {
  if (isMinimal(said)) return "They only acknowledged you here; there is nothing of theirs to say back yet.";
  const cleaned = readText(said).cleaned;
  if (/\?\s*$/.test(cleaned) && cleaned.split(/\s+/).length <= 12 && heartOf(said)?.marked !== true)
    return "They asked you a question here; answering it is right. Where a question carries a worry, say the worry back first.";
  return null;
}

/**
 * The card's reading: a sentence of the reply restates (restatement.ts) and says back their content or feeling
 * by what it does (keep-doing.ts, the test a "Keep doing" item passes), so advice or a lecture that reuses their
 * words is not credited.
 */
function sayItBackReading(said: string, attempt: string): RestatementJudgement {
  const judged = judgeRestatement(said, attempt);
  if (!judged.restates || judged.sentence === null) return judged;
  const kept = { utteranceId: "attempt", atMs: 0, quote: judged.sentence, of: "", ofUtteranceId: "said", takesUp: judged.shared };
  return praiseworthy(kept) ? judged : { ...judged, restates: false, sentence: null, rule: null };
}

/** Typed text as it would be said: a capital first letter and closing punctuation ("so you're worried" reads as a sentence). */
function typed(attempt: string): string {
  const trimmed = attempt.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.?!]["')\]]?$/.test(capital) ? capital : `${capital}.`;
}

/** What the attempt mostly does instead of saying back: "Okay. Well, I'd recommend…" is advice, not a backchannel. */
const ACT_ORDER: readonly SentenceAct[] = ["advice", "question", "self", "about-them", "reflection", "statement", "backchannel"];
function mainAct(attempt: string): SentenceAct | null {
  const acts = new Set(splitSentences(attempt).map((s) => readSentence(normalise(readText(s).cleaned)).act));
  return ACT_ORDER.find((a) => acts.has(a)) ?? null;
}

/** Their words the attempt used, as the attempt wrote them, in order, once each. */
function takenWords(attempt: string, said: string): string[] {
  const theirs = readText(said).contentLemmas;
  // a word is theirs as they said it or close to it ("worried" for "worry"), not only by its lemma ("best" is
  // not "good" to the person who said "good")
  const spoken = readText(said).tokens;
  const out = new Map<string, string>();
  for (const t of readText(attempt).tokens) {
    const l = lemma(t);
    if (t.length < 2 || !theirs.has(l) || readText(t).contentLemmas.size === 0 || out.has(l)) continue;
    if (spoken.some((w) => w === t || (w.slice(0, 3) === t.slice(0, 3) && lemma(w) === l))) out.set(l, t);
  }
  return [...out.values()];
}

export function heartOf(said: string, names: readonly string[] = []): Heart | null {
  const sentences = splitSentences(said);
  const focus: Focus = sentences.some((s) => voicesConcern(s))
    ? "concern"
    : /\?\s*$/.test(sentences[sentences.length - 1] ?? "")
      ? "question"
      : "point";
  // the heart as the card reads it: what they said they feel, then what they raised (a worry before a proposal),
  // then a concern, their question, or the fullest sentence
  const ranked = sentences
    .map((text, i) => {
      const content = Math.min(readText(text).contentLemmas.size, 15);
      const raised = raisedRank(text);
      const felt = feltIn(normalise(readText(text).cleaned));
      const score =
        felt !== null
          ? 300 + content
          : raised !== null
            ? 200 - 10 * raised + content
            : focus === "concern" && voicesConcern(text)
              ? 100 + content
              : focus === "question" && /\?\s*$/.test(text)
                ? 100 + i
                : content;
      return { text, i, score, marked: score >= 100, felt };
    })
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const top = ranked[0];
  for (const { text, i, marked } of ranked) {
    const back = sayBack(text, focus, names);
    if (back !== null) {
      // the feeling ranks first; where its own sentence cannot be said back, this one is its reason
      const besideFeeling = top !== undefined && i !== top.i ? top.felt : null;
      const clause = back.cut ? back.sentence : back.source;
      return { focus, sentence: text, clause, lemmas: readText(back.source).contentLemmas, marked, besideFeeling };
    }
  }
  return null;
}

const KIND: Record<Focus, MomentKind> = { concern: "missed-concern", question: "missed-question", point: "missed-long-turn" };

/** The card's own faithful restatement of the heart, or null when it cannot write one faithfully. */
function exampleFor(heart: Heart, names: readonly string[], speaker: string | null): string | null {
  if (heart.besideFeeling) return null;
  const said = faithfulSayBack(heart.sentence, heart.focus, names, speaker);
  return said.faithful ? suggestion(KIND[heart.focus], said) : null;
}
