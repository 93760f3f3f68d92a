import { z } from "zod";

/** The output schema of each prompt, by the name a prompt's config.json gives in "output". */
export const promptOutputs = {
  "listening-moments": z.object({
    moments: z.array(
      z.object({
        /** A moment id it was given, or "new" for a moment it found itself. */
        momentId: z.string(),
        utteranceId: z.string(),
        /** For a new moment: what kind it is (one of the coaching's moment kinds). */
        kind: z.string(),
        quote: z.string(),
        restatementDue: z.boolean(),
        whatHappened: z.string(),
        suggestion: z.string(),
      }),
    ),
    /** What went well: the manager's own utterances that said back the other person's content or feeling. */
    praise: z.array(z.object({ utteranceId: z.string(), quote: z.string(), ofUtteranceId: z.string() })),
  }),
  "coaching-summary": z.object({
    habit: z.string(),
    wentWell: z.string(),
  }),
  "one-on-one-prep": z.object({
    questions: z.array(z.object({ question: z.string(), quote: z.string(), utteranceId: z.string() })),
    reminder: z.string(),
  }),
  "practice-feedback": z.object({
    restates: z.boolean(),
    feedback: z.string(),
    /** A restatement of the heart, ending with "Did I get that right?"; null when the attempt took it up. */
    example: z.string().nullable(),
  }),
} as const;

export type PromptOutputName = keyof typeof promptOutputs;
export type PromptOutput<N extends PromptOutputName> = z.infer<(typeof promptOutputs)[N]>;

export function isPromptOutputName(name: string): name is PromptOutputName {
  return Object.hasOwn(promptOutputs, name);
}
