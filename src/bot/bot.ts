import { helpCard, noteCard, privacyCard, transparencyNoticeCard, welcomeCard } from "../cards/bot-cards.js";
import type { Logger } from "../log.js";
import { parseCardAction } from "./card-actions.js";
import { isCommand, parseCommand, stripTags, type CommandName } from "./commands.js";
import { parseMeetingEvent, type MeetingEvent } from "./meeting-event.js";
import { connectorProblem } from "./retry-send.js";
import type { BotServices } from "./services.js";
import type { BotTurn } from "./turn.js";

type Handler = (turn: BotTurn) => Promise<void>;

/** Members read at a meeting's start: a one-on-one has two, so one small page tells it from a group. */
const ROSTER_PAGE = 10;

/** The bot: one handler per kind of activity, chosen from a table. */
export function createBot(services: BotServices, log: Logger): Handler {
  const tenantOf = (turn: BotTurn) =>
    turn.activity.channelData?.tenant?.id ?? turn.activity.conversation?.tenantId ?? services.fallbackTenant;
  const isPersonal = (turn: BotTurn) => turn.activity.conversation?.conversationType === "personal";

  async function me(turn: BotTurn): Promise<{ id: string; hadConversation: boolean } | null> {
    const from = turn.activity.from;
    if (!from?.aadObjectId) return null;
    return services.personFor(tenantOf(turn), from.aadObjectId, from.name ?? null);
  }

  async function installed(turn: BotTurn): Promise<void> {
    const a = turn.activity;
    const botAdded =
      a.type === "installationUpdate"
        ? a.action === undefined || a.action.startsWith("add")
        : (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id);
    if (!botAdded) return;
    if (isPersonal(turn)) {
      const person = await me(turn);
      if (!person) return;
      await services.rememberConversation(person.id, turn.conversationReference());
      if (!person.hadConversation) await turn.send({ card: welcomeCard(a.from?.name ?? null), summary: "Welcome to Attune" });
      const released = await services.releaseHeld(person.id);
      if (released > 0) log.info({ reports: released }, "held reports released for delivery on install");
      return;
    }
    const conversation = a.conversation;
    if (conversation && (await services.firstSightOfGroup(tenantOf(turn), conversation.id, conversation.conversationType ?? "group"))) {
      await turn.send({ card: transparencyNoticeCard(), summary: "Attune is in this meeting" });
    }
  }

  async function meetingEvent(turn: BotTurn): Promise<void> {
    const event = parseMeetingEvent(turn.activity);
    if (!event) {
      log.warn({ name: turn.activity.name }, "event without a meeting id ignored");
      return;
    }
    if (event.kind === "start") return meetingStarted(turn, event);
    if (event.kind !== "end") return;
    // Stored and queued first: the meeting info and everything else that may fail is fetched inside the job.
    await services.meetingEnded(tenantOf(turn), event, {
      serviceUrl: turn.activity.serviceUrl ?? "",
      conversationId: turn.activity.conversation?.id ?? "",
      reference: turn.conversationReference(),
      fromAadId: turn.activity.from?.aadObjectId ?? null,
      fromName: turn.activity.from?.name ?? null,
    });
    log.info({ meetingType: event.meetingType }, "meeting ended; processing queued");
  }

  async function meetingStarted(turn: BotTurn, event: MeetingEvent): Promise<void> {
    if (!services.meetingStarted && !services.prepAtStart) return;
    // Only live nudges and the prep card need this; a failure costs the meeting those, nothing else.
    const info = await turn.meetingInfo(event.meetingId).catch((error: unknown) => {
      log.warn(
        { ...connectorProblem(error), operation: "meeting info" },
        "meeting start: no meeting info; no in-meeting nudges or prep card",
      );
      return null;
    });
    if (!info) return;
    if (services.meetingStarted) await services.meetingStarted(event, info, turn.conversationReference());
    if (!services.prepAtStart || !turn.meetingRoster) return;
    const roster = await turn.meetingRoster(ROSTER_PAGE).catch((error: unknown) => {
      log.warn({ ...connectorProblem(error), operation: "meeting members" }, "meeting start: no member list; no prep card");
      return null;
    });
    if (roster) await services.prepAtStart(tenantOf(turn), event, info, roster);
  }

  const commands: Record<CommandName, (turn: BotTurn, personId: string, argument: string) => Promise<unknown>> = {
    help: async (turn) => turn.send({ card: helpCard(), summary: "What Attune can do" }),
    privacy: async (turn) => turn.send({ card: privacyCard(services.retentionDays), summary: "What Attune keeps" }),
    last: async (turn, personId) => {
      const card = await services.latestCard(personId);
      await turn.send(
        card
          ? { card, summary: "Your latest coaching card" }
          : { card: noteCard("No coaching yet", "After a meeting you organize with transcription on, your coaching card arrives here.") },
      );
    },
    trend: async (turn, personId) => turn.send({ card: await services.trendCard(personId), summary: "Your listening trend" }),
    prep: async (turn, personId, who) => {
      if (!who) return turn.send({ card: noteCard("Prep for whom?", "Type **prep** and the person's name, for example: prep Jordan") });
      await turn.send({ card: await services.prepCard(personId, who), summary: `Prep for your one-on-one with ${who}` });
    },
    "prep-at-start": async (turn, personId, onOff) => {
      const on = onOff === "on";
      await services.setPrepAtStart(personId, on);
      await turn.send({
        card: on
          ? noteCard(
              "Prep at start on",
              "When a one-on-one you organize begins with someone you have met before, I'll send you their prep card here.",
            )
          : noteCard("Prep at start off", "I won't send a prep card when a one-on-one begins. Type **prep at start on** to have it again."),
      });
    },
    pause: async (turn, personId) => {
      await services.setPaused(personId, true);
      await turn.send({ card: noteCard("Coaching paused", "I'll keep quiet after your meetings. Type **resume** to start again.") });
    },
    resume: async (turn, personId) => {
      await services.setPaused(personId, false);
      await turn.send({ card: noteCard("Coaching resumed", "Your next meeting's coaching card will arrive here.") });
      await services.releaseHeld(personId);
    },
    "forget-me": async (turn, personId) => {
      const summary = await services.forget(personId);
      await turn.send({ card: noteCard("Forgotten", summary) });
    },
  };

  async function message(turn: BotTurn): Promise<void> {
    if (!isPersonal(turn)) {
      // In a meeting or group chat, never discuss anyone's coaching.
      await turn.send({ text: "Coaching is private: message me in a personal chat (open Attune from the apps bar)." });
      return;
    }
    const person = await me(turn);
    if (!person) return;
    await services.rememberConversation(person.id, turn.conversationReference());
    const { command, argument } = parseCommand(turn.activity.text);
    if (!isCommand(turn.activity.text)) {
      // a practice attempt, when they pressed "Practise this" (the raw text: a restatement is not a command)
      const feedback = await services.practiseAnswer(person.id, stripTags(turn.activity.text ?? "").trim());
      if (feedback) return void (await turn.send({ card: feedback, summary: "How your restatement landed" }));
    } else await services.practiseStop(person.id);
    await commands[command](turn, person.id, argument);
  }

  async function invoke(turn: BotTurn): Promise<void> {
    if (turn.activity.name !== "adaptiveCard/action") return;
    const person = await me(turn);
    if (!person) return turn.answerInvoke(noteCard("Attune", "I could not tell who pressed this."));
    const action = parseCardAction(turn.activity.value);
    if (!action) return turn.answerInvoke(noteCard("Attune", "That button is no longer supported. Type **help** to see what I can do."));
    if (action.verb === "prep") return turn.answerInvoke(await services.prepCard(person.id, action.data.person));
    if (action.verb === "practise")
      return turn.answerInvoke(await services.practiseStart(person.id, action.data.meetingId, action.data.utteranceId));
    const { meetingId } = action.data;
    let note: string | undefined;
    if (action.verb === "feedback") {
      const saved = await services.saveFeedback(person.id, meetingId, action.data.helpful, action.data.utteranceId ?? null);
      note = saved ? "Thanks, noted." : undefined;
    }
    const card = await services.reportCard(person.id, meetingId, { showAll: action.verb === "showAllMoments", ...(note && { note }) });
    return turn.answerInvoke(card ?? noteCard("Private", "This coaching card belongs to someone else, or it was deleted."));
  }

  const handlers: Record<string, Handler> = {
    installationUpdate: installed,
    conversationUpdate: installed,
    event: meetingEvent,
    message,
    invoke,
  };

  return async (turn) => {
    if (turn.activity.channelId && turn.activity.channelId !== "msteams" && turn.activity.channelId !== "emulator") return;
    const handler = handlers[turn.activity.type];
    if (handler) await handler(turn);
  };
}
