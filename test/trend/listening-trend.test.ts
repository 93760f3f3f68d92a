import { beforeAll, describe, expect, it } from "vitest";
import { coachMeeting } from "../../src/coaching/coach.js";
import type { Coaching } from "../../src/coaching/schema.js";
import { sparkline } from "../../src/format/sparkline.js";
import { listeningTrendJson, listeningTrendJsonSchema } from "../../src/rendering/listening-trend-json.js";
import { listeningTrendMarkdown, listeningTrendText } from "../../src/rendering/listening-trend-text.js";
import { direction, halves } from "../../src/trend/direction.js";
import { computeListeningTrend, HABITS, outsideRange, type CoachedMeeting, type ListeningTrend } from "../../src/trend/listening-trend.js";
import { listeningTrendCard } from "../../src/cards/listening-trend-card.js";
import { analyze } from "../../src/metrics/analyze.js";
import type { Analysis, ManagerMetrics } from "../../src/metrics/schema.js";
import { transcriptOf } from "../helpers/fixtures.js";
import { cardCharts, cardStrings, expectValidCard } from "../cards/validate-card.js";

const PM = "FEE013 (Project Manager)";
const HOUR = 3_600_000;
let base: Analysis;
let baseCoaching: Coaching;

beforeAll(async () => {
  const { utterances } = transcriptOf("ami/ES2004a.teams.vtt");
  base = analyze({ utterances, manager: PM });
  baseCoaching = await coachMeeting({ utterances, analysis: base, manager: PM }, { llm: null, prompts: null });
});

interface Figures {
  share: number;
  kept: number;
  missed: number;
  interruptions: number;
  questions: number;
  gapMs: number | null;
}

/**
 * The real ES2004a analysis and coaching with the manager's figures set to a known series, each an hour long (counts
 * per hour = counts). A four-person meeting: its moments and praise are counted as a model's (the rules judge none
 * in a group discussion).
 */
function meeting(i: number, f: Figures): CoachedMeeting {
  const manager: ManagerMetrics = {
    ...base.manager!,
    share: f.share,
    interruptionsMade: f.interruptions,
    questions: f.questions,
    medianResponseGapMs: f.gapMs,
  };
  manager.shareVerdict = f.share > manager.expectedShare[1] ? "above" : f.share < manager.expectedShare[0] ? "below" : "within";
  const coaching: Coaching = {
    ...baseCoaching,
    source: "llm",
    moments: Array.from({ length: f.missed }, (_, k) => baseCoaching.moments[k % baseCoaching.moments.length]!),
    kept: Array.from({ length: f.kept }, () => ({
      utteranceId: "u1",
      atMs: 0,
      quote: "So you mean the remote should be simple?",
      of: "MEE014 (Industrial Designer)",
      ofUtteranceId: "u2",
      source: "model" as const,
    })),
    habit: `habit of meeting ${i}`,
  };
  return {
    meetingId: `m${i}`,
    title: `Meeting ${i}`,
    at: new Date(Date.UTC(2026, 2, 2 + 7 * i)),
    analysis: { ...base, durationMs: HOUR, manager },
    coaching,
  };
}

function series(rows: Figures[]): CoachedMeeting[] {
  return rows.map((f, i) => meeting(i, f));
}

const indicator = (trend: ListeningTrend, key: string) => trend.indicators.find((i) => i.key === key)!;

describe("sparkline", () => {
  it("draws the lowest value as ▁ and the highest as █, oldest first", () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([0.2, 0.8, 0.5])).toBe("▁█▅");
  });
  it("shows a missing value as a dot, clamps to a given range and draws flat series mid-height (all zero: ▁)", () => {
    expect(sparkline([3, null, 1])).toBe("█·▁");
    expect(sparkline([0, 2, 4], { min: 0, max: 2 })).toBe("▁██");
    expect(sparkline([5, 5, 5])).toBe("▄▄▄");
    expect(sparkline([0, 0], { min: 0 })).toBe("▁▁");
    expect(sparkline([null, null])).toBe("··");
    expect(sparkline([])).toBe("");
  });
});

