import type { Queryable } from "./db.js";

/** Where a coaching card was posted, once the Bot Connector answered the post. */
export interface PostedCard {
  activityId: string;
  conversationId: string;
}

/** The activity the report's card was posted as; null when no post was answered yet. */
export async function postedCard(db: Queryable, reportId: string): Promise<PostedCard | null> {
  const row = (
    await db.query<{ delivery_activity_id: string | null; delivery_conversation_id: string | null }>(
      "select delivery_activity_id, delivery_conversation_id from coaching_reports where id = $1",
      [reportId],
    )
  ).rows[0];
  return row?.delivery_activity_id && row.delivery_conversation_id
    ? { activityId: row.delivery_activity_id, conversationId: row.delivery_conversation_id }
    : null;
}

/** Records the posted card's activity: one statement, run the moment the post is answered. */
export async function recordPostedCard(db: Queryable, reportId: string, card: PostedCard): Promise<void> {
  await db.query("update coaching_reports set delivery_activity_id = $2, delivery_conversation_id = $3 where id = $1", [
    reportId,
    card.activityId,
    card.conversationId,
  ]);
}
