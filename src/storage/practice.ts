import type { Queryable } from "./db.js";

/** How long Attune waits for an attempt after "Practise this": past it, a message is a message again. */
export const AWAITING_MINUTES = 30;

export interface AwaitingPractice {
  meetingId: string;
  utteranceId: string;
}

/** Notes that the person's next message is an attempt at this moment (replacing any other). */
export async function awaitAttempt(db: Queryable, personId: string, meetingId: string, utteranceId: string): Promise<void> {
  await db.query(
    `insert into practice_awaiting (person_id, meeting_id, utterance_id) values ($1, $2, $3)
     on conflict (person_id) do update set meeting_id = excluded.meeting_id, utterance_id = excluded.utterance_id, asked_at = now()`,
    [personId, meetingId, utteranceId],
  );
}

/** The moment the person is practising, if they asked within the last AWAITING_MINUTES. */
export async function awaitingAttempt(db: Queryable, personId: string): Promise<AwaitingPractice | null> {
  const row = (
    await db.query<{ meeting_id: string; utterance_id: string }>(
      `select meeting_id, utterance_id from practice_awaiting
       where person_id = $1 and asked_at > now() - make_interval(mins => $2)`,
      [personId, AWAITING_MINUTES],
    )
  ).rows[0];
  return row ? { meetingId: row.meeting_id, utteranceId: row.utterance_id } : null;
}

export async function stopAwaiting(db: Queryable, personId: string): Promise<void> {
  await db.query("delete from practice_awaiting where person_id = $1", [personId]);
}

/** Counts one attempt (whether it said back; never its text). */
export async function saveAttempt(db: Queryable, personId: string, meetingId: string, restates: boolean): Promise<void> {
  await db.query("insert into practice_attempts (person_id, meeting_id, restates) values ($1, $2, $3)", [personId, meetingId, restates]);
}

/** How many attempts the person made, and how many said back. */
export async function practiceCounts(db: Queryable, personId: string): Promise<{ attempts: number; saidBack: number }> {
  const row = (
    await db.query<{ attempts: number | string; said_back: number | string }>(
      `select count(*) as attempts, count(*) filter (where restates) as said_back from practice_attempts where person_id = $1`,
      [personId],
    )
  ).rows[0];
  return { attempts: Number(row?.attempts ?? 0), saidBack: Number(row?.said_back ?? 0) };
}
