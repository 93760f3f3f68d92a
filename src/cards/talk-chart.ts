import { column, columns, container, sectionHeading, subtle, text, type CardElement } from "./adaptive-card.js";
import { donutChart, horizontalBarChart, MANAGER_COLOR, OTHERS_COLOR } from "./charts.js";
import type { CoachingCardModel } from "./coaching-card-model.js";

/**
 * The coaching card's talk time: a native chart (a donut for a one-on-one, one bar per person in a group), the
 * manager drawn as "You" in their own colour. Clients without charts show the fallback: one row per person,
 * name and share in words, names wrapping rather than cut off. Pure.
 */
export function talkSection(talk: CoachingCardModel["talk"]): CardElement[] {
  const out: CardElement[] = [sectionHeading(talk.heading)];
  if (talk.rows.length > 0) out.push(talkChart(talk));
  if (talk.more) out.push(subtle(talk.more));
  if (talk.note) out.push(text(talk.note, { size: "Small", spacing: "Small" }));
  return out;
}

function talkChart(talk: CoachingCardModel["talk"]): CardElement {
  const fallback = talkRows(talk);
  const color = (isManager: boolean) => (isManager ? MANAGER_COLOR : OTHERS_COLOR);
  if (talk.oneOnOne) {
    return donutChart(
      talk.rows.map((r) => ({ legend: `${r.label} ${r.share}`, value: r.fraction * 100, color: color(r.isManager) })),
      fallback,
      { spacing: "Small" },
    );
  }
  return horizontalBarChart(
    talk.rows.map((r) => ({ x: r.label, y: r.fraction * 100, color: color(r.isManager) })),
    fallback,
    { spacing: "Small", yAxisTitle: "% of the talk" },
  );
}

/** The chart's figures as rows of text: what a client without charts, and a screen reader, gets. */
function talkRows(talk: CoachingCardModel["talk"]): CardElement {
  const rows = talk.rows.map((row) =>
    columns(
      [
        column([text(row.name, { size: "Small", ...(row.isManager && { weight: "Bolder" }) })], "stretch"),
        column([text(row.share, { size: "Small", wrap: false, horizontalAlignment: "Right" })], "44px"),
      ],
      { spacing: "None" },
    ),
  );
  return container(rows, { spacing: "Small" });
}
