import type { Queryable } from "./db.js";

/** Whether the manager gets the prep card when a one-on-one starts: on unless they turned it off. */
export async function prepAtStartEnabled(db: Queryable, personId: string): Promise<boolean> {
  const row = (await db.query<{ enabled: boolean }>("select enabled from prep_at_start_settings where person_id = $1", [personId])).rows[0];
  return row?.enabled ?? true;
}

export async function setPrepAtStart(db: Queryable, personId: string, enabled: boolean): Promise<void> {
  await db.query(
    `insert into prep_at_start_settings (person_id, enabled) values ($1, $2)
     on conflict (person_id) do update set enabled = excluded.enabled, updated_at = now()`,
    [personId, enabled],
  );
}

/**
 * Claims the prep card for one start of a meeting: true only for the first caller, so a repeated (or
 * concurrent) meetingStart sends one card. Claimed before the send; released when the send fails.
 */
export async function claimPrepAtStart(db: Queryable, managerId: string, occurrence: string): Promise<boolean> {
  const claimed = await db.query(
    "insert into prep_at_start_sent (manager_id, occurrence) values ($1, $2) on conflict do nothing returning 1",
    [managerId, occurrence],
  );
  return claimed.rows.length === 1;
}

export async function releasePrepAtStart(db: Queryable, managerId: string, occurrence: string): Promise<void> {
  await db.query("delete from prep_at_start_sent where manager_id = $1 and occurrence = $2", [managerId, occurrence]);
}
