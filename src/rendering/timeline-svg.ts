import { praiseOnCard } from "../coaching/keep-doing.js";
import type { Coaching } from "../coaching/schema.js";
import { clock } from "../format/durations.js";
import { percent } from "../format/percent.js";
import type { Analysis } from "../metrics/schema.js";
import type { Utterance } from "../transcript/schema.js";
import { escapeXml, plainName } from "./markup.js";
import { COLORS, legend, num, PAD, TIMELINE_WIDTH } from "./timeline-legend.js";
import { timeTicks } from "./time-ticks.js";

/**
 * The meeting timeline as SVG: who spoke when, one row per speaker (the manager first), with the monologues
 * outlined and the manager's moments marked (a moment to restate on the row of the person who raised it, a
 * restatement kept and an interruption made on the manager's row). Written by Attune, no library: a few
 * rectangles and markers. Pure.
 *
 * Its size is bounded whatever the meeting's length: speech is merged into segments in pixel space (a gap or
 * a segment under a pixel joins its neighbour), so a row holds at most one segment per two pixels of width.
 * Every name and quote is escaped; colours are presentation attributes that the page's CSS may override
 * (classes `tl-…`), so the same SVG suits light, dark and print.
 */

export interface TimelineInput {
  utterances: readonly Utterance[];
  analysis: Analysis;
  coaching?: Coaching | null;
}

export { TIMELINE_WIDTH } from "./timeline-legend.js";
const LABEL_H = 15;
const BAR_H = 12;
const ROW_H = LABEL_H + BAR_H + 9;
const AXIS_H = 26;
/** Segments closer than this (in pixels) are drawn as one. */
const MERGE_PX = 1;

