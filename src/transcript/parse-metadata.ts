import { z } from "zod";
import type { RawCue } from "./cue.js";
import { cleanSpeaker, cleanText } from "./clean-text.js";
import { transcriptError, type ParseResult } from "./parse-error.js";

/** One cue payload of Graph's `/metadataContent`: JSON with absolute times. */
const metadataPayloadSchema = z.object({
  startDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
  speakerName: z.string().nullish(),
  spokenText: z.string(),
  spokenLanguage: z.string().optional(),
});

export function looksLikeMetadata(payload: string | undefined): boolean {
  return payload?.trimStart().startsWith("{") === true;
}

/**
 * Replaces each cue's text and speaker with those of its JSON payload. Times stay the cue's own
 * (relative, like every other format); the absolute time of the zero point is returned as startedAt.
 */
export function readMetadataCues(
  cues: RawCue[],
  payloads: string[],
): ParseResult<{ cues: RawCue[]; startedAt: string | null; language: string | null }> {
  const out: RawCue[] = [];
  let startedAt: string | null = null;
  const languages = new Map<string, number>();
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    let json: unknown;
    try {
      json = JSON.parse(payloads[i]!);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return transcriptError(
        "bad-cue",
        cue.line + 1,
        `expected a JSON object with speakerName and spokenText in this metadataContent cue (${reason})`,
      );
    }
    const parsed = metadataPayloadSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return transcriptError(
        "bad-cue",
        cue.line + 1,
        `metadataContent cue: ${issue?.path.join(".") || "payload"}: ${issue?.message ?? "invalid"}`,
      );
    }
    const { startDateTime, speakerName, spokenText, spokenLanguage } = parsed.data;
    if (spokenLanguage) languages.set(spokenLanguage.toLowerCase(), (languages.get(spokenLanguage.toLowerCase()) ?? 0) + 1);
    if (startedAt === null && startDateTime !== undefined) {
      const absolute = Date.parse(startDateTime);
      const origin = absolute - cue.startMs;
      if (Number.isFinite(origin) && Math.abs(origin) <= 8.64e15) startedAt = new Date(origin).toISOString();
    }
    out.push({ ...cue, speaker: cleanSpeaker(speakerName ?? undefined), text: cleanText(spokenText) });
  }
  const language = [...languages].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { ok: true, value: { cues: out, startedAt, language } };
}
