/**
 * The chart elements Attune's cards use, as zod schemas written from the Teams platform documentation
 * ("Charts in Adaptive Cards") and the Teams SDK's card schema: `Chart.Donut`, `Chart.HorizontalBar` and
 * `Chart.Line`. The `adaptivecards` parser does not know them (it reports an unknown element and uses the
 * fallback), so the card validator checks each against these, strictly: a misspelt property, a colour outside
 * Teams' chart palette, a missing fallback, or a chart type not listed here is a problem. Attune's own rule on
 * top of the documentation: every chart has a fallback element (never "drop"), so no client shows nothing.
 */
import { z } from "zod";

/** Teams' named chart colours (the documented enumeration). */
const CHART_COLORS = [
  "good",
  "warning",
  "attention",
  "neutral",
  "categoricalRed",
  "categoricalPurple",
  "categoricalLavender",
  "categoricalBlue",
  "categoricalLightBlue",
  "categoricalTeal",
  "categoricalGreen",
  "categoricalLime",
  "categoricalMarigold",
  "sequential1",
  "sequential2",
  "sequential3",
  "sequential4",
  "sequential5",
  "sequential6",
  "sequential7",
  "sequential8",
  "divergingBlue",
  "divergingLightBlue",
  "divergingCyan",
  "divergingTeal",
  "divergingYellow",
  "divergingPeach",
  "divergingLightRed",
  "divergingRed",
  "divergingMaroon",
  "divergingGray",
] as const;

const color = z.enum(CHART_COLORS);
const text = z.string().min(1);
const value = z.number();

/** The properties every element has (the ones a chart may use), and a fallback element. */
const common = {
  id: z.string().optional(),
  isVisible: z.boolean().optional(),
  separator: z.boolean().optional(),
  spacing: z.enum(["None", "Small", "Default", "Medium", "Large", "ExtraLarge", "Padding"]).optional(),
  height: z.enum(["auto", "stretch"]).optional(),
  horizontalAlignment: z.enum(["Left", "Center", "Right"]).optional(),
  title: text.optional(),
  colorSet: z.string().optional(),
  /** An element object for clients without charts; the card validator checks it as any other element. */
  fallback: z.looseObject({ type: z.string().regex(/^(?!Chart\.)/, "a chart's fallback must not be a chart") }),
};
const axes = { xAxisTitle: text.optional(), yAxisTitle: text.optional(), color: color.optional() };

export const CHART_SCHEMAS = {
  "Chart.Donut": z.strictObject({
    type: z.literal("Chart.Donut"),
    ...common,
    data: z.array(z.strictObject({ legend: text, value: value.nonnegative(), color: color.optional() })).min(1),
  }),
  "Chart.HorizontalBar": z.strictObject({
    type: z.literal("Chart.HorizontalBar"),
    ...common,
    ...axes,
    displayMode: z.enum(["AbsoluteWithAxis", "AbsoluteNoAxis", "PartToWhole"]).optional(),
    data: z.array(z.strictObject({ x: text, y: value, color: color.optional() })).min(1),
  }),
  "Chart.Line": z.strictObject({
    type: z.literal("Chart.Line"),
    ...common,
    ...axes,
    data: z
      .array(
        z.strictObject({
          legend: text,
          values: z.array(z.strictObject({ x: z.union([text, value]), y: value })).min(1),
          color: color.optional(),
        }),
      )
      .min(1),
  }),
} as const;

export type ChartType = keyof typeof CHART_SCHEMAS;

export function isChartType(type: unknown): type is ChartType {
  return typeof type === "string" && Object.hasOwn(CHART_SCHEMAS, type);
}

/** What is wrong with a chart element, as lines under `path`; empty when it matches its schema. */
export function chartProblems(node: unknown, type: ChartType, path: string): string[] {
  const parsed = CHART_SCHEMAS[type].safeParse(node);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${[path, ...issue.path].join(".")}: ${type}: ${issue.message}`);
}
