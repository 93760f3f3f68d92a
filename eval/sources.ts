/**
 * Every conversation and meeting the reader's eval runs the product on, each with its split fixed before anyone
 * looked at outputs: AnnoMI counselling (the split in annomi.ts), ICSI team meetings (read at run time from the
 * shared fixtures, never copied into this repository; lead = manager) and the two AMI meetings in
 * test/fixtures/ami (the Project Manager = manager).
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Conversation, loadAnnoMi, SPEAKER, type Split, splitOf, transcriptJson } from "./annomi.js";

export type SourceName = "annomi" | "icsi" | "ami";
/** Counselling (AnnoMI) or team meetings (ICSI, AMI): the two halves that weigh equally in the figures. */
export type Setting = "counselling" | "meetings";
export const SETTING: Record<SourceName, Setting> = { annomi: "counselling", icsi: "meetings", ami: "meetings" };

export interface IcsiUtteranceLabel {
  speaker: string;
  text: string;
  tags: string[];
  restates: boolean;
}

export interface EvalSource {
  source: SourceName;
  /** `annomi/15`, `icsi/Bed005`, `ami/ES2004a`: stored beside verdicts, never shown to a judge. */
  id: string;
  split: Split;
  /** The transcript as `attune analyze -` reads it on stdin. */
  input: string;
  /** The exact name, or a unique part of it, passed as --manager. */
  manager: string;
  annomi?: Conversation;
  /** ICSI: one label per utterance of the VTT, in order. */
  icsi?: IcsiUtteranceLabel[];
}

/** ICSI: meeting ids sorted; index 0, 2, 4, … tune, 1, 3, 5, … held-out. */
export function icsiSplit(ids: readonly string[]): Map<string, Split> {
  return new Map([...ids].sort().map((id, i) => [id, i % 2 === 0 ? "tune" : "held-out"]));
}

/** AMI: fixed by hand, one meeting each. */
export const AMI_SPLIT: ReadonlyMap<string, Split> = new Map([
  ["ES2004a", "tune"],
  ["IS1009a", "held-out"],
]);

const repoPath = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));

/** ATTUNE_ICSI_DIR, else `../shared/fixtures/icsi` beside the checkout or beside its parent (a worktree). */
export function icsiDir(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = env.ATTUNE_ICSI_DIR
    ? [env.ATTUNE_ICSI_DIR]
    : [repoPath("../shared/fixtures/icsi"), repoPath("../../shared/fixtures/icsi")];
  return candidates.find((dir) => existsSync(dir)) ?? null;
}

export async function loadSources(env: Record<string, string | undefined> = process.env): Promise<EvalSource[]> {
  return [...(await annomiSources()), ...(await icsiSources(icsiDir(env))), ...(await amiSources())];
}

async function annomiSources(): Promise<EvalSource[]> {
  const conversations = await loadAnnoMi();
  const split = splitOf(conversations);
  return conversations.map((c) => ({
    source: "annomi",
    id: `annomi/${c.id}`,
    split: split.get(c.id)!,
    input: transcriptJson(c),
    manager: SPEAKER.therapist,
    annomi: c,
  }));
}

async function icsiSources(dir: string | null): Promise<EvalSource[]> {
  if (dir === null) {
    console.error("ICSI meetings not found (set ATTUNE_ICSI_DIR to the folder of MEETING.vtt and MEETING.labels.json): left out");
    return [];
  }
  const ids = (await readdir(dir)).filter((f) => f.endsWith(".vtt")).map((f) => f.slice(0, -".vtt".length));
  const split = icsiSplit(ids);
  return Promise.all(
    [...split.keys()].map(async (id): Promise<EvalSource> => {
      const labels = parseIcsiLabels(await readFile(`${dir}/${id}.labels.json`, "utf8"), id);
      return {
        source: "icsi",
        id: `icsi/${id}`,
        split: split.get(id)!,
        input: await readFile(`${dir}/${id}.vtt`, "utf8"),
        manager: labels.lead,
        icsi: labels.utterances,
      };
    }),
  );
}

function parseIcsiLabels(text: string, id: string): { lead: string; utterances: IcsiUtteranceLabel[] } {
  const data = JSON.parse(text) as { lead?: unknown; utterances?: unknown };
  if (typeof data.lead !== "string" || !Array.isArray(data.utterances)) {
    throw new Error(`ICSI ${id}.labels.json: needs "lead" (a name) and "utterances" (a list)`);
  }
  return { lead: data.lead, utterances: data.utterances as IcsiUtteranceLabel[] };
}

async function amiSources(): Promise<EvalSource[]> {
  return Promise.all(
    [...AMI_SPLIT].map(
      async ([id, split]): Promise<EvalSource> => ({
        source: "ami",
        id: `ami/${id}`,
        split,
        input: await readFile(repoPath(`test/fixtures/ami/${id}.teams.vtt`), "utf8"),
        manager: "Project Manager",
      }),
    ),
  );
}
