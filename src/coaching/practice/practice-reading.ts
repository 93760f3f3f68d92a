import { z } from "zod";
import { practiceFeedbackSchema } from "./read-attempt.js";

/**
 * The feedback on an attempt and who wrote it, in the coaching's terms: `llm` when the model wrote it and every
 * check passed, `heuristic` when the rules did; `fallbackReason` says in one line why the rules stood in for a
 * configured model (null when the model wrote it or none is configured).
 */
export const practiceReadingSchema = practiceFeedbackSchema.extend({
  source: z.enum(["heuristic", "llm"]),
  fallbackReason: z.string().nullable(),
});
export type PracticeReading = z.infer<typeof practiceReadingSchema>;
