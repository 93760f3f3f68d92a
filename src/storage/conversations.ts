import type { Queryable } from "./db.js";
import { ensureTenant } from "./people.js";

/** Records that a group conversation was told Attune is there; true only the first time. */
export async function claimNotice(db: Queryable, tenantId: string, conversationId: string, kind: string): Promise<boolean> {
  await ensureTenant(db, tenantId);
  const rows = await db.query(
    `insert into conversations (id, tenant_id, kind, notice_sent_at) values ($1, $2, $3, now())
     on conflict (id) do update set notice_sent_at = now() where conversations.notice_sent_at is null
     returning id`,
    [conversationId, tenantId, kind],
  );
  return rows.rows.length === 1;
}
