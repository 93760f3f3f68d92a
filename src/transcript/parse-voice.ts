import { cleanSpeaker, cleanText } from "./clean-text.js";

/** `<v Name>`, `<v.class Name>` or a bare `<v>`; the name runs to the closing `>`. */
const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/;

/** Splits a cue payload into its speaker (from the first voice span) and its plain text. */
export function parseVoice(payload: string): { speaker: string | null; text: string } {
  const match = payload.indexOf("<v") === -1 ? null : VOICE.exec(payload);
  return { speaker: match ? cleanSpeaker(match[1]) : null, text: cleanText(payload) };
}
