import type { Failure, Result } from "../result.js";

export type TranscriptErrorCode = "unknown-format" | "bad-header" | "bad-timing" | "bad-cue" | "bad-json" | "too-large" | "empty";

/** What went wrong, where, and what the input should have looked like. Returned, never thrown. */
export interface TranscriptError extends Failure<TranscriptErrorCode> {
  kind: "transcript-error";
  /** 1-based line (VTT) or item number (JSON array), when the problem has a place. */
  line: number | null;
}

export type ParseResult<T> = Result<T, TranscriptError>;

export function transcriptError(code: TranscriptErrorCode, line: number | null, message: string): { ok: false; error: TranscriptError } {
  return { ok: false, error: { kind: "transcript-error", code, line, message: oneLine(message) } };
}

/** Messages quote input: keep them one printable line of reasonable length. */
function oneLine(message: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters would break the one-line message
  const flat = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

/** One line for a terminal or a log: `line 12: expected …`. */
export function formatTranscriptError(error: TranscriptError, source?: string): string {
  const where = [source, error.line === null ? null : `line ${error.line}`].filter(Boolean).join(":");
  return where ? `${where}: ${error.message}` : error.message;
}
