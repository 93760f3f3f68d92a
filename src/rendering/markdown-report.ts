import { coachingLines } from "./coaching-text.js";
import { clock } from "../format/durations.js";
import { percent } from "../format/percent.js";
import { responseGapShort } from "../format/response-gap.js";
import { shareAgainstRange } from "../format/share-range.js";
import { observations } from "./observations.js";
import type { ReportInput } from "./report-input.js";
import { countOf } from "../format/count.js";

/** The listening report as Markdown, for pasting into a document or a wiki. */
export function markdownReport({ analysis: a, source, format, cueCount, coaching }: ReportInput): string {
  const out: string[] = [];
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  out.push(`# Listening report: ${cell(source)}`, "");
  out.push(
    `${clock(a.durationMs)} long · ${countOf(a.speakers.length, "speaker")} · speech ${clock(a.speechMs)} · overlap ${a.overlapMs === null ? "unknown" : clock(a.overlapMs)} · ${countOf(cueCount, "cue")} (${format})`,
    "",
  );
  if (a.speakers.length > 0) {
    out.push(
      "| Speaker | Share | Talk | Turns | Questions | Interruptions made / received | Longest turn |",
      "|---|---:|---:|---:|---:|---:|---:|",
    );
    for (const s of a.speakers) {
      out.push(
        `| ${cell(s.name)} | ${percent(s.share)} | ${clock(s.talkMs)} | ${s.turns} | ${s.questions} | ${s.interruptionsMade} / ${s.interruptionsReceived} | ${clock(s.longestMonologueMs)} |`,
      );
    }
    out.push("");
    if (a.fairShare !== null)
      out.push(
        `Fair share ${percent(a.fairShare)}${a.balance === null ? "" : `; balance ${a.balance.toFixed(2)} (1 = everyone equal)`}.`,
        "",
      );
  }
  const m = a.manager;
  if (m) {
    out.push(`## Listening indicators: ${cell(m.name)}`, "", "| Indicator | Value | Reference |", "|---|---|---|");
    const shown = shareAgainstRange(m.share, m.expectedShare);
    out.push(`| Share of talk | ${shown.share} | ${shown.range} (${m.shareVerdict}) |`);
    out.push(`| Questions asked | ${m.questions} (${m.openQuestions} open) | open questions invite more |`);
    out.push(`| Interruptions of others | ${m.interruptionsMade} | |`);
    out.push(
      `| Median response gap | ${m.medianResponseGapMs === null ? "n/a" : responseGapShort(m.medianResponseGapMs)} | ≈ 1 s after, on video calls |`,
    );
    out.push(`| Longest monologue | ${clock(m.longestMonologueMs)} | ≤ ${clock(a.thresholds.monologueMs)} |`);
    out.push(
      `| Barely spoke | ${m.quietPeople.length === 0 ? "nobody" : m.quietPeople.map((p) => `${cell(p.name)} (${percent(p.share)})`).join(", ")} | |`,
      "",
    );
  }
  out.push(`## Monologues (≥ ${clock(a.thresholds.monologueMs)})`, "");
  if (a.monologues.length === 0) out.push("None.");
  for (const mono of a.monologues)
    out.push(`- ${clock(mono.startMs)}–${clock(mono.endMs)} (${clock(mono.durationMs)}): ${cell(mono.speaker)}`);
  out.push("", "## What stands out", "");
  for (const sentence of observations(a)) out.push(`- ${sentence}`);
  if (coaching) out.push("", ...coachingLines(coaching, a, true));
  return out.join("\n");
}
