import type { Coaching, CoachingMoment } from "../coaching/schema.js";
import type { Analysis } from "../metrics/schema.js";
import { clock, percent, seconds } from "../report/format.js";
import { adaptiveCard, column, columns, container, execute, facts, heading, subtle, text, type AdaptiveCard, type CardElement } from "./adaptive-card.js";
import { coachingCardText } from "./coaching-card-text.js";
import { safeText } from "./safe-text.js";

export interface CoachingCardInput {
  title: string;
  /** ISO date-time of the meeting, or null when unknown. */
  date: string | null;
  analysis: Analysis;
  coaching: Coaching;
  /** Stored meeting id, for the card's buttons. */
  meetingId?: string;
  /** Every moment inline instead of the top three. */
  showAll?: boolean;
}

const TOP = 3;
/** The most moments a card carries (inline or behind "show all"), to stay well under Teams' size limit. */
const MAX_MOMENTS = 12;
export const CAPS = { title: 120, name: 60, quote: 280, whatHappened: 240, suggestion: 300, habit: 240, kept: 200 } as const;

/** The private coaching card the manager receives after a meeting. Pure: data in, card JSON out. */
export function coachingCard(input: CoachingCardInput): AdaptiveCard {
  const { analysis: a, coaching: c } = input;
  const body: CardElement[] = [
    heading(`Listening coach: ${safeText(input.title, CAPS.title)}`),
    subtle([input.date ? formatDate(input.date) : null, `${clock(a.durationMs)} long`, `${a.speakers.length} speakers`].filter(Boolean).join(" · ")),
    ...balance(a),
    ...indicators(a),
    ...momentsSection(input),
  ];
  if (c.kept.length > 0) {
    body.push(text("Keep doing", { weight: "Bolder", spacing: "Medium" }), text("You said back what you heard here:", { spacing: "Small" }));
    for (const k of c.kept.slice(0, 2)) body.push(text(`“${safeText(k.quote, CAPS.kept)}” (${clock(k.atMs)})`, { isSubtle: true, spacing: "Small" }));
  }
  body.push(
    container([text("One habit to try next time", { weight: "Bolder" }), text(safeText(c.habit, CAPS.habit))], { style: "emphasis", spacing: "Medium" }),
    subtle(`Only you can see this card. It is coaching for you, not a score for anyone else. Coach: ${c.source === "llm" ? "prompt set (language model)" : "heuristic (no language model)"}.`),
  );
  const data = { meetingId: input.meetingId ?? null };
  const actions = input.meetingId
    ? [
        ...(c.moments.length > TOP && !input.showAll ? [execute(`Show all ${Math.min(c.moments.length, MAX_MOMENTS)} moments`, "showAllMoments", data)] : []),
        execute("Helpful", "feedback", { ...data, helpful: true }),
        execute("Not helpful", "feedback", { ...data, helpful: false }),
      ]
    : [];
  return adaptiveCard(body, actions, safeText(coachingCardText(input), 2000));
}

function balance(a: Analysis): CardElement[] {
  if (a.speakers.length === 0) {
    return [text("Speakers are unknown: speaker attribution was off for this meeting, so talk time by person cannot be shown.", { spacing: "Medium" })];
  }
  const rows = a.speakers.slice(0, 12).map((s) => {
    const mine = a.manager?.name === s.name;
    const width = Math.max(1, Math.round(s.share * 100));
    return columns(
      [
        column([text(`${safeText(s.name, CAPS.name)}${mine ? " (you)" : ""}`, { size: "Small", weight: mine ? "Bolder" : "Default", wrap: false })], "stretch"),
        column([{ type: "ColumnSet", columns: [{ type: "Column", width: `${width}`, style: mine ? "accent" : "good", minHeight: "12px", items: [] }, { type: "Column", width: `${Math.max(1, 100 - width)}`, items: [] }] }], "110px"),
        column([text(percent(s.share), { size: "Small", horizontalAlignment: "Right", wrap: false })], "45px"),
      ],
      { spacing: "Small" },
    );
  });
  const more = a.speakers.length > 12 ? [subtle(`and ${a.speakers.length - 12} more`)] : [];
  const fair = a.fairShare === null ? "" : ` (fair share ${percent(a.fairShare)})`;
  return [text(`Talk time${fair}`, { weight: "Bolder", spacing: "Medium" }), ...rows, ...more];
}

function indicators(a: Analysis): CardElement[] {
  const m = a.manager;
  if (!m) return [];
  const range = `${percent(m.expectedShare[0])}–${percent(m.expectedShare[1])}`;
  const rows: [string, string][] = [
    ["Your share", `${percent(m.share)}: ${m.shareVerdict} the ${range} ${m.oneOnOne ? "that suits a one-on-one" : "around a fair share"}`],
    ["Questions", `${m.questions} asked, ${m.openQuestions} open`],
    ["Talked over", m.interruptionsMade === 0 ? "nobody" : `${m.interruptionsMade} time${m.interruptionsMade === 1 ? "" : "s"}`],
    ["Pause before replying", m.medianResponseGapMs === null ? "n/a" : `${m.medianResponseGapMs < 0 ? "started early" : seconds(m.medianResponseGapMs)} (video calls ≈ 1 s)`],
    ["Longest stretch", `${clock(m.longestMonologueMs)} (aim under ${clock(a.thresholds.monologueMs)})`],
  ];
  if (m.quietPeople.length > 0) rows.push(["Barely spoke", m.quietPeople.map((p) => `${safeText(p.name, CAPS.name)} (${percent(p.share)})`).join(", ")]);
  return [text("Your listening", { weight: "Bolder", spacing: "Medium" }), facts(rows)];
}

function momentsSection(input: CoachingCardInput): CardElement[] {
  const moments = input.coaching.moments.slice(0, MAX_MOMENTS);
  if (moments.length === 0) {
    return [text(input.analysis.speakersKnown ? "No moment called for a restatement this time." : "Without speakers, moments to restate cannot be found.", { spacing: "Medium" })];
  }
  const shown = input.showAll ? moments : moments.slice(0, TOP);
  const out: CardElement[] = [text(shown.length === 1 ? "A moment to restate" : `Moments to restate (${shown.length} of ${input.coaching.moments.length})`, { weight: "Bolder", spacing: "Medium" })];
  shown.forEach((m, i) => out.push(moment(m, i)));
  const more = input.coaching.moments.length - MAX_MOMENTS;
  if (input.showAll && more > 0) out.push(subtle(`and ${more} more`));
  return out;
}

function moment(m: CoachingMoment, index: number): CardElement {
  return container(
    [
      text(`${clock(m.atMs)} · ${safeText(m.speaker, CAPS.name)}`, { size: "Small", isSubtle: true }),
      text(`“${safeText(m.quote, CAPS.quote)}”`, { spacing: "Small" }),
      text(safeText(m.whatHappened, CAPS.whatHappened), { size: "Small", spacing: "Small" }),
      text(`Try: “${safeText(m.suggestion, CAPS.suggestion)}”`, { color: "Accent", spacing: "Small" }),
    ],
    { separator: index > 0, spacing: "Medium" },
  );
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export { coachingCardText };
