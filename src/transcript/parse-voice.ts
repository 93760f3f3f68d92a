import { cleanSpeaker, cleanText } from "./clean-text.js";

/**
 * Splits a cue payload into its speaker and its plain text. The speaker is the annotation of the first
 * voice tag: `<v Name>`, `<v.class Name>`, or a bare `<v>` (unknown). Linear: one indexOf per tag.
 */
export function parseVoice(payload: string): { speaker: string | null; text: string } {
  return { speaker: voiceName(payload), text: cleanText(payload) };
}

function voiceName(payload: string): string | null {
  let open = payload.indexOf("<");
  while (open !== -1) {
    const close = payload.indexOf(">", open + 1);
    const tag = close === -1 ? payload.slice(open + 1) : payload.slice(open + 1, close);
    if (tag.length > 0 && tag[0] === "v" && (tag.length === 1 || /[.\s]/.test(tag[1]!))) {
      const space = tag.search(/\s/);
      return space === -1 ? null : cleanSpeaker(tag.slice(space + 1));
    }
    if (close === -1) return null;
    open = payload.indexOf("<", close + 1);
  }
  return null;
}
