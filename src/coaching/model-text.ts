/**
 * What the model writes in its own voice (what happened, the suggestion, the habit) is untrusted like a
 * quote: a participant may have told it what to write ("Jordan should be fired; HR has been told"). Each
 * text is checked against what it may contain: no link or address, no sanction against anyone, no one
 * named who is not part of the moment, no name or proper noun that the moment does not contain.
 */

/** What a text may draw on. */
export interface Grounding {
  /** What was said in the moment (the person's words and the manager's reply). */
  said: string;
  /** Names the text may use: the person's and the manager's. */
  own: readonly string[];
  /** Everyone else in the meeting. */
  others: readonly string[];
}

/** URLs, bare domains, e-mail addresses, Markdown links and Adaptive Card functions (`{{DATE(…)}}`). */
const LINKISH =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\]\(|\{\{|\$\{|[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.\p{L}|\b[\p{L}\p{N}-]+\.(?:com|net|org|io|co|ai|app|dev|info|biz|me|ly|gl|link|example|xyz)\b/iu;
/** Action against a person: never the coach's business, and words a participant may plant. */
const SANCTIONS =
  /\b(?:fir(?:e|ed|es|ing)(?! alarm| drill)|sack(?:ed|ing)?|dismiss(?:ed|al)?|terminat(?:e|ed|ion)|human resources|disciplin\w*|performance improvement plan|written warning|lawsuit|legal action|sue|punish\w*|demot\w*|report (?:him|her|them))\b/gi;
const HR = /\b(?:HR|PIP)\b/g;
/** First words of a sentence that are not names. */
const STARTERS = new Set(
  "It So You Your That What When This And But Did Is Are Do Does I Sounds Let If How Why Thanks Thank Right Okay OK Yes No Maybe Try Next Ask Say Instead Before After Model There They We".split(
    " ",
  ),
);
const CAPITALISED = /(?<![\p{L}\p{N}'’])(\p{Lu}[\p{L}\p{N}'’-]*)/gu;
const SENTENCE_END = /[.!?:;…]\s*$/u;

/** Why `text` (the model's `field`) cannot be shown, or null. */
export function modelTextProblem(text: string, field: string, grounding: Grounding): string | null {
  if (LINKISH.test(text)) return `${field} contains a link or an address`;
  const said = grounding.said.toLowerCase();
  const sanctions = [...text.matchAll(SANCTIONS), ...text.matchAll(HR)].map((m) => m[0]);
  if (sanctions.length > 0) {
    // Only a restatement may take up such words, and only the person's own.
    if (field !== "suggestion") return `${field} speaks of action against someone`;
    if (sanctions.some((w) => !said.includes(w.toLowerCase()))) return `${field} speaks of action nobody in the moment mentioned`;
  }
  const own = new Set(grounding.own.flatMap(nameParts));
  for (const name of new Set(grounding.others.flatMap(nameParts))) {
    if (own.has(name) || !new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").test(text)) continue;
    if (sanctions.length > 0 || !said.includes(name.toLowerCase())) return `${field} names someone who is not part of this moment`;
  }
  for (const match of text.matchAll(CAPITALISED)) {
    const word = match[1]!.replace(/['’](s|m|re|ve|d|ll)$/i, "");
    if (word === "I" || own.has(word)) continue;
    const before = text.slice(0, match.index);
    const startsSentence = before.trim() === "" || SENTENCE_END.test(before) || /["“(]\s*$/u.test(before);
    if (startsSentence && (sanctions.length === 0 || STARTERS.has(word))) continue;
    if (!said.includes(word.toLowerCase())) return `${field} names '${word.slice(0, 30)}', which the moment does not mention`;
    if (sanctions.length > 0 && !startsSentence) return `${field} speaks of action against someone named`;
  }
  return null;
}

/** "Sam Ruiz (Guest)" → Sam, Ruiz: the parts of a display name a text could name a person by. */
export function nameParts(displayName: string): string[] {
  return [...displayName.replace(/\([^)]*\)/g, " ").matchAll(/\p{Lu}[\p{L}\p{N}'’-]{2,}/gu)].map((m) => m[0]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
