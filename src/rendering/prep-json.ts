import { z } from "zod";
import { momentKindSchema } from "../coaching/schema.js";
import type { Prep } from "../prep/prep.js";
import { shareSparkline } from "./prep-format.js";

export const PREP_SCHEMA_VERSION = 1;

const date = z.iso.datetime();

/** The `attune prep --format json` contract. Additive changes keep schemaVersion; anything else bumps it. */
export const prepJsonSchema = z.object({
  schemaVersion: z.literal(PREP_SCHEMA_VERSION),
  kind: z.literal("one-on-one-prep"),
  source: z.enum(["heuristic", "llm"]),
  fallbackReason: z.string().nullable(),
  manager: z.string(),
  person: z.string(),
  firstName: z.string(),
  /** Oldest first. */
  meetings: z.array(
    z.object({
      meetingId: z.string(),
      title: z.string(),
      at: date,
      oneOnOne: z.boolean(),
      personShare: z.number().min(0).max(1).nullable(),
      managerShare: z.number().min(0).max(1).nullable(),
      fairShare: z.number().min(0).max(1).nullable(),
      expectedShare: z.tuple([z.number(), z.number()]).nullable(),
    }),
  ),
  share: z.object({
    values: z.array(z.number().nullable()),
    earlier: z.number().nullable(),
    recent: z.number().nullable(),
    direction: z.enum(["rising", "steady", "falling", "not-enough-meetings"]),
    sparkline: z.string(),
  }),
  raised: z.array(
    z.object({
      meetingId: z.string(),
      title: z.string(),
      at: date,
      utteranceId: z.string(),
      kind: momentKindSchema,
      quote: z.string(),
      whatHappened: z.string(),
    }),
  ),
  wentWell: z.array(z.object({ meetingId: z.string(), title: z.string(), at: date, quote: z.string(), theirWords: z.string().nullable() })),
  questions: z.array(
    z.object({ question: z.string(), quote: z.string().nullable(), meetingId: z.string().nullable(), at: date.nullable() }),
  ),
  reminder: z.string(),
  habit: z
    .object({
      meetings: z.number().int().positive(),
      oneOnOne: z.boolean(),
      managerShare: z.number().min(0).max(1),
      expectedShare: z.tuple([z.number(), z.number()]),
      personShare: z.number().min(0).max(1).nullable(),
      interruptions: z.number().int().nonnegative(),
    })
    .nullable(),
  dropped: z.number().int().nonnegative(),
  tokens: z.object({
    prompt: z.number().int().nonnegative(),
    completion: z.number().int().nonnegative(),
    requests: z.number().int().nonnegative(),
  }),
});
export type PrepJson = z.infer<typeof prepJsonSchema>;

export function prepJson(prep: Prep): PrepJson {
  const iso = (d: Date) => d.toISOString();
  return {
    schemaVersion: PREP_SCHEMA_VERSION,
    kind: "one-on-one-prep",
    source: prep.source,
    fallbackReason: prep.fallbackReason,
    manager: prep.manager,
    person: prep.person,
    firstName: prep.firstName,
    meetings: prep.meetings.map((m) => ({ ...m, at: iso(m.at) })),
    share: { ...prep.share, sparkline: shareSparkline(prep) },
    raised: prep.raised.map((r) => ({ ...r, at: iso(r.at) })),
    wentWell: prep.wentWell.map((w) => ({ ...w, at: iso(w.at) })),
    questions: prep.questions.map((q) => ({ ...q, at: q.at ? iso(q.at) : null })),
    reminder: prep.reminder,
    habit: prep.habit,
    dropped: prep.dropped,
    tokens: prep.tokens,
  };
}
