import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateTeamsMeeting, type MeetingSpec } from "./generate-meeting.js";

export const repoRoot = fileURLToPath(new URL("../", import.meta.url));

export interface BenchInput {
  name: string;
  /** Where the text came from, for the report. */
  source: string;
  text: string;
  bytes: number;
  /** Exact display name of the manager, or null when the input does not say. */
  manager: string | null;
  /** How a generated meeting was made; absent for real ones. */
  spec?: MeetingSpec;
  /** Goal for parse + analyze, when there is one. */
  goalMs?: number;
}

/** test/fixtures/ami when present, else the shared copy next to the repository. */
export function amiFixtureDir(): string | null {
  for (const dir of [`${repoRoot}test/fixtures/ami/`, `${repoRoot}../shared/fixtures/ami/`]) {
    if (existsSync(dir)) return dir;
  }
  return null;
}

/** The real AMI meetings in both VTT forms: Teams chunks (*.teams.vtt) and reference segments (*.rttm.vtt). */
export function amiInputs(): BenchInput[] {
  const dir = amiFixtureDir();
  if (dir === null) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".teams.vtt") || f.endsWith(".rttm.vtt"))
    .sort();
  return files.map((file) => {
    const text = readFileSync(`${dir}${file}`, "utf8");
    // AMI scenario meetings: the Project Manager leads the team (see ATTRIBUTION.md).
    const manager = /<v ([^>]*\(Project Manager\))>/.exec(text)?.[1] ?? null;
    return {
      name: `AMI ${file.replace(/\.vtt$/, "")}`,
      source: `${dir}${file}`.replace(repoRoot, ""),
      text,
      bytes: Buffer.byteLength(text),
      manager,
    };
  });
}

/** The generated 12-person meetings: 1 h and 8 h at realistic density, and an 8 h stress case of ~40k short cues. */
export const generatedSpecs: readonly { name: string; spec: MeetingSpec; goalMs?: number }[] = [
  { name: "generated 1 h, 12 people", spec: { minutes: 60, seed: 20260308, speakers: 12 }, goalMs: 20 },
  { name: "generated 8 h, 12 people", spec: { minutes: 480, seed: 20260308, speakers: 12 }, goalMs: 200 },
  { name: "generated 8 h dense (short cues)", spec: { minutes: 480, seed: 20260308, speakers: 12, wordsPerCue: 1.8 } },
];

/** Sizes for the memory runs: the realistic meeting at 1, 2, 4 and 8 hours (same seed), then the dense one. */
export const memorySpecs: readonly { name: string; spec: MeetingSpec }[] = [
  { name: "generated 1 h", spec: { minutes: 60, seed: 20260308, speakers: 12 } },
  { name: "generated 2 h", spec: { minutes: 120, seed: 20260308, speakers: 12 } },
  { name: "generated 4 h", spec: { minutes: 240, seed: 20260308, speakers: 12 } },
  { name: "generated 8 h", spec: { minutes: 480, seed: 20260308, speakers: 12 } },
  { name: "generated 8 h dense", spec: { minutes: 480, seed: 20260308, speakers: 12, wordsPerCue: 1.8 } },
];

export function generatedInputs(): (BenchInput & { cues: number; words: number; outOfOrderCues: number })[] {
  return generatedSpecs.map(({ name, spec, goalMs }) => {
    const meeting = generateTeamsMeeting(spec);
    return {
      name,
      source: `generateTeamsMeeting(${JSON.stringify(spec)})`,
      text: meeting.text,
      bytes: Buffer.byteLength(meeting.text),
      manager: meeting.manager,
      spec,
      ...(goalMs === undefined ? {} : { goalMs }),
      cues: meeting.cues,
      words: meeting.words,
      outOfOrderCues: meeting.outOfOrderCues,
    };
  });
}
