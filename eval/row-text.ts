/**
 * One row of the reader's sample as a judge reads it: the conversation around the utterance the card is about
 * (speaker names as in the transcript) and what the card shows. Nothing in it says which coach, version or
 * corpus produced it. Its sha256 is the row's key: a verdict holds for exactly this text. Pure.
 */
import { createHash } from "node:crypto";
import type { CoachingMoment, KeptRestatement } from "../src/coaching/schema.js";
import type { Utterance } from "../src/transcript/index.js";

/** Utterances shown before the one the row is about, and after it (more after, up to AFTER_MAX, to reach the reply). */
export const CONTEXT = { before: 6, after: 3, afterMax: 8 } as const;
/** Longest text shown for a neighbouring utterance, and for the one the row is about. */
export const CHARS = { neighbour: 500, focus: 2000 } as const;

export const rowKey = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

export interface Around {
  utterances: readonly Utterance[];
  /** Index of the utterance the row is about. */
  focus: number;
  /** Index of a later utterance the context should reach (the manager's reply), if any. */
  reach?: number | null;
  /** The manager's display name as the transcript writes it. */
  manager: string;
}

export function conversationLines({ utterances, focus, reach, manager }: Around): string[] {
  const wanted = reach !== null && reach !== undefined && reach > focus ? reach - focus : 0;
  const after = Math.min(CONTEXT.afterMax, Math.max(CONTEXT.after, wanted));
  const from = Math.max(0, focus - CONTEXT.before);
  const to = Math.min(utterances.length - 1, focus + after);
  const lines = [`Conversation (the manager is ${manager}; ">>" marks the line the card is about):`];
  for (let i = from; i <= to; i++) {
    const u = utterances[i]!;
    const text = clip(u.text, i === focus ? CHARS.focus : CHARS.neighbour);
    lines.push(`${i === focus ? ">>" : "  "} ${u.speaker ?? "(unknown speaker)"}: ${text}`);
  }
  return lines;
}

export function momentText(around: Around, m: CoachingMoment): string {
  return [
    ...conversationLines(around),
    "",
    `The card tells ${around.manager}:`,
    `  What happened: ${oneLine(m.whatHappened)}`,
    `  Their words (${m.speaker}): "${oneLine(m.quote)}"`,
    `  Suggested: "${oneLine(m.suggestion)}"`,
  ].join("\n");
}

export function praiseText(around: Around, k: KeptRestatement): string {
  return [
    ...conversationLines(around),
    "",
    `The card tells ${around.manager}, under "Keep doing: here you said back what you heard":`,
    `  "${oneLine(k.quote)}" (to ${k.of})`,
  ].join("\n");
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

function clip(text: string, max: number): string {
  const flat = oneLine(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
