import { toSecondPerson } from "../coaching/person.js";
import type { MomentKind } from "../coaching/schema.js";
import { countWords } from "../metrics/words.js";

/** The name to address someone by: "Lee, Jordan (Guest)" → "Jordan", "Renée Ortiz" → "Renée". */
export function shortName(displayName: string): string {
  const bare = displayName.replace(/\s*\([^)]*\)\s*/g, " ").trim();
  const comma = bare.indexOf(",");
  const given = comma > 0 ? bare.slice(comma + 1).trim() || bare.slice(0, comma) : bare;
  return given.split(/\s+/)[0] || displayName;
}

const LEAD = /^(?:(?:honestly|so|well|and|but|uh|um|yeah|okay|ok|look|i mean|to be honest|basically|actually|right)\b[\s,]*)+/i;
const MAX_GIST_WORDS = 18;

/**
 * The gist of something a person said, for the manager to say back: its first clause, without openers
 * and closing punctuation, in the second person. "The migration script still fails on the larger tenants,
 * and I'm the only one…" → "the migration script still fails on the larger tenants".
 */
export function gist(quote: string): string {
  const plain = quote.replace(/\s+/g, " ").trim().replace(LEAD, "");
  const clauses = plain.split(/[,;:]\s+(?=(?:and|but|so|because|which|although|though)\b)|;\s+|\s+[–—-]\s+/i);
  let core = clauses[0] ?? plain;
  if (countWords(core) < 4) core = plain.split(/(?<=[.!?])\s+/)[0] ?? plain;
  core = core.replace(/[\s.!?,;:…]+$/, "");
  const words = core.split(" ");
  if (words.length > MAX_GIST_WORDS)
    core = `${words
      .slice(0, MAX_GIST_WORDS)
      .join(" ")
      .replace(/[,;:]$/, "")}…`;
  const lowered = /^I\b/.test(core) ? core : core.charAt(0).toLowerCase() + core.slice(1);
  return toSecondPerson(lowered);
}

/** "Last time" for the latest shared meeting, else "On 2 March" (UTC). */
export function when(at: Date, latest: boolean): string {
  return latest ? "Last time" : `On ${at.toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" })}`;
}

/** An open question the manager could ask about something the person raised and nobody picked up. */
export function questionFor(kind: MomentKind, quote: string, at: Date, latest: boolean): string {
  const w = when(at, latest);
  switch (kind) {
    case "missed-question":
      return `${w} you asked: “${quote.replace(/\s+/g, " ").trim()}” What do you still need on that?`;
    case "interrupted":
      return `${w} I came in while you were saying ${gist(quote)}. What did you want to add?`;
    case "not-picked-up":
      return `${w} you mentioned ${gist(quote)}. What has happened with that since?`;
    case "missed-long-turn":
    case "quick-reply":
      return `${w} you said ${gist(quote)}. What matters most to you about that now?`;
    case "missed-concern":
      return `${w} you said ${gist(quote)}. How is that going now?`;
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
