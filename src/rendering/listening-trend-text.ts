import { padEnd } from "../format/columns.js";
import { dateRange, isoDate } from "../format/dates.js";
import { percent } from "../format/percent.js";
import { shareAgainstRange } from "../format/share-range.js";
import { type ListeningTrend, practiceLine, type TrendMeeting } from "../trend/listening-trend.js";
import { changeText, directionText, focusWhy, formatValue, latestText, notJudgedNote, sparklineFor } from "./listening-trend-format.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function header(trend: ListeningTrend): string {
  return `${plural(trend.meetings.length, "meeting")}, ${dateRange(trend.meetings)}`;
}

/** The trend for a terminal: one row per indicator with a sparkline (oldest meeting on the left). */
export function listeningTrendText(trend: ListeningTrend): string {
  const lines = [`Attune listening trend: ${trend.manager}`, header(trend), ""];
  const latest = trend.meetings[trend.meetings.length - 1];
  const width = Math.max(...trend.indicators.map((i) => i.label.length), 9);
  const sparkWidth = Math.max(5, trend.meetings.length);
  const rows = trend.indicators.map((i) => [i.label, sparklineFor(i), changeText(i), latestText(i, latest), directionText(i)] as const);
  const changeWidth = Math.max(16, ...rows.map((r) => r[2].length));
  const latestWidth = Math.max(6, ...rows.map((r) => r[3].length));
  lines.push(
    `${padEnd("Indicator", width)}  ${padEnd("Trend", sparkWidth)}  ${padEnd("Earlier → recent", changeWidth)}  ${padEnd("Latest", latestWidth)}  Direction`,
  );
  for (const [label, spark, change, last, direction] of rows) {
    lines.push(
      `${padEnd(label, width)}  ${padEnd(spark, sparkWidth)}  ${padEnd(change, changeWidth)}  ${padEnd(last, latestWidth)}  ${direction}`,
    );
  }
  lines.push(
    "(earlier → recent: the earlier half of the meetings against the latest half; counts per hour of meeting, latest: the count)",
    "",
  );
  lines.push(`Focus: ${trend.focus.habit}`, `  (${focusWhy(trend)})`, "");
  const practice = practiceLine(trend.practice);
  if (practice) lines.push(practice, "");
  lines.push("Meetings (oldest first)");
  const titleWidth = Math.min(24, Math.max(...trend.meetings.map((m) => m.title.length)));
  for (const m of trend.meetings) lines.push(`  ${meetingLine(trend, m, titleWidth)}`);
  if (trend.skipped > 0) lines.push(`  (${plural(trend.skipped, "stored meeting")} without your figures left out)`);
  const note = notJudgedNote(trend);
  if (note) lines.push(`  (${note})`);
  lines.push(
    "",
    "Directions compare the latest half of the meetings with the earlier half; small changes count as steady. See docs/metrics.md, Trends.",
  );
  return lines.join("\n");
}

/** "43% (above 17%–38%, 1:1)": the share and its range, rounded so they agree with the verdict. */
function shareLine(m: TrendMeeting): string {
  const shown = shareAgainstRange(m.share, m.expectedShare);
  return `${shown.share} (${m.shareVerdict} ${shown.range}${m.oneOnOne ? ", 1:1" : ""})`;
}

function meetingLine(trend: ListeningTrend, m: TrendMeeting, titleWidth: number): string {
  const index = trend.meetings.indexOf(m);
  const value = (key: string) => trend.indicators.find((i) => i.key === key)?.values[index] ?? null;
  const count = (key: string) => {
    const v = trend.indicators.find((i) => i.key === key)?.counts?.[index] ?? null;
    return v === null ? "–" : String(v);
  };
  const gap = value("responseGap");
  return [
    isoDate(m.at),
    m.title.length > titleWidth ? `${m.title.slice(0, titleWidth - 1)}…` : padEnd(m.title, titleWidth),
    `share ${shareLine(m)}`,
    `kept ${count("restatementsKept")}`,
    `missed ${count("momentsMissed")}`,
    `int ${count("interruptions")}`,
    `? ${count("questions")}`,
    `gap ${formatValue("responseGap", gap)}`,
  ].join("  ");
}

/** The trend as Markdown: a table of indicators, the focus, and the meetings. */
export function listeningTrendMarkdown(trend: ListeningTrend): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const latest = trend.meetings[trend.meetings.length - 1];
  const out = [`# Listening trend: ${cell(trend.manager)}`, "", `${header(trend)}.`, ""];
  out.push("| Indicator | Trend | Earlier → recent | Latest | Direction |", "|---|---|---|---|---|");
  for (const i of trend.indicators)
    out.push(`| ${i.label} | \`${sparklineFor(i)}\` | ${changeText(i)} | ${latestText(i, latest)} | ${directionText(i)} |`);
  out.push("", `**Focus:** ${cell(trend.focus.habit)} _(${focusWhy(trend)})_`, "", "## Meetings", "");
  out.push("| Date | Meeting | Share | Kept | Missed | Interruptions | Questions | Gap |", "|---|---|---:|---:|---:|---:|---:|---:|");
  trend.meetings.forEach((m, index) => {
    const v = (key: string) => trend.indicators.find((i) => i.key === key)?.values[index] ?? null;
    // the meeting's own count, as in the text (the per-hour rate is what the indicators compare)
    const n = (key: string) => String(trend.indicators.find((i) => i.key === key)?.counts?.[index] ?? "–");
    const gap = v("responseGap");
    out.push(
      `| ${isoDate(m.at)} | ${cell(m.title)} | ${percent(m.share)} (fair ${percent(m.fairShare)}) | ${n("restatementsKept")} | ${n("momentsMissed")} | ${n("interruptions")} | ${n("questions")} | ${formatValue("responseGap", gap)} |`,
    );
  });
  const note = notJudgedNote(trend);
  if (note) out.push("", `_${note.charAt(0).toUpperCase()}${note.slice(1)}._`);
  out.push("", "Directions compare the latest half of the meetings with the earlier half; small changes count as steady.");
  return out.join("\n");
}
