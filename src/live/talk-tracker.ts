import { addToUnion, type Interval } from "../metrics/intervals.js";

/**
 * One speaker's talk time, kept as the batch metrics define it (the union of their utterance intervals)
 * but in constant memory: the union is built in start order, so only its last piece can still grow.
 * Recent talk is kept per bucket of meeting time, for the last few minutes only.
 */
export interface SpeakerTalk {
  /** Length of the union's pieces that can no longer grow. */
  closedMs: number;
  last: Interval | null;
  /** [bucket index, ms] for the recent buckets, oldest first. */
  recent: [number, number][];
}

export function newSpeakerTalk(): SpeakerTalk {
  return { closedMs: 0, last: null, recent: [] };
}

export function talkMsOf(talk: SpeakerTalk): number {
  return talk.closedMs + (talk.last ? talk.last.endMs - talk.last.startMs : 0);
}

/** Adds a settled interval (in start order); returns the time it added to the union. */
export function addTalk(talk: SpeakerTalk, interval: Interval, bucketMs: number, keepBuckets: number): number {
  const pieces = talk.last ? [talk.last] : [];
  const added = addToUnion(pieces, interval);
  if (pieces.length === 2) talk.closedMs += pieces[0]!.endMs - pieces[0]!.startMs;
  talk.last = pieces[pieces.length - 1]!;
  const oldest = Math.floor(interval.endMs / bucketMs) - keepBuckets;
  // Only the buckets kept are filled: a 24-hour segment costs keepBuckets steps, not one per 5 s of it.
  if (added > 0) addToBuckets(talk.recent, Math.max(interval.endMs - added, (oldest + 1) * bucketMs), interval.endMs, bucketMs);
  while (talk.recent.length > 0 && talk.recent[0]![0] <= oldest) talk.recent.shift();
  return added;
}

/** Talk in the buckets that overlap [fromMs, now]. */
export function recentMsOf(talk: SpeakerTalk, fromMs: number, bucketMs: number): number {
  const first = Math.floor(Math.max(0, fromMs) / bucketMs);
  let sum = 0;
  for (const [index, ms] of talk.recent) if (index >= first) sum += ms;
  return sum;
}

/**
 * What a segment not settled yet would add, without changing the tracker: the provisional part of the
 * live view. `last` is the speaker's union piece so far and is updated for the next provisional segment.
 */
export function provisionalTalk(last: Interval | null, interval: Interval): { added: Interval | null; last: Interval } {
  const pieces = last ? [{ ...last }] : [];
  const added = addToUnion(pieces, interval);
  return { added: added > 0 ? { startMs: interval.endMs - added, endMs: interval.endMs } : null, last: pieces[pieces.length - 1]! };
}

function addToBuckets(recent: [number, number][], startMs: number, endMs: number, bucketMs: number): void {
  for (let index = Math.floor(startMs / bucketMs); index * bucketMs < endMs; index++) {
    const ms = Math.min(endMs, (index + 1) * bucketMs) - Math.max(startMs, index * bucketMs);
    if (ms <= 0) continue;
    // Sorted by index, and talk is added in start order: the place is almost always at the end, so look from there.
    let at = recent.length;
    while (at > 0 && recent[at - 1]![0] >= index) at--;
    if (recent[at]?.[0] === index) recent[at]![1] += ms;
    else recent.splice(at, 0, [index, ms]);
  }
}
