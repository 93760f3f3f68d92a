import { coachMeeting, type CoachDeps } from "../coaching/coach.js";
import type { Coaching } from "../coaching/schema.js";
import { analyze } from "../metrics/analyze.js";
import { resolveSpeaker } from "../metrics/resolve-speaker.js";
import type { Analysis } from "../metrics/schema.js";
import type { Db } from "../storage/db.js";
import type { JobRow } from "../storage/jobs.js";
import { getMeeting, loadUtterances, saveAnalysis, saveCoachingReport, saveTranscript, type MeetingRow } from "../storage/meetings.js";
import { getPerson } from "../storage/people.js";
import { parseTranscript } from "../transcript/parse-transcript.js";
import { giveUp, type StepResult } from "./step-result.js";

/** The outside world a meeting job needs: where transcripts come from and how a report reaches the manager. */
export interface PipelineEdges {
  /** The transcript text (VTT or JSON), or why not yet / never. */
  fetchTranscript(meeting: MeetingRow, job: JobRow): Promise<StepResult<{ raw: string; speakersKnown?: boolean }>>;
  /**
   * Sends the report to the manager; `reportId` is stable across retries, for the receiver to de-duplicate.
   * "held": the manager cannot be reached yet (no personal install); the report waits for them.
   */
  deliver(delivery: Delivery): Promise<StepResult<"sent" | "held">>;
}

export interface Delivery {
  reportId: string;
  meeting: MeetingRow;
  managerId: string;
  analysis: Analysis;
  coaching: Coaching;
}

export interface PipelineDeps {
  db: Db;
  edges: PipelineEdges;
  coach: CoachDeps;
  retentionDays: number;
}

export type Step = (job: JobRow, meeting: MeetingRow) => Promise<StepResult<JobRow["state"]>>;

/** The steps of a meeting job by the state they start from; each returns the next state. */
export function meetingSteps(deps: PipelineDeps): Partial<Record<JobRow["state"], Step>> {
  const { db, edges } = deps;
  return {
    async fetching(job, meeting) {
      if (await loadUtterances(db, meeting.id)) return { ok: true, value: "analyzing" };
      const fetched = await edges.fetchTranscript(meeting, job);
      if (!fetched.ok) return fetched;
      const parsed = parseTranscript(fetched.value.raw);
      if (!parsed.ok) return giveUp(`the transcript could not be read: ${parsed.error.message}`);
      const t = parsed.value;
      await saveTranscript(db, meeting.id, {
        format: t.format,
        raw: fetched.value.raw,
        utterances: t.utterances,
        speakersKnown: t.utterances.every((u) => u.speaker !== null),
        retentionDays: deps.retentionDays,
      });
      return { ok: true, value: "analyzing" };
    },
    async analyzing(_job, meeting) {
      const utterances = await loadUtterances(db, meeting.id);
      // Purged (retention) or forgotten since it was fetched: fetch it again rather than coach an empty meeting.
      if (!utterances) return { ok: true, value: "fetching" };
      const manager = await managerName(
        db,
        meeting,
        utterances.flatMap((u) => (u.speaker ? [u.speaker] : [])),
      );
      const analysis = analyze({ utterances, manager });
      await db.transaction(async (tx) => {
        await saveAnalysis(tx, meeting, analysis);
      });
      return { ok: true, value: "coaching" };
    },
    async coaching(_job, meeting) {
      const row = (
        await db.query<{ metrics: Analysis; manager_id: string | null }>("select metrics, manager_id from analyses where meeting_id = $1", [
          meeting.id,
        ])
      ).rows[0];
      const managerId = row?.manager_id ?? meeting.organizer_id;
      if (!row || !managerId) return giveUp("no analysis with a known manager to coach");
      const utterances = await loadUtterances(db, meeting.id);
      if (!utterances) return { ok: true, value: "fetching" };
      const name = row.metrics.manager?.name ?? (await getPerson(db, managerId))?.display_name ?? "the organizer";
      const coaching = await coachMeeting({ utterances, analysis: row.metrics, manager: name }, deps.coach);
      await saveCoachingReport(db, meeting.id, managerId, coaching);
      return { ok: true, value: "delivering" };
    },
    async delivering(_job, meeting) {
      const report = (
        await db.query<{ id: string; manager_id: string; coaching: Coaching; delivered_at: Date | null; metrics: Analysis }>(
          "select r.id, r.manager_id, r.coaching, r.delivered_at, a.metrics from coaching_reports r join analyses a on a.meeting_id = r.meeting_id where r.meeting_id = $1",
          [meeting.id],
        )
      ).rows[0];
      if (!report) return giveUp("no coaching report to deliver");
      if (report.delivered_at) return { ok: true, value: "delivered" };
      await db.query("update coaching_reports set delivery_started_at = coalesce(delivery_started_at, now()) where id = $1", [report.id]);
      const sent = await edges.deliver({
        reportId: report.id,
        meeting,
        managerId: report.manager_id,
        analysis: report.metrics,
        coaching: report.coaching,
      });
      if (!sent.ok) return sent;
      if (sent.value === "held") return { ok: true, value: "held" };
      await db.query("update coaching_reports set delivered_at = now() where id = $1 and delivered_at is null", [report.id]);
      return { ok: true, value: "delivered" };
    },
  };
}

/** The organizer's name as the transcript writes it, when the organizer spoke; otherwise no manager. */
async function managerName(db: Db, meeting: MeetingRow, speakers: string[]): Promise<string | null> {
  if (!meeting.organizer_id) return null;
  const person = await getPerson(db, meeting.organizer_id);
  if (!person) return null;
  const names = [...new Set(speakers)];
  for (const candidate of [person.display_name, ...person.aliases]) {
    const match = resolveSpeaker(names, candidate);
    if (match.ok) return match.name;
  }
  return null;
}

export async function meetingOf(db: Db, job: JobRow): Promise<MeetingRow | null> {
  return getMeeting(db, job.meeting_id);
}
