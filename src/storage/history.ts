import type { Utterance } from "../transcript/schema.js";
import type { Queryable } from "./db.js";
import { RECORD_COLUMNS, RECORD_TABLES, toStoredMeeting, type RecordRow, type StoredMeeting } from "./meeting-records.js";
import { readDocument, UTTERANCES } from "./stored-documents.js";

export type { StoredMeeting } from "./meeting-records.js";

/** The manager's last `last` analysed meetings, oldest first. */
export async function managerHistory(db: Queryable, managerId: string, last: number): Promise<StoredMeeting[]> {
  const rows = await db.query<RecordRow>(
    `select ${RECORD_COLUMNS} from ${RECORD_TABLES} where a.manager_id = $1 order by at desc, m.created_at desc limit $2`,
    [managerId, last],
  );
  return rows.rows.map(toStoredMeeting).reverse();
}

export interface SharedMeeting extends StoredMeeting {
  /** The other person's utterances, while the transcript is still retained; null after the purge. */
  theirUtterances: Utterance[] | null;
}

/** Meetings the manager led where the person was present, oldest first, newest `last`. */
export async function sharedMeetings(
  db: Queryable,
  managerId: string,
  personId: string,
  personNames: readonly string[],
  last: number,
): Promise<SharedMeeting[]> {
  const rows = await db.query<RecordRow & { utterances: unknown; utterances_version: number | null }>(
    `select ${RECORD_COLUMNS}, t.utterances, t.schema_version as utterances_version
     from ${RECORD_TABLES} left join transcripts t on t.meeting_id = m.id
     where a.manager_id = $1 and exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.person_id = $2)
     order by at desc, m.created_at desc limit $3`,
    [managerId, personId, last],
  );
  const names = new Set(personNames);
  return rows.rows
    .map((row) => {
      const utterances =
        row.utterances === null
          ? null
          : readDocument(UTTERANCES, row.utterances, row.utterances_version ?? UTTERANCES.version, row.meeting_id);
      return { ...toStoredMeeting(row), theirUtterances: utterances?.filter((u) => u.speaker !== null && names.has(u.speaker)) ?? null };
    })
    .reverse();
}
