import { fail, ok, type Failure, type Result } from "../result.js";

export type SpeakerMatch = Result<string, Failure<"no-match" | "ambiguous">>;

/**
 * Finds the speaker a person meant: the exact name, else the one name that contains the query
 * ignoring case and accents ("renee" finds "Renée Ortiz"). Ambiguity and absence are errors that list the names.
 */
export function resolveSpeaker(names: readonly string[], query: string): SpeakerMatch {
  if (names.includes(query)) return ok(query);
  const wanted = foldName(query);
  const hits = names.filter((n) => foldName(n) === wanted);
  const partial = hits.length > 0 ? hits : names.filter((n) => foldName(n).includes(wanted));
  if (partial.length === 1) return ok(partial[0]!);
  const list = [...names]
    .sort()
    .map((n) => `'${n}'`)
    .join(", ");
  if (partial.length === 0) return fail("no-match", `no speaker matches '${query}'; speakers are ${list || "unknown"}`);
  return fail(
    "ambiguous",
    `'${query}' matches ${partial.length} speakers (${partial.map((n) => `'${n}'`).join(", ")}); give more of the name`,
  );
}

/** A name as people type it: case, accents and outer spaces ignored ("renee" finds "Renée"). */
export function foldName(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}
