import { meetingCoachingCard } from "../cards/coaching-card.js";
import { listeningTrendCard, noListeningTrendCard } from "../cards/listening-trend-card.js";
import { noteCard } from "../cards/bot-cards.js";
import { practiceAskCard, practiceFeedbackCard } from "../cards/practice-card.js";
import { prepCard, prepNoteCard } from "../cards/prep-card.js";
import { stopAwaiting } from "../storage/practice.js";
import { answerPractice, startPractice } from "../usecases/practise-from-card.js";
import type { Logger } from "../log.js";
import { claimNotice } from "../storage/conversations.js";
import type { Db } from "../storage/db.js";
import { forgetPerson } from "../storage/forget.js";
import { enqueueJob, releaseHeldJobs } from "../storage/jobs.js";
import { upsertMeeting } from "../storage/meetings.js";
import { ensureTenant, getPerson, personForAad, setConversationRef, setPreferences } from "../storage/people.js";
import { setPrepAtStart } from "../storage/prep-at-start.js";
import { latestReport, managerReport, saveFeedback } from "../storage/reports.js";
import type { PrepDeps } from "../prep/llm-prep.js";
import { prepareOneOnOne } from "../usecases/prepare-one-on-one.js";
import { showListeningTrend } from "../usecases/show-listening-trend.js";
import type { BotServices } from "./services.js";
import type { TeamsPayload } from "./teams-payload.js";
import { countOf } from "../format/count.js";

export interface TeamsServiceDeps {
  db: Db;
  log: Logger;
  retentionDays: number;
  fallbackTenant: string;
  /** Wakes the job worker so a queued meeting starts at once. */
  kick: () => void;
  /** The coach one-on-one prep and practice feedback use (heuristic or prompt set). */
  coach: PrepDeps;
}

/** The bot's services on Attune's storage. Every read is scoped to the person asking. */
export function teamsServices(deps: TeamsServiceDeps): BotServices {
  const { db } = deps;
  return {
    retentionDays: deps.retentionDays,
    fallbackTenant: deps.fallbackTenant,
    async personFor(tenantId, aadObjectId, name) {
      const id = await db.transaction(async (tx) => {
        await ensureTenant(tx, tenantId);
        return personForAad(tx, tenantId, aadObjectId, name);
      });
      const person = await getPerson(db, id);
      return { id, hadConversation: Boolean(person?.conversation_ref) };
    },
    rememberConversation: (personId, reference) => setConversationRef(db, personId, reference),
    firstSightOfGroup: (tenantId, conversationId, kind) => claimNotice(db, tenantId, conversationId, kind),
    async meetingEnded(tenantId, event, context) {
      await db.transaction(async (tx) => {
        await ensureTenant(tx, tenantId);
        // Teams sends meetingEnd from the organizer: their id stands in until the meeting info confirms it.
        const organizerId = context.fromAadId ? await personForAad(tx, tenantId, context.fromAadId, context.fromName) : null;
        const { meeting } = await upsertMeeting(tx, {
          tenantId,
          source: "teams",
          externalId: event.meetingId,
          title: event.title ?? "Teams meeting",
          organizerId,
          meetingType: event.meetingType,
          endedAt: event.at,
        });
        const payload: TeamsPayload = {
          organizerAadId: context.fromAadId,
          graphId: null,
          receivedAt: new Date().toISOString(),
          serviceUrl: context.serviceUrl,
          conversationId: context.conversationId,
          meetingId: event.meetingId,
          joinUrl: event.joinUrl,
          reference: context.reference,
          info: "pending",
        };
        await enqueueJob(tx, meeting.id, payload, 1000);
      });
      deps.kick();
    },
    async releaseHeld(personId) {
      const person = await getPerson(db, personId);
      if (!person || person.paused || person.opted_out) return 0;
      const released = await releaseHeldJobs(db, personId);
      if (released > 0) deps.kick();
      return released;
    },
    async latestCard(personId) {
      const report = await latestReport(db, personId);
      return report ? meetingCoachingCard(report) : null;
    },
    async reportCard(personId, meetingId, options) {
      if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return null;
      const report = await managerReport(db, personId, meetingId);
      return report ? meetingCoachingCard(report, options) : null;
    },
    async trendCard(personId) {
      const shown = await showListeningTrend(db, { personId });
      return shown.ok ? listeningTrendCard(shown.value) : noListeningTrendCard(shown.error.message);
    },
    async prepCard(personId, who) {
      const prepared = await prepareOneOnOne(db, deps.coach, { manager: { personId }, with: who });
      return prepared.ok ? prepCard(prepared.value, { refresh: true }) : prepNoteCard(prepared.error.message);
    },
    async saveFeedback(personId, meetingId, helpful, utteranceId) {
      if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return false;
      return saveFeedback(db, personId, meetingId, helpful, utteranceId);
    },
    async practiseStart(personId, meetingId, utteranceId) {
      const started = await startPractice(db, personId, meetingId, utteranceId);
      return started.ok ? practiceAskCard(started.value) : noteCard("Practise", started.error.message);
    },
    async practiseAnswer(personId, text) {
      const answered = await answerPractice(db, deps.coach, personId, text);
      if (answered === null) return null;
      return answered.ok ? practiceFeedbackCard(answered.value.feedback) : noteCard("Practise", answered.error.message);
    },
    practiseStop: (personId) => stopAwaiting(db, personId),
    setPaused: (personId, paused) => setPreferences(db, personId, { paused }),
    setPrepAtStart: (personId, enabled) => setPrepAtStart(db, personId, enabled),
    async forget(personId) {
      const person = await getPerson(db, personId);
      if (!person) return "I hold nothing about you.";
      const r = await forgetPerson(db, person);
      deps.log.info({ utterances: r.utterancesRemoved, reports: r.reportsDeleted }, "person forgotten on request");
      return `I deleted what I held about you: ${countOf(r.utterancesRemoved, "thing")} you said in ${countOf(r.transcriptsChanged, "transcript")}, your figures in ${countOf(r.analysesChanged, "analysis", "analyses")}, ${r.reportsDeleted} of your coaching reports and ${countOf(r.feedbackDeleted, "feedback entry", "feedback entries")}; your name became “[someone]” ${countOf(r.mentionsReplaced, "time")} in what others said and in ${countOf(r.titlesChanged, "meeting title")}. To use Attune again, just send me a message.`;
    },
  };
}
