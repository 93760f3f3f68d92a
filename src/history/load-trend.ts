import { adaptiveCard, heading, text, type AdaptiveCard } from "../cards/adaptive-card.js";
import { trendCard } from "../cards/trend-card.js";
import type { Queryable } from "../storage/db.js";
import { managerHistory } from "../storage/history.js";
import { findPerson, getPerson, type PersonRow } from "../storage/people.js";
import { computeTrend, type Trend } from "./trend.js";

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

/** How many meetings a trend looks back over unless asked otherwise. */
export const DEFAULT_LAST = 10;

/** A name as it would be typed on a command line: quoted when it has spaces or quotes. */
export function shellName(name: string): string {
  return /^[\p{L}\p{N}._@-]+$/u.test(name) ? name : `"${name.replace(/(["\\$`])/g, "\\$1")}"`;
}

export function noMeetingsMessage(manager: string): string {
  return `no meetings stored for ${manager}; save one with attune analyze FILE --manager ${shellName(manager)} --save`;
}

/** The trend of a manager found by name (findPerson rules) in the tenant, over their last `last` meetings. */
export async function loadTrend(
  db: Queryable,
  tenant: string,
  managerQuery: string,
  last: number,
): Promise<Loaded<{ manager: PersonRow; trend: Trend }>> {
  const match = await findPerson(db, tenant, managerQuery);
  if (!match.ok) return { ok: false, message: `--manager: ${match.message}` };
  const trend = await trendOf(db, match.person, last);
  return trend.ok ? { ok: true, value: { manager: match.person, trend: trend.value } } : trend;
}

async function trendOf(db: Queryable, manager: PersonRow, last: number): Promise<Loaded<Trend>> {
  const stored = await managerHistory(db, manager.id, last);
  const trend = computeTrend(manager.display_name, stored);
  if (trend.meetings.length === 0) return { ok: false, message: noMeetingsMessage(manager.display_name) };
  return { ok: true, value: trend };
}

/**
 * The bot's "report" card for the person asking (their own trend only), or a short card saying why there
 * is none yet. Fits TeamsServiceDeps.trendCard.
 */
export async function trendCardFor(db: Queryable, personId: string, last = DEFAULT_LAST): Promise<AdaptiveCard> {
  const person = await getPerson(db, personId);
  const trend = person ? await trendOf(db, person, last) : null;
  if (!trend?.ok) {
    return adaptiveCard([
      heading("Your listening trend"),
      text(
        "I have no meetings of yours yet. After a meeting you organize with transcription on, your coaching card arrives, and your trend builds from there.",
      ),
    ]);
  }
  return trendCard(trend.value);
}
