/**
 * The words of spoken text as cleaning reads them, one token each, and what every cleaning step shares: where a
 * clause or a sentence ends, and how a sentence end moves to the word before a dropped one.
 */

export interface Token {
  /** Punctuation before the word ("(", "-", '"'). */
  lead: string;
  /** The word itself, letters, digits, inner apostrophes and hyphens. */
  core: string;
  /** Punctuation after it (",", "?", "—"). */
  trail: string;
}

export const CLAUSE_END = /[,.;:!?—]$/;
export const SENTENCE_END = /[.!?]$/;

export function toToken(raw: string): Token {
  // most words start and end on a plain letter or digit: no punctuation to look for at that end
  const lead = isAsciiLetterOrDigit(raw.charCodeAt(0)) ? "" : LEAD.exec(raw)![0];
  const rest = raw.slice(lead.length);
  const trail = isAsciiLetterOrDigit(rest.charCodeAt(rest.length - 1)) ? "" : TRAIL.exec(rest)![0];
  return { lead, core: rest.slice(0, rest.length - trail.length), trail };
}
const LEAD = /^[^\p{L}\p{N}]*/u;
const TRAIL = /[^\p{L}\p{N}']*$/u;

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Moves a sentence end from a dropped token to the kept word before it. */
export function carryEnd(out: Token[], trail: string, tag = false): void {
  const prev = out[out.length - 1];
  const mark = /[.!?]/.exec(trail)?.[0];
  const end = tag && mark === "?" ? "." : mark;
  if (prev && end && !SENTENCE_END.test(prev.trail)) prev.trail = prev.trail.replace(/[,;:—\s]+$/, "") + end;
}
