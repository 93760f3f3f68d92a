import { coachingLines } from "./coaching-text.js";
import { bar, padEnd, padStart } from "../format/columns.js";
import { clock, exactSeconds } from "../format/durations.js";
import { percent } from "../format/percent.js";
import { responseGapShort } from "../format/response-gap.js";
import { shareAgainstRange } from "../format/share-range.js";
import { observations } from "./observations.js";
import type { ReportInput } from "./report-input.js";
import { countOf } from "../format/count.js";

/** The listening report for a terminal: plain text, 80 columns or so, no colour. */
export function textReport({ analysis: a, source, format, cueCount, coaching }: ReportInput): string {
  const lines: string[] = [];
  lines.push(`Attune listening report: ${source}`);
  const overlap =
    a.overlapMs === null
      ? "overlap unknown"
      : `overlap ${clock(a.overlapMs)} (${percent(a.speechMs ? a.overlapMs / a.speechMs : 0)} of speech)`;
  lines.push(
    `${clock(a.durationMs)} long, ${a.speakers.length} speaker${a.speakers.length === 1 ? "" : "s"}, speech ${clock(a.speechMs)}, ${overlap}`,
  );
  lines.push(`${countOf(cueCount, "cue")} (${format}) → ${countOf(a.utterances, "utterance")}`);
  lines.push("");
  if (a.speakers.length > 0) {
    const nameWidth = Math.min(32, Math.max(...a.speakers.map((s) => s.name.length)));
    lines.push(
      `${padEnd("Speaker", nameWidth)}  ${padEnd("Share of talk", 27)} ${padStart("talk", 7)} ${padStart("turns", 5)} ${padStart("?", 3)} ${padStart("int", 5)}`,
    );
    for (const s of a.speakers) {
      const name = s.name.length > nameWidth ? `${s.name.slice(0, nameWidth - 1)}…` : s.name;
      lines.push(
        `${padEnd(name, nameWidth)}  ${bar(s.share)} ${padStart(percent(s.share), 5)} ${padStart(clock(s.talkMs), 7)} ${padStart(String(s.turns), 5)} ${padStart(String(s.questions), 3)} ${padStart(`${s.interruptionsMade}/${s.interruptionsReceived}`, 5)}`,
      );
    }
    lines.push(`(? = questions asked; int = interruptions made/received)`);
    if (a.fairShare !== null) {
      lines.push(`Fair share ${percent(a.fairShare)}${a.balance === null ? "" : `, balance ${a.balance.toFixed(2)} (1 = everyone equal)`}`);
    }
    lines.push("");
  }
  const m = a.manager;
  if (m) {
    lines.push(`Listening indicators for ${m.name}`);
    const row = (label: string, value: string, reference: string) => lines.push(`  ${padEnd(label, 22)} ${padEnd(value, 16)} ${reference}`);
    row(
      "share of talk",
      shareAgainstRange(m.share, m.expectedShare).share,
      `${m.oneOnOne ? "1:1 range" : "near fair share"} ${shareAgainstRange(m.share, m.expectedShare).range}: ${m.shareVerdict}`,
    );
    row("questions asked", `${m.questions} (${m.openQuestions} open)`, "open: what, how, why, tell me…");
    row("interruptions", String(m.interruptionsMade), "of others, who then stopped");
    row(
      "median response gap",
      m.medianResponseGapMs === null ? "n/a" : responseGapShort(m.medianResponseGapMs),
      "after the other stopped; video calls ≈ 1 s, face to face ≈ 0.2 s",
    );
    row("longest monologue", clock(m.longestMonologueMs), `one-minute rule: ${clock(a.thresholds.monologueMs)}`);
    row(
      "barely spoke",
      m.quietPeople.length === 0 ? "nobody" : m.quietPeople.map((p) => `${p.name} (${percent(p.share)})`).join(", "),
      `under ${percent(m.fairShare * a.thresholds.quietFractionOfFairShare)}`,
    );
    lines.push("");
  }
  lines.push(`Monologues (≥ ${clock(a.thresholds.monologueMs)})`);
  if (a.monologues.length === 0) lines.push("  none");
  for (const mono of a.monologues) lines.push(`  ${clock(mono.startMs)}–${clock(mono.endMs)}  ${clock(mono.durationMs)}  ${mono.speaker}`);
  lines.push("");
  lines.push("What stands out");
  for (const sentence of observations(a)) lines.push(`  - ${sentence}`);
  lines.push("");
  if (coaching) lines.push(...coachingLines(coaching, a, false), "");
  const t = a.thresholds;
  lines.push(
    `Thresholds: turn join ${exactSeconds(t.joinGapMs)}, backchannel < ${exactSeconds(t.backchannelMaxMs)} and ≤ ${t.backchannelMaxWords} words, interruption overlap ${exactSeconds(t.interruptionMinOverlapMs)}–${exactSeconds(t.interruptionYieldMs)}, monologue ≥ ${exactSeconds(t.monologueMs)}. See docs/metrics.md.`,
  );
  return lines.join("\n");
}
