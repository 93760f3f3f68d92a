import type { Coaching } from "../coaching/schema.js";
import type { Analysis } from "../metrics/schema.js";
import type { Utterance } from "../transcript/schema.js";
import type { Queryable } from "./db.js";

export interface StoredMeeting {
  meetingId: string;
  title: string;
  /** When the meeting took place (or, without a known start, when it was stored). */
  at: Date;
  analysis: Analysis;
  coaching: Coaching | null;
  reportId: string | null;
}

interface Row {
  meeting_id: string;
  title: string;
  at: Date;
  metrics: Analysis;
  coaching: Coaching | null;
  report_id: string | null;
}

const SELECT = `select m.id as meeting_id, m.title, coalesce(m.started_at, m.created_at) as at, a.metrics, r.coaching, r.id as report_id
  from analyses a join meetings m on m.id = a.meeting_id left join coaching_reports r on r.meeting_id = m.id`;

function toStored(row: Row): StoredMeeting {
  return {
    meetingId: row.meeting_id,
    title: row.title,
    at: new Date(row.at),
    analysis: row.metrics,
    coaching: row.coaching,
    reportId: row.report_id,
  };
}

/** The manager's last `last` analysed meetings, oldest first. */
export async function managerHistory(db: Queryable, managerId: string, last: number): Promise<StoredMeeting[]> {
  const rows = await db.query<Row>(`${SELECT} where a.manager_id = $1 order by at desc, m.created_at desc limit $2`, [managerId, last]);
  return rows.rows.map(toStored).reverse();
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
  const rows = await db.query<Row & { utterances: Utterance[] | null }>(
    `${SELECT.replace("select m.id", "select t.utterances, m.id")} left join transcripts t on t.meeting_id = m.id
     where a.manager_id = $1 and exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.person_id = $2)
     order by at desc, m.created_at desc limit $3`,
    [managerId, personId, last],
  );
  const names = new Set(personNames);
  return rows.rows
    .map((row) => ({
      ...toStored(row),
      theirUtterances: row.utterances ? row.utterances.filter((u) => u.speaker !== null && names.has(u.speaker)) : null,
    }))
    .reverse();
}
