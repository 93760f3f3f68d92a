import { z } from "zod";
import { shareVerdictSchema } from "../metrics/schema.js";
import { DIRECTIONS } from "../trend/direction.js";
import { INDICATOR_KEYS, type ListeningTrend } from "../trend/listening-trend.js";
import { sparklineFor } from "./listening-trend-format.js";

/** 2: count indicators are per hour of meeting (`unit`), with the counts beside them. */
export const LISTENING_TREND_SCHEMA_VERSION = 2;

/**
 * The `attune trend --format json` contract. Additive changes keep schemaVersion; anything else bumps it.
 * Added at 2, additively: `practice`.
 */
export const listeningTrendJsonSchema = z.object({
  schemaVersion: z.literal(LISTENING_TREND_SCHEMA_VERSION),
  kind: z.literal("listening-trend"),
  manager: z.string(),
  /** The most meetings asked for (--last). */
  last: z.number().int().positive(),
  /** Oldest first. */
  meetings: z.array(
    z.object({
      meetingId: z.string(),
      title: z.string(),
      at: z.iso.datetime(),
      durationMs: z.number().int().nonnegative(),
      oneOnOne: z.boolean(),
      share: z.number().min(0).max(1),
      fairShare: z.number().min(0).max(1),
      expectedShare: z.tuple([z.number(), z.number()]),
      shareVerdict: shareVerdictSchema,
      coached: z.boolean(),
    }),
  ),
  indicators: z.array(
    z.object({
      key: z.enum(INDICATOR_KEYS),
      label: z.string(),
      better: z.enum(["toward-range", "higher", "lower", "toward-1s"]),
      unit: z.enum(["per-hour", "share-points", "ms"]),
      /** One per meeting, aligned with `meetings`; share is share − fair share, responseGap in ms, counts per hour. */
      values: z.array(z.number().nullable()),
      /** Counts only: the count in each meeting. */
      counts: z.array(z.number().int().nonnegative().nullable()).nullable(),
      earlier: z.number().nullable(),
      recent: z.number().nullable(),
      direction: z.enum(DIRECTIONS),
      sparkline: z.string(),
    }),
  ),
  focus: z.object({
    indicator: z.enum(INDICATOR_KEYS).nullable(),
    because: z.enum(["slipping", "latest-coaching", "default"]),
    habit: z.string(),
  }),
  skipped: z.number().int().nonnegative(),
  /**
   * The manager's stored "Practise this" attempts, on whichever meeting (not only those shown): how many, and
   * how many said back.
   * Present, zeros included, whenever the counts were read (always, from `attune trend`); the text output says
   * nothing when there are none. Optional so that output written before it still parses.
   */
  practice: z.object({ attempts: z.number().int().nonnegative(), saidBack: z.number().int().nonnegative() }).optional(),
});
export type ListeningTrendJson = z.infer<typeof listeningTrendJsonSchema>;

export function listeningTrendJson(trend: ListeningTrend, last: number): ListeningTrendJson {
  return {
    schemaVersion: LISTENING_TREND_SCHEMA_VERSION,
    kind: "listening-trend",
    manager: trend.manager,
    last,
    meetings: trend.meetings.map((m) => ({ ...m, at: m.at.toISOString() })),
    indicators: trend.indicators.map((i) => ({
      key: i.key,
      label: i.label,
      better: i.better,
      unit: i.unit,
      values: i.values,
      counts: i.counts,
      earlier: i.earlier,
      recent: i.recent,
      direction: i.direction,
      sparkline: sparklineFor(i),
    })),
    focus: trend.focus,
    skipped: trend.skipped,
    ...(trend.practice && { practice: { attempts: trend.practice.attempts, saidBack: trend.practice.saidBack } }),
  };
}
