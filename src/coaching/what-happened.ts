import { responseGapText } from "../format/response-gap.js";
import { readText } from "../language/read.js";
import { isMinimal } from "./exchanges.js";
import { normalise } from "../language/phrases.js";
import type { Candidate } from "./moments.js";
import { readSentence } from "./speech-acts.js";
import type { Raised } from "./worth-coaching.js";

/**
 * What they raised, as the line names it. Only what their own words name is named: a worry ("worried",
 * "afraid") and a feeling ("I feel…"). A proposal, a decision, a disagreement or a problem is read from the form
 * of a sentence, which is often wrong about its point, so the line says only "what they said".
 */
const RAISED: Record<Raised, string> = {
  worry: "the worry they raised",
  feeling: "what they said they felt",
  disagreement: "what they said",
  proposal: "what they said",
  decision: "what they said",
  problem: "what they said",
};

/**
 * The line that says what happened, true of the reply: what the manager did (came in while they were still
 * speaking, answered at once, went to advice, asked about something else, said only "okay"), quoting the
 * reply's first words, and what they did not say back. It never says the person stopped, and never calls a
 * point a worry unless it was one.
 */
export function whatHappened(candidate: Candidate): string {
  const thing = RAISED[candidate.raised];
  const reply = candidate.reply;
  if (!reply) return `They spoke up once (${thing}), and nobody took it up.`;
  const opening = `"${openingWords(reply.text)}"`;
  if (candidate.interrupted) return `You came in while they were still speaking (${opening}), before saying back ${thing}.`;
  if (candidate.kind === "missed-question") return `You answered (${opening}) without first checking what they were asking.`;
  if (candidate.gapMs !== null && candidate.gapMs < 0)
    return `You answered ${responseGapText(candidate.gapMs)} (${opening}) without first saying back ${thing}.`;
  switch (replyAct(reply.text)) {
    case "advice":
      return `You went to advice (${opening}) without first saying back ${thing}.`;
    case "question":
      return `You asked about something else (${opening}) without first saying back ${thing}.`;
    case "minimal":
      return `You said ${opening} and moved on, without saying back ${thing}.`;
    default:
      return `You replied ${opening} without first saying back ${thing}.`;
  }
}

/** What the reply's first sentence of substance does, for the line. */
function replyAct(text: string): "advice" | "question" | "minimal" | "other" {
  for (const sentence of readText(text).sentences) {
    const read = readSentence(normalise(readText(sentence).cleaned));
    if (read.act === "backchannel") continue;
    if (read.asked || read.act === "question") return "question";
    return read.act === "advice" ? "advice" : "other";
  }
  return isMinimal(text) || readText(text).cleaned.split(" ").length <= 3 ? "minimal" : "other";
}

/** The first words of the manager's reply, cleaned of "um" and repeats, to remind them which reply it was. */
function openingWords(text: string): string {
  const words = (readText(text).cleaned || text).split(" ");
  return words.length <= 8
    ? words.join(" ")
    : `${words
        .slice(0, 8)
        .join(" ")
        .replace(/[,;:]$/, "")}…`;
}
