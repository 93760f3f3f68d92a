import webvttParser from "webvtt-parser";
import nodeWebvtt from "node-webvtt";

/** What a library made of a file: its cue count and complaint count, or why it gave up. */
export type LibraryOutcome = { ok: true; cues: number; errors: number } | { ok: false; reason: string };

export interface WebvttLibrary {
  name: string;
  /** Parses and returns the cue count (throws when the library does). */
  parse: (text: string) => number;
  outcome: (text: string) => LibraryOutcome;
}

/**
 * W3C webvtt.js in "metadata" mode. It still parses each cue's text into a node tree (voice spans,
 * entities from its small default table: &amp; &lt; &gt; &lrm; &rlm; &nbsp;) and sorts the cues by
 * start; the mode only silences cue-text errors. Cues listed out of start order are reported as errors.
 */
export const w3cMetadata: WebvttLibrary = {
  name: "webvtt-parser (metadata)",
  parse: (text) => new webvttParser.WebVTTParser().parse(text, "metadata").cues.length,
  outcome: (text) =>
    guard(() => {
      const result = new webvttParser.WebVTTParser().parse(text, "metadata");
      return { ok: true, cues: result.cues.length, errors: result.errors.length };
    }),
};

/** node-webvtt, lenient mode: splits blocks on blank lines, reads the timing, keeps the cue text raw. */
export const nodeWebvttLenient: WebvttLibrary = {
  name: "node-webvtt (strict: false)",
  parse: (text) => nodeWebvtt.parse(text, { strict: false }).cues.length,
  outcome: (text) =>
    guard(() => {
      const result = nodeWebvtt.parse(text, { strict: false });
      return { ok: true, cues: result.cues.length, errors: result.errors.length };
    }),
};

export const webvttLibraries: readonly WebvttLibrary[] = [w3cMetadata, nodeWebvttLenient];

function guard(run: () => LibraryOutcome): LibraryOutcome {
  try {
    return run();
  } catch (cause) {
    return { ok: false, reason: cause instanceof Error ? cause.message : String(cause) };
  }
}
