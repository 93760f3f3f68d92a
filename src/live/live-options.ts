import { z } from "zod";

/**
 * Live mode's thresholds with their defaults (docs/live.md). Times are meeting time, from the
 * segments' own timestamps, so a replay at any speed nudges at the same moments.
 */
export const liveOptionsSchema = z.object({
  /** A final segment waits this long (meeting time) for earlier-starting ones before it is settled in start order. */
  settleMs: z.number().int().nonnegative().default(3000),
  /** A partial segment open longer than this is settled as it stands. */
  maxOpenMs: z.number().int().positive().default(120_000),
  /** Segments waiting to settle, at most (the oldest settle first beyond it). */
  maxWaiting: z.number().int().positive().default(400),
  /** Partial segments open at once in one meeting, at most (a new one beyond it settles the oldest opened). */
  maxOpen: z.number().int().positive().default(400),
  /** People one meeting may name; segments of more are refused. */
  maxSpeakers: z.number().int().positive().default(100),
  /** People on one meeting's roster besides its manager (start's participants, join events, speakers), at most; more are refused. */
  maxPeople: z.number().int().positive().default(300),
  /** "Recently": the window recent shares cover. */
  recentWindowMs: z
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  /** The recent window is kept in buckets this long. */
  bucketMs: z.number().int().positive().default(5000),

  /** share: in a group (3+ people) the manager's recent share above fair share × this… */
  shareFactor: z.number().min(1).default(1.5),
  /** …continuously for this long. */
  shareSustainMs: z.number().int().nonnegative().default(90_000),
  /** one-on-one-share: the manager's recent share in a one-on-one above this, as long as shareSustainMs. */
  oneOnOneMaxShare: z.number().min(0).max(1).default(0.6),
  /** monologue: the manager holds the floor this long. */
  monologueMs: z.number().int().positive().default(90_000),
  /** silent: someone present has not spoken for this long (or at all, this far into the meeting). */
  silentMs: z
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** interruptions: the manager talks over someone this many times… */
  interruptionCount: z.number().int().positive().default(2),
  /** …within this long. */
  interruptionWindowMs: z
    .number()
    .int()
    .positive()
    .default(5 * 60_000),

  /** After a nudge of a kind, none of that kind for this long. */
  cooldownMs: z
    .object({
      share: z
        .number()
        .int()
        .nonnegative()
        .default(10 * 60_000),
      "one-on-one-share": z
        .number()
        .int()
        .nonnegative()
        .default(10 * 60_000),
      monologue: z
        .number()
        .int()
        .nonnegative()
        .default(3 * 60_000),
      silent: z
        .number()
        .int()
        .nonnegative()
        .default(10 * 60_000),
      interruptions: z
        .number()
        .int()
        .nonnegative()
        .default(10 * 60_000),
    })
    .prefault({}),
  /** At most one nudge in this long, whatever its kind. */
  minGapMs: z.number().int().nonnegative().default(60_000),
  /** At most this many nudges in one meeting. */
  maxPerMeeting: z.number().int().nonnegative().default(8),
  /** Kinds that are off (none by default). */
  disabled: z.array(z.enum(["share", "one-on-one-share", "monologue", "silent", "interruptions"])).default([]),
});
export type LiveOptions = z.infer<typeof liveOptionsSchema>;

export const defaultLiveOptions: LiveOptions = liveOptionsSchema.parse({});

export function liveOptions(overrides: Partial<LiveOptions> = {}): LiveOptions {
  return liveOptionsSchema.parse({ ...overrides });
}
