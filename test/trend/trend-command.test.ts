import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listeningTrendCard, noListeningTrendCard } from "../../src/cards/listening-trend-card.js";
import { listeningTrendJsonSchema, type ListeningTrendJson } from "../../src/rendering/listening-trend-json.js";
import { findPerson } from "../../src/storage/people.js";
import { saveAttempt } from "../../src/storage/practice.js";
import { HABITS } from "../../src/trend/listening-trend.js";
import { showListeningTrend } from "../../src/usecases/show-listening-trend.js";
import { fixturesDir } from "../helpers/fixtures.js";
import { cardCharts, cardStrings, expectValidCard } from "../cards/validate-card.js";
import { analysisOf, meetingParts, type MeetingPart } from "./series.js";
import { freshStorage, type TestStorage } from "../helpers/fresh-storage.js";

/**
 * `attune trend` (formerly `attune report`) on real meetings stored through `attune analyze --save`:
 * - ES2004a whole, dated 23 Feb (the PM's share of summed talk is 0.4263 in the AMI reference);
 * - ES2004a cut into four consecutive quarters, saved as four meetings a week apart (2, 9, 16, 23 March):
 *   the series the trend is checked on;
 * - IS1009a, another manager's meeting, which must not appear in FEE013's trend.
 */
const PM = "FEE013 (Project Manager)";
const DATES = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"];

let store: TestStorage;
let parts: MeetingPart[];

beforeAll(async () => {
  store = await freshStorage("history");
  parts = meetingParts("ami/ES2004a.teams.vtt", 4);
  const saves: { args: string[]; stdin?: string }[] = [
    {
      args: [
        "analyze",
        `${fixturesDir}ami/ES2004a.teams.vtt`,
        "--manager",
        "FEE013",
        "--save",
        "--date",
        "2026-02-23",
        "--title",
        "ES2004a kick-off",
      ],
    },
    ...parts.map((p) => ({
      args: ["analyze", "-", "--manager", "FEE013", "--save", "--date", DATES[p.index]!, "--title", `ES2004a part ${p.index + 1}`],
      stdin: p.json,
    })),
    { args: ["analyze", `${fixturesDir}ami/IS1009a.teams.vtt`, "--manager", "FIE088", "--save", "--date", "2026-03-05"] },
  ];
  for (const save of saves) {
    const r = await store.cli(save.args, save.stdin === undefined ? {} : { stdin: save.stdin });
    if (r.code !== 0) throw new Error(`${save.args.join(" ")}: ${r.err}`);
  }
}, 180_000);

afterAll(async () => store?.remove());

