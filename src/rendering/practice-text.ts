import type { PracticeFeedback } from "../coaching/practice/read-attempt.js";

/** The reading of an attempt, for a person: whether it said back, the observation, and the example if any. */
export function practiceText(feedback: PracticeFeedback): string {
  const lines = [feedback.restates ? "Said back: yes." : "Said back: not yet.", feedback.feedback];
  if (feedback.example !== null) lines.push(`For example: “${feedback.example}”`);
  return lines.join("\n");
}
