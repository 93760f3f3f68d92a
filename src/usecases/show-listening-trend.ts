import { fail, ok, type Failure, type Result } from "../result.js";
import type { Queryable } from "../storage/db.js";
import { managerHistory } from "../storage/history.js";
import { practiceCounts } from "../storage/practice.js";
import { computeListeningTrend, type ListeningTrend } from "../trend/listening-trend.js";
import { lookUpManager, noMeetingsMessage, signedIn, type ManagerRef } from "./manager-ref.js";

/** How many meetings a trend looks back over unless asked otherwise. */
export const DEFAULT_LAST = 10;

export type TrendFailure = Failure<"unknown-manager" | "no-meetings">;

const NOTHING_YET =
  "I have no meetings of yours yet. After a meeting you organize with transcription on, your coaching card arrives, and your trend builds from there.";

/**
 * "Show my listening trend": the manager's last `last` stored meetings, oldest first, as a trend. Called by
 * the CLI (attune trend) and the bot (trend), which render it; a failure is one line for the person asking.
 */
export async function showListeningTrend(
  db: Queryable,
  manager: ManagerRef,
  last = DEFAULT_LAST,
): Promise<Result<ListeningTrend, TrendFailure>> {
  const found = await lookUpManager(db, manager);
  if (!found.ok) return signedIn(manager) ? fail("no-meetings", NOTHING_YET) : found;
  const person = found.value;
  const trend = computeListeningTrend(person.display_name, await managerHistory(db, person.id, last));
  if (trend.meetings.length === 0) return fail("no-meetings", signedIn(manager) ? NOTHING_YET : noMeetingsMessage(person.display_name));
  return ok({ ...trend, practice: await practiceCounts(db, person.id) });
}
