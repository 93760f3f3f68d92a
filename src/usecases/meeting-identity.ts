import { createHash } from "node:crypto";
import type { Utterance } from "../transcript/schema.js";

/**
 * A transcript's identity, whatever entry point brought it (the playground's sample, an upload of the same
 * file, `attune analyze --save`): a digest of what was said, by whom and when, not of the file's bytes, so a
 * byte order mark, line endings, cue ids or entities do not make the same meeting a new one.
 */
export function meetingContentId(utterances: readonly Utterance[]): string {
  const hash = createHash("sha256");
  for (const u of utterances)
    hash.update(`${u.speaker ?? ""}\u0000${u.startMs}\u0000${u.endMs}\u0000${u.text.normalize("NFC").replace(/\s+/g, " ").trim()}\n`);
  return `content:${hash.digest("hex")}`;
}
