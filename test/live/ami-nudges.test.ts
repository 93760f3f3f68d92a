import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/metrics/analyze.js";
import { measureTalkTime } from "../../src/metrics/talk-time.js";
import { transcriptOf, fixturesDir } from "../helpers/fixtures.js";
import { replayDirectly } from "./replay-meeting.js";

/** The AMI meetings with the corpus's own reference monologues (test/fixtures/ami/ATTRIBUTION.md). */
const MEETINGS = ["ES2004a", "IS1009a"] as const;

interface Reference {
  teams: {
    manager: string;
    speakers: Record<string, { talkSeconds: number }>;
    monologues_backchannel_tolerant: { speaker: string; start: number; end: number; duration: number }[];
  };
}
const reference = (meeting: string) => JSON.parse(readFileSync(`${fixturesDir}ami/${meeting}.ref.json`, "utf8")) as Reference;

describe.each(MEETINGS)("AMI %s replayed live", (meeting) => {
  const { utterances } = transcriptOf(`ami/${meeting}.teams.vtt`);
  const ref = reference(meeting);
  const manager = ref.teams.manager;

  // 90 s is the live default; at 60 s (the batch threshold) ES2004a has the one monologue the corpus lists, so the
  // "gets its nudge" half of the claim is tested too, not only "none elsewhere".
  for (const thresholdMs of [90_000, 60_000]) {
    it(`every monologue of ${thresholdMs / 1000} s or more by the manager gets its nudge within 5 s of the mark, and none elsewhere`, () => {
      const expected = analyze({ utterances, manager, options: { monologueMs: thresholdMs } }).monologues.filter(
        (m) => m.speaker === manager,
      );
      const fromReference = ref.teams.monologues_backchannel_tolerant.filter(
        (m) => m.speaker === manager && m.duration * 1000 >= thresholdMs,
      );
      expect(expected.map((m) => m.startMs / 1000)).toEqual(fromReference.map((m) => m.start));
      // Other kinds are off here, so the one-a-minute limit cannot hide a monologue nudge behind another kind.
      const only = replayDirectly(utterances, manager, {
        monologueMs: thresholdMs,
        disabled: ["share", "one-on-one-share", "silent", "interruptions"],
      });
      const monologueNudges = only.nudges.filter((n) => n.kind === "monologue");
      expect(monologueNudges).toHaveLength(expected.length);
      for (const [i, m] of expected.entries()) {
        const mark = m.startMs + thresholdMs;
        expect(monologueNudges[i]!.atMs).toBeGreaterThanOrEqual(mark);
        expect(monologueNudges[i]!.atMs).toBeLessThanOrEqual(mark + 5000);
      }
      // With every kind on (the defaults), the monologue nudges are the same, but for one the one-a-minute limit
      // holds back because a nudge of another kind went out in the minute before it.
      const all = replayDirectly(utterances, manager, { monologueMs: thresholdMs });
      const allMonologues = all.nudges.filter((n) => n.kind === "monologue");
      expect(allMonologues).toHaveLength(monologueNudges.length);
      for (const [i, n] of allMonologues.entries()) {
        const alone = monologueNudges[i]!.atMs;
        if (n.atMs === alone) continue;
        const before = all.nudges.filter((o) => o.kind !== "monologue" && o.atMs <= alone && o.atMs > alone - 60_000);
        expect(before.length, `monologue nudge at ${alone} ms moved to ${n.atMs} ms`).toBeGreaterThan(0);
        expect(n.atMs - before.at(-1)!.atMs).toBeLessThanOrEqual(60_000 + 5000);
      }
    });
  }

  it("ends with exactly the batch metrics' talk time per speaker", () => {
    const batch = analyze({ utterances, manager });
    const { final } = replayDirectly(utterances, manager);
    for (const speaker of batch.speakers) {
      const live = final.people.find((p) => p.name === speaker.name);
      expect(live?.talkMs, speaker.name).toBe(speaker.talkMs);
      expect(live?.share).toBeCloseTo(speaker.share, 10);
      expect(speaker.talkMs / 1000).toBeCloseTo(ref.teams.speakers[speaker.name]!.talkSeconds, 2);
    }
  });

  it("settles segments in the batch's order: the same turns, backchannels and interruptions per speaker", () => {
    const batch = analyze({ utterances, manager });
    const { state } = replayDirectly(utterances, manager);
    for (const speaker of batch.speakers) {
      expect(state.people.get(speaker.name)?.counts, speaker.name).toEqual({
        turns: speaker.turns,
        backchannels: speaker.backchannels,
        interruptionsMade: speaker.interruptionsMade,
      });
    }
  });

  it("keeps recent talk as the batch talk time of the last five minutes (to the 5-s bucket)", () => {
    const { final } = replayDirectly(utterances, manager);
    const from = Math.floor((final.atMs - 5 * 60_000) / 5000) * 5000;
    const clipped = utterances
      .map((u) => ({ ...u, startMs: Math.max(u.startMs, from), endMs: Math.min(u.endMs, final.atMs) }))
      .filter((u) => u.endMs > u.startMs);
    const recent = measureTalkTime(clipped).bySpeaker;
    for (const person of final.people) expect(person.recentMs, person.name).toBe(recent.get(person.name) ?? 0);
  });

  it("keeps to the pacing: at most one nudge a minute, the cap, and a cool-down per kind", () => {
    const { nudges } = replayDirectly(utterances, manager, { minGapMs: 60_000, maxPerMeeting: 2 });
    expect(nudges.length).toBeGreaterThan(0);
    expect(nudges.length).toBeLessThanOrEqual(2);
    for (let i = 1; i < nudges.length; i++) expect(nudges[i]!.atMs - nudges[i - 1]!.atMs).toBeGreaterThanOrEqual(60_000);
    for (const kind of new Set(nudges.map((n) => n.kind))) {
      const times = nudges.filter((n) => n.kind === kind).map((n) => n.atMs);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(180_000);
    }
  });

  it("keeps a meeting's state small, without any words", () => {
    const { state } = replayDirectly(utterances, manager);
    const json = JSON.stringify(state);
    expect(json.length).toBeLessThan(10_000);
    expect(json).not.toContain(utterances.find((u) => u.text.length > 30)!.text.slice(0, 20));
  });
});
