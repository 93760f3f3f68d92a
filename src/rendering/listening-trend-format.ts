import { percent } from "../format/percent.js";
import { responseGapShort } from "../format/response-gap.js";
import { shareAgainstRange } from "../format/share-range.js";
import { sparkline } from "../format/sparkline.js";
import type { Focus, IndicatorKey, IndicatorTrend, ListeningTrend, TrendMeeting } from "../trend/listening-trend.js";

/** Counts are drawn from 0, so a series of ones does not look like a peak; other series use their own range. */
export function sparklineFor(indicator: IndicatorTrend): string {
  const counts = indicator.key !== "share" && indicator.key !== "responseGap";
  return sparkline(indicator.values, counts ? { min: 0 } : {});
}

/** A value of an indicator as a reader sees it: points for share, seconds for the gap, else a count. */
export function formatValue(key: IndicatorKey, value: number | null): string {
  if (value === null) return "n/a";
  switch (key) {
    case "share": {
      const points = Math.round(value * 100);
      return `${points > 0 ? "+" : points < 0 ? "−" : "±"}${Math.abs(points)} pp`;
    }
    case "responseGap":
      return responseGapShort(value);
    default:
      return perHour(value);
  }
}

/** A count per hour of meeting: `2.5 per hour`, `12 per hour` (one decimal under ten). */
export function perHour(rate: number): string {
  const shown = rate >= 10 ? String(Math.round(rate)) : rate.toFixed(1).replace(/\.0$/, "");
  return `${shown} per hour`;
}

/** Below this, a meeting's counts are shown as counts, not per hour. */
const SHORT_MEETING_HOURS = 0.25;

/** What a trend of one meeting says instead of a change: one meeting is not a trend. */
export const FIRST_MEETING = "first meeting: no direction yet";

/** "earlier → recent", the two half figures the direction compares. */
export function changeText(i: IndicatorTrend): string {
  if (i.values.length === 1) return FIRST_MEETING;
  if (i.direction === "not-enough-meetings") return "n/a";
  if (i.unit === "per-hour" && i.earlier !== null && i.recent !== null)
    return `${perHour(i.earlier).replace(/ per hour$/, "")} → ${perHour(i.recent)}`;
  return `${formatValue(i.key, i.earlier)} → ${formatValue(i.key, i.recent)}`;
}

/** The latest meeting's figure, with its reference: "43% (fair 25%, aim 17–38%)". */
export function latestText(i: IndicatorTrend, latest: TrendMeeting | undefined): string {
  const value = i.values[i.values.length - 1] ?? null;
  if (i.key === "share" && latest) {
    const shown = shareAgainstRange(latest.share, latest.expectedShare);
    return `${shown.share} (fair ${percent(latest.fairShare)}, aim ${shown.range})`;
  }
  const count = i.counts?.[i.counts.length - 1] ?? null;
  if (i.unit === "per-hour" && count !== null && value !== null) {
    // A rate per hour of a meeting under a quarter of an hour reads wrong ("3 (166 per hour)" for one minute).
    const hours = value > 0 ? count / value : null;
    if (hours !== null && hours < SHORT_MEETING_HOURS) return `${count} in ${Math.max(1, Math.round(hours * 60))} min`;
    return `${count} (${perHour(value)})`;
  }
  return formatValue(i.key, value);
}

/** The direction as words; a count no meeting judged (only rules-coached group meetings, say) says so. */
export function directionText(i: Pick<IndicatorTrend, "direction" | "counts">): string {
  if (i.counts !== null && i.counts.length > 0 && i.counts.every((c) => c === null)) return NOT_JUDGED;
  return i.direction === "not-enough-meetings" ? "not enough meetings yet" : i.direction;
}
const NOT_JUDGED = "not judged";

/**
 * Why a meeting shows no restatement or moment count although it was coached: in a group discussion the built-in
 * rules judge neither (a model does). Null when no meeting of the trend is such.
 */
export function notJudgedNote(trend: Pick<ListeningTrend, "meetings" | "indicators">): string | null {
  const kept = trend.indicators.find((i) => i.key === "restatementsKept")?.counts ?? [];
  const unjudged = trend.meetings.some((m, index) => m.coached && !m.oneOnOne && kept[index] === null);
  return unjudged
    ? "kept and missed show – for a group meeting coached by the built-in rules, which judge moments and restatements only in one-on-ones; with a model set (OPENAI_*) they are judged there too"
    : null;
}

export function focusWhy(trend: ListeningTrend): string {
  const f: Focus = trend.focus;
  const label = trend.indicators.find((i) => i.key === f.indicator)?.label.toLowerCase();
  switch (f.because) {
    case "slipping":
      return `${label} slipped the most`;
    case "latest-coaching":
      // with too few meetings no direction is known: "nothing is slipping" would claim one
      return trend.indicators.every((i) => i.direction === "not-enough-meetings")
        ? "too few meetings yet to see a direction; this is the habit from your latest coaching report"
        : "nothing is slipping; this is the habit from your latest coaching report";
    case "default":
      return f.indicator === "share"
        ? "your share of talk in the latest meeting was outside its range"
        : "a habit that helps in any meeting";
  }
}