async function trendJson(...args: string[]): Promise<ListeningTrendJson> {
  const r = await store.cli(["trend", "--manager", "FEE013", "--format", "json", ...args]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return listeningTrendJsonSchema.parse(JSON.parse(r.out));
}

const byKey = (t: ListeningTrendJson, key: string) => t.indicators.find((i) => i.key === key)!;

describe("attune trend on stored AMI meetings", () => {
  it("--last 4: the four quarters, oldest first, with each part's real figures", async () => {
    const t = await trendJson("--last", "4");
    expect(t.manager).toBe(PM);
    expect(t.meetings.map((m) => [m.title, m.at.slice(0, 10)])).toEqual(parts.map((p) => [`ES2004a part ${p.index + 1}`, DATES[p.index]]));
    // the stored figures are exactly what analysing each part gives…
    const analyses = parts.map((p) => analysisOf(p, PM));
    expect(byKey(t, "share").values).toEqual(analyses.map((a) => a.manager!.share - a.manager!.fairShare));
    const hours = analyses.map((a) => a.durationMs / 3_600_000);
    expect(byKey(t, "interruptions").counts).toEqual(analyses.map((a) => a.manager!.interruptionsMade));
    // counts are per hour of each part (about 4.4 minutes each)
    expect(byKey(t, "interruptions").values).toEqual(analyses.map((a, i) => a.manager!.interruptionsMade / hours[i]!));
    // …and these: the PM holds 89% of the opening (three people had spoken: fair share 33%), 12% of the second quarter
    expect(t.meetings.map((m) => Number(m.share.toFixed(4)))).toEqual([0.8891, 0.1246, 0.4854, 0.3595]);
    expect(t.meetings.map((m) => m.fairShare)).toEqual([1 / 3, 0.25, 0.25, 0.25]);
    expect(t.meetings.map((m) => m.shareVerdict)).toEqual(["above", "below", "above", "within"]);
    expect(analyses.map((a) => a.durationMs)).toEqual([268_690, 253_650, 263_290, 261_960]);
    // a four-person meeting coached by the built-in rules: they judge no moments or restatements there, so the
    // trend counts neither (not measured, rather than zero)
    expect(byKey(t, "momentsMissed").counts).toEqual([null, null, null, null]);
    expect(byKey(t, "momentsMissed").values).toEqual([null, null, null, null]);
    expect(byKey(t, "restatementsKept").counts).toEqual([null, null, null, null]);
    expect(byKey(t, "interruptions").counts).toEqual([1, 6, 6, 5]);
    expect(byKey(t, "questions").counts).toEqual([3, 2, 4, 4]);
    expect(byKey(t, "responseGap")).toMatchObject({ unit: "ms", counts: null });
    expect(byKey(t, "responseGap").values).toEqual([720, -1370, -565, -1245]);
  });

  it("--last 4: directions by the documented rules, and the habit of the indicator slipping most", async () => {
    const t = await trendJson("--last", "4");
    // share: outside the range by 38.9 and 4.2 points, then 11.0 and 0: 21.5 → 5.5 on average, toward the range
    expect(byKey(t, "share").direction).toBe("improving");
    expect(byKey(t, "restatementsKept").direction).toBe("not-enough-meetings");
    const perHour = (n: number, ...ms: number[]) => n / (ms.reduce((a, b) => a + b, 0) / 3_600_000);
    const early = [268_690, 253_650];
    const late = [263_290, 261_960];
    // not judged in any meeting: no direction
    expect(byKey(t, "momentsMissed")).toMatchObject({ direction: "not-enough-meetings", earlier: null, recent: null });
    // 7 → 11 interruptions: 48.2 → 75.4 an hour, band 12.1
    expect(byKey(t, "interruptions").direction).toBe("slipping");
    expect(byKey(t, "interruptions").earlier).toBeCloseTo(perHour(7, ...early), 9);
    // 5 → 8 questions: 34.5 → 54.8 an hour, band 8.6
    expect(byKey(t, "questions").direction).toBe("improving");
    expect(byKey(t, "questions").recent).toBeCloseTo(perHour(8, ...late), 9);
    // shortfall below 1 s: 280 and 2370 ms, then 1565 and 2245: 1325 → 1905 ms, worse by 2.3 bands of 250 ms,
    // more than interruptions' 2.2 bands of 12.1 an hour: the focus is the pause
    expect(byKey(t, "responseGap")).toMatchObject({ earlier: (720 - 1370) / 2, recent: (-565 - 1245) / 2, direction: "slipping" });
    expect(t.focus).toEqual({ indicator: "responseGap", because: "slipping", habit: HABITS.pause });
    expect(byKey(t, "momentsMissed").sparkline).toBe("····");
    expect(byKey(t, "share").sparkline).toBe("█▁▅▃");
  });

  it("the default window includes the whole meeting: the PM's share of summed talk in ES2004a is 0.4263", async () => {
    const t = await trendJson();
    expect(t.last).toBe(10);
    expect(t.meetings.map((m) => m.title)).toEqual([
      "ES2004a kick-off",
      "ES2004a part 1",
      "ES2004a part 2",
      "ES2004a part 3",
      "ES2004a part 4",
    ]);
    expect(t.meetings[0]!.share).toBeCloseTo(0.4263, 4);
    expect(t.meetings[0]).toMatchObject({ fairShare: 0.25, shareVerdict: "above", oneOnOne: false, coached: true });
    // IS1009a belongs to FIE088
    expect(t.meetings.some((m) => m.title.includes("IS1009a"))).toBe(false);
  });

  it("text shows a sparkline per indicator, the focus and the meetings", async () => {
    const { code, out, err } = await store.cli(["trend", "--manager", "fee013", "--last", "4"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(`Attune listening trend: ${PM}\n4 meetings, 2026-03-02 to 2026-03-23`);
    expect(out).toMatch(/^Share vs fair share\s+█▁▅▃\s+\+22 pp → \+17 pp\s+36% \(fair 25%, aim 17%–38%\)\s+improving$/m);
    expect(out).toMatch(/^Moments missed\s+····\s+n\/a\s+n\/a\s+not judged$/m);
    expect(out).toMatch(/^Interruptions made\s+▂██▇\s+48 → 75 per hour\s+5 in 4 min\s+slipping$/m);
    expect(out).toMatch(/^Median response gap\s+█▁▄▁\s+0\.25 s before → 1 s before\s+1\.25 s before\s+slipping$/m);
    expect(out).toContain(`Focus: ${HABITS.pause}\n  (median response gap slipped the most)`);
    expect(out).toMatch(
      /^ {2}2026-03-23 {2}ES2004a part 4\s+share 36% \(within 17%–38%\) {2}kept – {2}missed – {2}int 5 {2}\? 4 {2}gap 1\.25 s before$/m,
    );
    expect(out).toContain("(kept and missed show – for a group meeting coached by the built-in rules");
  });

  it("markdown has the table; card is a valid Adaptive Card 1.5", async () => {
    const md = await store.cli(["trend", "--manager", "FEE013", "--last", "4", "--format", "markdown"]);
    expect(md.out).toContain("| Interruptions made | `▂██▇` | 48 → 75 per hour | 5 in 4 min | slipping |");
    // each meeting's own counts, as in the text
    expect(md.out).toContain("| 2026-03-23 | ES2004a part 4 | 36% (fair 25%) | – | – | 5 | 4 | 1.25 s before |");
    const card = await store.cli(["trend", "--manager", "FEE013", "--last", "4", "--format", "card"]);
    expect(card.code).toBe(0);
    const json = JSON.parse(card.out) as { version: string };
    expect(json.version).toBe("1.5");
    expectValidCard(json);
    const [, perHour] = cardCharts(json);
    const series = perHour!.data as { legend: string; values: { y: number }[] }[];
    // not judged in these rules-coached group meetings: no line, and the fallback says so
    expect(series.map((d) => d.legend)).not.toContain("Moments missed");
    expect(cardStrings(perHour!.fallback)).toContain(
      "Moments missed per hour, oldest first: 2 Mar no figure, 9 Mar no figure, 16 Mar no figure, 23 Mar no figure. Not judged.",
    );
    const interruptions = series.find((d) => d.legend === "Interruptions made")!;
    expect(interruptions.values.map((v) => Math.round(v.y))).toEqual([13, 85, 82, 69]);
    expect(cardStrings(perHour!.fallback)).toContain(
      "Interruptions made per hour, oldest first: 2 Mar 13, 9 Mar 85, 16 Mar 82, 23 Mar 69. Slipping.",
    );
  });

  it("json has the practice count the text shows: zeros before any attempt, then attempts and how many said back", async () => {
    const before = await trendJson("--last", "4");
    expect(before.practice).toEqual({ attempts: 0, saidBack: 0 });
    expect((await store.cli(["trend", "--manager", "FEE013", "--last", "4"])).out).not.toContain("Practice:");
    await store.withDb(async (db) => {
      const pm = await findPerson(db, "local", "FEE013");
      if (!pm.ok) throw new Error(pm.error.message);
      for (const restates of [true, false, true]) await saveAttempt(db, pm.value.id, before.meetings[0]!.meetingId, restates);
    });
    try {
      const after = await trendJson("--last", "4");
      expect(after.practice).toEqual({ attempts: 3, saidBack: 2 });
      expect(after.schemaVersion).toBe(2);
      expect({ ...after, practice: undefined }).toEqual({ ...before, practice: undefined });
      expect((await store.cli(["trend", "--manager", "FEE013", "--last", "4"])).out).toContain(
        "Practice: 3 practice attempts, 2 said back.",
      );
    } finally {
      await store.withDb((db) => db.query("delete from practice_attempts"));
    }
  });

  it("the bot's trend card is the asking person's own trend", async () => {
    await store.withDb(async (db) => {
      const pm = await findPerson(db, "local", "FEE013");
      if (!pm.ok) throw new Error(pm.error.message);
      const own = await showListeningTrend(db, { personId: pm.value.id }, 4);
      if (!own.ok) throw new Error(own.error.message);
      const card = listeningTrendCard(own.value);
      expectValidCard(card);
      expect(cardCharts(card).map((c) => c.type)).toEqual(["Chart.Line", "Chart.Line", "Chart.Line"]);
      const nobody = await showListeningTrend(db, { personId: "00000000-0000-0000-0000-000000000000" });
      expect(!nobody.ok && nobody.error.code).toBe("no-meetings");
      const note = noListeningTrendCard(nobody.ok ? "" : nobody.error.message);
      expectValidCard(note);
      expect(JSON.stringify(note)).toContain("I have no meetings of yours yet");
    });
  });

  const errors: [string, string[], RegExp][] = [
    [
      "an unknown manager",
      ["trend", "--manager", "Zed"],
      /^attune trend: --manager: nobody called 'Zed' is stored; people include 'FEE013 \(Project Manager\)'/,
    ],
    [
      "an ambiguous manager",
      ["trend", "--manager", "project manager"],
      /^attune trend: --manager: 'project manager' matches 2 people \('FEE013 \(Project Manager\)', 'FIE088 \(Project Manager\)'\); give more of the name$/,
    ],
    [
      "someone who never led a stored meeting",
      ["trend", "--manager", "MEE014"],
      /^attune trend: no meetings stored for MEE014 \(Industrial Designer\); save one with attune analyze FILE --manager "MEE014 \(Industrial Designer\)" --save$/,
    ],
    ["no --manager", ["trend"], /^attune trend: trend needs --manager NAME: whose trend to show$/],
    ["no --manager, by the former name", ["report"], /^attune report: report needs --manager NAME: whose trend to show$/],
    [
      "a bad --last",
      ["trend", "--manager", "FEE013", "--last", "0"],
      /^attune trend: --last takes a whole number of meetings from 1 to 200, not '0'$/,
    ],
    [
      "a bad --format",
      ["trend", "--manager", "FEE013", "--format", "pdf"],
      /^attune trend: --format must be text, json, markdown or card, not 'pdf'$/,
    ],
  ];
  it("attune report, the command's former name, still works and says so in --help", async () => {
    const byOldName = await store.cli(["report", "--manager", "fee013", "--last", "4"]);
    expect(byOldName).toEqual(await store.cli(["trend", "--manager", "fee013", "--last", "4"]));
    expect((await store.cli(["--help"])).out).toMatch(
      /^ {2}trend {6}a manager's listening trend over their stored meetings \(also: attune report\)$/m,
    );
    expect((await store.cli(["report", "--help"])).out).toContain("attune report ...   (the same command under its former name)");
  });

  it("a stored analysis this release cannot read is refused on one line, not shown and not a crash", async () => {
    const bump = (version: number) =>
      store.withDb((db) => db.query("update analyses set schema_version = $1 where metrics->>'schemaVersion' = '1'", [version]));
    await bump(99);
    try {
      const { code, out, err } = await store.cli(["trend", "--manager", "FEE013"]);
      expect(code).toBe(1);
      expect(out).toBe("");
      expect(err).toMatch(
        /^attune trend: the stored analysis of meeting [0-9a-f-]{36} has schema version 99, newer than this Attune reads \(1\); run the Attune release that wrote it, or a later one\n$/,
      );
    } finally {
      await bump(1);
    }
  });

  for (const [name, args, message] of errors) {
    it(`exits 2 with one line for ${name}`, async () => {
      const { code, out, err } = await store.cli(args);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err.split("\n").filter(Boolean)).toHaveLength(1);
      expect(err.trimEnd()).toMatch(message);
    });
  }
});

describe("attune trend on an empty database", () => {
  let empty: TestStorage;
  beforeAll(async () => {
    empty = await freshStorage("history-empty");
  });
  afterAll(async () => empty?.remove());

  it("exits 2 with one line saying to save a meeting first", async () => {
    const { code, out, err } = await empty.cli(["trend", "--manager", "Renée Ortiz"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      "attune trend: --manager: nobody called 'Renée Ortiz' is stored (save a meeting first: attune analyze FILE --manager NAME --save)\n",
    );
  });
});
