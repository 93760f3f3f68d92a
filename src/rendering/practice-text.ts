import type { PracticeReading } from "../coaching/practice/practice-reading.js";

/**
 * The reading of an attempt, for a person: whether it said back, the observation, and the example if any; then,
 * with a model configured, one line on who wrote it (and why the rules did, when they stood in for the model).
 */
export function practiceText(reading: PracticeReading): string {
  const lines = [reading.restates ? "Said back: yes." : "Said back: not yet.", reading.feedback];
  if (reading.example !== null) lines.push(`For example: “${reading.example}”`);
  if (reading.source === "llm") lines.push("(Written by the model and checked by Attune.)");
  else if (reading.fallbackReason !== null) lines.push(`(Note: ${reading.fallbackReason}.)`);
  return lines.join("\n");
}
