import type { Coaching } from "./schema.js";

/** A restatement opened the way listeners open one ("So what I'm hearing is…", "It sounds like…", "So you…"). */
const REFLECTIVE_OPENING =
  /^(?:(?:so|okay|ok|and|yeah|right|well|mm-hmm)[,.]?\s+)*(?:it sounds like|sounds like|what i'm hearing|what i hear|if i understand|so you|you're saying|it seems|you feel|you sound|you seem)\b/i;

/**
 * The restatements worth praising ("Keep doing"): a whole sentence (five words or more) that took up the other
 * person's own words, or one opened as a reflection. An echo ("Seventeen.") or a statement about them that used
 * none of what they said counts in the figures, but is not held up as an example.
 */
export function keepDoing(c: Coaching): Coaching["kept"] {
  return c.kept.filter((k) => {
    const words = k.quote.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    return words >= 5 && ((k.takesUp ?? 2) >= 2 || REFLECTIVE_OPENING.test(k.quote.replace(/[’‘]/g, "'")));
  });
}
