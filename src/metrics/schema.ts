import { z } from "zod";
import { metricOptionsSchema } from "./options.js";

export const ANALYSIS_SCHEMA_VERSION = 1;

export const speakerMetricsSchema = z.object({
  name: z.string(),
  talkMs: z.number().int().nonnegative(),
  /** talkMs / the sum of everyone's talkMs. */
  share: z.number().min(0).max(1),
  turns: z.number().int().nonnegative(),
  backchannels: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  wordsPerMinute: z.number().nonnegative().nullable(),
  questions: z.number().int().nonnegative(),
  openQuestions: z.number().int().nonnegative(),
  closedQuestions: z.number().int().nonnegative(),
  /** The speaker's longest turn, whether or not it reached the monologue threshold. */
  longestMonologueMs: z.number().int().nonnegative(),
  interruptionsMade: z.number().int().nonnegative(),
  interruptionsReceived: z.number().int().nonnegative(),
});
export type SpeakerMetrics = z.infer<typeof speakerMetricsSchema>;

export const monologueSchema = z.object({
  speaker: z.string(),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  durationMs: z.number().int().nonnegative(),
});
export type Monologue = z.infer<typeof monologueSchema>;

export const responseGapSchema = z.object({
  speaker: z.string(),
  after: z.string(),
  atMs: z.number().int().nonnegative(),
  /** Negative when the speaker started before the other finished. */
  gapMs: z.number().int(),
});
export type ResponseGap = z.infer<typeof responseGapSchema>;

export const interruptionSchema = z.object({
  by: z.string(),
  of: z.string(),
  utteranceId: z.string(),
  atMs: z.number().int().nonnegative(),
  overlapMs: z.number().int().nonnegative(),
});

export const shareVerdictSchema = z.enum(["below", "within", "above"]);
export type ShareVerdict = z.infer<typeof shareVerdictSchema>;

export const managerMetricsSchema = z.object({
  name: z.string(),
  share: z.number().min(0).max(1),
  fairShare: z.number().min(0).max(1),
  /** The range the share is judged against: the 1:1 range for two people, fair share ± tolerance otherwise. */
  expectedShare: z.tuple([z.number(), z.number()]),
  shareVerdict: shareVerdictSchema,
  oneOnOne: z.boolean(),
  interruptionsMade: z.number().int().nonnegative(),
  questions: z.number().int().nonnegative(),
  openQuestions: z.number().int().nonnegative(),
  closedQuestions: z.number().int().nonnegative(),
  medianResponseGapMs: z.number().nullable(),
  responses: z.number().int().nonnegative(),
  longestMonologueMs: z.number().int().nonnegative(),
  monologues: z.number().int().nonnegative(),
  quietPeople: z.array(z.object({ name: z.string(), share: z.number() })),
});
export type ManagerMetrics = z.infer<typeof managerMetricsSchema>;

export const analysisSchema = z.object({
  schemaVersion: z.literal(ANALYSIS_SCHEMA_VERSION),
  durationMs: z.number().int().nonnegative(),
  speechMs: z.number().int().nonnegative(),
  /** Two or more named people at once; null when speakers are unknown. */
  overlapMs: z.number().int().nonnegative().nullable(),
  speakersKnown: z.boolean(),
  unattributedMs: z.number().int().nonnegative(),
  utterances: z.number().int().nonnegative(),
  fairShare: z.number().min(0).max(1).nullable(),
  /** Normalised entropy of shares: 1 is perfectly even, 0 is one voice; null under two speakers. */
  balance: z.number().min(0).max(1).nullable(),
  speakers: z.array(speakerMetricsSchema),
  monologues: z.array(monologueSchema),
  interruptions: z.array(interruptionSchema),
  responseGaps: z.object({
    count: z.number().int().nonnegative(),
    medianMs: z.number().nullable(),
  }),
  manager: managerMetricsSchema.nullable(),
  thresholds: metricOptionsSchema,
});
export type Analysis = z.infer<typeof analysisSchema>;
