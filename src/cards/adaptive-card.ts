/**
 * Minimal Adaptive Card builders for Attune's cards: plain JSON in schema 1.5, the most Teams renders.
 * Elements are loosely typed records (the cards' tests validate them with the `adaptivecards` parser);
 * see adaptivecards.io for the schema.
 */

export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const CARD_VERSION = "1.5";

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardElement[];
  /** Shown by clients that cannot render the card. */
  fallbackText?: string;
  /** Teams: use the full width of the chat. */
  msteams?: { width: "Full" };
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], fallbackText?: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 && { actions }),
    ...(fallbackText && { fallbackText }),
    msteams: { width: "Full" },
  };
}

/** A wrapping TextBlock; `extra` adds or overrides properties (size, weight, color, spacing…). */
export const text = (value: string, extra: CardElement = {}): CardElement => ({ type: "TextBlock", text: value, wrap: true, ...extra });
export const heading = (value: string): CardElement => text(value, { weight: "Bolder", size: "Medium" });
/** A bold heading that starts a section of a longer card. */
export const sectionHeading = (value: string): CardElement => text(value, { weight: "Bolder", spacing: "Large" });
export const subtle = (value: string, extra: CardElement = {}): CardElement =>
  text(value, { isSubtle: true, size: "Small", spacing: "Small", ...extra });
export const facts = (rows: [string, string][]): CardElement => ({
  type: "FactSet",
  facts: rows.map(([title, value]) => ({ title, value })),
});
export const container = (items: CardElement[], extra: CardElement = {}): CardElement => ({ type: "Container", items, ...extra });
export const columns = (cols: CardElement[], extra: CardElement = {}): CardElement => ({ type: "ColumnSet", columns: cols, ...extra });
/** A Column; a number is a width in pixels, a string is `auto`, `stretch` or a weight. */
export const column = (items: CardElement[], width: string | number): CardElement => ({
  type: "Column",
  width: typeof width === "number" ? `${width}px` : width,
  items,
});

/** A button that reaches the bot as an `adaptiveCard/action` invoke with `verb` and `data` (schema 1.4+). */
export const execute = (title: string, verb: string, data: Record<string, unknown>): CardElement => ({
  type: "Action.Execute",
  title,
  verb,
  data,
});

/** A button that shows a card inline under it, with no round trip to the bot. The inner card takes the outer version. */
export const showCard = (title: string, body: CardElement[], actions: CardElement[] = []): CardElement => ({
  type: "Action.ShowCard",
  title,
  card: { type: "AdaptiveCard", body, ...(actions.length > 0 && { actions }) },
});
