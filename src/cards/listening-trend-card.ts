import { dateRange } from "../format/dates.js";
import { changeText, directionText, focusWhy, latestText, sparklineFor } from "../rendering/listening-trend-format.js";
import type { Direction } from "../trend/direction.js";
import type { ListeningTrend } from "../trend/listening-trend.js";
import { adaptiveCard, column, columns, container, heading, subtle, text, type AdaptiveCard, type CardElement } from "./adaptive-card.js";
import { safeText } from "./safe-text.js";

const COLOR: Record<Direction, string> = { improving: "Good", steady: "Default", slipping: "Warning", "not-enough-meetings": "Default" };

/** The manager's listening trend as an Adaptive Card (1.5), for the bot's "trend" command. Pure. */
export function listeningTrendCard(trend: ListeningTrend): AdaptiveCard {
  const latest = trend.meetings[trend.meetings.length - 1];
  const body: CardElement[] = [
    heading("Your listening trend"),
    subtle(`${trend.meetings.length} meeting${trend.meetings.length === 1 ? "" : "s"} · ${dateRange(trend.meetings)}`),
  ];
  if (trend.meetings.length < 2)
    body.push(
      text("Not enough meetings yet for a direction: after your next coached meeting you will see which way each habit is going.", {
        spacing: "Medium",
      }),
    );
  body.push(
    columns(
      [
        column([text("Indicator", { weight: "Bolder", size: "Small" })], "stretch"),
        column([text("Trend", { weight: "Bolder", size: "Small" })], 90),
        column([text("Direction", { weight: "Bolder", size: "Small" })], 110),
      ],
      { spacing: "Medium" },
    ),
  );
  for (const i of trend.indicators) {
    body.push(
      columns(
        [
          column(
            [
              text(i.label, { size: "Small", spacing: "None" }),
              text(`${latestText(i, latest)} · ${changeText(i)}`, { size: "Small", isSubtle: true, spacing: "None" }),
            ],
            "stretch",
          ),
          column([text(sparklineFor(i), { fontType: "Monospace", wrap: false })], 90),
          column(
            [
              text(directionText(i.direction), {
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
  body.push(
    container(
      [text("One habit to focus on", { weight: "Bolder" }), text(safeText(trend.focus.habit, 300)), subtle(`Why: ${focusWhy(trend)}.`)],
      { style: "emphasis", spacing: "Medium" },
    ),
    subtle("Directions compare your latest meetings with the earlier ones; small changes count as steady. Only you can see this."),
  );
  return adaptiveCard(body, [], safeText(listeningTrendCardText(trend), 2000));
}

/** The card that says why there is no trend to show yet. */
export function noListeningTrendCard(why: string): AdaptiveCard {
  return adaptiveCard([heading("Your listening trend"), text(why)]);
}

/** The trend card as plain text, for clients that cannot render cards. */
export function listeningTrendCardText(trend: ListeningTrend): string {
  const latest = trend.meetings[trend.meetings.length - 1];
  const lines = [`Your listening trend (${trend.meetings.length} meetings)`];
  for (const i of trend.indicators) lines.push(`${i.label}: ${sparklineFor(i)} ${latestText(i, latest)}, ${directionText(i.direction)}`);
  lines.push(`Focus: ${trend.focus.habit}`);
  return lines.join("\n");
}
