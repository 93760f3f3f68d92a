/**
 * The Bot Connector activity a coaching card was posted as, and the conversation it was posted to: recorded
 * the moment the post is answered, so a delivery run again (after a crash before the job moved on) updates
 * that card instead of posting a second one.
 */
export const sql = /* sql */ `
alter table coaching_reports add column delivery_activity_id text;
alter table coaching_reports add column delivery_conversation_id text;
`;
