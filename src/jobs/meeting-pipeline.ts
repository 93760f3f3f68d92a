import type { CoachDeps } from "../coaching/coach.js";
import type { Coaching } from "../coaching/schema.js";
import type { Db } from "../storage/db.js";
import type { JobRow } from "../storage/jobs.js";
import { analysisOf, getMeeting, loadUtterances, saveAnalysis, saveTranscript, type MeetingRow } from "../storage/meetings.js";
import { getPerson } from "../storage/people.js";
import { markDelivered, markDeliveryStarted, reportOfMeeting, saveCoachingReport, type StoredReport } from "../storage/reports.js";
import { parseTranscript } from "../transcript/parse-transcript.js";
import type { Utterance } from "../transcript/schema.js";
import { coachMeasuredMeeting, findManager, measureMeeting } from "../usecases/coach-transcript.js";
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

/** The stored report to send, and its meeting. */
export interface Delivery extends StoredReport {
  meeting: MeetingRow;
}

export interface PipelineDeps {
  db: Db;
  edges: PipelineEdges;
  coach: CoachDeps;
  /** Coaching off the event loop (`attune serve`'s worker thread); without it, coachMeasuredMeeting in-thread. */
  coachMeeting?: (meeting: Parameters<typeof coachMeasuredMeeting>[0]) => Promise<Coaching>;
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
      const analysis = measureMeeting(utterances, await organizerAsSpeaker(db, meeting, utterances));
      await db.transaction(async (tx) => {
        await saveAnalysis(tx, meeting, analysis);
      });
      return { ok: true, value: "coaching" };
    },
    async coaching(_job, meeting) {
      const stored = await analysisOf(db, meeting.id);
      const managerId = stored?.managerId ?? meeting.organizer_id;
      if (!stored || !managerId) return giveUp("no analysis with a known manager to coach");
      const utterances = await loadUtterances(db, meeting.id);
      if (!utterances) return { ok: true, value: "fetching" };
      const name = stored.analysis.manager?.name ?? (await getPerson(db, managerId))?.display_name ?? "the organizer";
      const measured = { utterances, analysis: stored.analysis, manager: name };
      const coaching = deps.coachMeeting ? await deps.coachMeeting(measured) : await coachMeasuredMeeting(measured, deps.coach);
      await saveCoachingReport(db, meeting.id, managerId, coaching);
      return { ok: true, value: "delivering" };
    },
    async delivering(_job, meeting) {
      const report = await reportOfMeeting(db, meeting.id);
      if (!report) return giveUp("no coaching report to deliver");
      if (report.deliveredAt) return { ok: true, value: "delivered" };
      await markDeliveryStarted(db, report.reportId);
      const sent = await edges.deliver({ ...report, meeting });
      if (!sent.ok) return sent;
      if (sent.value === "held") return { ok: true, value: "held" };
      await markDelivered(db, report.reportId);
      return { ok: true, value: "delivered" };
    },
  };
}

/** The organizer's name as the transcript writes it, when the organizer spoke; otherwise no manager. */
async function organizerAsSpeaker(db: Db, meeting: MeetingRow, utterances: readonly Utterance[]): Promise<string | null> {
  const person = meeting.organizer_id ? await getPerson(db, meeting.organizer_id) : null;
  for (const name of person ? [person.display_name, ...person.aliases] : []) {
    const found = findManager(utterances, name);
    if (found.ok) return found.value;
  }
  return null;
}

export async function meetingOf(db: Db, job: JobRow): Promise<MeetingRow | null> {
  return getMeeting(db, job.meeting_id);
}
