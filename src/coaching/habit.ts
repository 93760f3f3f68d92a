import type { Analysis } from "../metrics/schema.js";
import type { CoachingMoment, KeptRestatement } from "./schema.js";

/** The one habit to try next time, from what the moments and the metrics show most. */
export function pickHabit(moments: readonly CoachingMoment[], kept: readonly KeptRestatement[], analysis: Analysis): string {
  const count = (kind: CoachingMoment["kind"]) => moments.filter((m) => m.kind === kind).length;
  const m = analysis.manager;
  if (count("missed-concern") > 0) {
    return 'When someone raises a worry, say back what you heard before you answer, then ask: "Did I get that right?"';
  }
  if (count("interrupted") > 0 || (m && m.interruptionsMade >= 2)) {
    return "Let people finish: when you want to come in, wait until they stop, take a breath, then start with what you heard.";
  }
  if (count("quick-reply") > 0 || (m && m.medianResponseGapMs !== null && m.medianResponseGapMs < 300 && m.responses >= 3)) {
    return "Leave a second of silence after someone stops talking; it shows you took in what they said.";
  }
  if (count("missed-question") > 0) {
    return 'Before answering a question, check you heard it: "You\'re asking whether …, right?"';
  }
  if (m && m.shareVerdict === "above") {
    return "Ask one open question (what, how, tell me more) and let the answer run without filling the pause.";
  }
  if (kept.length > 0) {
    return "Keep saying back what you hear; try it with someone who spoke little this time.";
  }
  return "Once per meeting, restate someone's point in your own words and ask whether you got it right.";
}
