/**
 * Phrases by which a listener signals "here is what I understood" (paraphrase markers), and phrases by
 * which a speaker signals a concern. Matched on lower-cased text with straight apostrophes.
 */
export const PARAPHRASE_MARKERS = [
  "it sounds like",
  "sounds like",
  "what i'm hearing",
  "what i am hearing",
  "so what i hear",
  "i hear you",
  "i'm hearing",
  "if i understand",
  "if i'm understanding",
  "if i am understanding",
  "if i heard you",
  "if i got that right",
  "you're saying",
  "you are saying",
  "what you're saying",
  "you're telling me",
  "in other words",
  "let me make sure",
  "let me see if i",
  "let me check i",
  "it seems like you",
  "seems like you",
  "it seems that you",
  "you sound",
  "you feel",
  "you're feeling",
  "you are feeling",
  "you've been feeling",
  "you mean",
  "so for you",
  "so you're",
  "so you are",
  "so you've",
  "so you have",
  "so you feel",
  "so you don't",
  "so you do",
  "so you think",
  "so you want",
  "what i understood",
] as const;

/** A check that invites correction: the second half of "looping". */
export const CHECK_MARKERS = [
  "did i get that right",
  "did i get it right",
  "is that right",
  "have i got that right",
  "am i right",
  "is that it",
  "is that what you mean",
  "is that what you're saying",
  "did i miss anything",
  "did i understand",
  "does that sound right",
  "is that fair",
  "fair to say",
  "right?",
] as const;

/** Words of worry, doubt, trouble, disagreement or strain: what makes a turn a concern. */
export const CONCERN_MARKERS = [
  "worried",
  "worry",
  "worries",
  "concern",
  "concerned",
  "afraid",
  "scared",
  "nervous",
  "anxious",
  "stress",
  "stressed",
  "overwhelmed",
  "stretched",
  "burned out",
  "burnt out",
  "exhausted",
  "tired",
  "struggling",
  "struggle",
  "frustrated",
  "frustrating",
  "upset",
  "unhappy",
  "not sure",
  "unsure",
  "doubt",
  "i don't think",
  "i disagree",
  "don't agree",
  "problem",
  "issue",
  "risk",
  "risky",
  "fails",
  "failing",
  "broken",
  "too much",
  "i can't",
  "i cannot",
  "we can't",
  "difficult",
  "hard for me",
  "too hard",
  "i feel",
  "i'm feeling",
  "my family",
  "sick",
  "falling behind",
  "blocked",
  "stuck",
  "alone",
  "unfair",
  "confused",
  "pressure",
] as const;

export function findMarker(text: string, markers: readonly string[]): string | null {
  const lower = normalise(text);
  for (const marker of markers) {
    const at = lower.indexOf(marker);
    if (at === -1) continue;
    const before = at === 0 ? " " : lower[at - 1]!;
    const after = lower[at + marker.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && (marker.endsWith("?") || !/[\p{L}\p{N}]/u.test(after))) return marker;
  }
  return null;
}

export function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

/** A concern is voiced in a statement: a marker inside a question ("can't we?") does not count. */
export function voicesConcern(text: string): boolean {
  return text
    .split(/(?<=[.!?])\s+/)
    .some((sentence) => !sentence.trimEnd().endsWith("?") && findMarker(sentence, CONCERN_MARKERS) !== null);
}
