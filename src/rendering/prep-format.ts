import type { MomentKind } from "../coaching/schema.js";
import { dateRange } from "../format/dates.js";
import { percent } from "../format/percent.js";
import { sparkline } from "../format/sparkline.js";
import type { Prep, ShareDirection } from "../prep/prep.js";

export const KIND_LABEL: Record<MomentKind, string> = {
  "missed-concern": "concern",
  "missed-question": "question",
  "not-picked-up": "not picked up",
  interrupted: "cut off",
  "missed-long-turn": "long point",
  "quick-reply": "quick reply",
};

export function shareDirectionText(d: ShareDirection): string {
  return d === "not-enough-meetings" ? "no direction yet" : d;
}

/** The person's share per meeting, drawn on a 0–100% scale so a one-on-one and a group meeting compare. */
export function shareSparkline(prep: Prep): string {
  return sparkline(prep.share.values, { min: 0, max: 1 });
}

export function shareSummary(prep: Prep): string {
  const s = prep.share;
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : percent(x));
  if (s.values.length === 1) return `${pct(s.values[0])}, first shared meeting: no direction yet`;
  const change = s.direction === "not-enough-meetings" ? pct(s.values[s.values.length - 1]) : `${pct(s.earlier)} → ${pct(s.recent)}`;
  return `${change}, ${shareDirectionText(s.direction)}`;
}

export function sourceText(prep: Prep): string {
  if (prep.source === "llm")
    return `questions by the prompt set (language model)${prep.dropped > 0 ? `; ${prep.dropped} answer${prep.dropped === 1 ? "" : "s"} dropped: not found in stored meetings` : ""}`;
  return prep.fallbackReason ? `heuristic: ${prep.fallbackReason}` : "heuristic (no language model)";
}

export function span(prep: Prep): string {
  const n = prep.meetings.length;
  return n === 0 ? "" : `${n} shared meeting${n === 1 ? "" : "s"}, ${dateRange(prep.meetings)}`;
}
