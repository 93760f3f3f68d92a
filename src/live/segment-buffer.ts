import { defaultLiveOptions, type LiveOptions } from "./live-options.js";

/** A segment as live mode keeps it: timings and word counts, never the words themselves. */
export interface LiveSegment {
  speaker: string;
  startMs: number;
  endMs: number;
  words: number;
  question: boolean;
}

/** Where segments wait until no earlier-starting one can still arrive, so they settle in start order as a transcript would be read. */
export interface SegmentBufferState {
  /** Final segments not settled yet, sorted by start then end. */
  waiting: LiveSegment[];
  /**
   * Open partial segments by key (segmentId, or the speaker when the source gives none), oldest opened first
   * (a Map keeps insertion order; a replaced partial keeps its place). At most maxOpen.
   */
  open: Map<string, LiveSegment>;
  /** Latest speech heard: the meeting's clock. */
  clockMs: number;
  /** Start of the last settled segment; a later arrival that starts before it is counted from here. */
  settledStartMs: number;
}

export function newSegmentBuffer(): SegmentBufferState {
  return { waiting: [], open: new Map(), clockMs: 0, settledStartMs: 0 };
}

export function partialKey(speaker: string, segmentId: string | undefined): string {
  return segmentId === undefined ? `speaker:${speaker}` : `id:${segmentId}`;
}

/**
 * Takes a segment in: a partial replaces the open one with its key; a final closes it and waits to settle.
 * A new partial beyond maxOpen settles the oldest opened one as it stands (as one open too long would).
 */
export function addSegment(
  buffer: SegmentBufferState,
  segment: LiveSegment,
  key: string,
  final: boolean,
  options: Pick<LiveOptions, "maxOpen"> = defaultLiveOptions,
): void {
  buffer.clockMs = Math.max(buffer.clockMs, segment.endMs);
  if (!final) {
    if (!buffer.open.has(key) && buffer.open.size >= options.maxOpen) {
      const [oldestKey, oldest] = buffer.open.entries().next().value!;
      buffer.open.delete(oldestKey);
      insertSorted(buffer.waiting, clampToSettled(oldest, buffer.settledStartMs));
    }
    buffer.open.set(key, segment);
    return;
  }
  buffer.open.delete(key);
  insertSorted(buffer.waiting, clampToSettled(segment, buffer.settledStartMs));
}

/**
 * Removes and returns, in start order, the segments that may settle now: final ones that started at
 * least settleMs ago and after no open partial. Partials open too long are settled as they stand.
 */
export function takeSettled(buffer: SegmentBufferState, options: LiveOptions): LiveSegment[] {
  // At most maxOpen (400) partials: this walk is bounded whatever a source sends.
  let openStart = Infinity;
  for (const [key, partial] of buffer.open) {
    if (buffer.clockMs - partial.startMs > options.maxOpenMs) {
      buffer.open.delete(key);
      insertSorted(buffer.waiting, clampToSettled(partial, buffer.settledStartMs));
    } else openStart = Math.min(openStart, partial.startMs);
  }
  const settled: LiveSegment[] = [];
  while (buffer.waiting.length > 0) {
    const first = buffer.waiting[0]!;
    const overfull = buffer.waiting.length > options.maxWaiting;
    if (!overfull && (first.startMs > buffer.clockMs - options.settleMs || first.startMs >= openStart)) break;
    settled.push(buffer.waiting.shift()!);
    buffer.settledStartMs = Math.max(buffer.settledStartMs, first.startMs);
  }
  return settled;
}

/** Everything not settled yet, in start order: waiting finals and open partials. */
export function unsettled(buffer: SegmentBufferState): LiveSegment[] {
  // One sort (stable: a partial after a waiting segment of the same times), not an insertion per partial.
  const all = [...buffer.waiting];
  for (const partial of buffer.open.values()) all.push(clampToSettled(partial, buffer.settledStartMs));
  return all.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}

/** Everything left, at the end of the meeting. */
export function drain(buffer: SegmentBufferState): LiveSegment[] {
  const all = unsettled(buffer);
  buffer.waiting = [];
  buffer.open = new Map();
  return all;
}

function clampToSettled(segment: LiveSegment, settledStartMs: number): LiveSegment {
  if (segment.startMs >= settledStartMs) return segment;
  return { ...segment, startMs: settledStartMs, endMs: Math.max(settledStartMs, segment.endMs) };
}

/** Sorted by start, then end, as transcript utterances are; live input arrives nearly in order, so this looks from the end. */
function insertSorted(list: LiveSegment[], segment: LiveSegment): void {
  let i = list.length;
  while (i > 0) {
    const before = list[i - 1]!;
    if (before.startMs < segment.startMs || (before.startMs === segment.startMs && before.endMs <= segment.endMs)) break;
    i--;
  }
  list.splice(i, 0, segment);
}
