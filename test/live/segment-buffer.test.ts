import { describe, expect, it } from "vitest";
import { liveOptions } from "../../src/live/live-options.js";
import { addSegment, newSegmentBuffer, takeSettled, unsettled, type LiveSegment } from "../../src/live/segment-buffer.js";
import { addTalk, newSpeakerTalk, recentMsOf, talkMsOf } from "../../src/live/talk-tracker.js";

const options = liveOptions({ settleMs: 3000, maxOpenMs: 20_000, maxWaiting: 5 });
const seg = (speaker: string, startS: number, endS: number): LiveSegment => ({
  speaker,
  startMs: startS * 1000,
  endMs: endS * 1000,
  words: 5,
  question: false,
});
const starts = (list: LiveSegment[]) => list.map((s) => s.startMs / 1000);

describe("segments settle in start order, as a transcript is read", () => {
  it("finals arriving out of order settle sorted, once settleMs of meeting time has passed", () => {
    const buffer = newSegmentBuffer();
    addSegment(buffer, seg("B", 5, 6), "b1", true);
    addSegment(buffer, seg("A", 4.5, 7), "a1", true);
    expect(takeSettled(buffer, options)).toEqual([]);
    addSegment(buffer, seg("C", 9, 10), "c1", true);
    expect(starts(takeSettled(buffer, options))).toEqual([4.5, 5]);
    expect(starts(unsettled(buffer))).toEqual([9]);
  });

  it("an open partial holds back everything that started after it, until its final arrives", () => {
    const buffer = newSegmentBuffer();
    addSegment(buffer, seg("A", 10, 11), "a", false);
    addSegment(buffer, seg("B", 12, 12.5), "b", true);
    addSegment(buffer, seg("A", 10, 20), "a", false);
    expect(takeSettled(buffer, options)).toEqual([]);
    expect(starts(unsettled(buffer))).toEqual([10, 12]);
    addSegment(buffer, seg("A", 10, 25), "a", true);
    addSegment(buffer, seg("C", 30, 31), "c", true);
    expect(starts(takeSettled(buffer, options))).toEqual([10, 12]);
  });

  it("a partial open longer than maxOpenMs settles as it stands; a late final is counted from the last settled start", () => {
    const buffer = newSegmentBuffer();
    addSegment(buffer, seg("A", 0, 1), "a", false);
    addSegment(buffer, seg("B", 2, 3), "b", true);
    addSegment(buffer, seg("A", 0, 21), "a", false);
    expect(starts(takeSettled(buffer, options))).toEqual([0, 2]);
    addSegment(buffer, seg("C", 1, 30), "c", true);
    addSegment(buffer, seg("D", 40, 41), "d", true);
    const settled = takeSettled(buffer, options);
    expect(settled.map((s) => [s.speaker, s.startMs, s.endMs])).toEqual([["C", 2000, 30_000]]);
  });

  it("beyond maxWaiting the oldest settle first, so memory stays bounded", () => {
    const buffer = newSegmentBuffer();
    addSegment(buffer, seg("A", 0, 1), "a", false);
    for (let i = 1; i <= 8; i++) addSegment(buffer, seg("B", i, i + 0.5), `b${i}`, true);
    expect(starts(takeSettled(buffer, options))).toEqual([1, 2, 3]);
    expect(buffer.waiting.length).toBe(5);
  });
});

describe("open partials are bounded", () => {
  it("a partial beyond maxOpen settles the one opened first as it stands; a replaced partial keeps its place", () => {
    const buffer = newSegmentBuffer();
    const few = liveOptions({ settleMs: 3000, maxOpenMs: 600_000, maxOpen: 3 });
    addSegment(buffer, seg("A", 1, 2), "a", false, few);
    addSegment(buffer, seg("B", 3, 4), "b", false, few);
    addSegment(buffer, seg("C", 5, 6), "c", false, few);
    addSegment(buffer, seg("A", 1, 7), "a", false, few);
    expect(buffer.open.size).toBe(3);
    addSegment(buffer, seg("D", 8, 9), "d", false, few);
    expect([...buffer.open.keys()]).toEqual(["b", "c", "d"]);
    expect(buffer.waiting).toEqual([seg("A", 1, 7)]);
    expect(starts(unsettled(buffer))).toEqual([1, 3, 5, 8]);
  });
});

describe("recent talk of a long segment", () => {
  it("a 24-hour segment fills only the buckets kept, with the same figures", () => {
    const talk = newSpeakerTalk();
    const keep = 61;
    const started = performance.now();
    addTalk(talk, { startMs: 0, endMs: 24 * 3_600_000 }, 5000, keep);
    const tookMs = performance.now() - started;
    // The segment ends on a bucket boundary: the kept buckets are the last 60 full ones (the 61st would be empty).
    expect(talk.recent.length).toBe(keep - 1);
    expect(talk.recent[0]).toEqual([24 * 720 - keep + 1, 5000]);
    expect(recentMsOf(talk, 24 * 3_600_000 - 5 * 60_000, 5000)).toBe(5 * 60_000);
    expect(talkMsOf(talk)).toBe(24 * 3_600_000);
    // Was about 340 ms (a findIndex per 5-s bucket over all of them); a few buckets now, on a busy machine too.
    expect(tookMs).toBeLessThan(100);
  });
});
