import type { Organizer } from "./meeting-summary.js";

/**
 * The organizer of each meeting the bot saw start, as the Bot Connector's meeting info gives it (Entra object
 * id and tenant): the only account the side panel shows the organizer's view and nudges to. In memory, at
 * most `max` meetings of the last day (the oldest go first).
 */
export interface MeetingOrganizers {
  remember(meetingId: string, organizer: Organizer): void;
  of(meetingId: string): Organizer | null;
}

const DAY_MS = 24 * 3_600_000;

export function meetingOrganizers(options: { max?: number; now?: () => number } = {}): MeetingOrganizers {
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const known = new Map<string, Organizer & { at: number }>();
  return {
    remember(meetingId, organizer) {
      known.delete(meetingId);
      known.set(meetingId, { ...organizer, at: now() });
      for (const [id, entry] of known) {
        if (known.size <= max && now() - entry.at <= DAY_MS) break;
        known.delete(id);
      }
    },
    of(meetingId) {
      const entry = known.get(meetingId);
      if (!entry || now() - entry.at > DAY_MS) return null;
      return { id: entry.id, tenantId: entry.tenantId };
    },
  };
}