export function timelineSvg(input: TimelineInput): string {
  const { analysis: a, coaching } = input;
  const rows = rowsOf(input);
  const start = input.utterances.reduce((min, u) => Math.min(min, u.startMs), Number.POSITIVE_INFINITY);
  const end = input.utterances.reduce((max, u) => Math.max(max, u.endMs), 0);
  const span = Math.max(1, end - (Number.isFinite(start) ? start : 0));
  const t0 = Number.isFinite(start) ? start : 0;
  const plot = TIMELINE_WIDTH - 2 * PAD;
  const x = (ms: number) => PAD + ((ms - t0) / span) * plot;
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const barY = (i: number) => PAD + i * ROW_H + LABEL_H;
  const manager = a.manager?.name ?? null;

  const parts: string[] = [];
  rows.forEach((row, i) => {
    const cls = row.isManager ? "tl-bar tl-manager" : "tl-bar";
    const fill = row.isManager ? COLORS.manager : COLORS.other;
    parts.push(
      `<text class="tl-label${row.isManager ? " tl-you" : ""}" x="${PAD}" y="${num(barY(i) - 4)}">${escapeXml(row.label)}</text>`,
      `<rect class="tl-track" x="${PAD}" y="${num(barY(i))}" width="${plot}" height="${BAR_H}" fill="#f0f0f0"/>`,
    );
    const segments = mergeInPixels(row.intervals.map(([s, e]) => [x(s), x(e)]));
    const d = segments.map(
      ([x0, x1]) => `M${num(x0)} ${num(barY(i))}h${num(Math.max(1, x1 - x0))}v${BAR_H}h${num(-Math.max(1, x1 - x0))}z`,
    );
    if (d.length > 0) parts.push(`<path class="${cls}" fill="${fill}" d="${d.join("")}"/>`);
  });

  for (const m of a.monologues) {
    const i = rowIndex.get(m.speaker);
    if (i === undefined) continue;
    const tip = `${m.speaker === manager ? "You" : plainName(m.speaker)} held the floor for ${clock(m.durationMs)} (${clock(m.startMs - t0)}–${clock(m.endMs - t0)})`;
    parts.push(
      `<rect class="tl-monologue" x="${num(x(m.startMs))}" y="${num(barY(i) - 2)}" width="${num(Math.max(2, x(m.endMs) - x(m.startMs)))}" height="${BAR_H + 4}" fill="none" stroke="${COLORS.monologue}" stroke-width="1.5" stroke-dasharray="4 2"><title>${escapeXml(tip)}</title></rect>`,
    );
  }

  const mine = manager === null ? undefined : rowIndex.get(manager);
  for (const moment of coaching?.moments ?? []) {
    const i = rowIndex.get(moment.speaker);
    if (i === undefined) continue;
    const cx = x(moment.atMs);
    const y = barY(i) + BAR_H + 1;
    const tip = `${clock(moment.atMs - t0)} · a moment to restate: “${moment.quote}”`;
    parts.push(
      `<path class="tl-missed" d="M${num(cx)} ${num(y)}l4 7h-8z" fill="${COLORS.missed}"><title>${escapeXml(truncate(tip, 200))}</title></path>`,
    );
  }
  if (mine !== undefined) {
    // the restatements the card praises, not every one the detector credited (in a group discussion most are not)
    for (const k of coaching ? praiseOnCard(coaching, a) : []) {
      const tip = `${clock(k.atMs - t0)} · you said back what you heard: “${k.quote}”`;
      parts.push(
        `<circle class="tl-kept" cx="${num(x(k.atMs))}" cy="${num(barY(mine) + BAR_H / 2)}" r="4" fill="${COLORS.kept}" stroke="#fff"><title>${escapeXml(truncate(tip, 200))}</title></circle>`,
      );
    }
    for (const cut of a.interruptions.filter((c) => c.by === manager)) {
      const cx = x(cut.atMs);
      const y = barY(mine) + BAR_H + 5;
      parts.push(
        `<path class="tl-interruption" d="M${num(cx - 3)} ${num(y - 3)}l6 6m0 -6l-6 6" stroke="${COLORS.monologue}" stroke-width="1.5"><title>${escapeXml(`${clock(cut.atMs - t0)} · you talked over ${plainName(cut.of)}, who then stopped`)}</title></path>`,
      );
    }
  }

  const axisY = PAD + rows.length * ROW_H + 2;
  parts.push(`<line class="tl-axis" x1="${PAD}" x2="${PAD + plot}" y1="${num(axisY)}" y2="${num(axisY)}" stroke="${COLORS.axis}"/>`);
  for (const tick of timeTicks(span)) {
    const tx = PAD + (tick / span) * plot;
    const anchor = tick === 0 ? "start" : tx > PAD + plot - 20 ? "end" : "middle";
    parts.push(
      `<line class="tl-axis" x1="${num(tx)}" x2="${num(tx)}" y1="${num(axisY)}" y2="${num(axisY + 4)}" stroke="${COLORS.axis}"/>`,
      `<text class="tl-tick" x="${num(tx)}" y="${num(axisY + 16)}" text-anchor="${anchor}">${clock(tick)}</text>`,
    );
  }
  const key = legend(PAD, axisY + AXIS_H + 4, coaching !== undefined && coaching !== null, mine !== undefined);
  parts.push(key.svg);
  const height = axisY + AXIS_H + key.height;

  const summary = rows.map((r) => `${r.label}: ${r.share}`).join("; ");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="attune-timeline" viewBox="0 0 ${TIMELINE_WIDTH} ${num(height)}" width="${TIMELINE_WIDTH}" height="${num(height)}" role="img" aria-labelledby="tl-title tl-desc" font-family="'Segoe UI', system-ui, sans-serif" font-size="12">`,
    `<title id="tl-title">Who spoke when (${clock(span)})</title>`,
    `<desc id="tl-desc">${escapeXml(`One row per speaker, the meeting from left to right. Share of the talk: ${summary}.`)}</desc>`,
    ...parts,
    "</svg>",
  ].join("");
}

interface Row {
  key: string | null;
  label: string;
  share: string;
  isManager: boolean;
  intervals: [number, number][];
}

/** The named speakers in the analysis' order with the manager first, and the unnamed speech last. */
function rowsOf({ utterances, analysis: a }: TimelineInput): Row[] {
  const byKey = new Map<string | null, [number, number][]>();
  for (const u of utterances) {
    const list = byKey.get(u.speaker) ?? [];
    list.push([u.startMs, Math.max(u.startMs, u.endMs)]);
    byKey.set(u.speaker, list);
  }
  const manager = a.manager?.name ?? null;
  const speakers = [...a.speakers].sort((p, q) => Number(q.name === manager) - Number(p.name === manager));
  const rows: Row[] = speakers.map((s) => ({
    key: s.name,
    label: s.name === manager ? `You · ${plainName(s.name)}` : plainName(s.name),
    share: percent(s.share),
    isManager: s.name === manager,
    intervals: byKey.get(s.name) ?? [],
  }));
  const unnamed = byKey.get(null);
  if (unnamed) rows.push({ key: null, label: "No speaker name", share: "not counted", isManager: false, intervals: unnamed });
  return rows;
}

/** Sorted pixel intervals, merged where they overlap or lie under a pixel apart. */
export function mergeInPixels(intervals: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...intervals].sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    // a segment narrower than a pixel is drawn a pixel wide, so the next one must clear that pixel too
    if (last && s - Math.max(last[1], last[0] + 1) < MERGE_PX) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
