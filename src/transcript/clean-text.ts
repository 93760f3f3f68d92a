import { decodeHTML } from "entities";

const TAG = /<[^>]*>/g;
const SPACE = /\s+/g;

/** Removes markup, decodes HTML entities (named and numeric) and folds white space. */
export function cleanText(raw: string): string {
  const untagged = raw.indexOf("<") === -1 ? raw : raw.replace(TAG, " ");
  const decoded = untagged.indexOf("&") === -1 ? untagged : decodeHTML(untagged);
  return decoded.replace(SPACE, " ").trim();
}

/** A display name as written, with entities decoded and outer spaces trimmed; empty means unknown. */
export function cleanSpeaker(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const name = (raw.indexOf("&") === -1 ? raw : decodeHTML(raw)).trim();
  return name === "" ? null : name;
}
