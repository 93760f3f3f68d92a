import { clock, percent } from "../report/format.js";
import type { CoachingCardInput } from "./coaching-card.js";
import { safeText } from "./safe-text.js";

/** The coaching card as plain text, for clients that cannot render cards. Same content, no markup. */
export function coachingCardText(input: CoachingCardInput): string {
  const { analysis: a, coaching: c } = input;
  const lines = [`Listening coach: ${safeText(input.title, 120)} (${clock(a.durationMs)})`];
  if (a.speakers.length > 0) lines.push(`Talk time: ${a.speakers.slice(0, 12).map((s) => `${safeText(s.name, 60)} ${percent(s.share)}`).join(", ")}`);
  else lines.push("Speakers are unknown for this meeting.");
  if (a.manager) lines.push(`Your share: ${percent(a.manager.share)} (${a.manager.shareVerdict} ${percent(a.manager.expectedShare[0])}–${percent(a.manager.expectedShare[1])}); questions ${a.manager.questions}; talked over ${a.manager.interruptionsMade}.`);
  for (const m of c.moments.slice(0, 3)) lines.push(`${clock(m.atMs)} ${safeText(m.speaker, 60)}: “${safeText(m.quote, 200)}” Try: “${safeText(m.suggestion, 240)}”`);
  if (c.kept[0]) lines.push(`Keep doing: “${safeText(c.kept[0].quote, 160)}”`);
  lines.push(`Habit: ${safeText(c.habit, 240)}`, "Only you can see this.");
  return lines.join("\n");
}
