import { z } from "zod";
import type { LiveView } from "./live-view.js";
import { nudgeFrameSchema, type NudgeFrame } from "./protocol.js";

/**
 * What panels need of a meeting, published on the bus after each change: the live view without
 * anything panels must not see (no words ever exist in live mode to begin with).
 */
export const organizerSchema = z.object({ id: z.string(), tenantId: z.string().nullable() });
export type Organizer = z.infer<typeof organizerSchema>;

export const meetingSummarySchema = z.object({
  meetingId: z.string(),
  title: z.string().nullable(),
  manager: z.string(),
  atMs: z.number().int().nonnegative(),
  peopleCount: z.number().int().nonnegative(),
  fairShare: z.number().min(0).max(1),
  oneOnOne: z.boolean(),
  recentWindowMs: z.number().int().positive(),
  people: z.array(
    z.object({
      name: z.string(),
      talkMs: z.number().int().nonnegative(),
      share: z.number().min(0).max(1),
      recentShare: z.number().min(0).max(1),
      present: z.boolean(),
    }),
  ),
  floor: z.object({ speaker: z.string(), startMs: z.number().int(), endMs: z.number().int() }).nullable(),
  /** The latest nudge, for an organizer's panel that opens just after it (from the in-meeting notification). */
  lastNudge: nudgeFrameSchema.nullable(),
  /** The organizer's account id (and tenant when known): who gets the organizer's view; null when nobody said. */
  organizer: organizerSchema.nullable().default(null),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export function summarize(
  meetingId: string,
  title: string | null,
  view: LiveView,
  lastNudge: NudgeFrame | null,
  organizer: Organizer | null,
): MeetingSummary {
  return {
    meetingId,
    title,
    manager: view.manager,
    atMs: view.atMs,
    peopleCount: view.peopleCount,
    fairShare: view.fairShare,
    oneOnOne: view.oneOnOne,
    recentWindowMs: view.recentWindowMs,
    people: view.people.map((p) => ({
      name: p.name,
      talkMs: Math.round(p.talkMs),
      share: p.share,
      recentShare: p.recentShare,
      present: p.present,
    })),
    floor: view.floor,
    lastNudge,
    organizer,
  };
}
