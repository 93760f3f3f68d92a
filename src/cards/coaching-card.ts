import {
  adaptiveCard,
  container,
  execute,
  facts,
  sectionHeading,
  showCard,
  subtle,
  text,
  type AdaptiveCard,
  type CardElement,
} from "./adaptive-card.js";
import { coachingCardModel, moreMoments, type CoachingCardInput, type CoachingCardModel, type MomentView } from "./coaching-card-model.js";
import { coachingCardText } from "./coaching-card-text.js";
import { talkSection } from "./talk-chart.js";
import { truncate } from "./safe-text.js";
import type { Analysis } from "../metrics/schema.js";
import type { Coaching } from "../coaching/schema.js";
import { countOf } from "../format/count.js";

export type { CoachingCardInput } from "./coaching-card-model.js";
export { coachingCardText };

/** The card stays under this many UTF-8 bytes (Teams takes about 28 KB per card): extra moments give way first. */
export const MAX_CARD_BYTES = 26 * 1024;
const FALLBACK_TEXT_CHARS = 1200;

/**
 * The private coaching card the manager receives after a meeting (Adaptive Card 1.5). Pure: data in, JSON out.
 * The top three moments are inline, the rest behind "Show all" (inline too with `showAll`), within a size budget.
 */
export function coachingCard(input: CoachingCardInput): AdaptiveCard {
  const model = coachingCardModel(input);
  const fallback = truncate(coachingCardText(input), FALLBACK_TEXT_CHARS);
  let card = build(model, input, model.moments.rest.length, fallback);
  for (let rest = model.moments.rest.length - 1; rest >= 0 && byteLength(card) > MAX_CARD_BYTES; rest--) {
    card = build(model, input, rest, fallback);
  }
  return card;
}

/** A stored meeting's coaching, as the card of it needs it. */
export interface MeetingCoaching {
  meetingId: string;
  title: string;
  /** When the meeting took place (the stored meeting's date). */
  at: Date;
  analysis: Analysis;
  coaching: Coaching;
}

/**
 * The card of a stored meeting's coaching, with its buttons: the one the manager receives after the meeting,
 * and the one `last` and the card's own buttons show again. `note` is a line of thanks on top.
 */
export function meetingCoachingCard(meeting: MeetingCoaching, options: { showAll?: boolean; note?: string } = {}): AdaptiveCard {
  const card = coachingCard({
    title: meeting.title,
    date: meeting.at.toISOString(),
    analysis: meeting.analysis,
    coaching: meeting.coaching,
    meetingId: meeting.meetingId,
    showAll: options.showAll === true,
  });
  return options.note ? { ...card, body: [text(options.note, { color: "Good" }), ...card.body] } : card;
}

function build(model: CoachingCardModel, input: CoachingCardInput, restCount: number, fallback: string): AdaptiveCard {
  const { top, total } = model.moments;
  const rest = model.moments.rest.slice(0, restCount);
  const omitted = total - top.length - rest.length;
  const showAll = input.showAll === true;
  const body: CardElement[] = [
    subtle(model.headline, { spacing: "None" }),
    text(model.title, { style: "heading", size: "Large", weight: "Bolder", spacing: "Small" }),
    subtle([model.date ? `{{DATE(${model.date}, SHORT)}}, {{TIME(${model.date})}}` : null, model.facts].filter(Boolean).join(" · ")),
    ...talkSection(model.talk),
    ...indicatorSection(model),
    ...momentsSection(model, showAll ? [...top, ...rest] : top, showAll || rest.length === 0 ? omitted : 0, input.meetingId),
    ...keptSection(model.kept),
    container([text("One habit to try next time", { weight: "Bolder" }), text(model.habit, { spacing: "Small" })], {
      style: "emphasis",
      spacing: "Large",
    }),
    subtle(model.privacy, { separator: true, spacing: "Large" }),
    subtle(model.coach, { spacing: "None" }),
  ];
  const actions: CardElement[] = [];
  if (!showAll && rest.length > 0) {
    const hidden = [
      ...rest.map((m, i) => momentBlock(m, i, input.meetingId)),
      ...(omitted > 0 ? [subtle(moreMoments(omitted), { spacing: "Medium" })] : []),
    ];
    const keepOpen = input.meetingId ? [execute("Keep this list open", "showAllMoments", { meetingId: input.meetingId })] : [];
    actions.push(showCard(omitted > 0 ? `Show ${countOf(rest.length, "more moment")}` : `Show all ${total} moments`, hidden, keepOpen));
  }
  if (input.meetingId) {
    actions.push(
      execute("Helpful", "feedback", { meetingId: input.meetingId, helpful: true }),
      execute("Not helpful", "feedback", { meetingId: input.meetingId, helpful: false }),
    );
  }
  return adaptiveCard(body, actions, fallback);
}

function indicatorSection(model: CoachingCardModel): CardElement[] {
  if (model.indicators.length === 0) return [];
  return [sectionHeading("How you listened"), { ...facts(model.indicators.map((i) => [i.label, i.value])), spacing: "Small" }];
}

function momentsSection(model: CoachingCardModel, shown: MomentView[], omitted: number, meetingId?: string): CardElement[] {
  const { total, empty } = model.moments;
  if (empty) return [sectionHeading("Moments to restate"), text(empty, { spacing: "Small" })];
  const intro =
    total === 1
      ? "One moment where saying back what you heard would have helped:"
      : shown.length === total
        ? `${total} moments where saying back what you heard would have helped, most important first:`
        : `The ${shown.length} that matter most, of ${total} where saying back what you heard would have helped:`;
  return [
    sectionHeading(total === 1 ? "A moment to restate" : "Moments to restate"),
    text(intro, { size: "Small", spacing: "Small" }),
    ...shown.map((m, i) => momentBlock(m, i, meetingId)),
    ...(omitted > 0 ? [subtle(moreMoments(omitted), { spacing: "Medium" })] : []),
  ];
}

/** A moment; on a stored meeting's card, with "Practise this" (the manager types how they would say it back). */
function momentBlock(m: MomentView, index: number, meetingId?: string): CardElement {
  const practise = meetingId
    ? [{ type: "ActionSet", spacing: "Small", actions: [execute("Practise this", "practise", { meetingId, utteranceId: m.utteranceId })] }]
    : [];
  return container(
    [
      subtle(m.lead, { spacing: "None" }),
      text(`“${m.quote}”`, { spacing: "Small" }),
      text(m.whatHappened, { size: "Small", spacing: "Small" }),
      text(`You could have said: “${m.suggestion}”`, { color: "Good", spacing: "Small" }),
      ...practise,
    ],
    { spacing: "Medium", ...(index > 0 && { separator: true }) },
  );
}

function keptSection(kept: CoachingCardModel["kept"]): CardElement[] {
  if (kept.length === 0) return [];
  return [
    sectionHeading("Keep doing"),
    text("Here you said back what you heard:", { size: "Small", spacing: "Small" }),
    ...kept.flatMap((k) => [text(`“${k.quote}”`, { spacing: "Small" }), subtle(k.context, { spacing: "None" })]),
  ];
}

function byteLength(card: AdaptiveCard): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}
