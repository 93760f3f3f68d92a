import type { PracticeFeedback } from "../coaching/practice/read-attempt.js";
import { adaptiveCard, heading, subtle, text, type AdaptiveCard } from "./adaptive-card.js";
import { safeText } from "./safe-text.js";

const QUOTE_CHARS = 600;
const FEEDBACK_CHARS = 700;

/** "Practise this": the person's words, and the ask to type how the manager would say them back. */
export function practiceAskCard(moment: { speaker: string; quote: string }): AdaptiveCard {
  return adaptiveCard([
    heading("Practise saying it back"),
    subtle(`${safeText(moment.speaker, 80)} said:`),
    text(`“${safeText(moment.quote, QUOTE_CHARS)}”`, { spacing: "Small" }),
    text("How would you say that back to them? Type it here, in your own words.", { spacing: "Medium" }),
    subtle("Only you see this, and I keep only whether it said back, never what you type."),
  ]);
}

/** How the attempt landed: one observation, an example where the heart was missed, and an invitation to try again. */
export function practiceFeedbackCard(feedback: PracticeFeedback): AdaptiveCard {
  return adaptiveCard([
    heading(feedback.restates ? "You said it back" : "Not said back yet"),
    text(safeText(feedback.feedback, FEEDBACK_CHARS), { spacing: "Small" }),
    ...(feedback.example !== null
      ? [text(`For example: “${safeText(feedback.example, QUOTE_CHARS)}”`, { color: "Good", spacing: "Small" })]
      : []),
    subtle("Type another try if you like, or any command (help) to stop practising."),
  ]);
}
