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
  const lead = /^[^\p{L}\p{N}]*/u.exec(raw)![0];
  const rest = raw.slice(lead.length);
  const trail = /[^\p{L}\p{N}']*$/u.exec(rest)![0];
  return { lead, core: rest.slice(0, rest.length - trail.length), trail };
}

/** Moves a sentence end from a dropped token to the kept word before it. */
export function carryEnd(out: Token[], trail: string, tag = false): void {
  const prev = out[out.length - 1];
  const mark = /[.!?]/.exec(trail)?.[0];
  const end = tag && mark === "?" ? "." : mark;
  if (prev && end && !SENTENCE_END.test(prev.trail)) prev.trail = prev.trail.replace(/[,;:—\s]+$/, "") + end;
}
