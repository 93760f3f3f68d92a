import { z } from "zod";
import { coachingSchema } from "../coaching/schema.js";
import { analysisSchema } from "../metrics/schema.js";
import { transcriptFormatSchema } from "../transcript/schema.js";
import type { ReportInput } from "./report-input.js";

/** The `--format json` contract. Additive changes keep schemaVersion; anything else bumps it. */
export const jsonReportSchema = analysisSchema.extend({
  transcript: z.object({
    source: z.string(),
    format: transcriptFormatSchema,
    cueCount: z.number().int().nonnegative(),
  }),
  /** Present with --coach. */
  coaching: coachingSchema.optional(),
});
export type JsonReport = z.infer<typeof jsonReportSchema>;

export function jsonReport({ analysis, source, format, cueCount, coaching }: ReportInput): JsonReport {
  return { ...analysis, transcript: { source, format, cueCount }, ...(coaching && { coaching }) };
}
