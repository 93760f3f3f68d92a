/**
 * Text from transcripts and from a model goes into cards, and Teams renders a Markdown subset in
 * TextBlocks: cap the length, turn links into plain text, and break bare URLs so they do not link.
 */
export function safeText(text: string, max: number): string {
  const plain = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\b(https?):\/\//gi, "$1[:]//")
    .replace(/\bwww\./gi, "www[.]")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}
