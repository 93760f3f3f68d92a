import {
  adaptiveCard,
  column,
  columns,
  container,
  execute,
  heading,
  subtle,
  text,
  type AdaptiveCard,
  type CardElement,
} from "./adaptive-card.js";
import { safeText } from "./safe-text.js";
import { shortDay } from "../format/dates.js";
import { percent } from "../format/percent.js";
import type { Prep } from "../prep/prep.js";
import { KIND_LABEL, shareSummary } from "../rendering/prep-format.js";
import { prepShareChart } from "./prep-chart.js";

export const PREP_CAPS = { name: 60, title: 80, quote: 280, whatHappened: 200, question: 260, reminder: 320 } as const;

/**
 * One-on-one prep as an Adaptive Card (1.5), for the bot's "prep NAME" command. Pure. Everything quoted
 * from transcripts or a model goes through safeText. With `refresh`, a button asks the bot for a fresh prep.
 */
export function prepCard(prep: Prep, options: { refresh?: boolean } = {}): AdaptiveCard {
  const who = safeText(prep.firstName, PREP_CAPS.name);
  const body: CardElement[] = [
    heading(`Prep for your one-on-one with ${safeText(prep.person, PREP_CAPS.name)}`),
    subtle(`From ${cardSpan(prep)}`),
  ];

  body.push(text(`${who}'s share of talk`, { weight: "Bolder", spacing: "Medium" }));
  body.push(...prepShareChart(prep, who));
  body.push(subtle(`${shareSummary(prep)} · latest: ${latestShares(prep)}`));

  body.push(text("Raised and not picked up", { weight: "Bolder", spacing: "Medium" }));
  if (prep.raised.length === 0) body.push(text("Nothing in your stored coaching moments.", { isSubtle: true, spacing: "Small" }));
  prep.raised.slice(0, 4).forEach((r, i) => {
    body.push(
      container(
        [
          text(`${shortDay(r.at)} · ${KIND_LABEL[r.kind]}`, { size: "Small", isSubtle: true }),
          text(`“${safeText(r.quote, PREP_CAPS.quote)}”`, { spacing: "Small" }),
          text(safeText(r.whatHappened, PREP_CAPS.whatHappened), { size: "Small", spacing: "Small" }),
        ],
        { separator: i > 0, spacing: "Small" },
      ),
    );
  });

  if (prep.wentWell.length > 0) {
    body.push(text(`What you did well with ${who}`, { weight: "Bolder", spacing: "Medium" }));
    for (const w of prep.wentWell.slice(0, 2))
      body.push(text(`${shortDay(w.at)}: you said back “${safeText(w.quote, PREP_CAPS.quote)}”`, { isSubtle: true, spacing: "Small" }));
  }

  body.push(text("Questions to ask", { weight: "Bolder", spacing: "Medium" }));
  // The number in a column of its own: "2. …" alone in a TextBlock is a Markdown list that starts at 1 again.
  for (const [i, q] of prep.questions.entries())
    body.push(
      columns(
        [
          column([text(`${i + 1}`, { color: "Accent", weight: "Bolder" })], "auto"),
          column([text(safeText(q.question, PREP_CAPS.question), { color: "Accent" })], "stretch"),
        ],
        { spacing: "Small" },
      ),
    );

  body.push(
    container([text(`Your habit with ${who}`, { weight: "Bolder" }), text(safeText(prep.reminder, PREP_CAPS.reminder))], {
      style: "emphasis",
      spacing: "Medium",
    }),
    subtle(
      `Only you can see this. ${prep.source === "llm" ? "Questions by the prompt set (language model), each checked against your stored meetings." : "Prepared without a language model."}`,
    ),
  );
  const actions = options.refresh ? [execute("Refresh", "prep", { person: prep.person })] : [];
  return adaptiveCard(body, actions, safeText(prepCardText(prep), 2000));
}

function latestShares(prep: Prep): string {
  const m = prep.meetings[prep.meetings.length - 1];
  if (!m) return "n/a";
  return `${m.personShare === null ? "did not speak" : percent(m.personShare)}, you ${m.managerShare === null ? "n/a" : percent(m.managerShare)} (${shortDay(m.at)})`;
}

/** "2 shared meetings, 2 Mar to 9 Mar": the card's dates in one style, as its other lines write them. */
function cardSpan(prep: Prep): string {
  const first = prep.meetings[0];
  const last = prep.meetings[prep.meetings.length - 1];
  if (!first || !last) return "";
  const n = prep.meetings.length;
  return `${n} shared meeting${n === 1 ? "" : "s"}, ${shortDay(first.at)}${n > 1 ? ` to ${shortDay(last.at)}` : ""}`;
}

/** The card that says why there is no prep, in the words the use case gave (names in it are made safe here). */
export function prepNoteCard(why: string): AdaptiveCard {
  return adaptiveCard([heading("One-on-one prep"), text(safeText(why, 600))]);
}

/** The prep card as plain text, for clients that cannot render cards. */
export function prepCardText(prep: Prep): string {
  const lines = [`Prep for your one-on-one with ${safeText(prep.person, PREP_CAPS.name)}`];
  lines.push(`${safeText(prep.firstName, PREP_CAPS.name)}'s share: ${shareSummary(prep)}`);
  for (const r of prep.raised.slice(0, 2)) lines.push(`${shortDay(r.at)} ${KIND_LABEL[r.kind]}: “${safeText(r.quote, 200)}”`);
  for (const [i, q] of prep.questions.entries()) lines.push(`${i + 1}. ${safeText(q.question, 200)}`);
  lines.push(safeText(prep.reminder, 240));
  return lines.join("\n");
}
