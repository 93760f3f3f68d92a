import { createHash } from "node:crypto";

export interface DataBlock {
  /** The marker name the prompt wraps the data in: `<tag>` … `</tag>`. */
  tag: string;
  text: string;
}

/**
 * Serialises untrusted transcript data for a prompt. Every string is JSON-encoded and `<`, `>` and `&`
 * are written as \u escapes, so nothing a participant says can open or close a marker; the marker's
 * name also carries a digest of the data, so it cannot be guessed in advance.
 */
export function dataBlock(items: readonly unknown[]): DataBlock {
  const text = items
    .map((item) => JSON.stringify(item).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`))
    .join("\n");
  const tag = `transcript-data-${createHash("sha256").update(text).digest("hex").slice(0, 10)}`;
  return { tag, text };
}
