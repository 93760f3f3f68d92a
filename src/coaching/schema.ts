import { z } from "zod";
import { meetingLanguageSchema } from "./language.js";

/** Why a moment was picked: what the other person did, or what the manager did. */
export const momentKindSchema = z.enum([
  "missed-concern", // a worry, doubt, problem, disagreement or personal statement, answered without restating
  "missed-question", // a question, answered without checking what was asked
  "missed-long-turn", // a long point, followed without restating
  "interrupted", // the manager talked over them and they stopped
  "quick-reply", // the manager answered a long turn within ~300 ms (or before it ended)
  "not-picked-up", // someone who spoke up once, and nobody took it up
]);
export type MomentKind = z.infer<typeof momentKindSchema>;

/** Who wrote an item of the coaching: the model (its answer held every check) or the rules. */
export const itemSourceSchema = z.enum(["model", "rules"]);

/** A moment where the manager could have shown they listened, with a restatement they could have made. */
export const coachingMomentSchema = z.object({
  /** The other person's utterance the moment is about. */
  utteranceId: z.string(),
  atMs: z.number().int().nonnegative(),
  speaker: z.string(),
  /** Verbatim from that utterance. */
  quote: z.string(),
  kind: momentKindSchema,
  /** What the manager did, in a sentence. */
  whatHappened: z.string(),
  /** A restatement in the manager's voice that ends with a check. */
  suggestion: z.string(),
  /** The manager's reply, when there was one. */
  replyUtteranceId: z.string().nullable(),
  /** Who judged this moment (absent in reports made before it existed). */
  source: itemSourceSchema.optional(),
});
export type CoachingMoment = z.infer<typeof coachingMomentSchema>;

/** A restatement the manager did make: what to keep doing. */
export const keptRestatementSchema = z.object({
  /** The manager's restating utterance. */
  utteranceId: z.string(),
  atMs: z.number().int().nonnegative(),
  /** The restating sentence, verbatim. */
  quote: z.string(),
  /** Whom they restated, and the utterance restated. */
  of: z.string(),
  ofUtteranceId: z.string(),
  /** Content words of the restatement taken up from what they said (absent in reports made before it existed). */
  takesUp: z.number().int().nonnegative().optional(),
  /** Who judged it a restatement (absent in reports made before it existed). */
  source: itemSourceSchema.optional(),
  /** Their next words set it right ("Yeah, a bit. But it's more the sheet."): it counts, but is held up as no example. */
  corrected: z.boolean().optional(),
});
export type KeptRestatement = z.infer<typeof keptRestatementSchema>;

export const coachSourceSchema = z.enum(["llm", "heuristic"]);

export const coachingSchema = z.object({
  source: coachSourceSchema,
  /** Set when an LLM was configured but could not be used, so the heuristic coached instead. */
  fallbackReason: z.string().nullable(),
  manager: z.string(),
  /** Most important first. */
  moments: z.array(coachingMomentSchema),
  kept: z.array(keptRestatementSchema),
  /** One habit to try next time. */
  habit: z.string(),
  candidates: z.number().int().nonnegative(),
  /** The meeting's language; moments are judged for English only (absent in reports made before it existed). */
  language: meetingLanguageSchema.optional(),
  /** LLM answers dropped by the hallucination guard (unknown ids, quotes not in the utterance, …). */
  dropped: z.number().int().nonnegative(),
  /** The dropped answers by reason, most first (absent in reports made before it existed). */
  drops: z.array(z.object({ reason: z.string(), count: z.number().int().positive() })).optional(),
  tokens: z.object({
    /** Prompt tokens Attune sent to the LLM (0 for the heuristic coach). */
    prompt: z.number().int().nonnegative(),
    completion: z.number().int().nonnegative(),
    /** Tokens of the whole transcript text, for comparison. */
    transcript: z.number().int().nonnegative(),
    requests: z.number().int().nonnegative(),
  }),
});
export type Coaching = z.infer<typeof coachingSchema>;

/**
 * The version of the Coaching shape above, stored beside each coaching report (coaching_reports.schema_version).
 * A change that is not additive bumps it, and storage then migrates or refuses reports of the older version.
 */
export const COACHING_SCHEMA_VERSION = 1;
