import type { Coaching } from "../coaching/schema.js";
import type { Analysis } from "../metrics/schema.js";
import { ANALYSIS, COACHING, readDocument } from "./stored-documents.js";

/**
 * A meeting's date, the one rule every read uses (the trend, prep, the coaching card): when it started,
 * else when it ended, else when Attune stored it. The start is how people name a meeting ("Tuesday's
 * 10:00") and what the CLI (--date or the transcript's own start) and the playground store; a Teams
 * meeting has its scheduled start from the Bot Connector, and when that is missing the end time the
 * meetingEnd event gave is still the right day; a meeting with neither is dated by when it was stored.
 */
export const MEETING_DATE = "coalesce(m.started_at, m.ended_at, m.created_at)";

/** A stored meeting: its analysis, and its coaching report when it has one. */
export interface StoredMeeting {
  meetingId: string;
  title: string;
  /** When the meeting took place, by MEETING_DATE. */
  at: Date;
  analysis: Analysis;
  coaching: Coaching | null;
  reportId: string | null;
}

/** A stored meeting that has a coaching report: what a coaching card is built from. */
export interface StoredReport extends StoredMeeting {
  reportId: string;
  coaching: Coaching;
  /** The manager the report is for. */
  managerId: string;
  deliveredAt: Date | null;
}

/**
 * The one query every read of analyses and coaching reports starts from (a meeting's analysis, left joined
 * to its report), as its select list and its tables, so a read may add a join of its own.
 */
export const RECORD_COLUMNS = `m.id as meeting_id, m.title, ${MEETING_DATE} as at, a.schema_version as analysis_version,
  a.metrics, r.id as report_id, r.manager_id as report_manager_id, r.schema_version as coaching_version, r.coaching, r.delivered_at`;
export const RECORD_TABLES = "analyses a join meetings m on m.id = a.meeting_id left join coaching_reports r on r.meeting_id = m.id";

export interface RecordRow {
  meeting_id: string;
  title: string;
  at: Date;
  analysis_version: number;
  metrics: unknown;
  report_id: string | null;
  report_manager_id: string | null;
  coaching_version: number | null;
  coaching: unknown;
  delivered_at: Date | null;
}

export function toStoredMeeting(row: RecordRow): StoredMeeting {
  return {
    meetingId: row.meeting_id,
    title: row.title,
    at: new Date(row.at),
    analysis: readDocument(ANALYSIS, row.metrics, row.analysis_version, row.meeting_id),
    coaching:
      row.report_id === null ? null : readDocument(COACHING, row.coaching, row.coaching_version ?? COACHING.version, row.meeting_id),
    reportId: row.report_id,
  };
}

/** A row of a read that asked only for meetings with a report (`r.id is not null`). */
export function toStoredReport(row: RecordRow): StoredReport {
  const meeting = toStoredMeeting(row);
  if (meeting.reportId === null || meeting.coaching === null || row.report_manager_id === null)
    throw new Error(`meeting ${row.meeting_id} has no coaching report: the query must join reports only`);
  return {
    ...meeting,
    reportId: meeting.reportId,
    coaching: meeting.coaching,
    managerId: row.report_manager_id,
    deliveredAt: row.delivered_at,
  };
}
