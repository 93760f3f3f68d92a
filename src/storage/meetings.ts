import type { Coaching } from "../coaching/schema.js";
import type { Analysis } from "../metrics/schema.js";
import { UTTERANCE_SCHEMA_VERSION, type Utterance } from "../transcript/schema.js";
import type { Db, Queryable } from "./db.js";
import { ensureTenant, personForName } from "./people.js";
import { saveCoachingReport } from "./reports.js";
import { ANALYSIS, readDocument, UTTERANCES } from "./stored-documents.js";

export interface MeetingInput {
  tenantId: string;
  source: "cli" | "teams" | "playground";
  /** Unique per source: the bot's meeting id, or a digest of a CLI transcript. */
  externalId: string;
  /** Other sources whose meeting with the same external id is this one (a transcript saved from the CLI and the playground). */
  sameAs?: readonly MeetingInput["source"][];
  title: string;
  graphId?: string | null;
  organizerId?: string | null;
  meetingType?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
}

export interface MeetingRow {
  id: string;
  tenant_id: string;
  source: string;
  external_id: string;
  graph_id: string | null;
  title: string;
  organizer_id: string | null;
  meeting_type: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  created_at: Date;
}

/**
 * Creates the meeting once; the same (tenant, source, external id) again, or the same external id under one
 * of `sameAs`, returns the stored one.
 */
export async function upsertMeeting(tx: Queryable, input: MeetingInput): Promise<{ meeting: MeetingRow; created: boolean }> {
  await ensureTenant(tx, input.tenantId);
  if (input.sameAs?.length) {
    const same = await tx.query<MeetingRow>(
      "select * from meetings where tenant_id = $1 and external_id = $2 and source = any($3::text[]) order by created_at limit 1",
      [input.tenantId, input.externalId, [input.source, ...input.sameAs]],
    );
    if (same.rows[0]) return { meeting: same.rows[0], created: false };
  }
  const inserted = await tx.query<MeetingRow>(
    `insert into meetings (tenant_id, source, external_id, graph_id, title, organizer_id, meeting_type, started_at, ended_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (tenant_id, source, external_id) do nothing returning *`,
    [
      input.tenantId,
      input.source,
      input.externalId,
      input.graphId ?? null,
      input.title,
      input.organizerId ?? null,
      input.meetingType ?? null,
      input.startedAt ?? null,
      input.endedAt ?? null,
    ],
  );
  if (inserted.rows[0]) return { meeting: inserted.rows[0], created: true };
  const existing = await tx.query<MeetingRow>("select * from meetings where tenant_id = $1 and source = $2 and external_id = $3", [
    input.tenantId,
    input.source,
    input.externalId,
  ]);
  return { meeting: existing.rows[0]!, created: false };
}

