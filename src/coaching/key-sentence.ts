import type { Utterance } from "../transcript/schema.js";
import { voicesConcern } from "../language/phrases.js";
import { read, readText } from "../language/read.js";
import type { Focus } from "./say-back.js";

/** A sentence of someone's turn, verbatim; it may run across the transcript's utterance boundaries. */
export interface TurnSentence {
  /** The utterance the sentence starts in. */
  utterance: Utterance;
  text: string;
}

/** The sentences of a turn in order, rejoined across utterances ("…so people can" + "see that better?"). */
export function turnSentences(turn: readonly Utterance[]): TurnSentence[] {
  const out: TurnSentence[] = [];
  let pending: TurnSentence | null = null;
  for (const utterance of turn) {
    const sentences = read(utterance).sentences;
    sentences.forEach((text, i) => {
      if (i === 0 && pending && !/[.!?]["')\]]?$/.test(pending.text)) {
        pending.text = `${pending.text} ${text}`;
        return;
      }
      pending = { utterance, text };
      out.push(pending);
    });
  }
  return out;
}

/**
 * The turn's sentences in the order worth saying back: for a concern the sentences that voice it, for a
 * question the questions (the last first: it is the one that was answered), otherwise the fullest first.
 */
export function rankSentences(turn: readonly Utterance[], focus: Focus): TurnSentence[] {
  const sentences = turnSentences(turn);
  const score = (s: TurnSentence, i: number): number => {
    const content = Math.min(readText(s.text).contentLemmas.size, 15);
    if (focus === "concern" && voicesConcern(s.text)) return 100 + content;
    if (focus === "question" && /\?\s*$/.test(s.text)) return 100 + i;
    return content;
  };
  return sentences
    .map((s, i) => ({ s, i, score: score(s, i) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.s);
}
