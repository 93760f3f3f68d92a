import { z } from "zod";
import type { RawCue } from "./cue.js";
import { cleanSpeaker, cleanText } from "./clean-text.js";
import { transcriptError, type ParseResult } from "./parse-error.js";
import type { ParseLimits } from "./schema.js";

const timeSchema = z.union([z.number().nonnegative().finite(), z.string().min(1)]);

/** The plain JSON shape for sources other than Teams: times in seconds or ISO date-times. */
export const jsonItemSchema = z.object({
  speaker: z.string().nullish(),
  start: timeSchema,
  end: timeSchema,
  text: z.string(),
});
export type JsonTranscriptItem = z.infer<typeof jsonItemSchema>;

export function parseJsonCues(input: string, limits: ParseLimits): ParseResult<{ cues: RawCue[]; startedAt: string | null }> {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return transcriptError("bad-json", null, `not valid JSON (${reason}); expected an array of { speaker, start, end, text }`);
  }
  if (!Array.isArray(data)) {
    return transcriptError("bad-json", null, "expected a JSON array of { speaker, start, end, text }");
  }
  if (data.length > limits.maxCues) {
    return transcriptError("too-large", null, `${data.length} items is more than the limit of ${limits.maxCues}`);
  }
  const items: JsonTranscriptItem[] = [];
  for (let i = 0; i < data.length; i++) {
    const parsed = jsonItemSchema.safeParse(data[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return transcriptError(
        "bad-json",
        i + 1,
        `item ${i + 1}: ${issue?.path.join(".") || "item"}: ${issue?.message ?? "invalid"}; expected { speaker, start, end, text }`,
      );
    }
    items.push(parsed.data);
  }
  const isoItems = items.filter((item) => typeof item.start === "string");
  if (isoItems.length !== 0 && isoItems.length !== items.length) {
    return transcriptError("bad-json", null, "mixes seconds and ISO times; use one kind for every item");
  }
  let originMs = 0;
  let startedAt: string | null = null;
  if (isoItems.length > 0) {
    originMs = Infinity;
    for (const item of items) originMs = Math.min(originMs, Date.parse(String(item.start)));
    if (Number.isFinite(originMs) && Math.abs(originMs) <= 8.64e15) startedAt = new Date(originMs).toISOString();
  }
  const cues: RawCue[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const startMs = toMs(item.start, originMs);
    const endMs = toMs(item.end, originMs);
    if (startMs === null || endMs === null) {
      return transcriptError("bad-json", i + 1, `item ${i + 1}: start/end must be seconds (number) or ISO date-times`);
    }
    if (endMs < startMs) return transcriptError("bad-json", i + 1, `item ${i + 1}: end is before start`);
    if (endMs > limits.maxDurationMs) {
      return transcriptError(
        "too-large",
        i + 1,
        `item ${i + 1}: ends past the ${limits.maxDurationMs / 3_600_000} h limit for one meeting`,
      );
    }
    cues.push({ id: null, startMs, endMs, speaker: cleanSpeaker(item.speaker ?? undefined), text: cleanText(item.text), line: i + 1 });
  }
  return { ok: true, value: { cues, startedAt } };
}

function toMs(time: number | string, originMs: number): number | null {
  if (typeof time === "number") return Math.round(time * 1000);
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return null;
  const relative = ms - originMs;
  return relative < 0 ? null : relative;
}