/** What Teams' meeting info adds to a meeting stored from its end event; a null leaves the stored value. */
export interface MeetingDetails {
  title: string | null;
  graphId: string | null;
  organizerId: string | null;
  meetingType: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** Fills in a stored meeting from its meeting info; the end the event reported is kept over the scheduled one. */
export async function updateMeetingDetails(db: Queryable, meetingId: string, d: MeetingDetails): Promise<MeetingRow | null> {
  const rows = await db.query<MeetingRow>(
    `update meetings set title = coalesce($2, title), graph_id = coalesce($3, graph_id), organizer_id = coalesce($4, organizer_id),
       meeting_type = coalesce(meeting_type, $5), started_at = coalesce($6, started_at), ended_at = coalesce(ended_at, $7)
     where id = $1 returning *`,
    [meetingId, d.title, d.graphId, d.organizerId, d.meetingType, d.startedAt, d.endedAt],
  );
  return rows.rows[0] ?? null;
}

export async function getMeeting(db: Queryable, id: string): Promise<MeetingRow | null> {
  return (await db.query<MeetingRow>("select * from meetings where id = $1", [id])).rows[0] ?? null;
}

export interface TranscriptInput {
  format: string;
  raw: string;
  utterances: readonly Utterance[];
  speakersKnown: boolean;
  retentionDays: number;
}

export async function saveTranscript(tx: Queryable, meetingId: string, t: TranscriptInput): Promise<void> {
  await tx.query(
    `insert into transcripts (meeting_id, format, raw, utterances, speakers_known, expires_at, schema_version)
     values ($1, $2, $3, $4, $5, now() + make_interval(days => $6), $7)
     on conflict (meeting_id) do update set format = excluded.format, raw = excluded.raw, utterances = excluded.utterances,
       speakers_known = excluded.speakers_known, expires_at = excluded.expires_at, schema_version = excluded.schema_version`,
    [meetingId, t.format, t.raw, JSON.stringify(t.utterances), t.speakersKnown, t.retentionDays, UTTERANCE_SCHEMA_VERSION],
  );
}

/** The meeting's stored utterances; null when it has no transcript (not fetched yet, purged, or forgotten). */
export async function loadUtterances(db: Queryable, meetingId: string): Promise<Utterance[] | null> {
  const row = (
    await db.query<{ utterances: unknown; schema_version: number }>(
      "select utterances, schema_version from transcripts where meeting_id = $1",
      [meetingId],
    )
  ).rows[0];
  return row ? readDocument(UTTERANCES, row.utterances, row.schema_version, meetingId) : null;
}

/** Stores the analysis and everyone who spoke (as people and participants), manager included. */
export async function saveAnalysis(
  tx: Queryable,
  meeting: MeetingRow,
  analysis: Analysis,
): Promise<{ managerId: string | null; people: Map<string, string> }> {
  const people = new Map<string, string>();
  for (const s of analysis.speakers) {
    const id = await personForName(tx, meeting.tenant_id, s.name);
    people.set(s.name, id);
    await tx.query(
      `insert into meeting_participants (meeting_id, person_id, role, talk_ms, share) values ($1, $2, $3, $4, $5)
       on conflict (meeting_id, person_id) do update set role = excluded.role, talk_ms = excluded.talk_ms, share = excluded.share`,
      [meeting.id, id, analysis.manager?.name === s.name ? "manager" : "attendee", s.talkMs, s.share],
    );
  }
  const managerId = analysis.manager ? (people.get(analysis.manager.name) ?? null) : null;
  await tx.query(
    `insert into analyses (meeting_id, schema_version, manager_id, metrics) values ($1, $2, $3, $4)
     on conflict (meeting_id) do update set schema_version = excluded.schema_version, manager_id = excluded.manager_id, metrics = excluded.metrics, created_at = now()`,
    [meeting.id, analysis.schemaVersion, managerId, JSON.stringify(analysis)],
  );
  return { managerId, people };
}

/** The meeting's stored analysis and the person it measured (null: no manager, or forgotten); null when not analysed yet. */
export async function analysisOf(db: Queryable, meetingId: string): Promise<{ analysis: Analysis; managerId: string | null } | null> {
  const row = (
    await db.query<{ metrics: unknown; schema_version: number; manager_id: string | null }>(
      "select metrics, schema_version, manager_id from analyses where meeting_id = $1",
      [meetingId],
    )
  ).rows[0];
  return row ? { analysis: readDocument(ANALYSIS, row.metrics, row.schema_version, meetingId), managerId: row.manager_id } : null;
}

export interface SaveAnalyzedMeeting {
  meeting: MeetingInput;
  transcript: TranscriptInput;
  analysis: Analysis;
  coaching: Coaching | null;
}

/** Everything `attune analyze --save` stores, in one transaction. Saving the same transcript twice is a no-op. */
export async function saveAnalyzedMeeting(
  db: Db,
  input: SaveAnalyzedMeeting,
): Promise<{ meetingId: string; created: boolean; reportId: string | null }> {
  return db.transaction(async (tx) => {
    const { meeting, created } = await upsertMeeting(tx, input.meeting);
    if (!created) {
      const report = await tx.query<{ id: string }>("select id from coaching_reports where meeting_id = $1", [meeting.id]);
      return { meetingId: meeting.id, created, reportId: report.rows[0]?.id ?? null };
    }
    await saveTranscript(tx, meeting.id, input.transcript);
    const { managerId } = await saveAnalysis(tx, meeting, input.analysis);
    if (managerId) await tx.query("update meetings set organizer_id = coalesce(organizer_id, $2) where id = $1", [meeting.id, managerId]);
    const reportId = input.coaching && managerId ? await saveCoachingReport(tx, meeting.id, managerId, input.coaching) : null;
    return { meetingId: meeting.id, created, reportId };
  });
}
