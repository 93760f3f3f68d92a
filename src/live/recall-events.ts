import { z } from "zod";
import type { LiveInput } from "./live-input.js";
import { MAX_MEETING_MS, meetingIdSchema, meetingMsSchema, personNameSchema, segmentFrameSchema, startFrameSchema } from "./protocol.js";

/**
 * Recall.ai's real-time event shapes (webhook and WebSocket endpoints carry the same JSON): `transcript.data`
 * and `transcript.partial_data` with words timed relative to the recording's start, and
 * `participant_events.*` with a participant and a relative timestamp. Unknown fields are allowed.
 */
const participantSchema = z.looseObject({
  id: z.number(),
  name: z.string().nullable(),
  is_host: z.boolean().optional(),
});
/** Seconds from the recording's start, within the longest meeting live mode follows (as /live/ingest's times). */
const relative = z.looseObject({
  relative: z
    .number()
    .nonnegative()
    .max(MAX_MEETING_MS / 1000, "a timestamp is past 24 hours into the meeting"),
  absolute: z.string().max(64, "an absolute timestamp is over 64 characters").nullish(),
});
const resourceSchema = z.looseObject({ id: z.string(), metadata: z.record(z.string(), z.unknown()).nullish() });

const transcriptEventSchema = z.object({
  event: z.enum(["transcript.data", "transcript.partial_data"]),
  data: z.looseObject({
    data: z.looseObject({
      words: z.array(z.looseObject({ text: z.string(), start_timestamp: relative, end_timestamp: relative.nullable() })).max(5000),
      participant: participantSchema,
    }),
    bot: resourceSchema.optional(),
  }),
});

const participantEventSchema = z.object({
  event: z.enum(["participant_events.join", "participant_events.leave", "participant_events.speech_on", "participant_events.speech_off"]),
  data: z.looseObject({
    data: z.looseObject({ participant: participantSchema, timestamp: relative }),
    bot: resourceSchema.optional(),
  }),
});

const anyEventSchema = z.looseObject({ event: z.string() });

/** Where a Recall bot's events belong: given on the endpoint URL (?meetingId=&manager=) or in the bot's metadata. */
export interface RecallContext {
  meetingId: string | null;
  manager: string | null;
}

export type RecallMapped =
  | { ok: true; meetingId: string; inputs: LiveInput[]; start: LiveInput & { type: "start" } }
  | { ok: true; ignored: string }
  | { ok: false; error: string };

type TranscriptEvent = z.infer<typeof transcriptEventSchema>;
type ParticipantEvent = z.infer<typeof participantEventSchema>;

/** One Recall event as live input for the same meeting state as /live/ingest. */
export function mapRecallEvent(body: unknown, context: RecallContext): RecallMapped {
  const kind = anyEventSchema.safeParse(body);
  if (!kind.success) return { ok: false, error: "not a Recall.ai event: expected an object with an event name" };
  const transcript = transcriptEventSchema.safeParse(body);
  const participantEvent = participantEventSchema.safeParse(body);
  const event: TranscriptEvent | ParticipantEvent | null = transcript.success
    ? transcript.data
    : participantEvent.success
      ? participantEvent.data
      : null;
  if (!event) {
    if (!kind.data.event.startsWith("transcript.") && !/^participant_events\.(join|leave|speech_on|speech_off)$/.test(kind.data.event))
      return { ok: true, ignored: kind.data.event };
    const failed = kind.data.event.startsWith("transcript.") ? transcript.error : participantEvent.error;
    const why = failed?.issues.find((i) => i.code === "too_big")?.message;
    return { ok: false, error: `${kind.data.event}: ${why ?? "not the shape Recall.ai documents for it"}` };
  }
  const { participant } = event.data.data;
  const metadata = event.data.bot?.metadata ?? {};
  const fromMetadata = (key: string) => (typeof metadata[key] === "string" && metadata[key] !== "" ? (metadata[key] as string) : null);
  const meetingId = context.meetingId ?? fromMetadata("attune_meeting_id") ?? (event.data.bot ? `recall:${event.data.bot.id}` : null);
  if (!meetingId) return { ok: false, error: "no meeting: add ?meetingId= to the endpoint URL or attune_meeting_id to the bot's metadata" };
  const name = participant.name?.trim() || `Participant ${participant.id}`;
  const manager = context.manager ?? fromMetadata("attune_manager") ?? (participant.is_host ? name : "");
  const managerId = fromMetadata("attune_manager_id");
  const start = { type: "start" as const, meetingId, manager, ...(managerId && { managerId }) };
  const inputs = transcript.success
    ? transcriptInputs(transcript.data, meetingId, name)
    : participantInputs(event as ParticipantEvent, meetingId, name);
  if (inputs.length === 0) return { ok: true, ignored: "transcript event without words" };
  const problem = [start, ...inputs].map(withinIngestLimits).find((p) => p !== null);
  if (problem) return { ok: false, error: `${event.event}: ${problem}` };
  // A host joining names the manager when nothing else did.
  if (inputs[0]!.type === "join" && participant.is_host && manager === name) inputs.unshift(start);
  return { ok: true, meetingId, start, inputs };
}

const rosterInputSchema = z.object({
  meetingId: meetingIdSchema,
  name: personNameSchema("participant.name"),
  atMs: meetingMsSchema("timestamp"),
});
const recallStartSchema = z.object({
  meetingId: meetingIdSchema,
  manager: z.literal("").or(personNameSchema("manager")),
  managerId: startFrameSchema.shape.managerId,
});

/** The same limits as /live/ingest's frames (names, meeting ids, times, text): the first broken one, or null. */
function withinIngestLimits(input: LiveInput): string | null {
  const schema = input.type === "segment" ? segmentFrameSchema : input.type === "start" ? recallStartSchema : rosterInputSchema;
  const checked = schema.safeParse(input);
  if (checked.success) return null;
  const issue = checked.error.issues[0];
  return `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`.replace(/\s+/g, " ");
}

function transcriptInputs(event: TranscriptEvent, meetingId: string, speaker: string): LiveInput[] {
  const words = event.data.data.words;
  if (words.length === 0) return [];
  const startMs = Math.round(words[0]!.start_timestamp.relative * 1000);
  const last = words[words.length - 1]!;
  const endMs = Math.max(startMs, Math.round((last.end_timestamp ?? last.start_timestamp).relative * 1000));
  const text = words.map((w) => w.text).join(" ");
  return [{ type: "segment", meetingId, speaker, startMs, endMs, text, final: event.event === "transcript.data" }];
}

function participantInputs(event: ParticipantEvent, meetingId: string, name: string): LiveInput[] {
  const atMs = Math.round(event.data.data.timestamp.relative * 1000);
  if (event.event === "participant_events.join") return [{ type: "join", meetingId, name, atMs }];
  if (event.event === "participant_events.leave") return [{ type: "leave", meetingId, name, atMs }];
  return [{ type: "speech", meetingId, name, atMs, speaking: event.event === "participant_events.speech_on" }];
}
