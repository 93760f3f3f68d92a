import type { Analysis } from "../metrics/schema.js";
import { clock, seconds } from "../format/durations.js";
import { percent } from "../format/percent.js";
import { responseGapText } from "../format/response-gap.js";
import { shareAgainstRange } from "../format/share-range.js";

/** A few plain sentences about what stands out, most important first. Pure. */
export function observations(analysis: Analysis): string[] {
  const out: string[] = [];
  if (analysis.utterances === 0) return ["The transcript has no speech in it."];
  if (!analysis.speakersKnown) {
    out.push(
      analysis.speakers.length === 0
        ? "Speakers are unknown (speaker attribution was off), so talk time by person, turns and interruptions cannot be measured."
        : `Part of the speech (${clock(analysis.unattributedMs)}) has no speaker attached; figures by person cover only the rest.`,
    );
  }
  const m = analysis.manager;
  if (m) {
    const { share, range } = shareAgainstRange(m.share, m.expectedShare);
    const context = m.oneOnOne ? `the ${range} that suits a one-on-one` : `${range}, around a fair share of ${percent(m.fairShare)}`;
    if (m.shareVerdict === "above") out.push(`${m.name} talked ${share} of the time, above ${context}.`);
    else if (m.shareVerdict === "below") out.push(`${m.name} talked ${share} of the time, below ${context}: others had the floor.`);
    else out.push(`${m.name} talked ${share} of the time, within ${context}.`);
    if (m.quietPeople.length > 0) {
      const names = m.quietPeople.map((p) => `${p.name} (${percent(p.share)})`).join(", ");
      out.push(
        `${m.quietPeople.length === 1 ? "One person" : `${m.quietPeople.length} people`} barely spoke: ${names}. An open question to them could bring them in.`,
      );
    }
    if (m.monologues > 0)
      out.push(
        `${m.name} held the floor for a minute or more ${m.monologues === 1 ? "once" : `${m.monologues} times`}; the longest ran ${clock(m.longestMonologueMs)}.`,
      );
    if (m.interruptionsMade > 0)
      out.push(
        `${m.name} started talking over someone who then stopped ${m.interruptionsMade === 1 ? "once" : `${m.interruptionsMade} times`} (a single transcript stream shows only part of crosstalk).`,
      );
    const gap = m.medianResponseGapMs;
    if (gap !== null && m.responses >= 3 && gap < 0) {
      out.push(
        `${m.name} usually came in ${responseGapText(gap, "the other person")} (the median); letting them finish, then pausing, shows you took in what was said.`,
      );
    } else if (gap !== null && m.responses >= 3 && gap < 300) {
      out.push(
        `${m.name} usually answered within ${seconds(gap)} of the other person stopping; on video calls about a second is typical, and a pause shows you took in what was said.`,
      );
    }
    if (m.questions === 0) out.push(`${m.name} asked no questions.`);
    else if (m.openQuestions === 0)
      out.push(`${m.name} asked ${m.questions} question${m.questions === 1 ? "" : "s"}, none of them open (what, how, tell me…).`);
  } else {
    const top = analysis.speakers[0];
    if (top && analysis.fairShare !== null && analysis.speakers.length > 1 && top.share > analysis.fairShare * 1.5) {
      out.push(`${top.name} talked ${percent(top.share)} of the time, against a fair share of ${percent(analysis.fairShare)}.`);
    }
    for (const mono of analysis.monologues.slice(0, 3))
      out.push(`${mono.speaker} held the floor for ${clock(mono.durationMs)} from ${clock(mono.startMs)}.`);
  }
  const dominated = analysis.speakers.some((s) => analysis.fairShare !== null && s.share > analysis.fairShare * 1.5);
  const quiet = analysis.speakers.some(
    (s) => analysis.fairShare !== null && s.share < analysis.fairShare * analysis.thresholds.quietFractionOfFairShare,
  );
  if (analysis.balance !== null && analysis.speakers.length > 2 && analysis.balance >= 0.9 && !dominated && !quiet) {
    out.push(`Talk time was evenly spread (balance ${analysis.balance.toFixed(2)} of 1).`);
  }
  return out;
}
