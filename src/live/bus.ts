import { z } from "zod";
import { nudgeFrameSchema } from "./protocol.js";
import { meetingSummarySchema } from "./meeting-summary.js";

/** What travels between Attune instances about a live meeting. */
export const busMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("summary"), summary: meetingSummarySchema, sentAt: z.number() }),
  z.object({ kind: z.literal("nudge"), meetingId: z.string(), manager: z.string(), nudge: nudgeFrameSchema }),
  z.object({ kind: z.literal("ended"), meetingId: z.string() }),
]);
export type BusMessage = z.infer<typeof busMessageSchema>;

/** Live input that reached an instance which does not own the meeting, on its way to the owner. */
export const forwardedInputSchema = z.object({ meetingId: z.string(), input: z.unknown() });
export type ForwardedInput = z.infer<typeof forwardedInputSchema>;

export type Unsubscribe = () => void;

/**
 * How instances share live meetings. One instance owns a meeting (its state, its nudges); panels may be
 * on any instance. In-process without REDIS_URL, Redis pub/sub with it: the same interface.
 */
export interface LiveBus {
  readonly kind: "in-process" | "redis";
  /** To every instance's panels of the meeting. */
  publish(meetingId: string, message: BusMessage): void;
  subscribe(meetingId: string, listener: (message: BusMessage) => void): Unsubscribe;
  /** The latest summary published for the meeting, for a panel that connects in between. */
  latest(meetingId: string): Promise<z.infer<typeof meetingSummarySchema> | null>;
  /** Takes (or keeps) ownership of a meeting for ttlMs; false when another instance holds it. */
  claim(meetingId: string, ttlMs: number): Promise<boolean>;
  release(meetingId: string): Promise<void>;
  /** Sends live input to the meeting's owner. */
  forward(meetingId: string, input: unknown): void;
  /** Receives the input other instances forward for meetings this instance owns. */
  onForwarded(meetingId: string, listener: (input: unknown) => void): Unsubscribe;
  close(): Promise<void>;
}

/** One instance: everything stays in this process. */
export function inProcessBus(): LiveBus {
  const listeners = new Map<string, Set<(message: BusMessage) => void>>();
  const latest = new Map<string, z.infer<typeof meetingSummarySchema>>();
  return {
    kind: "in-process",
    publish(meetingId, message) {
      if (message.kind === "summary") latest.set(meetingId, message.summary);
      if (message.kind === "ended") latest.delete(meetingId);
      for (const listener of listeners.get(meetingId) ?? []) listener(message);
    },
    subscribe(meetingId, listener) {
      const set = listeners.get(meetingId) ?? new Set();
      listeners.set(meetingId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(meetingId);
      };
    },
    latest: async (meetingId) => latest.get(meetingId) ?? null,
    claim: async () => true,
    release: async () => undefined,
    forward: () => undefined,
    onForwarded: () => () => undefined,
    close: async () => {
      listeners.clear();
      latest.clear();
    },
  };
}
