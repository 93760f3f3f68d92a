import { judgedListening } from "../coaching/group-discussion.js";
import { praiseOnCard } from "../coaching/keep-doing.js";
import type { Coaching } from "../coaching/schema.js";
import type { Analysis, ManagerMetrics, ShareVerdict } from "../metrics/schema.js";
import { direction, halfIndices, halves, judgeChange, type Direction } from "./direction.js";

/**
 * A manager's listening trend over their stored meetings: one series per indicator, a direction for each,
 * and the one habit to focus on. Pure: meetings in, figures out. Definitions: docs/metrics.md, "Trends".
 */

/** A meeting the trend (and prep) reads: its date, its analysis, and its coaching when it was coached. */
export interface CoachedMeeting {
  meetingId: string;
  title: string;
  at: Date;
  analysis: Analysis;
  coaching: Coaching | null;
}

export const INDICATOR_KEYS = ["share", "restatementsKept", "momentsMissed", "interruptions", "questions", "responseGap"] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** What "better" means for an indicator. */
export type Better = "toward-range" | "higher" | "lower" | "toward-1s";

export interface TrendMeeting {
  meetingId: string;
  title: string;
  at: Date;
  durationMs: number;
  oneOnOne: boolean;
  share: number;
  fairShare: number;
  expectedShare: [number, number];
  shareVerdict: ShareVerdict;
  /** Whether a coaching report is stored (restatements kept and moments missed come from it). */
  coached: boolean;
}

/** What an indicator's values are: counts per hour of meeting, share minus fair share, or milliseconds. */
export type IndicatorUnit = "per-hour" | "share-points" | "ms";

export interface IndicatorTrend {
  key: IndicatorKey;
  label: string;
  better: Better;
  unit: IndicatorUnit;
  /**
   * One value per meeting, oldest first; null where that meeting lacks the figure. Counts are per hour of
   * meeting, so a two-hour meeting and a half-hour one compare.
   */
  values: (number | null)[];
  /** For counts, the count itself in each meeting (as its coaching card showed it); null for other indicators. */
  counts: (number | null)[] | null;
  /**
   * The earlier half's figure and the latest half's (null: no value there): the mean of the values, except for
   * counts, where it is the half's count over the half's hours (a short meeting weighs by its length).
   */
  earlier: number | null;
  recent: number | null;
  direction: Direction;
  /** How far it moved the wrong way, in dead bands (0 unless slipping): ranks what to focus on. */
  slip: number;
}

export type FocusReason = "slipping" | "latest-coaching" | "default";

export interface Focus {
  /** The indicator the habit is about; null when it comes from a coaching report or the default. */
  indicator: IndicatorKey | null;
  because: FocusReason;
  habit: string;
}

export interface ListeningTrend {
  manager: string;
  meetings: TrendMeeting[];
  indicators: IndicatorTrend[];
  focus: Focus;
  /** Stored meetings left out because their analysis no longer has manager figures (e.g. after forget). */
  skipped: number;
  /** Practice attempts ("Practise this"): how many, and how many said back; absent where not read. */
  practice?: PracticeCount;
}

export interface PracticeCount {
  attempts: number;
  saidBack: number;
}

/** "3 practice attempts, 2 said back", or null when there were none. */
export function practiceLine(practice: PracticeCount | undefined): string | null {
  if (!practice || practice.attempts === 0) return null;
  const attempts = `${practice.attempts} practice attempt${practice.attempts === 1 ? "" : "s"}`;
  return `Practice: ${attempts}, ${practice.saidBack} said back.`;
}

/** How far a change must go, in the better or worse direction, before it is not "steady". */
export const DEAD_BANDS = {
  /** Distance of the share from its expected range, as a fraction (0.05 = 5 percentage points). */
  share: 0.05,
  /** Counts: at least 1, and at least this fraction of the earlier half's mean. */
  countAbsolute: 1,
  countRelative: 0.25,
  /** Response gap shortfall below 1 s: transcript timing is good to about ±250 ms. */
  responseGapMs: 250,
} as const;

/** The response gap the trend aims for: about a second on video calls (docs/metrics.md). */
export const TARGET_GAP_MS = 1000;

