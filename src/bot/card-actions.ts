import { z } from "zod";

/**
 * The buttons on Attune's cards (Action.Execute), as their invoke value arrives: `{ action: { verb, data } }`.
 * Parsed like any outside shape; a press that fits none of them is a button Attune no longer has.
 */
const meetingId = z.string().max(100);

export const cardActionSchema = z.discriminatedUnion("verb", [
  z.object({ verb: z.literal("showAllMoments"), data: z.object({ meetingId }) }),
  z.object({
    verb: z.literal("feedback"),
    data: z.object({ meetingId, helpful: z.boolean(), utteranceId: z.string().max(100).nullish() }),
  }),
  z.object({ verb: z.literal("prep"), data: z.object({ person: z.string().max(500) }) }),
  z.object({ verb: z.literal("practise"), data: z.object({ meetingId, utteranceId: z.string().max(100) }) }),
]);
export type CardAction = z.infer<typeof cardActionSchema>;

const invokeValueSchema = z.object({ action: cardActionSchema });

/** The button pressed, or null when the invoke value is not one of Attune's. */
export function parseCardAction(value: unknown): CardAction | null {
  const parsed = invokeValueSchema.safeParse(value);
  return parsed.success ? parsed.data.action : null;
}
