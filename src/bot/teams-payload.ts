import { z } from "zod";

/** What a Teams meeting's job carries from the meeting's end to its steps (jobs.payload); written and read by this schema. */
export const teamsPayloadSchema = z.object({
  /**
   * The organizer's Entra object id: whose meeting to ask Graph about. Until the meeting info is fetched, the
   * id of whoever the meetingEnd event came from (Teams sends it from the organizer). Removed when they are forgotten.
   */
  organizerAadId: z.string().nullish(),
  graphId: z.string().nullish(),
  /** When Attune heard the meeting ended: the transcript wait counts from here (Teams' own clock may differ). */
  receivedAt: z.string().nullish(),
  serviceUrl: z.string().optional(),
  conversationId: z.string().optional(),
  /** The bot's meeting id (channelData.meeting.id): what the Bot Connector's meeting info takes. */
  meetingId: z.string().optional(),
  /** The meeting's join URL as the event carried it: Graph can find the meeting by it when meeting info cannot. */
  joinUrl: z.string().nullish(),
  /** The meeting chat's conversation reference: the job asks the Bot Connector for meeting info through it. */
  reference: z.record(z.string(), z.unknown()).optional(),
  /**
   * "pending": the meeting info is still to be fetched (inside the job, with retries); "fetched"; "unavailable":
   * the Bot Connector never gave it, and `infoProblem` says why. Absent in jobs queued before this field existed.
   */
  info: z.enum(["pending", "fetched", "unavailable"]).optional(),
  infoProblem: z.string().optional(),
});
export type TeamsPayload = z.infer<typeof teamsPayloadSchema>;
