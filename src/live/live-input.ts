import { z } from "zod";
import { ingestFrameSchema, startFrameSchema, type IngestFrame } from "./protocol.js";

/** Everything that changes a live meeting: the ingest frames, and roster events from vendors that send them. */
export type LiveInput =
  | IngestFrame
  | { type: "join"; meetingId: string; name: string; atMs: number }
  | { type: "leave"; meetingId: string; name: string; atMs: number }
  /** A vendor's speech_on/speech_off: someone is heard speaking before (or without) their words arriving. */
  | { type: "speech"; meetingId: string; name: string; atMs: number; speaking: boolean };

export type HubResult =
  | { ok: true; value: "accepted" | "applied" | "ended" }
  | { ok: false; code: "not-started" | "refused"; error: string };

const meetingId = z.string().min(1).max(400);
const name = z.string().max(200);
const atMs = z.number().int().nonnegative();

/** Input forwarded between instances is parsed again on arrival, like anything read from outside. */
export const liveInputSchema = z.union([
  ingestFrameSchema,
  // Recall.ai's meetings start without a known manager until a host shows up.
  startFrameSchema.extend({ manager: z.string().max(200) }),
  z.object({ type: z.literal("join"), meetingId, name, atMs }),
  z.object({ type: z.literal("leave"), meetingId, name, atMs }),
  z.object({ type: z.literal("speech"), meetingId, name, atMs, speaking: z.boolean() }),
]);