interface LevelSpec {
  kind: "level";
  key: IndicatorKey;
  label: string;
  better: Better;
  unit: IndicatorUnit;
  value: (m: ManagerMetrics, c: Coaching | null) => number | null;
  /** Higher is better; the direction compares these. */
  score: (m: ManagerMetrics, c: Coaching | null) => number | null;
  band: (earlierMean: number) => number;
  habit: (latest: TrendMeeting) => string;
}

/** A count in a meeting, trended per hour of meeting. */
interface CountSpec {
  kind: "count";
  key: IndicatorKey;
  label: string;
  better: "higher" | "lower";
  count: (m: ManagerMetrics, c: Coaching | null) => number | null;
  habit: (latest: TrendMeeting) => string;
}

type IndicatorSpec = LevelSpec | CountSpec;

const HOUR_MS = 3_600_000;

/** Counts (per hour): at least one an hour, and at least 25% of the earlier half's rate. */
const countBand = (earlierRate: number) => Math.max(DEAD_BANDS.countAbsolute, DEAD_BANDS.countRelative * Math.abs(earlierRate));

export const HABITS = {
  talkLess: "Ask one open question (what, how, tell me more) and let the answer run without filling the pause.",
  talkMore: "Say what you think too: once others have had their say, add your view and ask what they make of it.",
  sayBack: 'When someone raises a worry or asks something, say back what you heard before you answer, then ask: "Did I get that right?"',
  restate: "Once per meeting, restate someone's point in your own words and ask whether you got it right.",
  letFinish: "Let people finish: when you want to come in, wait until they stop, take a breath, then start with what you heard.",
  askOpen: "Before giving your view on a topic, ask one open question about it (what, how, tell me more).",
  pause: "Leave a second of silence after someone stops talking; it shows you took in what they said.",
} as const;

const SPECS: readonly IndicatorSpec[] = [
  {
    kind: "level",
    key: "share",
    label: "Share vs fair share",
    better: "toward-range",
    unit: "share-points",
    value: (m) => m.share - m.fairShare,
    score: (m) => -outsideRange(m.share, m.expectedShare),
    band: () => DEAD_BANDS.share,
    habit: (latest) => (latest.shareVerdict === "below" ? HABITS.talkMore : HABITS.talkLess),
  },
  {
    kind: "count",
    key: "restatementsKept",
    label: "Restatements kept",
    better: "higher",
    count: (m, c) => (c && judgedListening(c, { manager: m }) ? praiseOnCard(c, { manager: m }).length : null),
    habit: () => HABITS.restate,
  },
  {
    kind: "count",
    key: "momentsMissed",
    label: "Moments missed",
    better: "lower",
    count: (m, c) => (c && judgedListening(c, { manager: m }) ? c.moments.length : null),
    habit: () => HABITS.sayBack,
  },
  {
    kind: "count",
    key: "interruptions",
    label: "Interruptions made",
    better: "lower",
    count: (m) => m.interruptionsMade,
    habit: () => HABITS.letFinish,
  },
  {
    kind: "count",
    key: "questions",
    label: "Questions asked",
    better: "higher",
    count: (m) => m.questions,
    habit: () => HABITS.askOpen,
  },
  {
    kind: "level",
    key: "responseGap",
    label: "Median response gap",
    better: "toward-1s",
    unit: "ms",
    value: (m) => m.medianResponseGapMs,
    score: (m) => (m.medianResponseGapMs === null ? null : -Math.max(0, TARGET_GAP_MS - m.medianResponseGapMs)),
    band: () => DEAD_BANDS.responseGapMs,
    habit: () => HABITS.pause,
  },
];

/** When two indicators slip equally far, the one earlier here is the focus. */
const FOCUS_ORDER: readonly IndicatorKey[] = ["momentsMissed", "share", "interruptions", "restatementsKept", "responseGap", "questions"];

/** How far a share lies outside [lo, hi]; 0 inside. */
export function outsideRange(share: number, [lo, hi]: readonly [number, number]): number {
  return Math.max(0, lo - share, share - hi);
}

