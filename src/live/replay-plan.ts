import type { Utterance } from "../transcript/schema.js";
import type { IngestFrame } from "./protocol.js";

export interface TimedFrame {
  /** Meeting time at which a live source would send the frame. */
  atMs: number;
  frame: IngestFrame;
}

export interface ReplayOptions {
  meetingId: string;
  manager: string;
  title?: string;
  /** A growing partial segment is sent this often while an utterance lasts, as real-time vendors do. */
  partialEveryMs?: number;
}

/**
 * A transcript as a live source would have sent it: start, then each utterance as partial segments
 * growing every partialEveryMs and a final one at its end, then end. Unattributed utterances are skipped:
 * live mode needs a speaker.
 */
export function replayPlan(utterances: readonly Utterance[], options: ReplayOptions): TimedFrame[] {
  const every = options.partialEveryMs ?? 1000;
  const { meetingId } = options;
  const spoken = utterances.filter((u): u is Utterance & { speaker: string } => u.speaker !== null);
  const participants = [...new Set(spoken.map((u) => u.speaker))].filter((name) => name !== options.manager);
  const frames: TimedFrame[] = [
    {
      atMs: 0,
      frame: { type: "start", meetingId, manager: options.manager, participants, ...(options.title && { title: options.title }) },
    },
  ];
  let lastEnd = 0;
  for (const u of spoken) {
    const words = u.text.split(" ");
    for (let at = u.startMs + every; at < u.endMs; at += every) {
      const said = words.slice(0, Math.max(1, Math.round((words.length * (at - u.startMs)) / (u.endMs - u.startMs)))).join(" ");
      frames.push({ atMs: at, frame: segment(meetingId, u, at, said, false) });
    }
    frames.push({ atMs: u.endMs, frame: segment(meetingId, u, u.endMs, u.text, true) });
    lastEnd = Math.max(lastEnd, u.endMs);
  }
  frames.push({ atMs: lastEnd, frame: { type: "end", meetingId } });
  // Stable: at the same moment, frames keep transcript order, and end stays last.
  return frames
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.atMs - b.f.atMs || a.i - b.i)
    .map(({ f }) => f);
}

function segment(meetingId: string, u: Utterance & { speaker: string }, endMs: number, text: string, final: boolean): IngestFrame {
  return { type: "segment", meetingId, speaker: u.speaker, segmentId: u.id, startMs: u.startMs, endMs, text, final };
}
