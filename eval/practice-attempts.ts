/**
 * Practice attempts taken from expert-labelled conversations: every counsellor reply that follows a client turn
 * in AnnoMI, and every ICSI lead reply that follows someone else's turn, each read as an attempt at saying back
 * that turn, with the experts' label (AnnoMI reflection_exists, ICSI restates). Pure.
 */
import type { Conversation, Split } from "./annomi.js";
import type { IcsiUtteranceLabel } from "./sources.js";

export interface LabelledAttempt {
  source: "annomi" | "icsi";
  id: string;
  split: Split;
  /** The other person's turn (consecutive utterances of theirs joined). */
  said: string;
  speaker: string;
  attempt: string;
  gold: boolean;
}

export function annomiAttempts(conversation: Conversation, split: Split): LabelledAttempt[] {
  const out: LabelledAttempt[] = [];
  conversation.rows.forEach((row, i) => {
    if (row.interlocutor !== "therapist" || row.reflection === null) return;
    const turn: string[] = [];
    for (let j = i - 1; j >= 0 && conversation.rows[j]!.interlocutor === "client"; j--) turn.unshift(conversation.rows[j]!.text);
    if (turn.length === 0) return;
    out.push({
      source: "annomi",
      id: `annomi/${conversation.id}#${row.utteranceId}`,
      split,
      said: turn.join(" "),
      speaker: "Client",
      attempt: row.text,
      gold: row.reflection,
    });
  });
  return out;
}

export function icsiAttempts(meeting: string, lead: string, utterances: readonly IcsiUtteranceLabel[], split: Split): LabelledAttempt[] {
  const out: LabelledAttempt[] = [];
  utterances.forEach((u, i) => {
    if (u.speaker !== lead || i === 0 || utterances[i - 1]!.speaker === lead) return;
    const other = utterances[i - 1]!.speaker;
    const turn: string[] = [];
    for (let j = i - 1; j >= 0 && utterances[j]!.speaker === other; j--) turn.unshift(utterances[j]!.text);
    out.push({
      source: "icsi",
      id: `icsi/${meeting}#${i}`,
      split,
      said: turn.join(" "),
      speaker: other,
      attempt: u.text,
      gold: u.restates,
    });
  });
  return out;
}
