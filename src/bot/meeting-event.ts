import { z } from "zod";
import type { IncomingActivity } from "./turn.js";

const MEETING_EVENT = /^application\/vnd\.microsoft\.meeting(Start|End|ParticipantJoin|ParticipantLeave)$/i;

/** Real payloads use PascalCase, the documentation camelCase; any field may be missing or null. */
const valueSchema = z
  .object({
    Id: z.string().nullish(),
    id: z.string().nullish(),
    Title: z.string().nullish(),
    title: z.string().nullish(),
    MeetingType: z.string().nullish(),
    meetingType: z.string().nullish(),
    JoinUrl: z.string().nullish(),
    joinUrl: z.string().nullish(),
    StartTime: z.string().nullish(),
    startTime: z.string().nullish(),
    EndTime: z.string().nullish(),
    endTime: z.string().nullish(),
  })
  .passthrough();

export interface MeetingEvent {
  kind: "start" | "end" | "participantJoin" | "participantLeave";
  /** From channelData.meeting.id: the id the Bot Connector's meeting APIs take. */
  meetingId: string;
  title: string | null;
  meetingType: string | null;
  joinUrl: string | null;
  at: string | null;
}

/** Reads a meeting event leniently; null when the activity is not one or has no meeting id. */
export function parseMeetingEvent(activity: IncomingActivity): MeetingEvent | null {
  if (activity.type !== "event" || !activity.name) return null;
  const match = MEETING_EVENT.exec(activity.name.trim());
  if (!match) return null;
  const meetingId = activity.channelData?.meeting?.id;
  const value = valueSchema.safeParse(activity.value ?? {});
  const v = value.success ? value.data : {};
  const id = meetingId ?? v.Id ?? v.id ?? null;
  if (!id) return null;
  const kind = ({ start: "start", end: "end", participantjoin: "participantJoin", participantleave: "participantLeave" } as const)[
    match[1]!.toLowerCase() as "start" | "end" | "participantjoin" | "participantleave"
  ];
  return {
    kind,
    meetingId: id,
    title: v.Title ?? v.title ?? null,
    meetingType: v.MeetingType ?? v.meetingType ?? null,
    joinUrl: v.JoinUrl ?? v.joinUrl ?? null,
    at: (kind === "end" ? (v.EndTime ?? v.endTime) : (v.StartTime ?? v.startTime)) ?? null,
  };
}
