/**
 * The live wire formats (docs/live.md): frames a live source sends to /live/ingest, and frames between the
 * side panel and /live/panel. Browser-safe: this module imports zod and nothing else.
 */
import { z } from "zod";

/** The longest meeting live mode follows; later times are refused. */
export const MAX_MEETING_MS = 24 * 3_600_000;

const meetingId = z
  .string({ error: "meetingId must be a string" })
  .min(1, "meetingId is empty")
  .max(400, "meetingId is over 400 characters")
  .regex(/^[\x21-\x7e]+$/, "meetingId must be printable ASCII without spaces");
const name = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} is empty`)
    .max(200, `${what} is over 200 characters`);
const ms = (what: string) =>
  z
    .number({ error: `${what} must be a number of milliseconds` })
    .int(`${what} must be whole milliseconds`)
    .min(0, `${what} is negative`)
    .max(MAX_MEETING_MS, `${what} is past 24 hours`);

/** The field rules every live source is held to (Recall.ai's events are checked with them too). */
export { meetingId as meetingIdSchema, name as personNameSchema, ms as meetingMsSchema };

export const startFrameSchema = z.object({
  type: z.literal("start"),
  meetingId,
  title: z.string().max(200, "title is over 200 characters").optional(),
  manager: name("manager"),
  /** The manager's account id (Entra object id), when the source knows it: who gets the organizer's panel. */
  managerId: z.string().min(1, "managerId is empty").max(200, "managerId is over 200 characters").optional(),
  participants: z.array(name("a participant")).max(300, "participants: at most 300").optional(),
});

export const segmentFrameSchema = z
  .object({
    type: z.literal("segment"),
    meetingId,
    speaker: name("speaker"),
    speakerId: z.string().max(200).optional(),
    /** A partial segment is replaced by the next partial or the final one with the same segmentId (or speaker). */
    segmentId: z.string().min(1).max(200).optional(),
    startMs: ms("startMs"),
    endMs: ms("endMs"),
    text: z.string({ error: "text must be a string" }).max(20_000, "text is over 20,000 characters"),
    final: z.boolean({ error: "final must be true or false" }),
  })
  .refine((s) => s.endMs >= s.startMs, { message: "endMs is before startMs", path: ["endMs"] });

export const endFrameSchema = z.object({ type: z.literal("end"), meetingId });

export const ingestFrameSchema = z.discriminatedUnion("type", [startFrameSchema, segmentFrameSchema, endFrameSchema], {
  error: 'type must be "start", "segment" or "end"',
});
export type StartFrame = z.infer<typeof startFrameSchema>;
export type SegmentFrame = z.infer<typeof segmentFrameSchema>;
export type EndFrame = z.infer<typeof endFrameSchema>;
export type IngestFrame = z.infer<typeof ingestFrameSchema>;

/** What /live/ingest answers: start and end are acknowledged, bad frames get an error and the socket stays up. */
export const ingestReplySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("accepted"), meetingId }),
  z.object({ type: z.literal("ended"), meetingId }),
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type IngestReply = z.infer<typeof ingestReplySchema>;

export const nudgeKindSchema = z.enum(["share", "one-on-one-share", "monologue", "silent", "interruptions"]);
export type NudgeKind = z.infer<typeof nudgeKindSchema>;

/** The side panel's first (and only) frame: a browser cannot set headers on a WebSocket. */
export const panelAuthFrameSchema = z.object({ type: z.literal("auth"), token: z.string().min(1).max(20_000) });

export const stateFrameSchema = z.object({
  type: z.literal("state"),
  meetingId,
  title: z.string().nullable(),
  /** Meeting time of the latest speech heard. */
  atMs: z.number().int().nonnegative(),
  /** The viewer's own figures: share of all talk so far, and of the last few minutes. */
  you: z.object({
    name: z.string(),
    talkMs: z.number().int().nonnegative(),
    share: z.number().min(0).max(1),
    recentShare: z.number().min(0).max(1),
    /** How long the viewer has held the floor, when they hold it. */
    floorMs: z.number().int().nonnegative().nullable(),
  }),
  fairShare: z.number().min(0).max(1),
  people: z.number().int().nonnegative(),
  oneOnOne: z.boolean(),
  /** Shown to the organizer only: who has not spoken yet. */
  notSpoken: z.array(z.string()).optional(),
  /** The window recentShare covers. */
  recentWindowMs: z.number().int().positive(),
});
export type StateFrame = z.infer<typeof stateFrameSchema>;

export const nudgeFrameSchema = z.object({
  type: z.literal("nudge"),
  kind: nudgeKindSchema,
  text: z.string(),
  /** Meeting time the nudge is about. */
  atMs: z.number().int().nonnegative(),
});
export type NudgeFrame = z.infer<typeof nudgeFrameSchema>;

export const endedFrameSchema = z.object({ type: z.literal("ended"), meetingId });

export const panelFrameSchema = z.discriminatedUnion("type", [stateFrameSchema, nudgeFrameSchema, endedFrameSchema]);
export type PanelFrame = z.infer<typeof panelFrameSchema>;

/** Close codes both sockets use; the reason says what to do. */
export const CLOSE = {
  /** No token, a wrong or expired one. */
  unauthenticated: 4401,
  /** A valid token, but not for this tenant or not someone in this meeting. */
  forbidden: 4403,
  /** The request itself is wrong (no meetingId, no auth frame). */
  badRequest: 4400,
  /** Live mode is off on this server. */
  unavailable: 4503,
  /** Too many frames too fast. */
  tooFast: 4429,
} as const;

/** The first problem of a failed parse, on one line: "field: what is wrong". */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid frame";
  const path = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${path}${issue.message}`.replace(/\s+/g, " ");
}
