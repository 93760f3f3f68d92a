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
  if (input.length > limits.maxBytes) {
    return transcriptError("too-large", null, `input is ${(input.length / 1048576).toFixed(1)} MB, over the ${(limits.maxBytes / 1048576).toFixed(0)} MB limit`);
  }
  const head = input.slice(0, 64).replace(/^\uFEFF/, "").trimStart();
  if (head === "") return transcriptError("empty", null, "the transcript is empty; expected a WebVTT file or a JSON array");
  if (head.startsWith("WEBVTT")) return fromVtt(input, limits);
  if (head.startsWith("[") || head.startsWith("{")) {
    const json = parseJsonCues(input.replace(/^\uFEFF/, ""), limits);
    if (!json.ok) return json;
    return finish("json", json.value.cues, json.value.startedAt);
  }
  return transcriptError("unknown-format", 1, "not a transcript: expected a WebVTT file starting with 'WEBVTT' or a JSON array of { speaker, start, end, text }");
}

function fromVtt(input: string, limits: ParseLimits): ParseResult<Transcript> {
  const parsed = parseVttCues(input, limits);
  if (!parsed.ok) return parsed;
  const { cues, payloads } = parsed.value;
  if (looksLikeMetadata(payloads[0])) {
    const meta = readMetadataCues(cues, payloads);
    if (!meta.ok) return meta;
    return finish("vtt-metadata", meta.value.cues, meta.value.startedAt);
  }
  const chunked = cues.some((cue) => cue.id !== null && /\/[^/]+-\d+$/.test(cue.id));
  return finish(chunked ? "vtt-download" : "vtt-graph", cues, null);
}

function finish(format: Transcript["format"], cues: Parameters<typeof toUtterances>[0], startedAt: string | null): ParseResult<Transcript> {
  return { ok: true, value: { format, utterances: toUtterances(cues), cueCount: cues.length, startedAt } };
}
