import type { RawCue } from "./cue.js";
import { transcriptError, type ParseResult } from "./parse-error.js";
import { parseVoice } from "./parse-voice.js";
import type { ParseLimits } from "./schema.js";
import { parseTimestamp } from "./timestamp.js";

const ARROW = "-->";

export interface VttCues {
  cues: RawCue[];
  /** Payload lines of each cue, unjoined, for formats whose payload is not text (metadataContent). */
  payloads: string[];
}

/**
 * Reads the cues of a WebVTT file as Teams writes it: optional BOM, CRLF or LF, a WEBVTT header,
 * NOTE/STYLE/REGION blocks, optional cue ids, multi-line payloads. Pure; never throws on bad input.
 */
export function parseVttCues(input: string, limits: ParseLimits): ParseResult<VttCues> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = text.split(/\r\n|\r|\n/);
  const header = lines[0] ?? "";
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header)) {
    return transcriptError("bad-header", 1, `expected the first line to be 'WEBVTT', found '${clip(header)}'`);
  }
  const cues: RawCue[] = [];
  const payloads: string[] = [];
  let i = 1;
  while (i < lines.length && !isBlank(lines[i]!) && !lines[i]!.includes(ARROW)) i++; // header block
  while (i < lines.length) {
    while (i < lines.length && isBlank(lines[i]!)) i++;
    if (i >= lines.length) break;
    const first = lines[i]!;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) {
      while (i < lines.length && !isBlank(lines[i]!)) i++;
      continue;
    }
    let id: string | null = null;
    if (!first.includes(ARROW)) {
      id = first.trim();
      i++;
      if (i >= lines.length || isBlank(lines[i]!)) {
        return transcriptError(
          "bad-cue",
          i,
          `cue '${clip(id)}' has no timing line; expected '00:00:01.000 --> 00:00:04.000' on the next line`,
        );
      }
    }
    const timingLine = i + 1;
    const timing = parseTiming(lines[i]!);
    if (typeof timing === "string") return transcriptError("bad-timing", timingLine, timing);
    if (timing.endMs > limits.maxDurationMs) {
      return transcriptError(
        "too-large",
        timingLine,
        `cue ends at ${formatMs(timing.endMs)}, past the limit of ${formatMs(limits.maxDurationMs)} for one meeting`,
      );
    }
    i++;
    const start = i;
    while (i < lines.length && !isBlank(lines[i]!)) {
      if (lines[i]!.includes(ARROW)) {
        return transcriptError("bad-cue", i + 1, "found a timing line inside a cue payload; expected a blank line between cues");
      }
      i++;
    }
    if (cues.length >= limits.maxCues) {
      return transcriptError("too-large", timingLine, `more than ${limits.maxCues} cues; split the transcript or raise the cue limit`);
    }
    const payload = i - start === 1 ? lines[start]! : lines.slice(start, i).join("\n");
    const { speaker, text: cueText } = parseVoice(payload);
    cues.push({ id, startMs: timing.startMs, endMs: timing.endMs, speaker, text: cueText, line: timingLine });
    payloads.push(payload);
  }
  return { ok: true, value: { cues, payloads } };
}

function parseTiming(line: string): { startMs: number; endMs: number } | string {
  const arrow = line.indexOf(ARROW);
  if (arrow === -1) return `expected a cue timing like '00:00:01.000 --> 00:00:04.000', found '${clip(line)}'`;
  const left = line.slice(0, arrow).trim();
  const rest = line.slice(arrow + ARROW.length).trim();
  const space = rest.search(/[ \t]/); // cue settings may follow the end time
  const right = space === -1 ? rest : rest.slice(0, space);
  const startMs = parseTimestamp(left);
  const endMs = parseTimestamp(right);
  if (startMs === null || endMs === null) {
    return `expected timestamps like '00:00:01.000' or '0:0:1.5' around '-->', found '${clip(line)}'`;
  }
  if (endMs < startMs) return `cue ends (${right}) before it starts (${left})`;
  return { startMs, endMs };
}

function isBlank(line: string): boolean {
  return line.length === 0 || line.trim().length === 0;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function formatMs(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
