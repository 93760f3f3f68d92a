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
  it("one-on-one: over 60% of the talk from the start, for 90 s, nudges after the warm-up minute, then cools down for ten minutes", () => {
    const { nudges } = run({ manager: "Ana", participants: ["Bo"] }, turns("Ana", "Bo", 12, 8));
    const shares = nudges.filter((n) => n.kind === "one-on-one-share");
    expect(shares).toHaveLength(2);
    // Over the line from the first speech; 90 s later, the nudge; ten minutes of cooling down, then the next.
    expect(shares[0]!.atMs).toBeGreaterThanOrEqual(90_000);
    expect(shares[0]!.atMs).toBeLessThan(90_000 + 15_000);
    expect(shares[1]!.atMs - shares[0]!.atMs).toBeGreaterThanOrEqual(10 * 60_000);
    // While the meeting is shorter than the window, the nudge says what it covers: the talk so far.
    expect(shares[0]!.text).toMatch(/^You've done \d+% of the talking in the last 1\d\d seconds\. Ask before you answer\.$/);
    expect(shares[1]!.text).toMatch(/in the last 5 minutes\./);
  });

  it("no share nudge in the warm-up minute, however lopsided the start", () => {
    const rows: [string, number, number, string][] = [
      ["Ana", 0, 58, "an opening that goes on"],
      ["Bo", 58, 59, "ok"],
    ];
    expect(
      run({ manager: "Ana", participants: ["Bo"] }, rows, { shareSustainMs: 0 }).nudges.filter((n) => n.kind.includes("share")),
    ).toEqual([]);
    rows.push(["Ana", 59, 61, "and one more thing"]);
    expect(run({ manager: "Ana", participants: ["Bo"] }, rows, { shareSustainMs: 0 }).nudges.map((n) => [n.kind, n.atMs])).toEqual([
      ["one-on-one-share", 61_000],
    ]);
  });

  // Issue 18, item 7: the bundled one-on-one (1:54, the manager at 77–82% of the talk) shows a newcomer a nudge.
  it("the bundled one-on-one sample nudges in its live replay", async () => {
    const { readFile } = await import("node:fs/promises");
    const { parseTranscript } = await import("../../src/transcript/index.js");
    const { replayDirectly } = await import("./replay-meeting.js");
    const parsed = parseTranscript(await readFile(new URL("../../samples/one-on-one.vtt", import.meta.url), "utf8"));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { nudges } = replayDirectly(parsed.value.utterances, "Renée Ortiz");
    expect(nudges.map((n) => n.kind)).toEqual(["one-on-one-share"]);
    expect(nudges[0]!.atMs).toBeLessThan(parsed.value.utterances.at(-1)!.endMs);
    expect(nudges[0]!.text).toMatch(/^You've done [78]\d% of the talking in the last \d+ seconds\. Ask before you answer\.$/);
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
