import type { ParseResult, TranscriptError } from "../../src/transcript/parse-error.js";
import { transcriptSchema, type Transcript } from "../../src/transcript/schema.js";

const ERROR_CODES: readonly TranscriptError["code"][] = [
  "unknown-format",
  "bad-header",
  "bad-timing",
  "bad-cue",
  "bad-json",
  "too-large",
  "empty",
];

/** A complete voice tag: `<v>`, `<v Name>`, `<v.class Name>`, `</v>`. cleanText removes every `<...>`. */
const VOICE_TAG = /<\/?v(?:[.\s][^>]*)?>/;

/** Entities that decode to `<`, after which a `<v ...>` in the text is the speaker's own words, not markup. */
const ENCODED_LT = /&(?:lt|#0*60(?!\d)|#x0*3c(?![0-9a-f]))/i;

/**
 * What every parse must give, whatever the input: ok with well-formed utterances, or a one-line
 * transcript error. Returns the list of broken rules (empty when all hold), so a property can show them.
 */
export function transcriptResultProblems(input: string, result: ParseResult<Transcript>): string[] {
  const problems: string[] = [];
  if (result.ok) {
    const t = result.value;
    const schema = transcriptSchema.safeParse(t);
    if (!schema.success) problems.push(`transcriptSchema: ${schema.error.issues[0]?.message}`);
    if (t.cueCount < t.utterances.length) problems.push(`cueCount ${t.cueCount} < ${t.utterances.length} utterances`);
    const mayHaveLiteralLt = ENCODED_LT.test(input);
    t.utterances.forEach((u, i) => {
      const at = `utterance ${i + 1}`;
      if (u.id !== `u${i + 1}`) problems.push(`${at}: id ${u.id}, expected u${i + 1}`);
      if (!Number.isInteger(u.startMs) || u.startMs < 0) problems.push(`${at}: startMs ${u.startMs}`);
      if (!Number.isInteger(u.endMs) || u.endMs < u.startMs) problems.push(`${at}: endMs ${u.endMs} before startMs ${u.startMs}`);
      if (i > 0 && u.startMs < t.utterances[i - 1]!.startMs) problems.push(`${at}: starts before utterance ${i}`);
      if (u.text === "") problems.push(`${at}: empty text`);
      if (u.text !== u.text.replace(/\s+/g, " ").trim()) problems.push(`${at}: text not whitespace-normalised: ${JSON.stringify(u.text)}`);
      if (!mayHaveLiteralLt && VOICE_TAG.test(u.text)) problems.push(`${at}: voice tag left in text: ${JSON.stringify(u.text)}`);
      if (u.speaker !== null && (u.speaker === "" || u.speaker !== u.speaker.trim()))
        problems.push(`${at}: speaker ${JSON.stringify(u.speaker)}`);
    });
  } else {
    const e = result.error;
    if (e.kind !== "transcript-error") problems.push(`error kind ${String(e.kind)}`);
    if (!ERROR_CODES.includes(e.code)) problems.push(`error code ${String(e.code)}`);
    if (typeof e.message !== "string" || e.message.trim() === "") problems.push("empty error message");
    else if (/[\r\n]/.test(e.message)) problems.push(`error message spans lines: ${JSON.stringify(e.message)}`);
    if (e.line !== null && !(Number.isInteger(e.line) && e.line >= 1)) problems.push(`error line ${e.line}`);
  }
  return problems;
}
