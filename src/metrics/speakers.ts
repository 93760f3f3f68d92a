import type { Utterance } from "../transcript/schema.js";
import type { Floor } from "./floor.js";
import { countQuestions } from "./questions.js";
import type { SpeakerMetrics } from "./schema.js";
import { countWords } from "./words.js";

/** Per-speaker figures, in order of talk time (most first, then by name). */
export function speakerMetrics(utterances: readonly Utterance[], talkMs: Map<string, number>, floor: Floor): SpeakerMetrics[] {
  let summed = 0;
  for (const ms of talkMs.values()) summed += ms;
  const rows = new Map<string, SpeakerMetrics>();
  for (const [name, ms] of talkMs) {
    rows.set(name, { ...silentSpeaker(name), talkMs: ms, share: summed === 0 ? 0 : ms / summed });
  }
  for (const u of utterances) {
    const row = u.speaker === null ? undefined : rows.get(u.speaker);
    if (!row) continue;
    row.words += countWords(u.text);
    const q = countQuestions(u.text);
    row.questions += q.total;
    row.openQuestions += q.open;
    row.closedQuestions += q.closed;
  }
  for (const turn of floor.turns) {
    const row = rows.get(turn.speaker)!;
    row.turns++;
    row.longestMonologueMs = Math.max(row.longestMonologueMs, turn.endMs - turn.startMs);
  }
  for (const b of floor.backchannels) rows.get(b.speaker)!.backchannels++;
  for (const i of floor.interruptions) {
    rows.get(i.by)!.interruptionsMade++;
    rows.get(i.of)!.interruptionsReceived++;
  }
  for (const row of rows.values()) {
    row.wordsPerMinute = row.talkMs >= 10_000 ? Math.round((row.words / row.talkMs) * 60_000) : null;
  }
  return [...rows.values()].sort((a, b) => b.talkMs - a.talkMs || a.name.localeCompare(b.name));
}

/** A speaker's row before anything they said is counted: named (a roster member who never spoke keeps it). */
export function silentSpeaker(name: string): SpeakerMetrics {
  return {
    name,
    talkMs: 0,
    share: 0,
    turns: 0,
    backchannels: 0,
    words: 0,
    wordsPerMinute: null,
    questions: 0,
    openQuestions: 0,
    closedQuestions: 0,
    longestMonologueMs: 0,
    interruptionsMade: 0,
    interruptionsReceived: 0,
  };
}
