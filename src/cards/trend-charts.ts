import { shortDay } from "../format/dates.js";
import { percent } from "../format/percent.js";
import { responseGapShort } from "../format/response-gap.js";
import { directionText, perHour } from "../rendering/listening-trend-format.js";
import type { IndicatorKey, IndicatorTrend, ListeningTrend } from "../trend/listening-trend.js";
import { container, sectionHeading, text, type CardElement } from "./adaptive-card.js";
import { lineChart, MANAGER_COLOR, meetingLabels, type ChartColor, type LineSeries } from "./charts.js";

/**
 * The listening trend's line charts, one per kind of figure: the manager's share against the fair share, the
 * counts per hour of meeting, and the pause before replying. Each chart's fallback says every value in words,
 * oldest first, with the indicator's direction. Needs two meetings or more: one meeting is not a trend. Pure.
 */
export function trendCharts(trend: ListeningTrend): CardElement[] {
  if (trend.meetings.length < 2) return [];
  const labels = meetingLabels(trend.meetings.map((m) => shortDay(m.at)));
  const byKey = (key: IndicatorKey) => trend.indicators.find((i) => i.key === key);
  const out: CardElement[] = [];

  const share = byKey("share");
  if (share) {
    const series: LineSeries[] = [
      { legend: "You", color: MANAGER_COLOR, values: trend.meetings.map((m, i) => ({ x: labels[i]!, y: m.share * 100 })) },
      { legend: "Fair share", color: "neutral", values: trend.meetings.map((m, i) => ({ x: labels[i]!, y: m.fairShare * 100 })) },
    ];
    const words = trend.meetings.map((m, i) => `${labels[i]} ${percent(m.share)} (fair ${percent(m.fairShare)})`).join(", ");
    out.push(
      sectionHeading("Your share of the talk"),
      lineChart(series, fallback([`Your share, oldest first: ${words}. ${directionSentence(share)}`]), {
        spacing: "Small",
        yAxisTitle: "% of the talk",
      }),
    );
  }

  const counts = trend.indicators.filter((i) => i.unit === "per-hour");
  const countSeries = counts.flatMap((i) => series(i, labels, COUNT_COLORS[i.key] ?? "neutral", (v) => v));
  if (countSeries.length > 0) {
    out.push(
      sectionHeading("Per hour of meeting"),
      lineChart(
        countSeries,
        fallback(counts.map((i) => `${i.label} per hour, oldest first: ${values(i, labels, rate)}. ${directionSentence(i)}`)),
        {
          spacing: "Small",
          yAxisTitle: "per hour",
        },
      ),
    );
  }

  const gap = byKey("responseGap");
  const gapSeries = gap ? series(gap, labels, MANAGER_COLOR, (ms) => ms / 1000) : [];
  if (gap && gapSeries.length > 0) {
    out.push(
      sectionHeading("Pause before replying"),
      lineChart(
        gapSeries.map((s) => ({ ...s, legend: "Median pause (s; below 0: before they finished)" })),
        fallback([`Your median pause before replying, oldest first: ${values(gap, labels, responseGapShort)}. ${directionSentence(gap)}`]),
        { spacing: "Small", yAxisTitle: "seconds" },
      ),
    );
  }
  return out;
}

const COUNT_COLORS: Partial<Record<IndicatorKey, ChartColor>> = {
  restatementsKept: "categoricalTeal",
  momentsMissed: "categoricalMarigold",
  interruptions: MANAGER_COLOR,
  questions: "categoricalLightBlue",
};

/** The indicator's values as one line, skipping meetings without a value (a line needs numbers). */
function series(i: IndicatorTrend, labels: readonly string[], color: ChartColor, scale: (v: number) => number): LineSeries[] {
  const points = i.values.flatMap((v, k) => (v === null ? [] : [{ x: labels[k]!, y: scale(v) }]));
  return points.length === 0 ? [] : [{ legend: i.label, color, values: points }];
}

function values(i: IndicatorTrend, labels: readonly string[], show: (v: number) => string): string {
  return i.values.map((v, k) => `${labels[k]} ${v === null ? "no figure" : show(v)}`).join(", ");
}

const rate = (v: number) => perHour(v).replace(/ per hour$/, "");

function directionSentence(i: IndicatorTrend): string {
  const d = directionText(i);
  return `${d.charAt(0).toUpperCase()}${d.slice(1)}.`;
}

function fallback(lines: string[]): CardElement {
  return container(
    lines.map((line) => text(line, { size: "Small", spacing: "Small" })),
    { spacing: "Small" },
  );
}
