import { z } from "zod";

/** The parts of an incoming activity Attune reads, parsed leniently: Teams sends many shapes. */
export const incomingActivitySchema = z.object({
  type: z.string(),
  name: z.string().optional(),
  action: z.string().optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
  from: z.object({ id: z.string(), aadObjectId: z.string().optional(), name: z.string().optional() }).passthrough().optional(),
  recipient: z.object({ id: z.string(), name: z.string().optional() }).passthrough().optional(),
  conversation: z
    .object({ id: z.string(), conversationType: z.string().optional(), tenantId: z.string().optional(), isGroup: z.boolean().optional() })
    .passthrough()
    .optional(),
  membersAdded: z.array(z.object({ id: z.string() }).passthrough()).optional(),
  channelData: z
    .object({
      tenant: z.object({ id: z.string() }).passthrough().optional(),
      meeting: z.object({ id: z.string() }).passthrough().optional(),
    })
    .passthrough()
    .nullish(),
});
export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** What Attune sends: a text, a card, or both. */
export interface OutgoingMessage {
  text?: string;
  card?: unknown;
  /** Shown by clients that cannot render the card, and in notifications. */
  summary?: string;
}

/** The organizer and ids Teams reports for a meeting (Bot Connector meeting info). */
export interface MeetingInfo {
  title: string | null;
  graphId: string | null;
  type: string | null;
  organizerAadId: string | null;
  organizerBotId: string | null;
  /** The organizer's display name, from the meeting's participant record (best effort). */
  organizerName: string | null;
  tenantId: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** The meeting chat's members as Teams lists them (the invitees, not who joined): one page of them. */
export interface MeetingRoster {
  /** Each member's Entra object id; null for a member listed without one. Bots are left out. */
  members: { aadObjectId: string | null }[];
  /** Teams has more members than this page. */
  more: boolean;
}

/** One turn, as the handlers see it: no botbuilder types cross this line. */
export interface BotTurn {
  readonly activity: IncomingActivity;
  /** Posts the message; resolves with the id the Bot Connector gave the activity (null when it gave none). */
  send(message: OutgoingMessage): Promise<string | null>;
  /** Replaces a message posted before (by the id `send` gave) with this one. */
  update(activityId: string, message: OutgoingMessage): Promise<void>;
  /** Answers an invoke (an Action.Execute press) with a replacement card. */
  answerInvoke(card: unknown): Promise<void>;
  meetingInfo(meetingId: string): Promise<MeetingInfo>;
  /** The reference that lets Attune message this conversation later. */
  conversationReference(): Record<string, unknown>;
  /** One page (at most `pageSize`) of this conversation's members; absent where the channel has no roster. */
  meetingRoster?(pageSize: number): Promise<MeetingRoster>;
  /** A targeted in-meeting notification (live nudges, opt-in); absent where the channel has none. */
  meetingNotification?(meetingId: string, notification: unknown): Promise<void>;
}
