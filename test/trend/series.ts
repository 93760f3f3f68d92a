/**
 * Real meetings for trend tests. One AMI meeting (ES2004a, a design team's kick-off led by its Project Manager)
 * is cut into consecutive time windows, each saved as a meeting of its own: a series of real conversation by
 * the same manager, with figures that really change from part to part (the PM dominates the opening, the team
 * takes over later). A part holds the utterances that start inside its window, unchanged.
 */
import { analyze } from "../../src/metrics/analyze.js";
import type { Analysis } from "../../src/metrics/schema.js";
import { parseTranscript } from "../../src/transcript/parse-transcript.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { transcriptOf } from "../helpers/fixtures.js";

export interface MeetingPart {
  index: number;
  /** The part as a JSON transcript ({ speaker, start, end, text } in seconds), for `attune analyze -`. */
  json: string;
  utterances: Utterance[];
}

/** `fixture` cut into `parts` equal windows of its timeline. */
export function meetingParts(fixture: string, parts: number): MeetingPart[] {
  const { utterances } = transcriptOf(fixture);
  const end = Math.max(...utterances.map((u) => u.endMs));
  return Array.from({ length: parts }, (_, index) => {
    const lo = (end * index) / parts;
    const hi = (end * (index + 1)) / parts;
    const slice = utterances.filter((u) => u.startMs >= lo && u.startMs < hi);
    const json = JSON.stringify(slice.map((u) => ({ speaker: u.speaker, start: u.startMs / 1000, end: u.endMs / 1000, text: u.text })));
    const parsed = parseTranscript(json);
    if (!parsed.ok) throw new Error(`${fixture} part ${index + 1}: ${parsed.error.message}`);
    return { index, json, utterances: parsed.value.utterances };
  });
}

/** The analysis `attune analyze --manager` gives a part. */
export function analysisOf(part: MeetingPart, manager: string): Analysis {
  return analyze({ utterances: part.utterances, manager });
}
