import { z } from "zod";

/** One person's continuous piece of speech, after Teams display chunks are merged. */
export const utteranceSchema = z.object({
  /** Stable within one transcript: `u1`, `u2`, … in start order. */
  id: z.string(),
  /** Display name exactly as the transcript wrote it; null when the tenant turned attribution off. */
  speaker: z.string().nullable(),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  text: z.string(),
});
export type Utterance = z.infer<typeof utteranceSchema>;

/**
 * The version of the Utterance shape, stored beside each transcript's utterances (transcripts.schema_version).
 * A change that is not additive bumps it, and storage then migrates or refuses transcripts of the older version.
 */
export const UTTERANCE_SCHEMA_VERSION = 1;

export const transcriptFormatSchema = z.enum(["vtt-download", "vtt-graph", "vtt-metadata", "json"]);
export type TranscriptFormat = z.infer<typeof transcriptFormatSchema>;

export const transcriptSchema = z.object({
  format: transcriptFormatSchema,
  utterances: z.array(utteranceSchema),
  /** Number of cues (or JSON items) read, before chunks were merged. */
  cueCount: z.number().int().nonnegative(),
  /** ISO time the transcript's zero point corresponds to, when the source says (metadataContent, ISO JSON). */
  startedAt: z.string().nullable(),
  /** The language the source says was spoken (metadataContent's spokenLanguage, e.g. "en-us"); null when it does not say. */
  language: z.string().nullable(),
});
export type Transcript = z.infer<typeof transcriptSchema>;

/** Limits that keep a hostile or broken file from exhausting memory. */
export interface ParseLimits {
  maxBytes: number;
  maxCues: number;
  maxDurationMs: number;
}

export const defaultParseLimits: ParseLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxCues: 500_000,
  maxDurationMs: 24 * 60 * 60 * 1000,
};
