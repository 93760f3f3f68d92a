import type { Utterance } from "../transcript/schema.js";
import { countWords } from "../metrics/words.js";
import { voicesConcern } from "./markers.js";
import type { MomentKind } from "./schema.js";

export interface KeySentence {
  utterance: Utterance;
  /** Verbatim from the utterance's text. */
  sentence: string;
  /** The sentence after it in the same utterance, when there is one with some content. */
  following: string | null;
}

export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => countWords(s) > 0);
}

/** The sentence a moment is about: the worry for a concern, the question for a question, else the fullest one. */
export function keySentence(trigger: readonly Utterance[], kind: MomentKind): KeySentence {
  let best: KeySentence | null = null;
  let bestScore = -1;
  for (const utterance of trigger) {
    const sentences = splitSentences(utterance.text);
    sentences.forEach((sentence, i) => {
      const words = countWords(sentence);
      let score = Math.min(words, 30);
      if (kind === "missed-concern" && voicesConcern(sentence)) score += 100;
      if (kind === "missed-question" && sentence.trimEnd().endsWith("?")) score += 100 + i;
      if (score > bestScore) {
        const next = sentences[i + 1];
        bestScore = score;
        best = { utterance, sentence, following: next && countWords(next) >= 4 ? next : null };
      }
    });
  }
  return best ?? { utterance: trigger[trigger.length - 1]!, sentence: trigger[trigger.length - 1]!.text, following: null };
}
