/**
 * Loads the public AnnoMI rows (test/fixtures/annomi) into conversations, restatement pairs and Attune
 * utterances. Pure apart from `loadAnnoMi`, which only reads the file.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Utterance } from "../src/transcript/schema.js";

export const ANNOMI_CSV = fileURLToPath(new URL("../test/fixtures/annomi/annomi-public.csv", import.meta.url));

export type Interlocutor = "therapist" | "client";

export interface AnnoMiRow {
  transcriptId: string;
  miQuality: "high" | "low";
  topic: string;
  utteranceId: number;
  interlocutor: Interlocutor;
  /** From the hh:mm:ss timestamp: whole seconds only. */
  startMs: number;
  text: string;
  /** Expert label on therapist rows; null on client rows ("n/a"). */
  reflection: boolean | null;
  question: boolean | null;
}

export interface Conversation {
  id: string;
  quality: "high" | "low";
  topic: string;
  /** In utterance_id order. */
  rows: AnnoMiRow[];
}

/** A therapist row that directly follows a client row: "does this reply restate that turn?". */
export interface RestatementPair {
  conversationId: string;
  /** The therapist row's utterance_id. */
  utteranceId: number;
  previous: string;
  reply: string;
  /** reflection_exists === "True" (simple or complex reflection). */
  gold: boolean;
}

const REQUIRED_COLUMNS = [
  "mi_quality",
  "transcript_id",
  "topic",
  "utterance_id",
  "interlocutor",
  "timestamp",
  "utterance_text",
  "reflection_exists",
  "question_exists",
] as const;

export async function loadAnnoMi(path: string = ANNOMI_CSV): Promise<Conversation[]> {
  return parseAnnoMi(await readFile(path, "utf8"));
}

/** Conversations in order of first appearance in the file; throws on a malformed row. */
export function parseAnnoMi(csvText: string): Conversation[] {
  const records = parse(csvText, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const byId = new Map<string, Conversation>();
  records.forEach((record, index) => {
    const line = index + 2;
    for (const column of REQUIRED_COLUMNS) {
      if (typeof record[column] !== "string") throw new Error(`AnnoMI row on line ${line}: column ${column} is missing`);
    }
    const row = toRow(record as Record<(typeof REQUIRED_COLUMNS)[number], string>, line);
    let conversation = byId.get(row.transcriptId);
    if (!conversation) {
      conversation = { id: row.transcriptId, quality: row.miQuality, topic: row.topic, rows: [] };
      byId.set(row.transcriptId, conversation);
    }
    if (conversation.quality !== row.miQuality) throw new Error(`AnnoMI line ${line}: transcript ${row.transcriptId} mixes quality labels`);
    conversation.rows.push(row);
  });
  const conversations = [...byId.values()];
  for (const conversation of conversations) {
    conversation.rows.sort((a, b) => a.utteranceId - b.utteranceId);
    conversation.rows.forEach((row, i) => {
      if (row.utteranceId !== i) throw new Error(`AnnoMI transcript ${conversation.id}: utterance ids are not 0..n-1`);
      const before = conversation.rows[i - 1];
      if (before && row.startMs < before.startMs)
        throw new Error(`AnnoMI transcript ${conversation.id}: timestamps go backwards at utterance ${i}`);
    });
  }
  return conversations;
}

function toRow(r: Record<(typeof REQUIRED_COLUMNS)[number], string>, line: number): AnnoMiRow {
  const fail = (what: string): never => {
    throw new Error(`AnnoMI row on line ${line}: ${what}`);
  };
  const miQuality = r.mi_quality === "high" || r.mi_quality === "low" ? r.mi_quality : fail(`mi_quality "${r.mi_quality}"`);
  const interlocutor =
    r.interlocutor === "therapist" || r.interlocutor === "client" ? r.interlocutor : fail(`interlocutor "${r.interlocutor}"`);
  if (!/^\d+$/.test(r.utterance_id)) fail(`utterance_id "${r.utterance_id}"`);
  const time = /^(\d{2}):(\d{2}):(\d{2})$/.exec(r.timestamp) ?? fail(`timestamp "${r.timestamp}"`);
  const startMs = ((Number(time[1]) * 60 + Number(time[2])) * 60 + Number(time[3])) * 1000;
  const label = (value: string, column: string): boolean | null => {
    if (interlocutor === "client") return value === "n/a" ? null : fail(`${column} "${value}" on a client row`);
    return value === "True" ? true : value === "False" ? false : fail(`${column} "${value}" on a therapist row`);
  };
  return {
    transcriptId: r.transcript_id,
    miQuality,
    topic: r.topic,
    utteranceId: Number(r.utterance_id),
    interlocutor,
    startMs,
    text: r.utterance_text,
    reflection: label(r.reflection_exists, "reflection_exists"),
    question: label(r.question_exists, "question_exists"),
  };
}

/** Every therapist row whose previous row is a client row, with that client row as the turn it answers. */
export function restatementPairs(conversation: Conversation): RestatementPair[] {
  const pairs: RestatementPair[] = [];
  conversation.rows.forEach((row, i) => {
    const before = conversation.rows[i - 1];
    if (row.interlocutor !== "therapist" || before?.interlocutor !== "client") return;
    pairs.push({
      conversationId: conversation.id,
      utteranceId: row.utteranceId,
      previous: before.text,
      reply: row.text,
      gold: row.reflection === true,
    });
  });
  return pairs;
}

/**
 * How utterance ends are derived, since AnnoMI gives only whole-second start times:
 * - an utterance ends `gapMs` before the next one starts, but never before its own start (rows that start
 *   in the same second as the next get length 0). This is an upper bound on speaking time: any silence
 *   before the next speaker counts as speech, and each boundary is only known to ±1 s.
 * - the last utterance lasts words / `wordsPerSecond` (2.5 words/s = 150 words a minute, a common
 *   conversational speaking rate).
 * With `gapMs` ≥ 0 no two utterances overlap, so the floor analysis finds no interruptions here.
 */
export interface TimingAssumptions {
  gapMs: number;
  wordsPerSecond: number;
}

/** 200 ms: a typical gap between speakers in conversation (Stivers et al., PNAS 2009: modal gap ~0–200 ms). */
export const defaultTiming: TimingAssumptions = { gapMs: 200, wordsPerSecond: 2.5 };

export const SPEAKER: Record<Interlocutor, string> = { therapist: "therapist", client: "client" };

export function toUtterances(conversation: Conversation, timing: TimingAssumptions = defaultTiming): Utterance[] {
  const rows = conversation.rows;
  return rows.map((row, i) => {
    const next = rows[i + 1];
    const endMs = next
      ? Math.max(row.startMs, next.startMs - timing.gapMs)
      : row.startMs + Math.round((wordCount(row.text) / timing.wordsPerSecond) * 1000);
    return { id: `u${i + 1}`, speaker: SPEAKER[row.interlocutor], startMs: row.startMs, endMs, text: row.text };
  });
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
