import type { Utterance } from "../transcript/schema.js";
import type { MetricOptions } from "./options.js";
import { countWords } from "./words.js";

/** A speaker holding the floor: one or more of their utterances, joined across short pauses. */
export interface Turn {
  speaker: string;
  startMs: number;
  endMs: number;
  utteranceIds: string[];
}

export interface Backchannel {
  speaker: string;
  utteranceId: string;
  atMs: number;
  /** Whose floor it acknowledged. */
  of: string;
}

export interface Interruption {
  by: string;
  of: string;
  utteranceId: string;
  atMs: number;
  overlapMs: number;
}

export interface Floor {
  turns: Turn[];
  backchannels: Backchannel[];
  interruptions: Interruption[];
}

/** What the floor rules need of an attributed utterance (live input keeps no text, only these). */
export interface FloorUtterance {
  id: string;
  speaker: string;
  startMs: number;
  endMs: number;
  /** A short acknowledgement by its length and words (see isShortAcknowledgement). */
  short: boolean;
}

/** The turn in progress. */
export interface TurnSpan {
  speaker: string;
  startMs: number;
  endMs: number;
}

/**
 * The floor read so far. Short acknowledgements wait in `pending` for the next substantive utterance,
 * whose speaker decides whether they were backchannels: the one look ahead the rules need.
 */
export interface FloorState {
  current: TurnSpan | null;
  pending: FloorUtterance[];
}

/** What reading the floor finds, as it finds it. */
export interface FloorSink {
  turnStarted(u: FloorUtterance): void;
  turnExtended(u: FloorUtterance): void;
  backchannel(b: Backchannel): void;
  interruption(i: Interruption): void;
}

/**
 * Who held the floor when. Utterances must be sorted by start; unattributed ones are ignored.
 * - A short acknowledgement (< backchannelMaxMs, ≤ backchannelMaxWords, not a question) by someone else
 *   while the floor is held (within joinGapMs of the holder's last word) is a backchannel when it
 *   overlaps the holder's speech or the holder speaks next: it takes no turn.
 *   So is any utterance shorter than backchannelMaxMs that lies wholly inside the holder's speech:
 *   the holder never stopped.
 * - The holder's own utterances within joinGapMs of their last one extend the turn.
 * - Anyone else's utterance takes the floor. If it started ≥ interruptionMinOverlapMs before the holder
 *   stopped, and the holder stopped within interruptionYieldMs of that start, it is an interruption.
 * The batch reading of a whole transcript; the live path feeds the same steps one utterance at a time.
 */
export function analyzeFloor(utterances: readonly Utterance[], options: MetricOptions): Floor {
  const floor: Floor = { turns: [], backchannels: [], interruptions: [] };
  const sink: FloorSink = {
    turnStarted: (u) => floor.turns.push({ speaker: u.speaker, startMs: u.startMs, endMs: u.endMs, utteranceIds: [u.id] }),
    turnExtended: (u) => {
      const turn = floor.turns[floor.turns.length - 1]!;
      turn.endMs = Math.max(turn.endMs, u.endMs);
      turn.utteranceIds.push(u.id);
    },
    backchannel: (b) => floor.backchannels.push(b),
    interruption: (i) => floor.interruptions.push(i),
  };
  const state = newFloorState();
  for (const u of utterances) if (isAttributed(u)) feedFloor(state, toFloorUtterance(u, options), options, sink);
  endFloor(state, options, sink);
  return floor;
}

export function newFloorState(): FloorState {
  return { current: null, pending: [] };
}

/** Reads the next utterance (in start order). */
export function feedFloor(state: FloorState, u: FloorUtterance, options: MetricOptions, sink: FloorSink): void {
  if (u.short) {
    state.pending.push(u);
    return;
  }
  settlePending(state, u.speaker, options, sink);
  step(state, u, null, options, sink);
}

/** The end of the input: waiting acknowledgements are read with nobody speaking after them. */
export function endFloor(state: FloorState, options: MetricOptions, sink: FloorSink): void {
  settlePending(state, null, options, sink);
}

type Attributed = Utterance & { speaker: string };

const isAttributed = (u: Utterance): u is Attributed => u.speaker !== null;

export function toFloorUtterance(u: Attributed, options: MetricOptions): FloorUtterance {
  return {
    id: u.id,
    speaker: u.speaker,
    startMs: u.startMs,
    endMs: u.endMs,
    short: isShortAcknowledgement(u.endMs - u.startMs, countWords(u.text), u.text.indexOf("?") !== -1, options),
  };
}

export function isShortAcknowledgement(durationMs: number, words: number, question: boolean, options: MetricOptions): boolean {
  return durationMs < options.backchannelMaxMs && words <= options.backchannelMaxWords && !question;
}

function settlePending(state: FloorState, nextSpeaker: string | null, options: MetricOptions, sink: FloorSink): void {
  if (state.pending.length === 0) return;
  const waiting = state.pending;
  state.pending = [];
  for (const u of waiting) step(state, u, nextSpeaker, options, sink);
}

function step(state: FloorState, u: FloorUtterance, nextSpeaker: string | null, options: MetricOptions, sink: FloorSink): void {
  const current = state.current;
  if (current === null) {
    state.current = { speaker: u.speaker, startMs: u.startMs, endMs: u.endMs };
    sink.turnStarted(u);
    return;
  }
  if (u.speaker === current.speaker) {
    if (u.startMs - current.endMs <= options.joinGapMs) {
      current.endMs = Math.max(current.endMs, u.endMs);
      sink.turnExtended(u);
    } else {
      state.current = { speaker: u.speaker, startMs: u.startMs, endMs: u.endMs };
      sink.turnStarted(u);
    }
    return;
  }
  const brief = u.endMs - u.startMs < options.backchannelMaxMs;
  const inside = brief && u.startMs >= current.startMs && u.endMs <= current.endMs;
  const floorHeld = u.startMs <= current.endMs + options.joinGapMs;
  if (inside || (u.short && floorHeld && (u.startMs < current.endMs || nextSpeaker === current.speaker))) {
    sink.backchannel({ speaker: u.speaker, utteranceId: u.id, atMs: u.startMs, of: current.speaker });
    return;
  }
  const overlapMs = current.endMs - u.startMs;
  if (overlapMs >= options.interruptionMinOverlapMs && overlapMs <= options.interruptionYieldMs && !u.short) {
    sink.interruption({ by: u.speaker, of: current.speaker, utteranceId: u.id, atMs: u.startMs, overlapMs });
  }
  state.current = { speaker: u.speaker, startMs: u.startMs, endMs: u.endMs };
  sink.turnStarted(u);
}
