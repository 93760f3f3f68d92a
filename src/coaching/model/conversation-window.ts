import type { Utterance } from "../../transcript/schema.js";
import type { KeptRestatement } from "../schema.js";
import type { Candidate } from "../moments.js";
import { readText, splitSentences } from "../../language/index.js";

/** One utterance as the model was shown it: cleaned, cut at a sentence end when long. */
export interface ShownUtterance {
  utterance: Utterance;
  /** Position in the meeting. */
  index: number;
  text: string;
}

/** Utterances shown before a moment's first words, and after the reply. */
const BEFORE = 2;
const AFTER = 1;
/** Characters shown of an utterance, by its part in a window. */
export const SHOWN_CHARS = { said: 360, reply: 240, context: 160 } as const;
type Part = keyof typeof SHOWN_CHARS;

/**
 * The conversation around each moment (and around each restatement the rules kept, for praise): a bounded
 * window of whole utterances, each shown cleaned and cut at a sentence end, never mid-sentence unless one
 * sentence alone is longer than its allowance.
 */
export function conversationShown(
  utterances: readonly Utterance[],
  index: ReadonlyMap<string, number>,
  candidates: readonly Candidate[],
  praise: readonly KeptRestatement[],
): Map<string, ShownUtterance> {
  const parts = new Map<number, Part>();
  const mark = (i: number, part: Part) => {
    if (i < 0 || i >= utterances.length) return;
    const had = parts.get(i);
    if (had === undefined || SHOWN_CHARS[part] > SHOWN_CHARS[had]) parts.set(i, part);
  };
  for (const c of candidates) {
    const first = index.get(c.trigger[0]!.id)!;
    const last = index.get((c.reply ?? c.trigger[c.trigger.length - 1]!).id)!;
    for (let i = first - BEFORE; i <= last + AFTER; i++) mark(i, "context");
    for (const u of c.trigger) mark(index.get(u.id)!, "said");
    if (c.reply) mark(index.get(c.reply.id)!, "reply");
  }
  for (const k of praise) {
    const of = index.get(k.ofUtteranceId);
    const own = index.get(k.utteranceId);
    if (of === undefined || own === undefined) continue;
    mark(of, "said");
    for (let i = Math.max(of + 1, own - 2); i < own; i++) mark(i, "context");
    mark(own, "reply");
  }
  const shown = new Map<string, ShownUtterance>();
  for (const i of [...parts.keys()].sort((a, b) => a - b)) {
    const u = utterances[i]!;
    shown.set(u.id, { utterance: u, index: i, text: shownText(readText(u.text).cleaned || u.text, SHOWN_CHARS[parts.get(i)!]) });
  }
  return shown;
}

/** Whole sentences up to `max` characters; a first sentence longer than that is cut at a word, with "…". */
export function shownText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const sentence of splitSentences(text)) {
    if (out.length + sentence.length + 1 > max) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  if (out === "") out = text.slice(0, max - 2).replace(/\s+\S*$/, "");
  return `${out} …`;
}
