/** Dates as Attune writes them. Stored meeting times are UTC, so every date here is read in UTC. */

/** `2026-03-02`. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** `2 Mar`: short dates for a card. */
export function shortDay(at: Date): string {
  return at.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** `2026-03-02 to 2026-03-09` from the first to the last item (oldest first), `2026-03-02` for one item, "" for none. */
export function dateRange(items: readonly { at: Date }[]): string {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return "";
  return first === last ? isoDate(first.at) : `${isoDate(first.at)} to ${isoDate(last.at)}`;
}
