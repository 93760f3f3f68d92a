import type { Queryable } from "./db.js";

/** Where live mode keeps meetings in progress across restarts. What is read back is parsed by the caller's schema. */
export interface LiveSnapshotStore {
  /** Saves snapshots, several at once, in one statement (an embedded database commits once, not once per meeting). */
  saveMany(rows: readonly { meetingId: string; state: unknown; expiresAt: Date }[]): Promise<void>;
  load(meetingId: string): Promise<unknown | null>;
  remove(meetingId: string): Promise<void>;
  /** Deletes snapshots past their expiry; returns how many. */
  purgeExpired(): Promise<number>;
}

export function liveSnapshotStore(db: Queryable): LiveSnapshotStore {
  return {
    async saveMany(rows) {
      if (rows.length === 0) return;
      await db.query(
        `insert into live_snapshots (meeting_id, state, updated_at, expires_at)
         select id, state, now(), expires from unnest($1::text[], $2::text[], $3::timestamptz[]) as t(id, state, expires)
         on conflict (meeting_id) do update set state = excluded.state, updated_at = now(), expires_at = excluded.expires_at`,
        [rows.map((r) => r.meetingId), rows.map((r) => JSON.stringify(r.state)), rows.map((r) => r.expiresAt.toISOString())],
      );
    },
    async load(meetingId) {
      const rows = await db.query<{ state: string }>("select state from live_snapshots where meeting_id = $1 and expires_at > now()", [
        meetingId,
      ]);
      const text = rows.rows[0]?.state;
      if (text === undefined) return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Not JSON: the caller's schema check refuses it as any other unreadable snapshot.
        return { unreadable: true };
      }
    },
    async remove(meetingId) {
      await db.query("delete from live_snapshots where meeting_id = $1", [meetingId]);
    },
    async purgeExpired() {
      return (await db.query("delete from live_snapshots where expires_at <= now() returning meeting_id")).rows.length;
    },
  };
}
