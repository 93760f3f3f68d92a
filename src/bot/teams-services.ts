import { coachingCard } from "../cards/coaching-card.js";
import type { Coaching } from "../coaching/schema.js";
import type { Analysis } from "../metrics/schema.js";
import type { Logger } from "../log.js";
import { claimNotice } from "../storage/conversations.js";
import type { Db } from "../storage/db.js";
import { forgetPerson } from "../storage/forget.js";
import { enqueueJob, heldJobsFor, markHeldDelivered } from "../storage/jobs.js";
import { upsertMeeting } from "../storage/meetings.js";
import { getPerson, personForAad, setConversationRef, setPreferences } from "../storage/people.js";
import type { BotServices } from "./services.js";

export interface TeamsServiceDeps {
  db: Db;
  log: Logger;
  retentionDays: number;
  fallbackTenant: string;
  /** Wakes the job worker so a queued meeting starts at once. */
  kick: () => void;
  trendCard: (db: Db, personId: string) => Promise<unknown>;
  prepCard: (db: Db, personId: string, who: string) => Promise<unknown>;
}

interface ReportRow {
  meeting_id: string;
  title: string;
  at: Date;
  metrics: Analysis;
  coaching: Coaching;
  job_id: string | null;
}

const REPORT = `select r.meeting_id, m.title, coalesce(m.ended_at, m.started_at, m.created_at) as at, a.metrics, r.coaching, j.id as job_id
  from coaching_reports r join meetings m on m.id = r.meeting_id join analyses a on a.meeting_id = r.meeting_id
  left join jobs j on j.meeting_id = r.meeting_id`;

/** The bot's services on Attune's storage. Every read is scoped to the person asking. */
export function teamsServices(deps: TeamsServiceDeps): BotServices {
  const { db } = deps;
  const cardOf = (row: ReportRow, showAll = false, note?: string) => {
    const card = coachingCard({
      title: row.title,
      date: new Date(row.at).toISOString(),
      analysis: row.metrics,
      coaching: row.coaching,
      meetingId: row.meeting_id,
      showAll,
    });
    return note ? { ...card, body: [{ type: "TextBlock", text: note, color: "Good", wrap: true }, ...card.body] } : card;
  };
  return {
    retentionDays: deps.retentionDays,
    fallbackTenant: deps.fallbackTenant,
    async personFor(tenantId, aadObjectId, name) {
      const id = await db.transaction(async (tx) => {
        await tx.query("insert into tenants (id) values ($1) on conflict (id) do nothing", [tenantId]);
        return personForAad(tx, tenantId, aadObjectId, name);
      });
      const person = await getPerson(db, id);
      return { id, hadConversation: Boolean(person?.conversation_ref) };
    },
    rememberConversation: (personId, reference) => setConversationRef(db, personId, reference),
    firstSightOfGroup: (tenantId, conversationId, kind) => claimNotice(db, tenantId, conversationId, kind),
    async meetingEnded(tenantId, event, info, context) {
      await db.transaction(async (tx) => {
        await tx.query("insert into tenants (id) values ($1) on conflict (id) do nothing", [tenantId]);
        const organizerId = info.organizerAadId ? await personForAad(tx, tenantId, info.organizerAadId, info.organizerName) : null;
        const { meeting } = await upsertMeeting(tx, {
          tenantId,
          source: "teams",
          externalId: event.meetingId,
          title: info.title ?? event.title ?? "Teams meeting",
          graphId: info.graphId,
          organizerId,
          meetingType: event.meetingType ?? info.type,
          startedAt: info.startedAt,
          endedAt: event.at ?? info.endedAt,
        });
        await enqueueJob(
          tx,
          meeting.id,
          {
            organizerAadId: info.organizerAadId,
            graphId: info.graphId,
            receivedAt: new Date().toISOString(),
            serviceUrl: context.serviceUrl,
            conversationId: context.conversationId,
          },
          1000,
        );
      });
      deps.kick();
    },
    async deliverHeld(personId, turn) {
      const person = await getPerson(db, personId);
      if (!person || person.paused || person.opted_out) return 0;
      let sent = 0;
      for (const job of await heldJobsFor(db, personId)) {
        const row = (await db.query<ReportRow>(`${REPORT} where r.meeting_id = $1`, [job.meeting_id])).rows[0];
        if (!row) continue;
        await turn.send({ card: cardOf(row), summary: `Your listening coaching for ${row.title}` });
        await db.query("update coaching_reports set delivered_at = now() where meeting_id = $1 and delivered_at is null", [job.meeting_id]);
        await markHeldDelivered(db, job.id);
        sent++;
      }
      return sent;
    },
    async latestCard(personId) {
      const row = (await db.query<ReportRow>(`${REPORT} where r.manager_id = $1 order by at desc limit 1`, [personId])).rows[0];
      return row ? cardOf(row) : null;
    },
    async reportCard(personId, meetingId, options) {
      if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return null;
      const row = (await db.query<ReportRow>(`${REPORT} where r.meeting_id = $1 and r.manager_id = $2`, [meetingId, personId])).rows[0];
      return row ? cardOf(row, options.showAll, options.note) : null;
    },
    trendCard: (personId) => deps.trendCard(db, personId),
    prepCard: (personId, who) => deps.prepCard(db, personId, who),
    async saveFeedback(personId, meetingId, helpful, utteranceId) {
      if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return false;
      const rows = await db.query(
        `insert into feedback (report_id, person_id, moment_utterance_id, helpful)
         select r.id, $2, $3, $4 from coaching_reports r where r.meeting_id = $1 and r.manager_id = $2 returning id`,
        [meetingId, personId, utteranceId, helpful],
      );
      return rows.rows.length === 1;
    },
    setPaused: (personId, paused) => setPreferences(db, personId, { paused }),
    async forget(personId) {
      const person = await getPerson(db, personId);
      if (!person) return "I hold nothing about you.";
      const r = await forgetPerson(db, person);
      deps.log.info({ utterances: r.utterancesRemoved, reports: r.reportsDeleted }, "person forgotten on request");
      return `I deleted what I held about you: ${r.utterancesRemoved} things you said in ${r.transcriptsChanged} transcripts, your figures in ${r.analysesChanged} analyses, ${r.reportsDeleted} of your coaching reports and ${r.feedbackDeleted} feedback entries. To use Attune again, just send me a message.`;
    },
  };
}
