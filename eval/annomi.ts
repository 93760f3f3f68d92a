/**
 * Loads the AnnoMI rows in test/fixtures/annomi (the 4 public conversations and the 44 of the development part)
 * into conversations, splits them into a tuning half and a held-out half, and writes each conversation as a
 * transcript in the JSON shape `attune analyze` reads. Pure apart from `loadAnnoMi`, which only reads the files.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

export const ANNOMI_FILES = ["annomi-public.csv", "annomi-dev.csv"].map((name) =>
  fileURLToPath(new URL(`../test/fixtures/annomi/${name}`, import.meta.url)),
);

export type Interlocutor = "therapist" | "client";
export type Quality = "high" | "low";

export interface AnnoMiRow {
  transcriptId: string;
  miQuality: Quality;
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
  quality: Quality;
  topic: string;
  /** In utterance_id order, one row per utterance. */
  rows: AnnoMiRow[];
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

export async function loadAnnoMi(paths: readonly string[] = ANNOMI_FILES): Promise<Conversation[]> {
  const texts = await Promise.all(paths.map((path) => readFile(path, "utf8")));
  return parseAnnoMi(...texts);
}

/**
 * Conversations in order of first appearance; throws on a malformed row. Where an utterance was labelled by
 * several annotators, the first row is kept (as the data set's README says to do).
 */
export function parseAnnoMi(...csvTexts: string[]): Conversation[] {
  const byId = new Map<string, Conversation>();
  const seen = new Set<string>();
  for (const csvText of csvTexts) {
    const records = parse(csvText, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    records.forEach((record, index) => {
      const line = index + 2;
      for (const column of REQUIRED_COLUMNS) {
        if (typeof record[column] !== "string") throw new Error(`AnnoMI row on line ${line}: column ${column} is missing`);
      }
      const row = toRow(record as Record<(typeof REQUIRED_COLUMNS)[number], string>, line);
      const key = `${row.transcriptId}/${row.utteranceId}`;
      if (seen.has(key)) return;
      seen.add(key);
      let conversation = byId.get(row.transcriptId);
      if (!conversation) {
        conversation = { id: row.transcriptId, quality: row.miQuality, topic: row.topic, rows: [] };
        byId.set(row.transcriptId, conversation);
      }
      if (conversation.quality !== row.miQuality)
        throw new Error(`AnnoMI line ${line}: transcript ${row.transcriptId} mixes quality labels`);
      conversation.rows.push(row);
    });
  }
  const conversations = [...byId.values()];
  for (const conversation of conversations) {
    conversation.rows.sort((a, b) => a.utteranceId - b.utteranceId);
    conversation.rows.forEach((row, i) => {
      if (row.utteranceId !== i) throw new Error(`AnnoMI transcript ${conversation.id}: utterance ids are not 0..n-1`);
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
  // One source row writes "00:09:025": a seconds field with an extra leading zero is read as its value (25 s).
  const time = /^(\d{2}):(\d{2}):(0?\d{2})$/.exec(r.timestamp) ?? fail(`timestamp "${r.timestamp}"`);
  if (Number(time[2]) > 59 || Number(time[3]) > 59) fail(`timestamp "${r.timestamp}"`);
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

export type Split = "tune" | "held-out";

/**
 * The split fixed before any tuning: within each quality, conversations in order of their numeric id go
 * alternately to the tuning half and the held-out half (the first to tuning). Detection is tuned on the first
 * and reported on the second.
 */
export function splitOf(conversations: readonly Conversation[]): Map<string, Split> {
  const split = new Map<string, Split>();
  for (const quality of ["high", "low"] as const) {
    const ordered = conversations.filter((c) => c.quality === quality).sort((a, b) => Number(a.id) - Number(b.id));
    for (const [i, c] of ordered.entries()) split.set(c.id, i % 2 === 0 ? "tune" : "held-out");
  }
  return split;
}

/**
 * How utterance ends are derived, since AnnoMI gives only whole-second start times:
 * - an utterance ends `gapMs` before the next one starts, but never before its own start (rows that start
 *   in the same second as the next get length 0). This is an upper bound on speaking time: any silence
 *   before the next speaker counts as speech, and each boundary is only known to ±1 s.
 * - the last utterance lasts words / `wordsPerSecond` (2.5 words/s = 150 words a minute, a common
 *   conversational speaking rate).
 */
export interface TimingAssumptions {
  gapMs: number;
  wordsPerSecond: number;
}

/** 200 ms: a typical gap between speakers in conversation (Stivers et al., PNAS 2009: modal gap ~0–200 ms). */
export const defaultTiming: TimingAssumptions = { gapMs: 200, wordsPerSecond: 2.5 };

/** The display names the transcripts give the two speakers; the counsellor is the "manager" Attune coaches. */
export const SPEAKER: Record<Interlocutor, string> = { therapist: "Counsellor", client: "Client" };

export interface TimedRow {
  row: AnnoMiRow;
  startMs: number;
  endMs: number;
}

/**
 * Start and end of each row. A few rows start a second or two before the row above them (crosstalk, transcribed
 * in turn order): their start is moved up to the previous row's, so the transcript keeps the experts' order.
 */
export function timedRows(conversation: Conversation, timing: TimingAssumptions = defaultTiming): TimedRow[] {
  const starts: number[] = [];
  for (const row of conversation.rows) starts.push(Math.max(row.startMs, starts[starts.length - 1] ?? 0));
  return conversation.rows.map((row, i) => {
    const startMs = starts[i]!;
    const next = starts[i + 1];
    const endMs =
      next !== undefined
        ? Math.max(startMs, next - timing.gapMs)
        : startMs + Math.round((wordCount(row.text) / timing.wordsPerSecond) * 1000);
    return { row, startMs, endMs };
  });
}

/** The conversation as the JSON transcript `attune analyze` reads: `[{ speaker, start, end, text }]`, times in seconds. */
export function transcriptJson(conversation: Conversation, timing: TimingAssumptions = defaultTiming): string {
  return JSON.stringify(
    timedRows(conversation, timing).map(({ row, startMs, endMs }) => ({
      speaker: SPEAKER[row.interlocutor],
      start: startMs / 1000,
      end: endMs / 1000,
      text: row.text,
    })),
  );
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
