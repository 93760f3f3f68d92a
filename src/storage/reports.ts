import { COACHING_SCHEMA_VERSION, type Coaching } from "../coaching/schema.js";
import type { Queryable } from "./db.js";
import { RECORD_COLUMNS, RECORD_TABLES, toStoredReport, type RecordRow, type StoredReport } from "./meeting-records.js";

/**
 * Coaching reports, in the `coaching_reports` table: one per meeting, the coaching of that meeting for its
 * manager, which their coaching card shows. (The listening report of src/rendering/ and the listening
 * trend are renderings of stored data, not tables.)
 */

export type { StoredReport } from "./meeting-records.js";

const REPORTS = `select ${RECORD_COLUMNS} from ${RECORD_TABLES} where r.id is not null`;

/** Stores the coaching report once per meeting; returns its id. A second call keeps the first report. */
export async function saveCoachingReport(tx: Queryable, meetingId: string, managerId: string, coaching: Coaching): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `insert into coaching_reports (meeting_id, manager_id, source, coaching, schema_version) values ($1, $2, $3, $4, $5)
     on conflict (meeting_id) do nothing returning id`,
    [meetingId, managerId, coaching.source, JSON.stringify(coaching), COACHING_SCHEMA_VERSION],
  );
  if (inserted.rows[0]) return inserted.rows[0].id;
  return (await tx.query<{ id: string }>("select id from coaching_reports where meeting_id = $1", [meetingId])).rows[0]!.id;
}

/** The report of a meeting, whoever it is for (the job that delivers it). */
export async function reportOfMeeting(db: Queryable, meetingId: string): Promise<StoredReport | null> {
  const row = (await db.query<RecordRow>(`${REPORTS} and r.meeting_id = $1`, [meetingId])).rows[0];
  return row ? toStoredReport(row) : null;
}

/** The report of a meeting only if it is `managerId`'s: what a person may see of a meeting. */
export async function managerReport(db: Queryable, managerId: string, meetingId: string): Promise<StoredReport | null> {
  const row = (await db.query<RecordRow>(`${REPORTS} and r.meeting_id = $1 and r.manager_id = $2`, [meetingId, managerId])).rows[0];
  return row ? toStoredReport(row) : null;
}

/** The manager's report of their latest meeting. */
export async function latestReport(db: Queryable, managerId: string): Promise<StoredReport | null> {
  const row = (await db.query<RecordRow>(`${REPORTS} and r.manager_id = $1 order by at desc, m.created_at desc limit 1`, [managerId]))
    .rows[0];
  return row ? toStoredReport(row) : null;
}

/** Notes that a delivery of the report began (kept from the first attempt on). */
export async function markDeliveryStarted(db: Queryable, reportId: string): Promise<void> {
  await db.query("update coaching_reports set delivery_started_at = coalesce(delivery_started_at, now()) where id = $1", [reportId]);
}

/** Notes that the report reached its manager (the first time counts). */
export async function markDelivered(db: Queryable, reportId: string): Promise<void> {
  await db.query("update coaching_reports set delivered_at = now() where id = $1 and delivered_at is null", [reportId]);
}

/** Stores feedback on a report, only if the report is the person's own; false otherwise. */
export async function saveFeedback(
  db: Queryable,
  personId: string,
  meetingId: string,
  helpful: boolean,
  utteranceId: string | null,
): Promise<boolean> {
  const rows = await db.query(
    `insert into feedback (report_id, person_id, moment_utterance_id, helpful)
     select r.id, $2, $3, $4 from coaching_reports r where r.meeting_id = $1 and r.manager_id = $2 returning id`,
    [meetingId, personId, utteranceId, helpful],
  );
  return rows.rows.length === 1;
}
