import { meetingCoachingCard } from "../cards/coaching-card.js";
import { noteCard } from "../cards/bot-cards.js";
import type { GraphTranscripts } from "../graph/transcripts.js";
import type { PipelineEdges } from "../jobs/meeting-pipeline.js";
import { giveUp, retryLater } from "../jobs/step-result.js";
import type { Logger } from "../log.js";
import type { Db } from "../storage/db.js";
import { postedCard, recordPostedCard } from "../storage/deliveries.js";
import { getMeeting } from "../storage/meetings.js";
import { getPerson, setConversationRef } from "../storage/people.js";
import { resolveMeeting } from "./meeting-details.js";
import type { BotAdapter } from "./adapter.js";
import { connectorProblem, describeProblem, statusOf } from "./retry-send.js";
import { teamsPayloadSchema } from "./teams-payload.js";

export interface TeamsEdgeDeps {
  db: Db;
  graph: GraphTranscripts;
  adapter: BotAdapter;
  log: Logger;
  /** How long after the meeting ended to keep looking for a transcript. */
  transcriptWaitMs: number;
  /** Delay between looks while the transcript is not there yet (and the first retry of a failed meeting info). */
  pollMs: number;
  /** How long after the meeting's end to keep asking for its meeting info while that fails for a while. */
  infoWaitMs: number;
}

/** Where a Teams meeting's transcript comes from (Graph) and how its report reaches the organizer (1:1 chat). */
export function teamsEdges(deps: TeamsEdgeDeps): PipelineEdges {
  const { db, graph, adapter, log } = deps;

  async function tellOrganizer(managerId: string | null, title: string, text: string): Promise<void> {
    const person = managerId ? await getPerson(db, managerId) : null;
    if (!person?.conversation_ref) {
      log.warn({ note: title }, "a note for the organizer could not be sent: they have no personal chat with Attune");
      return;
    }
    await adapter
      .proactive(person.conversation_ref, async (turn) => {
        await turn.send({ card: noteCard(title, text) });
      })
      .catch((error: unknown) => {
        log.warn({ status: statusOf(error) }, "could not send a note to the organizer");
      });
  }

  return {
    async fetchTranscript(meeting, job) {
      const parsed = teamsPayloadSchema.safeParse(job.payload);
      if (!parsed.success) return giveUp(`the job's payload is not a Teams meeting's (${parsed.error.issues[0]?.path.join(".")})`);
      const resolved = await resolveMeeting(
        { db, adapter, graph, log, infoWaitMs: deps.infoWaitMs, retryMs: deps.pollMs },
        meeting,
        job,
        parsed.data,
      );
      if (!resolved.ok) return resolved;
      const { organizerAadId, graphId, problem } = resolved.value;
      // The meeting info may have named the organizer just now.
      const organizer = async () => (await getMeeting(db, meeting.id))?.organizer_id ?? meeting.organizer_id;
      if (!organizerAadId || !graphId) {
        if (problem) {
          await tellOrganizer(
            await organizer(),
            "No coaching for your meeting",
            `I could not look for the transcript of “${meeting.title}”: Teams did not give me the meeting's details (${problem}), and I found no other way to the meeting. There is no coaching this time.`,
          );
          return giveUp(`the meeting's Graph id is unknown: ${problem}`);
        }
        return giveUp("the meeting's organizer or Graph id is unknown");
      }
      const got = await graph.latest(organizerAadId, graphId);
      if (!got.ok) return got.error.retry ? retryLater(got.error.message) : giveUp(got.error.message);
      if (got.value) return { ok: true, value: { raw: got.value.text, speakersKnown: got.value.attributed } };
      const since = Date.parse(parsed.data.receivedAt ?? "") || meeting.created_at.getTime();
      if (Date.now() - since > deps.transcriptWaitMs) {
        await tellOrganizer(
          await organizer(),
          "No transcript for your meeting",
          `“${meeting.title}” ended without a transcript I could read, so there is no coaching this time. Turn on transcription next time to get your card.`,
        );
        return giveUp(`no transcript was recorded within ${Math.round(deps.transcriptWaitMs / 60_000)} minutes of the meeting's end`);
      }
      return retryLater("the transcript is not ready yet", deps.pollMs);
    },

    async deliver(report) {
      const person = await getPerson(db, report.managerId);
      if (!person) return giveUp("the organizer is no longer known");
      if (!person.conversation_ref || person.paused || person.opted_out) return { ok: true, value: "held" };
      const message = { card: meetingCoachingCard(report), summary: `Your listening coaching for ${report.title}` };
      const conversationId = conversationOf(person.conversation_ref);
      // Posted before (the process died before the job moved on): replace that card rather than post another.
      const posted = await postedCard(db, report.reportId);
      if (posted && posted.conversationId === conversationId) {
        try {
          await adapter.proactive(person.conversation_ref, (turn) => turn.update(posted.activityId, message));
          return { ok: true, value: "sent" };
        } catch (error) {
          // Gone (deleted in the chat): post it anew below. Anything else: try the update again later.
          if (statusOf(error) !== 404) return retryLater(describeProblem("updating the posted card", error));
        }
      }
      try {
        await adapter.proactive(person.conversation_ref, async (turn) => {
          const activityId = await turn.send(message);
          // Recorded the moment the Bot Connector answers: the only window left for a second card is the
          // post's own round trip (the Bot Connector takes no idempotency key; see docs/architecture.md).
          if (activityId && conversationId) await recordPostedCard(db, report.reportId, { activityId, conversationId });
        });
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404) {
          // Attune was removed or blocked: forget the conversation and keep the report for a reinstall.
          await setConversationRef(db, person.id, null);
          return { ok: true, value: "held" };
        }
        return retryLater(`could not send the card (${status ?? connectorProblem(error).error}) for report ${report.reportId}`);
      }
      return { ok: true, value: "sent" };
    },
  };
}

/** The conversation id of a stored conversation reference. */
function conversationOf(reference: Record<string, unknown>): string | null {
  const id = (reference.conversation as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : null;
}
