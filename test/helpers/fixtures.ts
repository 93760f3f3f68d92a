import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTranscript } from "../../src/transcript/parse-transcript.js";
import type { Transcript } from "../../src/transcript/schema.js";

export const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));

export function readFixture(path: string): string {
  return readFileSync(`${fixturesDir}${path}`, "utf8");
}

/** Parses a fixture that must parse; a failure here is a broken test, so it throws. */
export function transcriptOf(path: string): Transcript {
  const result = parseTranscript(readFixture(path));
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.value;
}
