import { transcriptError, type ParseResult } from "./parse-error.js";
import { looksLikeMetadata, readMetadataCues } from "./parse-metadata.js";
import { parseJsonCues } from "./parse-json.js";
import { parseVttCues } from "./parse-vtt.js";
import { defaultParseLimits, type ParseLimits, type Transcript } from "./schema.js";
import { toUtterances } from "./utterances.js";

/**
 * Reads a transcript in any format Attune accepts, telling them apart by content, not file name:
 * Teams WebVTT (download or Graph documentation shape), Graph metadataContent, or a JSON array.
 */
export function parseTranscript(input: string, limits: ParseLimits = defaultParseLimits): ParseResult<Transcript> {
  // Characters first (cheap); a string within the limit in characters may still be over it in UTF-8 bytes.
  const bytes = input.length > limits.maxBytes ? input.length : input.length * 3 > limits.maxBytes ? utf8Length(input) : input.length;
  if (bytes > limits.maxBytes) {
    return transcriptError("too-large", null, `input is ${formatBytes(bytes)}, over the ${formatBytes(limits.maxBytes)} limit`);
  }
  const head = input
    .slice(0, 64)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head === "") return transcriptError("empty", null, "the transcript is empty; expected a WebVTT file or a JSON array");
  if (head.startsWith("WEBVTT")) return fromVtt(input, limits);
  if (head.startsWith("[") || head.startsWith("{")) {
    const json = parseJsonCues(input.replace(/^\uFEFF/, ""), limits);
    if (!json.ok) return json;
    return finish("json", json.value.cues, json.value.startedAt);
  }
  return transcriptError(
    "unknown-format",
    1,
    "not a transcript: expected a WebVTT file starting with 'WEBVTT' or a JSON array of { speaker, start, end, text }",
  );
}

function fromVtt(input: string, limits: ParseLimits): ParseResult<Transcript> {
  const parsed = parseVttCues(input, limits);
  if (!parsed.ok) return parsed;
  const { cues, payloads } = parsed.value;
  if (looksLikeMetadata(payloads[0])) {
    const meta = readMetadataCues(cues, payloads);
    if (!meta.ok) return meta;
    return finish("vtt-metadata", meta.value.cues, meta.value.startedAt, meta.value.language);
  }
  const chunked = cues.some((cue) => cue.id !== null && /\/[^/]+-\d+$/.test(cue.id));
  return finish(chunked ? "vtt-download" : "vtt-graph", cues, null);
}

function finish(
  format: Transcript["format"],
  cues: Parameters<typeof toUtterances>[0],
  startedAt: string | null,
  language: string | null = null,
): ParseResult<Transcript> {
  return { ok: true, value: { format, utterances: toUtterances(cues), cueCount: cues.length, startedAt, language } };
}

function formatBytes(bytes: number): string {
  const [value, unit] = bytes >= 1048576 ? [bytes / 1048576, "MB"] : [bytes / 1024, "KB"];
  return `${Number(value.toFixed(1))} ${unit}`;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
