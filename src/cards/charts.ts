/**
 * Teams' native chart elements for Adaptive Cards (`Chart.Donut`, `Chart.HorizontalBar`, `Chart.Line`), as the
 * Teams platform documents them ("Charts in Adaptive Cards"). Teams clients that have them draw the chart; any
 * other client renders the element's `fallback`, so every chart here carries one: text that says the same
 * figures in words, for people who cannot see the chart and for clients that cannot draw it. Pure builders.
 */
import type { CardElement } from "./adaptive-card.js";

/** The named chart colours Attune uses (Teams' chart palette; the documented set is larger). */
export type ChartColor = "categoricalPurple" | "categoricalTeal" | "categoricalMarigold" | "categoricalLightBlue" | "neutral";

/** The manager's own figures are drawn in this colour everywhere; everyone else in `OTHERS_COLOR`. */
export const MANAGER_COLOR: ChartColor = "categoricalPurple";
export const OTHERS_COLOR: ChartColor = "categoricalLightBlue";

export interface DonutSlice {
  legend: string;
  value: number;
  color?: ChartColor;
}

export interface Bar {
  /** The bar's label. */
  x: string;
  y: number;
  color?: ChartColor;
}

export interface LineSeries {
  legend: string;
  values: { x: string; y: number }[];
  color?: ChartColor;
}

interface ChartOptions {
  title?: string;
  spacing?: "None" | "Small" | "Default" | "Medium" | "Large";
}

/** A donut: parts of a whole (a one-on-one's talk time). */
export function donutChart(data: DonutSlice[], fallback: CardElement, options: ChartOptions = {}): CardElement {
  return { type: "Chart.Donut", ...options, data: data.map(roundValue), fallback };
}

/** One horizontal bar per item (each speaker's share), with a value axis. */
export function horizontalBarChart(
  data: Bar[],
  fallback: CardElement,
  options: ChartOptions & { xAxisTitle?: string; yAxisTitle?: string } = {},
): CardElement {
  return {
    type: "Chart.HorizontalBar",
    ...options,
    displayMode: "AbsoluteWithAxis",
    data: data.map((b) => ({ ...b, y: round(b.y) })),
    fallback,
  };
}

/** Lines over the same categories (meetings, oldest first). */
export function lineChart(
  series: LineSeries[],
  fallback: CardElement,
  options: ChartOptions & { xAxisTitle?: string; yAxisTitle?: string } = {},
): CardElement {
  return {
    type: "Chart.Line",
    ...options,
    data: series.map((s) => ({ ...s, values: s.values.map((v) => ({ x: v.x, y: round(v.y) })) })),
    fallback,
  };
}

/**
 * Labels for the meetings of a series, oldest first: their short dates ("2 Mar"), numbered when two fall on
 * the same day so that a chart's categories stay distinct ("2 Mar (2)").
 */
export function meetingLabels(days: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return days.map((day) => {
    const n = (seen.get(day) ?? 0) + 1;
    seen.set(day, n);
    return n === 1 ? day : `${day} (${n})`;
  });
}

/** Chart values carry at most two decimals: the chart cannot show more, and the card stays small. */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function roundValue(slice: DonutSlice): DonutSlice {
  return { ...slice, value: round(slice.value) };
}
