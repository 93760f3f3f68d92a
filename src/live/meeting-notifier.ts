import type { Logger } from "../log.js";
import type { Nudge } from "./nudge-policy.js";
import type { NudgeKind } from "./protocol.js";

/** Where the bot can reach a meeting: learned from the meeting's start event in its chat. */
export interface MeetingContext {
  reference: Record<string, unknown>;
  /** The organizer's Teams (29:) id: the only recipient. */
  organizerBotId: string;
}

export interface MeetingNotifierDeps {
  /** Sends one targeted in-meeting notification (the bot adapter). */
  send(reference: Record<string, unknown>, meetingId: string, notification: TargetedNotification): Promise<void>;
  /** The https address the notification's page is served from (in the manifest's validDomains). */
  publicBaseUrl: string;
  log: Logger;
  /** At most one notification per meeting in this long (wall time)… */
  minGapMs?: number;
  /** …and this many per meeting. */
  maxPerMeeting?: number;
  now?: () => number;
}

export interface TargetedNotification {
  type: "targetedMeetingNotification";
  value: {
    recipients: string[];
    surfaces: {
      surface: "meetingStage";
      contentType: "task";
      content: { value: { height: number; width: number; title: string; url: string } };
    }[];
  };
}

/** The strongest nudges, the only ones worth a pop-up on the meeting stage. */
const STRONGEST: readonly NudgeKind[] = ["monologue", "interruptions"];

export interface MeetingNotifier {
  remember(meetingId: string, context: MeetingContext): void;
  onNudge(meeting: { meetingId: string; manager: string }, nudge: Nudge): void;
}

/**
 * Opt-in (ATTUNE_LIVE_MEETING_NOTIFICATIONS=on): the strongest nudges also as a targeted in-meeting notification
 * to the organizer alone, rate-limited. The pop-up shows the organizer's side panel, which repeats the nudge.
 */
export function meetingNotifier(deps: MeetingNotifierDeps): MeetingNotifier {
  const now = deps.now ?? Date.now;
  const minGapMs = deps.minGapMs ?? 10 * 60_000;
  const maxPerMeeting = deps.maxPerMeeting ?? 3;
  const contexts = new Map<string, MeetingContext & { sent: number; lastAt: number | null; at: number }>();
  return {
    remember(meetingId, context) {
      contexts.set(meetingId, { ...context, sent: 0, lastAt: null, at: now() });
      // A day's meetings at most; the oldest go first.
      for (const [id, c] of contexts) if (contexts.size > 10_000 || now() - c.at > 24 * 3_600_000) contexts.delete(id);
    },
    onNudge(meeting, nudge) {
      const context = contexts.get(meeting.meetingId);
      if (!context || !STRONGEST.includes(nudge.kind)) return;
      if (context.sent >= maxPerMeeting || (context.lastAt !== null && now() - context.lastAt < minGapMs)) return;
      context.sent++;
      context.lastAt = now();
      const url = `${deps.publicBaseUrl}/sidepanel?meetingId=${encodeURIComponent(meeting.meetingId)}`;
      const notification: TargetedNotification = {
        type: "targetedMeetingNotification",
        value: {
          recipients: [context.organizerBotId],
          surfaces: [
            { surface: "meetingStage", contentType: "task", content: { value: { height: 360, width: 320, title: "Attune", url } } },
          ],
        },
      };
      deps.send(context.reference, meeting.meetingId, notification).catch((error: unknown) => {
        deps.log.warn({ meetingId: meeting.meetingId, err: { message: (error as Error).message } }, "in-meeting notification not sent");
      });
    },
  };
}
