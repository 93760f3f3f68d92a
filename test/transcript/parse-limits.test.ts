import { describe, expect, it } from "vitest";
import { generateTeamsMeeting } from "../../bench/generate-meeting.js";
import { parseTranscript } from "../../src/transcript/parse-transcript.js";
import { defaultParseLimits, type ParseLimits } from "../../src/transcript/schema.js";
import { transcriptResultProblems } from "../helpers/transcript-invariants.js";

const HOUR = 3_600_000;
const roomy: ParseLimits = { maxBytes: 64 * 1024 * 1024, maxCues: 1_000_000, maxDurationMs: 48 * HOUR };

/** An 8-hour, 12-person meeting of ~40 000 short cues (4.5 MB), as in the benchmark. */
const longMeeting = generateTeamsMeeting({ minutes: 480, seed: 20260308, wordsPerCue: 1.8 });

function tooLarge(input: string, limits: ParseLimits) {
  const result = parseTranscript(input, limits);
  expect(transcriptResultProblems(input, result)).toEqual([]);
  if (result.ok) throw new Error(`expected a too-large error, got ${result.value.cueCount} cues`);
  expect(result.error.code).toBe("too-large");
  return result.error;
}

describe("parse limits: a too-big transcript is refused with a clear error, not parsed into memory", () => {
  it("the generated meeting parses in full under roomy limits (control)", () => {
    const result = parseTranscript(longMeeting.text, roomy);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.format).toBe("vtt-download");
    expect(result.value.cueCount).toBe(longMeeting.cues);
    expect(result.value.cueCount).toBeGreaterThan(35_000);
    expect(result.value.utterances).toHaveLength(longMeeting.utterances);
    expect(new Set(result.value.utterances.map((u) => u.speaker))).toEqual(new Set(longMeeting.speakers));
    expect(longMeeting.outOfOrderCues).toBeGreaterThan(0);
    expect(generateTeamsMeeting({ minutes: 480, seed: 20260308, wordsPerCue: 1.8 }).text).toBe(longMeeting.text); // deterministic
  });

  it("maxCues: stops at the first cue over the limit and names the limit", () => {
    const error = tooLarge(longMeeting.text, { ...roomy, maxCues: 1000 });
    expect(error.message).toMatch(/more than 1000 cues/);
    expect(error.line).toBeGreaterThan(1000 * 3); // the timing line of cue 1001, well into the file
  });

  it("maxCues: a cue bomb (many tiny cues) is cut off", () => {
    const bomb = `WEBVTT\n\n${"00:00:00.000 --> 00:00:00.001\nx\n\n".repeat(200_000)}`;
    const error = tooLarge(bomb, { ...roomy, maxCues: 5000 });
    expect(error.message).toMatch(/5000 cues/);
    expect(error.line).toBe(5000 * 3 + 3);
  });

  it("maxCues applies to JSON arrays too", () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ speaker: "Ann", start: i, end: i + 0.5, text: "hi" }));
    const error = tooLarge(JSON.stringify(items), { ...roomy, maxCues: 10 });
    expect(error.message).toMatch(/50 items is more than the limit of 10/);
  });

  it("maxDurationMs: a cue past the limit is refused with the time and the limit", () => {
    const error = tooLarge(longMeeting.text, { ...roomy, maxDurationMs: 2 * HOUR });
    expect(error.message).toMatch(/past the limit of 02:00:00/);
    expect(error.line).toBeGreaterThan(1);
  });

  it("maxDurationMs: one absurd timestamp is enough", () => {
    const input = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n\n00:00:03.000 --> 999:00:00.000\nbye\n";
    const error = tooLarge(input, defaultParseLimits);
    expect(error.message).toMatch(/ends at 999:00:00, past the limit of 24:00:00/);
    expect(error.line).toBe(6);
  });

  it("maxDurationMs applies to JSON too", () => {
    const error = tooLarge(JSON.stringify([{ speaker: "Ann", start: 0, end: 3 * 3600, text: "hi" }]), {
      ...roomy,
      maxDurationMs: 2 * HOUR,
    });
    expect(error.message).toMatch(/item 1: ends past the 2 h limit/);
  });

  it("maxBytes: refuses a big input before reading it", () => {
    const error = tooLarge(longMeeting.text, { ...roomy, maxBytes: 2 * 1024 * 1024 });
    expect(error.line).toBeNull();
    expect(error.message).toMatch(/^input is 4\.\d MB, over the 2 MB limit$/);
  });

  it("default limits: a 65 MB input is refused at once", () => {
    const huge = `WEBVTT\n\n${"a".repeat(65 * 1024 * 1024)}`;
    const started = performance.now();
    const error = tooLarge(huge, defaultParseLimits);
    expect(error.message).toMatch(/over the 64 MB limit/);
    expect(performance.now() - started).toBeLessThan(1000); // generous: the check is a length comparison
  });

  // Regression: the tag and voice patterns once rescanned to the end of the payload for each `<` without
  // a `>` (O(n²): ~0.5 s for these 40 KB). A linear parse takes about a millisecond; 200 ms is a wide
  // margin for a noisy machine.
  it("a cue full of unclosed '<' is parsed in linear time", () => {
    for (const payload of ["<".repeat(40_000), "<v ".repeat(13_000)]) {
      const input = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${payload}\n`;
      const started = performance.now();
      parseTranscript(input);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });

  // Regression: the limit was once rounded to whole MB, so a 100 KB limit read "over the 0 MB limit".
  it("maxBytes below 1 MB: the message states the real limit", () => {
    const error = tooLarge(generateTeamsMeeting({ minutes: 60 }).text, { ...roomy, maxBytes: 100_000 });
    expect(error.message).not.toMatch(/over the 0 MB limit/);
  });
});
