import { z } from "zod";

/** Every threshold Attune uses, with its default and where the default comes from (docs/metrics.md). */
export const metricOptionsSchema = z.object({
  /** Same-speaker pauses up to this long stay one turn (AMI median same-speaker gap ≈ 1.9 s). */
  joinGapMs: z.number().int().nonnegative().default(2000),
  /** A backchannel is shorter than this… */
  backchannelMaxMs: z.number().int().positive().default(1500),
  /** …and has at most this many words. */
  backchannelMaxWords: z.number().int().positive().default(3),
  /** One speaker holding the floor this long is a monologue ("one-minute rule"). */
  monologueMs: z.number().int().positive().default(60_000),
  /** Overlaps shorter than this are ordinary turn-taking, not interruptions. */
  interruptionMinOverlapMs: z.number().int().nonnegative().default(300),
  /** The interrupted speaker must stop within this long of the interrupter's start. */
  interruptionYieldMs: z.number().int().positive().default(2000),
  /** Someone "barely spoke" below this fraction of the fair share. */
  quietFractionOfFairShare: z.number().positive().max(1).default(0.5),
  /** The manager's share in a one-on-one: a vendor heuristic (no study), 20–40 %. */
  oneOnOneShareRange: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.2, 0.4]),
  /** A group meeting's manager share is "near fair share" within this factor either way. */
  groupShareTolerance: z.number().min(1).default(1.5),
});
export type MetricOptions = z.infer<typeof metricOptionsSchema>;

export const defaultMetricOptions: MetricOptions = metricOptionsSchema.parse({});