/** The trend of the manager's meetings, oldest first. */
export function computeListeningTrend(manager: string, stored: readonly CoachedMeeting[]): ListeningTrend {
  const usable = stored.filter((s): s is Usable => s.analysis.manager !== null);
  const meetings: TrendMeeting[] = usable.map((s) => {
    const m = s.analysis.manager;
    return {
      meetingId: s.meetingId,
      title: s.title,
      at: s.at,
      durationMs: s.analysis.durationMs,
      oneOnOne: m.oneOnOne,
      share: m.share,
      fairShare: m.fairShare,
      expectedShare: [m.expectedShare[0], m.expectedShare[1]],
      shareVerdict: m.shareVerdict,
      coached: s.coaching !== null,
    };
  });
  const indicators = SPECS.map((spec) => (spec.kind === "count" ? countTrend(spec, usable) : levelTrend(spec, usable)));
  const latestCoaching = [...usable].reverse().find((s) => s.coaching !== null)?.coaching ?? null;
  return { manager, meetings, indicators, focus: pickFocus(indicators, meetings, latestCoaching), skipped: stored.length - usable.length };
}

type Usable = CoachedMeeting & { analysis: { manager: ManagerMetrics } };

function levelTrend(spec: LevelSpec, usable: readonly Usable[]): IndicatorTrend {
  const values = usable.map((s) => spec.value(s.analysis.manager, s.coaching));
  const scores = usable.map((s) => spec.score(s.analysis.manager, s.coaching));
  const { earlier, recent } = halves(values);
  const bandBase = halves(scores).earlier;
  const judged = direction(scores, spec.band(bandBase === null ? 0 : Math.abs(bandBase)));
  return { key: spec.key, label: spec.label, better: spec.better, unit: spec.unit, values, counts: null, earlier, recent, ...judged };
}

/** A count per hour of meeting; each half's rate is its count over its hours, and the direction compares the two rates. */
function countTrend(spec: CountSpec, usable: readonly Usable[]): IndicatorTrend {
  const counts = usable.map((s) => spec.count(s.analysis.manager, s.coaching));
  const hours = usable.map((s) => s.analysis.durationMs / HOUR_MS);
  const values = counts.map((c, i) => (c === null || hours[i]! <= 0 ? null : c / hours[i]!));
  const pooled = (indices: number[]): number | null => {
    const kept = indices.filter((i) => values[i] !== null);
    const h = kept.reduce((sum, i) => sum + hours[i]!, 0);
    return kept.length === 0 || h <= 0 ? null : kept.reduce((sum, i) => sum + counts[i]!, 0) / h;
  };
  const { earlierIndices, recentIndices } = halfIndices(values.length);
  const earlier = pooled(earlierIndices);
  const recent = pooled(recentIndices);
  const sign = spec.better === "higher" ? 1 : -1;
  const judged =
    values.length < 2 || earlier === null || recent === null
      ? { direction: "not-enough-meetings" as const, slip: 0 }
      : judgeChange(sign * earlier, sign * recent, countBand(earlier));
  return { key: spec.key, label: spec.label, better: spec.better, unit: "per-hour", values, counts, earlier, recent, ...judged };
}

function pickFocus(indicators: readonly IndicatorTrend[], meetings: readonly TrendMeeting[], latestCoaching: Coaching | null): Focus {
  const latest = meetings[meetings.length - 1];
  const slipping = indicators
    .filter((i) => i.direction === "slipping")
    .sort((a, b) => b.slip - a.slip || FOCUS_ORDER.indexOf(a.key) - FOCUS_ORDER.indexOf(b.key));
  const worst = slipping[0];
  if (worst && latest) return { indicator: worst.key, because: "slipping", habit: SPECS.find((s) => s.key === worst.key)!.habit(latest) };
  if (latestCoaching && latestCoaching.habit.trim() !== "")
    return { indicator: null, because: "latest-coaching", habit: latestCoaching.habit };
  if (latest && latest.shareVerdict !== "within")
    return { indicator: "share", because: "default", habit: latest.shareVerdict === "below" ? HABITS.talkMore : HABITS.talkLess };
  return { indicator: null, because: "default", habit: HABITS.restate };
}
