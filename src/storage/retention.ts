import type { Queryable } from "./db.js";

/** Deletes stored transcripts past their retention date; analyses and reports stay. Returns how many. */
export async function purgeExpiredTranscripts(db: Queryable): Promise<number> {
  return (await db.query("delete from transcripts where expires_at <= now() returning meeting_id")).rows.length;
}
