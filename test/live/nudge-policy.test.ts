import { describe, expect, it } from "vitest";
import { liveOptions, type LiveOptions } from "../../src/live/live-options.js";
import { liveView } from "../../src/live/live-view.js";
import { applySegment, newMeeting, type MeetingState } from "../../src/live/meeting-state.js";
import { nextNudge, type Nudge } from "../../src/live/nudge-policy.js";
import type { StartFrame } from "../../src/live/protocol.js";

/** [speaker, start s, end s, text] rows fed as final segments, nudges collected after each. */
function run(
  start: Omit<StartFrame, "type" | "meetingId">,
  rows: [string, number, number, string][],
  overrides: Partial<LiveOptions> = {},
) {
  const options = liveOptions(overrides);
  const state: MeetingState = newMeeting({ type: "start", meetingId: "m", ...start });
  const nudges: Nudge[] = [];
  for (const [speaker, s, e, text] of rows) {
    const applied = applySegment(
      state,
      { type: "segment", meetingId: "m", speaker, startMs: s * 1000, endMs: e * 1000, text, final: true },
      options,
    );
    expect(applied.ok).toBe(true);
    const nudge = nextNudge(state, liveView(state, options), options);
    if (nudge) nudges.push(nudge);
  }
  return { state, nudges };
}

/** A conversation in 10-s turns: the manager takes `mine` of every 10 turns. */
function turns(manager: string, other: string, minutes: number, mine: number): [string, number, number, string][] {
  const rows: [string, number, number, string][] = [];
  for (let i = 0; i < minutes * 6; i++) {
    const who = i % 10 < mine ? manager : other;
    rows.push([who, i * 10, i * 10 + 9.5, "and this is what I think we should do next about it"]);
  }
  return rows;
}

describe("nudge policy", () => {
  it("one-on-one: over 60% of the last five minutes, for two minutes, nudges once (then cools down)", () => {
    const { nudges } = run({ manager: "Ana", participants: ["Bo"] }, turns("Ana", "Bo", 12, 8));
    const shares = nudges.filter((n) => n.kind === "one-on-one-share");
    expect(shares).toHaveLength(1);
    // The window is full at 5:00, the share over the line from then; two minutes later, the nudge.
    expect(shares[0]!.atMs).toBeGreaterThanOrEqual(7 * 60_000);
    expect(shares[0]!.atMs).toBeLessThan(7 * 60_000 + 15_000);
    expect(shares[0]!.text).toMatch(/^You've done \d+% of the talking in the last 5 minutes\. Ask before you answer\.$/);
  });

  it("one-on-one at 50%: no share nudge", () => {
    expect(run({ manager: "Ana", participants: ["Bo"] }, turns("Ana", "Bo", 12, 5)).nudges.filter((n) => n.kind.includes("share"))).toEqual(
      [],
    );
  });

  it("someone on the roster who never speaks: one silent nudge at 15 minutes", () => {
    const { nudges } = run({ manager: "Ana", participants: ["Bo", "Sam Park"] }, turns("Ana", "Bo", 20, 3), { disabled: ["share"] });
    const silent = nudges.filter((n) => n.kind === "silent");
    expect(silent).toHaveLength(1);
    expect(silent[0]!.text).toBe("Sam Park hasn't spoken yet. Ask what they think.");
    expect(silent[0]!.atMs).toBeGreaterThanOrEqual(15 * 60_000);
    expect(silent[0]!.atMs).toBeLessThan(15 * 60_000 + 15_000);
  });

  it("two interruptions by the manager in five minutes: one nudge; the others' interruptions do not count", () => {
    // Bo speaks; Ana comes in 1 s before Bo stops (Bo yields): an interruption, as the batch metrics define it.
    const rows: [string, number, number, string][] = [
      ["Bo", 0, 20, "So the first thing about the release is the migration, which still fails"],
      ["Ana", 19, 30, "Right, but we ship anyway and fix it after the release goes out"],
      ["Bo", 31, 50, "I am not sure about that, because the data could be lost if we do"],
      ["Bo", 50.5, 60, "and then it takes days to restore everything from the backups"],
      ["Cy", 59, 70, "Can I add something here about the backups and how long they take"],
      ["Bo", 71, 90, "Sure, though I think we should first agree on whether to ship or not"],
      ["Ana", 89, 100, "We ship. Next item please, we have a lot to cover today everyone"],
      ["Bo", 101, 110, "Okay then, next item is the on-call rota for the coming weekend"],
      ["Cy", 111, 120, "I can take Saturday if someone else takes the Sunday shift then"],
    ];
    const { nudges } = run({ manager: "Ana", participants: ["Bo", "Cy"] }, rows, { disabled: ["share", "silent"] });
    expect(nudges.map((n) => n.kind)).toEqual(["interruptions"]);
    expect(nudges[0]!.text).toMatch(/^You've come in before others finished twice in 5 minutes\./);
  });

  it("never more than the cap, and never two within the minimum gap", () => {
    const { nudges } = run({ manager: "Ana", participants: ["Bo", "Cy", "Di", "Ed"] }, turns("Ana", "Bo", 60, 9), {
      monologueMs: 30_000,
      maxPerMeeting: 3,
      minGapMs: 120_000,
    });
    expect(nudges.length).toBe(3);
    for (let i = 1; i < nudges.length; i++) expect(nudges[i]!.atMs - nudges[i - 1]!.atMs).toBeGreaterThanOrEqual(120_000);
  });
});
