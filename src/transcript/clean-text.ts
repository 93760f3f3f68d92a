import { decodeHTML } from "entities";

const SPACE = /\s+/g;

/**
 * Removes markup the way the WebVTT cue-text tokenizer reads it: a tag runs from `<` to the next `>`
 * (a `<` inside it is part of it), and a `<` with no `>` after it opens a tag that the end of the text
 * closes. One left-to-right pass with indexOf, so a run of `<` costs linear time.
 */
export function stripTags(raw: string): string {
  let open = raw.indexOf("<");
  if (open === -1) return raw;
  let out = "";
  let from = 0;
  while (open !== -1) {
    out += raw.slice(from, open);
    const close = raw.indexOf(">", open + 1);
    if (close === -1) return out;
    out += " ";
    from = close + 1;
    open = raw.indexOf("<", from);
  }
  return out + raw.slice(from);
}

/** Removes markup, decodes HTML entities (named and numeric) and folds white space. */
export function cleanText(raw: string): string {
  const untagged = stripTags(raw);
  const decoded = untagged.indexOf("&") === -1 ? untagged : decodeHTML(untagged);
  return decoded.replace(SPACE, " ").trim();
}

/** A display name as written, with entities decoded and white space folded; empty means unknown. */
export function cleanSpeaker(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const name = (raw.indexOf("&") === -1 ? raw : decodeHTML(raw)).replace(SPACE, " ").trim();
  return name === "" ? null : name;
}
