import { z } from "zod";

/** What a Teams meeting's job carries from the meeting's end to its steps (jobs.payload); written and read by this schema. */
export const teamsPayloadSchema = z.object({
  /** The organizer's Entra object id: whose meeting to ask Graph about. Removed when the organizer is forgotten. */
  organizerAadId: z.string().nullish(),
  graphId: z.string().nullish(),
  /** When Attune heard the meeting ended: the transcript wait counts from here (Teams' own clock may differ). */
  receivedAt: z.string().nullish(),
  serviceUrl: z.string().optional(),
  conversationId: z.string().optional(),
});
export type TeamsPayload = z.infer<typeof teamsPayloadSchema>;
