/**
 * Text on its way into HTML or SVG that Attune writes. Everything a participant controls (names, quotes,
 * titles) goes through `escapeXml`; `plainName` also drops control and invisible characters and caps the
 * length, since a display name is only a label.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe in element content and in quoted attribute values of HTML and SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A display name as a label: one line, no control or format characters, at most `max` characters. */
export function plainName(name: string, max = 80): string {
  const flat = name
    .replace(/[\p{Cc}\u2028\u2029]/gu, " ")
    .replace(/(?!\u200d)\p{Cf}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("")}…`;
}
