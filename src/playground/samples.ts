import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseTranscript } from "../transcript/index.js";
import type { Transcript } from "../transcript/schema.js";

/** A meeting bundled in samples/ (see samples/ATTRIBUTION.md), and whose listening the playground coaches. */
export interface SampleMeeting {
  id: string;
  file: string;
  title: string;
  /** The manager's exact display name in the transcript. */
  manager: string;
  /** Where the meeting comes from, for the page. */
  about: string;
}

export const SAMPLE_MEETINGS: readonly SampleMeeting[] = [
  {
    id: "one-on-one",
    file: "one-on-one.vtt",
    title: "One-on-one: release plan and on-call",
    manager: "Renée Ortiz",
    about: "A made-up two-minute one-on-one: a worry the manager talks past, and a restatement she does make.",
  },
  {
    id: "one-on-one-2",
    file: "one-on-one-2.vtt",
    title: "One-on-one: after the migration",
    manager: "Renée Ortiz",
    about: "Renée and Jordan's next one-on-one (made up): she asks more and says back what she hears. End all three for a trend.",
  },
  {
    id: "one-on-one-3",
    file: "one-on-one-3.vtt",
    title: "One-on-one: alert thresholds",
    manager: "Renée Ortiz",
    about: "The third in the series (made up): Jordan does most of the talking. End all three to see Renée's trend.",
  },
  {
    id: "ami-es2004a",
    file: "ES2004a.teams.vtt",
    title: "Remote control design kick-off (AMI ES2004a)",
    manager: "FEE013 (Project Manager)",
    about: "A real 4-person project kick-off from the AMI Meeting Corpus (CC BY 4.0).",
  },
  {
    id: "ami-is1009a",
    file: "IS1009a.teams.vtt",
    title: "Remote control design kick-off (AMI IS1009a)",
    manager: "FIE088 (Project Manager)",
    about: "A real 4-person project kick-off from the AMI Meeting Corpus (CC BY 4.0).",
  },
];

export interface LoadedSample {
  sample: SampleMeeting;
  text: string;
  transcript: Transcript;
}

/** Reads and parses the bundled samples once, on first use; a broken sample is a bug, so it throws. */
export function sampleStore(samplesDir: string): { get(id: string): Promise<LoadedSample | null>; all(): Promise<LoadedSample[]> } {
  const cache = new Map<string, Promise<LoadedSample>>();
  const load = (sample: SampleMeeting): Promise<LoadedSample> => {
    let pending = cache.get(sample.id);
    if (!pending) {
      pending = readFile(join(samplesDir, sample.file), "utf8").then((text) => {
        const parsed = parseTranscript(text);
        if (!parsed.ok) throw new Error(`sample ${sample.file} does not parse: ${parsed.error.message}`);
        return { sample, text, transcript: parsed.value };
      });
      pending.catch(() => cache.delete(sample.id));
      cache.set(sample.id, pending);
    }
    return pending;
  };
  return {
    async get(id) {
      const sample = SAMPLE_MEETINGS.find((s) => s.id === id);
      return sample ? load(sample) : null;
    },
    all: () => Promise.all(SAMPLE_MEETINGS.map(load)),
  };
}

/** Named speakers, most talk first (the manager is usually near the top). */
export function speakersOf(transcript: Transcript): string[] {
  const talk = new Map<string, number>();
  for (const u of transcript.utterances) {
    if (u.speaker !== null) talk.set(u.speaker, (talk.get(u.speaker) ?? 0) + Math.max(0, u.endMs - u.startMs));
  }
  return [...talk.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}
