import { describe, expect, it } from "vitest";
import { liveOptions } from "../../src/live/live-options.js";
import { addSegment, newSegmentBuffer, takeSettled, unsettled, type LiveSegment } from "../../src/live/segment-buffer.js";

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
