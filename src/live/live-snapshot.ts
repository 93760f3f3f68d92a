import { z } from "zod";
import type { MeetingState } from "./meeting-state.js";
import { nudgeKindSchema } from "./protocol.js";

/**
 * Bumped when MeetingState changes shape; an older snapshot is then not resumed (the meeting starts afresh).
 * 2: maps keyed by names (people, open partials, silences nudged) are stored as [key, value] pairs, not objects.
 */
export const LIVE_SNAPSHOT_VERSION = 2;

const ms = z.number().int();
const interval = z.object({ startMs: ms, endMs: ms });
const segment = z.object({ speaker: z.string(), startMs: ms, endMs: ms, words: z.number().int(), question: z.boolean() });

const meetingStateSchema = z.object({
  meetingId: z.string(),
  title: z.string().nullable(),
  manager: z.string(),
  people: z.array(
    z.tuple([
      z.string(),
      z.object({
        present: z.boolean(),
        joinedAtMs: ms,
        lastSpokeMs: ms.nullable(),
        talk: z.object({ closedMs: ms, last: interval.nullable(), recent: z.array(z.tuple([ms, ms])) }),
        counts: z.object({ turns: z.number().int(), backchannels: z.number().int(), interruptionsMade: z.number().int() }),
      }),
    ]),
  ),
  floor: z.object({
    current: z.object({ speaker: z.string(), startMs: ms, endMs: ms }).nullable(),
    pending: z.array(z.object({ id: z.string(), speaker: z.string(), startMs: ms, endMs: ms, short: z.boolean() })),
  }),
  buffer: z.object({ waiting: z.array(segment), open: z.array(z.tuple([z.string(), segment])), clockMs: ms, settledStartMs: ms }),
  managerInterruptions: z.array(ms),
  policy: z.object({
    lastByKind: z.partialRecord(nudgeKindSchema, ms),
    lastAtMs: ms.nullable(),
    sent: z.number().int(),
    monologueTurnMs: ms.nullable(),
    shareOverSinceMs: ms.nullable(),
    interruptionsUpToMs: ms.nullable(),
    silenceNudged: z.array(z.tuple([z.string(), ms])),
  }),
  settledCount: z.number().int(),
});

export const liveSnapshotSchema = z.object({ schemaVersion: z.literal(LIVE_SNAPSHOT_VERSION), state: meetingStateSchema });

export type LiveSnapshot = z.infer<typeof liveSnapshotSchema>;

/** The state as JSON-ready data: each Map as its [key, value] pairs, in order. */
export function toSnapshot(state: MeetingState): LiveSnapshot {
  return {
    schemaVersion: LIVE_SNAPSHOT_VERSION,
    state: {
      ...state,
      people: [...state.people],
      buffer: { ...state.buffer, open: [...state.buffer.open] },
      policy: { ...state.policy, silenceNudged: [...state.policy.silenceNudged] },
    },
  };
}

/** A stored snapshot back as state; null (and the reason) when it is not one this version can resume. */
export function fromSnapshot(stored: unknown): { ok: true; value: MeetingState } | { ok: false; error: string } {
  const parsed = liveSnapshotSchema.safeParse(stored);
  if (!parsed.success) return { ok: false, error: `snapshot not resumable: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  const { state } = parsed.data;
  return {
    ok: true,
    value: {
      ...state,
      people: new Map(state.people),
      buffer: { ...state.buffer, open: new Map(state.buffer.open) },
      policy: { ...state.policy, silenceNudged: new Map(state.policy.silenceNudged) },
    } satisfies MeetingState,
  };
}
