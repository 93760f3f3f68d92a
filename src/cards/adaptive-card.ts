/** Minimal Adaptive Card element builders (schema 1.5, what Teams renders). */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardElement[];
  fallbackText?: string;
  msteams?: { width: "Full" };
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], fallbackText?: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 && { actions }),
    ...(fallbackText && { fallbackText }),
    msteams: { width: "Full" },
  };
}

export const text = (value: string, extra: CardElement = {}): CardElement => ({ type: "TextBlock", text: value, wrap: true, ...extra });
export const heading = (value: string): CardElement => text(value, { weight: "Bolder", size: "Medium" });
export const subtle = (value: string): CardElement => text(value, { isSubtle: true, size: "Small", spacing: "Small" });
export const facts = (rows: [string, string][]): CardElement => ({ type: "FactSet", facts: rows.map(([title, value]) => ({ title, value })) });
export const container = (items: CardElement[], extra: CardElement = {}): CardElement => ({ type: "Container", items, ...extra });
export const columns = (cols: CardElement[], extra: CardElement = {}): CardElement => ({ type: "ColumnSet", columns: cols, ...extra });
export const column = (items: CardElement[], width: string | number): CardElement => ({ type: "Column", width: typeof width === "number" ? `${width}px` : width, items });
export const execute = (title: string, verb: string, data: Record<string, unknown>): CardElement => ({ type: "Action.Execute", title, verb, data });
