import { dateRange } from "../format/dates.js";
import { changeText, directionText, FIRST_MEETING, focusWhy, latestText } from "../rendering/listening-trend-format.js";
import type { Direction } from "../trend/direction.js";
import { type ListeningTrend, practiceLine } from "../trend/listening-trend.js";
import {
  adaptiveCard,
  column,
  columns,
  container,
  heading,
  sectionHeading,
  subtle,
  text,
  type AdaptiveCard,
  type CardElement,
} from "./adaptive-card.js";
import { safeText } from "./safe-text.js";
import { trendCharts } from "./trend-charts.js";

const COLOR: Record<Direction, string> = { improving: "Good", steady: "Default", slipping: "Warning", "not-enough-meetings": "Default" };

/**
 * The manager's listening trend as an Adaptive Card (1.5), for the bot's "trend" command: line charts of each
 * indicator over the meetings (src/cards/trend-charts.ts), then each indicator's latest figure and direction
 * in words, and the one habit to focus on. Pure.
 */
export function listeningTrendCard(trend: ListeningTrend): AdaptiveCard {
  const latest = trend.meetings[trend.meetings.length - 1];
  const body: CardElement[] = [
    heading("Your listening trend"),
    subtle(`${trend.meetings.length} meeting${trend.meetings.length === 1 ? "" : "s"} · ${dateRange(trend.meetings)}`),
  ];
  if (trend.meetings.length < 2)
    body.push(
      text("First meeting: no direction yet. After your next coached meeting you will see which way each habit is going.", {
        spacing: "Medium",
      }),
    );
  body.push(...trendCharts(trend), sectionHeading(trend.meetings.length < 2 ? "Your first meeting" : "Which way each habit is going"));
  for (const i of trend.indicators) {
    const change = changeText(i);
    body.push(
      columns(
        [
          column(
            [
              text(i.label, { size: "Small", spacing: "None" }),
              text(change === FIRST_MEETING ? latestText(i, latest) : `${latestText(i, latest)} · ${change}`, {
                size: "Small",
                isSubtle: true,
                spacing: "None",
              }),
            ],
            "stretch",
          ),
          column(
            [
              text(trend.meetings.length < 2 ? "no direction yet" : directionText(i), {
                size: "Small",
                color: COLOR[i.direction],
                weight: i.direction === "slipping" ? "Bolder" : "Default",
              }),
            ],
            110,
          ),
        ],
        { spacing: "Small", separator: true },
      ),
    );
  }
  const practice = practiceLine(trend.practice);
  if (practice) body.push(text(practice, { spacing: "Medium" }));
  body.push(
    container(
      [text("One habit to focus on", { weight: "Bolder" }), text(safeText(trend.focus.habit, 300)), subtle(`Why: ${focusWhy(trend)}.`)],
      { style: "emphasis", spacing: "Medium" },
    ),
    subtle(
      "Directions compare your latest meetings with the earlier ones; small changes count as steady. Counts are per hour of meeting. Only you can see this.",
    ),
  );
  return adaptiveCard(body, [], safeText(listeningTrendCardText(trend), 2000));
}

/** The card that says why there is no trend to show yet. */
export function noListeningTrendCard(why: string): AdaptiveCard {
  return adaptiveCard([heading("Your listening trend"), text(why)]);
}

/** The trend card as plain text, for clients that cannot render cards (words, no block glyphs). */
export function listeningTrendCardText(trend: ListeningTrend): string {
  const latest = trend.meetings[trend.meetings.length - 1];
  const lines = [`Your listening trend (${trend.meetings.length} meeting${trend.meetings.length === 1 ? "" : "s"})`];
  if (trend.meetings.length < 2) lines.push(`${FIRST_MEETING.charAt(0).toUpperCase()}${FIRST_MEETING.slice(1)}.`);
  for (const i of trend.indicators)
    lines.push(`${i.label}: ${latestText(i, latest)}${trend.meetings.length < 2 ? "" : `, ${directionText(i)}`}`);
  const practice = practiceLine(trend.practice);
  if (practice) lines.push(practice);
  lines.push(`Focus: ${trend.focus.habit}`);
  return lines.join("\n");
}
