import { z } from "zod";
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
});
export type JsonReport = z.infer<typeof jsonReportSchema>;

export function jsonReport({ analysis, source, format, cueCount }: ReportInput): JsonReport {
  return { ...analysis, transcript: { source, format, cueCount } };
}
