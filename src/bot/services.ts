import type { MeetingEvent } from "./meeting-event.js";
import type { MeetingInfo, MeetingRoster } from "./turn.js";

/** Where a meetingEnd event came from: the meeting chat, and who sent it (Teams sends it from the organizer). */
export interface MeetingEndContext {
  serviceUrl: string;
  conversationId: string;
  reference: Record<string, unknown>;
  fromAadId: string | null;
  fromName: string | null;
}

/** What the bot's handlers need from the rest of Attune; built in main.ts, faked in tests. */
export interface BotServices {
  retentionDays: number;
  /** Tenant of activities that carry none (never in Teams; the emulator). */
  fallbackTenant: string;
  /** The person behind an Entra id, created on first contact; remembers how to message them. */
  personFor(tenantId: string, aadObjectId: string, name: string | null): Promise<{ id: string; hadConversation: boolean }>;
  rememberConversation(personId: string, reference: Record<string, unknown>): Promise<void>;
  /** True only the first time a group conversation is seen (so the notice is posted once). */
  firstSightOfGroup(tenantId: string, conversationId: string, kind: string): Promise<boolean>;
  /**
   * Stores the ended meeting with what the event carried and queues its processing, before any outbound call
   * (the job fetches the meeting info); repeated calls queue it once.
   */
  meetingEnded(tenantId: string, event: MeetingEvent, context: MeetingEndContext): Promise<void>;
  /** Hands the reports that waited for the manager back to the job worker, which delivers them; returns how many. */
  releaseHeld(personId: string): Promise<number>;
  /** A meeting started (only wired when live in-meeting notifications are on). */
  meetingStarted?(event: MeetingEvent, info: MeetingInfo, reference: Record<string, unknown>): Promise<void>;
  /**
   * A meeting started and this is who Teams lists in it: the organizer gets the one-on-one prep card when it is
   * them and one person they have met in a coached meeting (wired in main.ts).
   */
  prepAtStart?(tenantId: string, event: MeetingEvent, info: MeetingInfo, roster: MeetingRoster): Promise<void>;
  /** Turns the prep card at the start of a one-on-one on or off for this manager. */
  setPrepAtStart(personId: string, enabled: boolean): Promise<void>;
  latestCard(personId: string): Promise<unknown | null>;
  reportCard(personId: string, meetingId: string, options: { showAll: boolean; note?: string }): Promise<unknown | null>;
  trendCard(personId: string): Promise<unknown>;
  prepCard(personId: string, who: string): Promise<unknown>;
  saveFeedback(personId: string, meetingId: string, helpful: boolean, utteranceId: string | null): Promise<boolean>;
  setPaused(personId: string, paused: boolean): Promise<void>;
  /** "Practise this" on a moment of their own card: the card asking for their attempt (their next message). */
  practiseStart(personId: string, meetingId: string, utteranceId: string): Promise<unknown>;
  /** Their message read as the attempt at the moment they are practising: the feedback card; null when not practising. */
  practiseAnswer(personId: string, text: string): Promise<unknown | null>;
  /** They typed a command: no longer practising. */
  practiseStop(personId: string): Promise<void>;
  forget(personId: string): Promise<string>;
}