describe("directions", () => {
  it("compare the mean of the latest half with the earlier half; an odd middle counts in neither", () => {
    expect(halves([1, 2, 3, 4])).toEqual({ earlier: 1.5, recent: 3.5 });
    expect(halves([1, 100, 3])).toEqual({ earlier: 1, recent: 3 });
    expect(halves([1, null, null, 4])).toEqual({ earlier: 1, recent: 4 });
    expect(direction([1, 2], 1)).toEqual({ direction: "improving", slip: 0 });
    expect(direction([2, 1.5], 1)).toEqual({ direction: "steady", slip: 0 });
    expect(direction([3, 1], 1)).toEqual({ direction: "slipping", slip: 2 });
    expect(direction([3], 1).direction).toBe("not-enough-meetings");
    expect(direction([null, 3], 1).direction).toBe("not-enough-meetings");
    // exactly one band is a change; float noise does not move the edge
    expect(direction([0.1, 0.3], 0.2).direction).toBe("improving");
  });

  it("a share moves toward or away from its expected range", () => {
    expect(outsideRange(0.3, [0.2, 0.4])).toBe(0);
    expect(outsideRange(0.7, [0.2, 0.4])).toBeCloseTo(0.3, 10);
    expect(outsideRange(0.1, [0.2, 0.4])).toBeCloseTo(0.1, 10);
  });

  it("on a known series: each indicator's direction, dead bands, and the habit of the one slipping most", () => {
    // ES2004a is a four-person meeting: fair share 25%, expected 16.7–37.5%.
    expect(base.manager!.expectedShare[0]).toBeCloseTo(1 / 6, 10);
    expect(base.manager!.expectedShare[1]).toBeCloseTo(0.375, 10);
    const trend = computeListeningTrend(
      PM,
      series([
        { share: 0.6, kept: 0, missed: 3, interruptions: 2, questions: 4, gapMs: 1200 },
        { share: 0.55, kept: 1, missed: 3, interruptions: 2, questions: 4, gapMs: 900 },
        { share: 0.45, kept: 0, missed: 4, interruptions: 3, questions: 1, gapMs: 300 },
        { share: 0.4, kept: 1, missed: 4, interruptions: 2, questions: 1, gapMs: 200 },
      ]),
    );
    // outside the range by 22.5, 17.5, 7.5, 2.5 points: 20 → 5 on average, toward the range
    expect(indicator(trend, "share")).toMatchObject({ direction: "improving" });
    expect(indicator(trend, "share").values.map((v) => Math.round(v! * 100))).toEqual([35, 30, 20, 15]);
    expect(indicator(trend, "restatementsKept")).toMatchObject({ values: [0, 1, 0, 1], earlier: 0.5, recent: 0.5, direction: "steady" });
    // 3 → 4: exactly the dead band of one
    expect(indicator(trend, "momentsMissed")).toMatchObject({ earlier: 3, recent: 4, direction: "slipping", slip: 1 });
    // 2 → 2.5: under the dead band of one
    expect(indicator(trend, "interruptions")).toMatchObject({ earlier: 2, recent: 2.5, direction: "steady" });
    // 4 → 1: the band is max(1, 25% of 4) = 1, so three bands
    expect(indicator(trend, "questions")).toMatchObject({ earlier: 4, recent: 1, direction: "slipping", slip: 3 });
    // shortfall below 1 s: 0, 100 → 700, 800 ms: 700 ms worse, 2.8 bands of 250 ms
    expect(indicator(trend, "responseGap")).toMatchObject({ earlier: 1050, recent: 250, direction: "slipping" });
    expect(indicator(trend, "responseGap").slip).toBeCloseTo(2.8, 10);
    expect(trend.focus).toEqual({ indicator: "questions", because: "slipping", habit: HABITS.askOpen });
  });

  it("small moves are steady; with nothing slipping the focus is the latest coaching report's habit", () => {
    const trend = computeListeningTrend(
      PM,
      series([
        { share: 0.3, kept: 2, missed: 5, interruptions: 5, questions: 10, gapMs: 800 },
        // bands: 5 points of share (both in range), max(1, 25% of 5) = 1.25 moments, 2.5 questions, 250 ms of shortfall
        { share: 0.34, kept: 2, missed: 6, interruptions: 6, questions: 8, gapMs: 600 },
      ]),
    );
    expect(trend.indicators.map((i) => i.direction)).toEqual(["steady", "steady", "steady", "steady", "steady", "steady"]);
    expect(trend.focus).toEqual({ indicator: null, because: "latest-coaching", habit: "habit of meeting 1" });
  });

  it("says why the focus is the latest habit truly: 'nothing is slipping' only once a direction can be seen", () => {
    const steady = computeListeningTrend(
      PM,
      series([
        { share: 0.3, kept: 2, missed: 5, interruptions: 5, questions: 10, gapMs: 800 },
        { share: 0.34, kept: 2, missed: 6, interruptions: 6, questions: 8, gapMs: 600 },
      ]),
    );
    expect(listeningTrendText(steady)).toContain("(nothing is slipping; this is the habit from your latest coaching report)");
    const first = computeListeningTrend(PM, series([{ share: 0.3, kept: 2, missed: 5, interruptions: 5, questions: 10, gapMs: 800 }]));
    expect(first.focus.because).toBe("latest-coaching");
    const text = listeningTrendText(first);
    expect(text).not.toContain("nothing is slipping");
    expect(text).toContain("(too few meetings yet to see a direction; this is the habit from your latest coaching report)");
  });

  it("a share below the range that falls further is slipping, and the habit is to speak up", () => {
    const trend = computeListeningTrend(
      PM,
      series([
        { share: 0.15, kept: 1, missed: 1, interruptions: 0, questions: 3, gapMs: 1000 },
        { share: 0.05, kept: 1, missed: 1, interruptions: 0, questions: 3, gapMs: 1000 },
      ]),
    );
    expect(indicator(trend, "share").direction).toBe("slipping");
    expect(trend.focus).toEqual({ indicator: "share", because: "slipping", habit: HABITS.talkMore });
  });

  it("one meeting is not enough for a direction, and its change reads as a first meeting, not '+25 pp'", () => {
    const trend = computeListeningTrend(PM, series([{ share: 0.5, kept: 0, missed: 2, interruptions: 1, questions: 3, gapMs: 500 }]));
    expect(new Set(trend.indicators.map((i) => i.direction))).toEqual(new Set(["not-enough-meetings"]));
    expect(trend.focus.because).toBe("latest-coaching");
    const text = listeningTrendText(trend);
    expect(text).toContain("not enough meetings yet");
    expect(text).toMatch(/^Share vs fair share\s+▄\s+first meeting: no direction yet\s+50%/m);
    expect(text).not.toMatch(/\d pp/);
  });

  it("counts are per hour of meeting, and each half is its count over its hours", () => {
    const rows = series([
      { share: 0.3, kept: 0, missed: 2, interruptions: 0, questions: 2, gapMs: 1000 },
      { share: 0.3, kept: 0, missed: 2, interruptions: 0, questions: 2, gapMs: 1000 },
      { share: 0.3, kept: 0, missed: 4, interruptions: 0, questions: 2, gapMs: 1000 },
    ]);
    const lasting = (m: CoachedMeeting, minutes: number): CoachedMeeting => ({
      ...m,
      analysis: { ...m.analysis, durationMs: minutes * 60_000 },
    });
    // 2 moments in half an hour, then 4 in two hours: more moments, but fewer per hour
    const two = computeListeningTrend(PM, [lasting(rows[0]!, 30), lasting(rows[2]!, 120)]);
    expect(indicator(two, "momentsMissed")).toMatchObject({ unit: "per-hour", counts: [2, 4], values: [4, 2], earlier: 4, recent: 2 });
    expect(indicator(two, "momentsMissed").direction).toBe("improving");
    // pooled, not averaged: 2 + 2 moments over 0.5 + 1.5 hours is 2 an hour (the mean of 4 and 1.33 would be 2.67)
    const four = computeListeningTrend(PM, [lasting(rows[0]!, 30), lasting(rows[1]!, 90), lasting(rows[0]!, 60), lasting(rows[1]!, 60)]);
    expect(indicator(four, "momentsMissed").earlier).toBeCloseTo(2, 10);
    expect(indicator(four, "momentsMissed").recent).toBeCloseTo(2, 10);
    expect(indicator(four, "momentsMissed").direction).toBe("steady");
    // levels are not rates
    expect(indicator(two, "responseGap")).toMatchObject({ unit: "ms", counts: null, values: [1000, 1000] });
  });

  it("a group discussion coached by the rules counts as not measured for moments and restatements, not as zero", () => {
    const rows = series([
      { share: 0.5, kept: 2, missed: 1, interruptions: 1, questions: 3, gapMs: 500 },
      { share: 0.5, kept: 2, missed: 1, interruptions: 1, questions: 3, gapMs: 500 },
    ]);
    rows[0] = { ...rows[0]!, coaching: { ...rows[0]!.coaching!, source: "heuristic" } };
    const trend = computeListeningTrend(PM, rows);
    expect(indicator(trend, "restatementsKept").counts).toEqual([null, 2]);
    expect(indicator(trend, "momentsMissed").counts).toEqual([null, 1]);
    expect(indicator(trend, "interruptions").counts).toEqual([1, 1]);
    // with one other person the rules' moments and praise count
    const oneOnOne = { ...rows[0]!, analysis: { ...rows[0]!.analysis, manager: { ...rows[0]!.analysis.manager!, oneOnOne: true } } };
    const kept = (oneOnOne.coaching!.kept ?? []).map((k) => ({ ...k, source: "rules" as const }));
    const both = computeListeningTrend(PM, [{ ...oneOnOne, coaching: { ...oneOnOne.coaching!, kept } }, rows[1]!]);
    expect(indicator(both, "restatementsKept").counts).toEqual([2, 2]);
    expect(indicator(both, "momentsMissed").counts).toEqual([1, 1]);
  });

  it("meetings without a coaching report have no restatement figures; a forgotten manager's meeting is left out", () => {
    const rows = series([
      { share: 0.5, kept: 0, missed: 2, interruptions: 1, questions: 3, gapMs: 500 },
      { share: 0.5, kept: 0, missed: 2, interruptions: 1, questions: 3, gapMs: 500 },
      { share: 0.5, kept: 0, missed: 2, interruptions: 1, questions: 3, gapMs: 500 },
    ]);
    rows[0] = { ...rows[0]!, coaching: null };
    rows[1] = { ...rows[1]!, analysis: { ...rows[1]!.analysis, manager: null } };
    const trend = computeListeningTrend(PM, rows);
    expect(trend.skipped).toBe(1);
    expect(trend.meetings.map((m) => m.meetingId)).toEqual(["m0", "m2"]);
    expect(indicator(trend, "restatementsKept")).toMatchObject({ values: [null, 0], direction: "not-enough-meetings" });
    expect(indicator(trend, "interruptions").direction).toBe("steady");
  });

  it("renders as text with sparklines, Markdown, versioned JSON and a valid 1.5 card", () => {
    const trend = computeListeningTrend(
      PM,
      series([
        { share: 0.6, kept: 0, missed: 3, interruptions: 2, questions: 4, gapMs: 1200 },
        { share: 0.55, kept: 1, missed: 3, interruptions: 2, questions: 4, gapMs: 900 },
        { share: 0.45, kept: 0, missed: 4, interruptions: 3, questions: 1, gapMs: 300 },
        { share: 0.4, kept: 1, missed: 4, interruptions: 2, questions: 1, gapMs: 200 },
      ]),
    );
    const text = listeningTrendText(trend);
    expect(text).toMatch(/^Share vs fair share\s+█▆▃▁\s+\+33 pp → \+18 pp\s+40% \(fair 25%, aim 17%–38%\)\s+improving$/m);
    expect(text).toMatch(/^Questions asked\s+██▃▃\s+4 → 1 per hour\s+1 \(1 per hour\)\s+slipping$/m);
    expect(text).toMatch(/^Median response gap\s+█▆▂▁\s+1 s after → 0.25 s after\s+0.25 s after\s+slipping$/m);
    expect(text).toContain(`Focus: ${HABITS.askOpen}`);
    expect(text).toContain("(questions asked slipped the most)");
    expect(listeningTrendMarkdown(trend)).toContain("| Questions asked | `██▃▃` | 4 → 1 per hour | 1 (1 per hour) | slipping |");
    const json = listeningTrendJsonSchema.parse(JSON.parse(JSON.stringify(listeningTrendJson(trend, 10))));
    expect(json).toMatchObject({ schemaVersion: 2, kind: "listening-trend", last: 10, focus: { indicator: "questions" } });
    expect(json.meetings[0]!.at).toBe("2026-03-02T00:00:00.000Z");
    const card = listeningTrendCard(trend);
    expectValidCard(card);
    expect(card.version).toBe("1.5");
    // line charts of every indicator over the four meetings, their values in words as the fallback, no block glyphs
    const charts = cardCharts(card);
    expect(charts.map((c) => c.type)).toEqual(["Chart.Line", "Chart.Line", "Chart.Line"]);
    const legends = charts.map((c) => (c.data as { legend: string }[]).map((d) => d.legend));
    expect(legends).toEqual([
      ["You", "Fair share"],
      ["Restatements kept", "Moments missed", "Interruptions made", "Questions asked"],
      ["Median pause (s; below 0: before they finished)"],
    ]);
    const questions = (charts[1]!.data as { legend: string; values: { x: string; y: number }[] }[])[3]!;
    expect(questions.values).toEqual([
      { x: "2 Mar", y: 4 },
      { x: "9 Mar", y: 4 },
      { x: "16 Mar", y: 1 },
      { x: "23 Mar", y: 1 },
    ]);
    expect(cardStrings(charts[1]!.fallback)).toContain(
      "Questions asked per hour, oldest first: 2 Mar 4, 9 Mar 4, 16 Mar 1, 23 Mar 1. Slipping.",
    );
    expect(cardStrings(charts[2]!.fallback)).toEqual([
      "Your median pause before replying, oldest first: 2 Mar 1.25 s after, 9 Mar 1 s after, 16 Mar 0.25 s after, 23 Mar 0.25 s after. Slipping.",
    ]);
    for (const glyph of ["▁", "▃", "█"]) expect(JSON.stringify(card)).not.toContain(glyph);
  });

  it("a trend card of one meeting has no chart and says there is no direction yet", () => {
    const card = listeningTrendCard(
      computeListeningTrend(PM, series([{ share: 0.5, kept: 0, missed: 2, interruptions: 1, questions: 3, gapMs: 500 }])),
    );
    expectValidCard(card);
    expect(cardCharts(card)).toEqual([]);
    const strings = cardStrings(card);
    expect(strings[2]).toMatch(/^First meeting: no direction yet\./);
    expect(strings.filter((s) => s === "no direction yet")).toHaveLength(6);
    expect(strings.some((s) => /\d pp/.test(s))).toBe(false);
  });
});
