import { shortDay } from "../format/dates.js";
import { percent } from "../format/percent.js";
import type { Prep } from "../prep/prep.js";
import { container, text, type CardElement } from "./adaptive-card.js";
import { lineChart, MANAGER_COLOR, meetingLabels, OTHERS_COLOR, type LineSeries } from "./charts.js";

/**
 * The person's share of talk over the meetings the manager shared with them, as a line chart beside the
 * manager's own share; the fallback says both in words, oldest first. With one shared meeting there is no
 * line to draw: it says so. Pure; `who` is the person's first name, already safe to render.
 */
export function prepShareChart(prep: Prep, who: string): CardElement[] {
  if (prep.meetings.length < 2) return [];
  const labels = meetingLabels(prep.meetings.map((m) => shortDay(m.at)));
  const words = (pick: (m: Prep["meetings"][number]) => number | null) =>
    prep.meetings.map((m, i) => `${labels[i]} ${pick(m) === null ? "did not speak" : percent(pick(m)!)}`).join(", ");
  const line = (legend: string, color: LineSeries["color"], pick: (m: Prep["meetings"][number]) => number | null): LineSeries[] => {
    const values = prep.meetings.flatMap((m, i) => (pick(m) === null ? [] : [{ x: labels[i]!, y: pick(m)! * 100 }]));
    return values.length === 0 ? [] : [{ legend, color, values }];
  };
  const series = [...line(who, OTHERS_COLOR, (m) => m.personShare), ...line("You", MANAGER_COLOR, (m) => m.managerShare)];
  if (series.length === 0) return [];
  const fallback = container(
    [
      text(`${who}'s share, oldest first: ${words((m) => m.personShare)}.`, { size: "Small" }),
      text(`Yours: ${words((m) => m.managerShare)}.`, { size: "Small", spacing: "Small" }),
    ],
    { spacing: "Small" },
  );
  return [lineChart(series, fallback, { spacing: "Small", yAxisTitle: "% of the talk" })];
}
