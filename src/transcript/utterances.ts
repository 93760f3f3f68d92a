import type { RawCue } from "./cue.js";
import type { Utterance } from "./schema.js";

/** `<guid>/<n>-<k>`: chunk k of utterance n. The key is everything before the last `-`. */
const CHUNK_ID = /^(.+\/[^/]+)-(\d+)$/;

/**
 * Merges Teams display chunks of one utterance, drops empty cues, sorts by start (ties by end)
 * and numbers the result `u1`, `u2`, …
 */
export function toUtterances(cues: RawCue[]): Utterance[] {
  const groups = new Map<string, { chunk: number; cue: RawCue }[]>();
  const singles: RawCue[] = [];
  for (const cue of cues) {
    const match = cue.id === null ? null : CHUNK_ID.exec(cue.id);
    if (!match) {
      singles.push(cue);
      continue;
    }
    const key = match[1]!;
    const list = groups.get(key);
    const entry = { chunk: Number(match[2]), cue };
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  const merged: Omit<Utterance, "id">[] = [];
  for (const cue of singles) merged.push(fromCue(cue));
  for (const chunks of groups.values()) {
    if (chunks.length === 1) {
      merged.push(fromCue(chunks[0]!.cue));
      continue;
    }
    chunks.sort((a, b) => a.chunk - b.chunk);
    let startMs = Infinity;
    let endMs = -Infinity;
    const texts: string[] = [];
    for (const { cue } of chunks) {
      startMs = Math.min(startMs, cue.startMs);
      endMs = Math.max(endMs, cue.endMs);
      if (cue.text) texts.push(cue.text);
    }
    const speaker = chunks.find((c) => c.cue.speaker !== null)?.cue.speaker ?? null;
    merged.push({ speaker, startMs, endMs, text: texts.join(" ") });
  }
  const kept = merged.filter((u) => u.text !== "");
  kept.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return kept.map((u, i) => ({ id: `u${i + 1}`, ...u }));
}

function fromCue(cue: RawCue): Omit<Utterance, "id"> {
  return { speaker: cue.speaker, startMs: cue.startMs, endMs: cue.endMs, text: cue.text };
}
