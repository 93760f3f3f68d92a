import { asIndirect } from "../coaching/indirect-question.js";
import { sayBack } from "../coaching/say-back.js";
import type { MomentKind } from "../coaching/schema.js";
import { faithfulSayBack, focusOf, that } from "../coaching/suggest.js";
import { feelingWord } from "../language/felt.js";
import { normalise } from "../language/phrases.js";
import { readText } from "../language/read.js";

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
 * faithfully and well (a fragment, garbled speech, a clause that drops a "but" or points at nothing), so the
 * prep falls back to open questions of its own. A group meeting is named as such: the person said it in front
 * of others, not to the manager alone.
 */
export function questionFor(
  kind: MomentKind,
  quote: string,
  at: Date,
  latest: boolean,
  speaker: string | null = null,
  group = false,
): string | null {
  const w = group ? `${when(at, latest)}, in the team meeting,` : when(at, latest);
  const said = sayBack(quote, focusOf(kind)) ? faithfulSayBack(quote, focusOf(kind), [], speaker) : null;
  if (!said?.faithful) {
    // what cannot be said back whole may still name the feeling they named ("I guess I'm getting pretty
    // frustrated with her" → "you mentioned feeling frustrated"), in their own word
    const feeling = feelingWord(normalise(readText(quote).cleaned));
    return feeling ? `${w} you mentioned feeling ${feeling}. How are things now?` : null;
  }
  if (said.question) {
    const indirect = asIndirect(said.clause);
    return indirect ? `${w} you asked ${indirect}. What do you still need on that?` : null;
  }
  switch (kind) {
    case "interrupted":
      return `${w} I came in while you were saying ${reported(said.clause)}. What did you want to add?`;
    case "not-picked-up":
      return `${w} you mentioned ${reported(said.clause)}. What has happened with that since?`;
    case "missed-long-turn":
    case "quick-reply":
    case "missed-question":
      return `${w} you said ${reported(said.clause)}. What matters most to you about that now?`;
    case "missed-concern":
      return `${w} you said ${reported(said.clause)}. How is that going now?`;
  }
}

/** "that the plan slipped", but "you feel the plan slipped" as it is: a hedge that leads takes no "that". */
function reported(clause: string): string {
  return /^you (?:feel|think|guess|suppose|believe|wish|hope|want|'d like|'d say)\b/.test(clause) ? clause : that(clause);
}

/** Open questions for when too little was raised: they invite the person to bring their own topics. */
export function genericQuestions(firstName: string, quiet: boolean): string[] {
  return [
    quiet ? "What's on your mind this week that we haven't talked about yet?" : "What's taking most of your energy at the moment?",
    "What would make the next two weeks go better for you?",
    `What's one thing I could do differently to help you, ${firstName}?`,
  ];
}
