import { prepCard } from "../cards/prep-card.js";
import type { Logger } from "../log.js";
import type { PrepDeps } from "../prep/llm-prep.js";
import type { Db } from "../storage/db.js";
import { setConversationRef } from "../storage/people.js";
import { claimPrepAtStart, releasePrepAtStart } from "../storage/prep-at-start.js";
import { oneOnOneAtStart } from "../usecases/prep-at-start.js";
import { prepareOneOnOneWith } from "../usecases/prepare-one-on-one.js";
import type { BotAdapter } from "./adapter.js";
import { connectorProblem, statusOf } from "./retry-send.js";
import type { BotServices } from "./services.js";

export interface PrepAtStartDeps {
  db: Db;
  adapter: BotAdapter;
  coach: PrepDeps;
  log: Logger;
}

/**
 * When a one-on-one starts, the organizer's prep card in their personal chat, the way the coaching card is
 * sent (a proactive message on the stored conversation, retried on 429/412/502/504). Nothing goes to the
 * meeting chat. One card per manager, meeting and day: claimed before the send, released if it fails.
 */
export function prepAtStartSender(deps: PrepAtStartDeps): NonNullable<BotServices["prepAtStart"]> {
  const { db, adapter, log } = deps;
  return async (tenantId, event, info, roster) => {
    if (!info.organizerAadId) return;
    const found = await oneOnOneAtStart(db, {
      tenantId,
      organizerAadId: info.organizerAadId,
      memberAadIds: roster.members.map((m) => m.aadObjectId),
      more: roster.more,
    });
    if (!found.ok) {
      log.info({ reason: found.error.code }, "meeting start: no prep card");
      return;
    }
    const { manager, person } = found.value;
    const reference = manager.conversation_ref;
    if (!reference) {
      log.info({ reason: "no-personal-chat" }, "meeting start: no prep card");
      return;
    }
    const occurrence = `${event.meetingId}@${(event.at ?? new Date().toISOString()).slice(0, 10)}`;
    if (!(await claimPrepAtStart(db, manager.id, occurrence))) {
      log.info({ reason: "already-sent" }, "meeting start: no prep card");
      return;
    }
    try {
      const prep = await prepareOneOnOneWith(db, deps.coach, manager, person);
      if (!prep.ok) {
        await releasePrepAtStart(db, manager.id, occurrence);
        log.info({ reason: prep.error.code }, "meeting start: no prep card");
        return;
      }
      await adapter.proactive(reference, async (turn) => {
        await turn.send({ card: prepCard(prep.value), summary: `Prep for your one-on-one with ${person.display_name}` });
      });
      log.info({}, "meeting start: prep card sent to the organizer");
    } catch (error) {
      await releasePrepAtStart(db, manager.id, occurrence);
      const status = statusOf(error);
      // Attune was removed or blocked: forget the conversation, as the coaching card's delivery does.
      if (status === 403 || status === 404) await setConversationRef(db, manager.id, null);
      log.warn({ ...connectorProblem(error) }, "meeting start: the prep card could not be sent");
    }
  };
}
