import type { GraphTranscripts } from "../graph/transcripts.js";
import { backoffMs } from "../jobs/backoff.js";
import { retryLater, type StepResult } from "../jobs/step-result.js";
import type { Logger } from "../log.js";
import type { Db } from "../storage/db.js";
import { mergeJobPayload, type JobRow } from "../storage/jobs.js";
import { updateMeetingDetails, type MeetingRow } from "../storage/meetings.js";
import { personForAad } from "../storage/people.js";
import type { BotAdapter } from "./adapter.js";
import { connectorProblem, describeProblem, statusOf } from "./retry-send.js";
import type { TeamsPayload } from "./teams-payload.js";
import type { MeetingInfo } from "./turn.js";

export interface MeetingDetailsDeps {
  db: Db;
  adapter: BotAdapter;
  graph: GraphTranscripts;
  log: Logger;
  /** How long after the meeting's end to keep asking the Bot Connector for meeting info when it fails for a while. */
  infoWaitMs: number;
  /** The first retry's delay; later ones back off from it. */
  retryMs: number;
}

/** Whose meeting to ask Graph about, and, when Teams did not say, why not. */
export interface ResolvedMeeting {
  organizerAadId: string | null;
  graphId: string | null;
  /** Why the meeting info is missing (an operation and its status), for the organizer's note; null when it came. */
  problem: string | null;
}

const MEETING_INFO = "the Bot Connector's meeting info (GET /v1/meetings/{id})";

/**
 * The meeting's organizer and Graph id, learned inside the job: the Bot Connector's meeting info, asked again
 * with backoff while it fails in a way that may pass (no answer, 429, 5xx); if it stays unavailable, what the
 * meetingEnd event carried (who sent it, the join URL, which Graph can look the meeting up by). What it learns
 * is written to the meeting and the job's payload, so a retry or a restart does not ask again.
 */
export async function resolveMeeting(
  deps: MeetingDetailsDeps,
  meeting: MeetingRow,
  job: JobRow,
  payload: TeamsPayload,
): Promise<StepResult<ResolvedMeeting>> {
  let resolved: ResolvedMeeting = {
    organizerAadId: payload.organizerAadId ?? null,
    graphId: payload.graphId ?? meeting.graph_id ?? null,
    problem: payload.infoProblem ?? null,
  };
  if (payload.info === "pending") {
    const asked = await askMeetingInfo(deps, payload);
    if (asked.ok) resolved = await recordInfo(deps, meeting, job, asked.info, resolved);
    else {
      const since = Date.parse(payload.receivedAt ?? "") || meeting.created_at.getTime();
      if (asked.transient && Date.now() - since < deps.infoWaitMs)
        return retryLater(asked.problem, backoffMs(job.attempts, deps.retryMs, 10 * 60_000));
      deps.log.warn(
        { ...asked.logged, operation: "meeting info" },
        "meeting info unavailable; the meeting is kept with what its end event carried",
      );
      await mergeJobPayload(deps.db, job.id, { info: "unavailable", infoProblem: asked.problem });
      resolved = { ...resolved, problem: asked.problem };
    }
  }
  if (!resolved.graphId && resolved.organizerAadId && payload.joinUrl) {
    const found = await deps.graph.meetingIdByJoinUrl(resolved.organizerAadId, payload.joinUrl);
    if (!found.ok && found.error.retry) return retryLater(found.error.message);
    if (!found.ok)
      deps.log.warn({ code: found.error.code, operation: "Graph meeting lookup by join URL" }, "meeting not found by join URL");
    if (found.ok && found.value) {
      await mergeJobPayload(deps.db, job.id, { graphId: found.value });
      await updateMeetingDetails(deps.db, meeting.id, { ...NOTHING, graphId: found.value });
      resolved = { ...resolved, graphId: found.value };
    }
  }
  return { ok: true, value: resolved };
}

const NOTHING = { title: null, graphId: null, organizerId: null, meetingType: null, startedAt: null, endedAt: null };

type Asked =
  | { ok: true; info: MeetingInfo }
  | { ok: false; transient: boolean; problem: string; logged: ReturnType<typeof connectorProblem> };

async function askMeetingInfo(deps: MeetingDetailsDeps, payload: TeamsPayload): Promise<Asked> {
  const { reference, meetingId } = payload;
  if (!reference || !meetingId) {
    const problem = "the meeting's end event carried no conversation to ask Teams through";
    return { ok: false, transient: false, problem, logged: { status: null, error: "no reference" } };
  }
  let info: MeetingInfo | null = null;
  try {
    await deps.adapter.proactive(reference, async (turn) => {
      info = await turn.meetingInfo(meetingId);
    });
  } catch (error) {
    const status = statusOf(error);
    // No answer at all (the service or its token endpoint down), throttling, or a server error may pass.
    const transient = status === null || status === 408 || status === 412 || status === 429 || status >= 500;
    return { ok: false, transient, problem: describeProblem(MEETING_INFO, error), logged: connectorProblem(error) };
  }
  if (!info) return { ok: false, transient: true, problem: `${MEETING_INFO} gave nothing`, logged: { status: null, error: "empty" } };
  return { ok: true, info };
}

async function recordInfo(
  deps: MeetingDetailsDeps,
  meeting: MeetingRow,
  job: JobRow,
  info: MeetingInfo,
  known: ResolvedMeeting,
): Promise<ResolvedMeeting> {
  const organizerAadId = info.organizerAadId ?? known.organizerAadId;
  const organizerId = info.organizerAadId
    ? await deps.db.transaction((tx) => personForAad(tx, meeting.tenant_id, info.organizerAadId!, info.organizerName))
    : null;
  await updateMeetingDetails(deps.db, meeting.id, {
    title: info.title,
    graphId: info.graphId,
    organizerId,
    meetingType: info.type,
    startedAt: info.startedAt,
    endedAt: info.endedAt,
  });
  const graphId = info.graphId ?? known.graphId;
  await mergeJobPayload(deps.db, job.id, { info: "fetched", organizerAadId, graphId });
  return { organizerAadId, graphId, problem: null };
}
