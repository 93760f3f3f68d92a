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

type Attributed = Utterance & { speaker: string };

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
 */
export function analyzeFloor(utterances: readonly Utterance[], options: MetricOptions): Floor {
  const spoken = utterances.filter((u): u is Attributed => u.speaker !== null);
  const short = spoken.map((u) => isShortAcknowledgement(u, options));
  const nextSubstantive: (string | null)[] = new Array(spoken.length).fill(null);
  for (let i = spoken.length - 2; i >= 0; i--) {
    nextSubstantive[i] = short[i + 1] ? nextSubstantive[i + 1]! : spoken[i + 1]!.speaker;
  }
  const floor: Floor = { turns: [], backchannels: [], interruptions: [] };
  let current: Turn | null = null;
  for (let i = 0; i < spoken.length; i++) {
    const u = spoken[i]!;
    if (current === null) {
      current = startTurn(u);
      continue;
    }
    if (u.speaker === current.speaker) {
      if (u.startMs - current.endMs <= options.joinGapMs) {
        current.endMs = Math.max(current.endMs, u.endMs);
        current.utteranceIds.push(u.id);
      } else {
        floor.turns.push(current);
        current = startTurn(u);
      }
      continue;
    }
    const brief = u.endMs - u.startMs < options.backchannelMaxMs;
    const inside = brief && u.startMs >= current.startMs && u.endMs <= current.endMs;
    const floorHeld = u.startMs <= current.endMs + options.joinGapMs;
    if (inside || (short[i] && floorHeld && (u.startMs < current.endMs || nextSubstantive[i] === current.speaker))) {
      floor.backchannels.push({ speaker: u.speaker, utteranceId: u.id, atMs: u.startMs, of: current.speaker });
      continue;
    }
    const overlapMs = current.endMs - u.startMs;
    if (overlapMs >= options.interruptionMinOverlapMs && overlapMs <= options.interruptionYieldMs && !short[i]) {
      floor.interruptions.push({ by: u.speaker, of: current.speaker, utteranceId: u.id, atMs: u.startMs, overlapMs });
    }
    floor.turns.push(current);
    current = startTurn(u);
  }
  if (current) floor.turns.push(current);
  return floor;
}

function startTurn(u: Attributed): Turn {
  return { speaker: u.speaker, startMs: u.startMs, endMs: u.endMs, utteranceIds: [u.id] };
}

function isShortAcknowledgement(u: Utterance, options: MetricOptions): boolean {
  return u.endMs - u.startMs < options.backchannelMaxMs && countWords(u.text) <= options.backchannelMaxWords && u.text.indexOf("?") === -1;
}
