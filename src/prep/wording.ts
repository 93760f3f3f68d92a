import { asIndirect } from "../coaching/indirect-question.js";
import { sayBack } from "../coaching/say-back.js";
import type { MomentKind } from "../coaching/schema.js";
import { focusOf, that } from "../coaching/suggest.js";

/** The name to address someone by: "Lee, Jordan (Guest)" → "Jordan", "Renée Ortiz" → "Renée". */
export function shortName(displayName: string): string {
  const bare = displayName.replace(/\s*\([^)]*\)\s*/g, " ").trim();
  const comma = bare.indexOf(",");
  const given = comma > 0 ? bare.slice(comma + 1).trim() || bare.slice(0, comma) : bare;
  return given.split(/\s+/)[0] || displayName;
}

/** "Last time" for the latest shared meeting, else "On 2 March" (UTC). */
export function when(at: Date, latest: boolean): string {
  return latest ? "Last time" : `On ${at.toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" })}`;
}

/**
 * An open question the manager could ask about something the person raised and nobody picked up, built from
 * the cleaned clause of what they said (in the manager's voice); null when what they said cannot be said back
 * well (a fragment, garbled speech), so the prep falls back to open questions of its own.
 */
export function questionFor(kind: MomentKind, quote: string, at: Date, latest: boolean): string | null {
  const said = sayBack(quote, focusOf(kind));
  if (!said) return null;
  const w = when(at, latest);
  if (said.question) {
    const indirect = asIndirect(said.clause);
    return indirect ? `${w} you asked ${indirect}. What do you still need on that?` : null;
  }
  switch (kind) {
    case "interrupted":
      return `${w} I came in while you were saying ${that(said.clause)}. What did you want to add?`;
    case "not-picked-up":
      return `${w} you mentioned ${that(said.clause)}. What has happened with that since?`;
    case "missed-long-turn":
    case "quick-reply":
    case "missed-question":
      return `${w} you said ${that(said.clause)}. What matters most to you about that now?`;
    case "missed-concern":
      return `${w} you said ${that(said.clause)}. How is that going now?`;
  }
}

/** Open questions for when too little was raised: they invite the person to bring their own topics. */
export function genericQuestions(firstName: string, quiet: boolean): string[] {
  return [
    quiet ? "What's on your mind this week that we haven't talked about yet?" : "What's taking most of your energy at the moment?",
    "What would make the next two weeks go better for you?",
    `What's one thing I could do differently to help you, ${firstName}?`,
  ];
}
