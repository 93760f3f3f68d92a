/**
 * Every conversation and meeting the reader's eval runs the product on, each with its split fixed before anyone
 * looked at outputs: AnnoMI counselling (the split in annomi.ts), ICSI team meetings (read at run time from the
 * shared fixtures, never copied into this repository; lead = manager) and the two AMI meetings in
 * test/fixtures/ami (the Project Manager = manager); and the written Teams one-on-ones of eval/one-on-ones/ (the
 * manager named in each batch's managers*.txt; split by batch, ONE_ON_ONE_TUNE_BATCHES).
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Conversation, loadAnnoMi, SPEAKER, type Split, splitOf, transcriptJson } from "./annomi.js";

export const SOURCE_NAMES = ["annomi", "icsi", "ami", "one-on-one"] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];
/**
 * Counselling (AnnoMI) and team meetings (ICSI, AMI) are the two halves that weigh equally in the figures; the
 * written one-on-ones are a setting of their own (a manager and one report at work: neither counselling nor a
 * group), shown beside the two and never folded into their average.
 */
export const SETTINGS = ["counselling", "meetings", "one-on-ones"] as const;
export type Setting = (typeof SETTINGS)[number];
export const SETTING: Record<SourceName, Setting> = {
  annomi: "counselling",
  icsi: "meetings",
  ami: "meetings",
  "one-on-one": "one-on-ones",
};

export interface IcsiUtteranceLabel {
  speaker: string;
  text: string;
  tags: string[];
  restates: boolean;
}

export interface EvalSource {
  source: SourceName;
  /** `annomi/15`, `icsi/Bed005`, `ami/ES2004a`, `one-on-one/b22/01`: stored beside verdicts, never shown to a judge. */
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

/**
 * The batches of written one-on-ones that prompted changes to the coaching (see eval/one-on-ones/README.md): rules
 * were fitted to them, so they are tuning data. Every other batch is held out: a new batch is written and judged
 * before anything is changed for it, and only a batch that then prompts a change is added here.
 */
export const ONE_ON_ONE_TUNE_BATCHES: readonly string[] = [
  "b22",
  "b23",
  "b24",
  "b25",
  "b26",
  "b27",
  "b28",
  "b29",
  "b30",
  "b31",
  "b32",
  "b33",
  "b34",
  "b35",
  "b36",
  "b37",
  "b38",
  "b39",
  "b40",
  "b41",
  "b42",
  "b43",
  "b44",
  "b45",
  "b46",
  "b47",
  "b50",
  "b52",
  "b53",
  "b54",
  "b55",
  "b56",
  "b57",
];

export const oneOnOneSplit = (batch: string): Split => (ONE_ON_ONE_TUNE_BATCHES.includes(batch) ? "tune" : "held-out");

const repoPath = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));

/** ATTUNE_ICSI_DIR, else `../shared/fixtures/icsi` beside the checkout or beside its parent (a worktree). */
export function icsiDir(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = env.ATTUNE_ICSI_DIR
    ? [env.ATTUNE_ICSI_DIR]
    : [repoPath("../shared/fixtures/icsi"), repoPath("../../shared/fixtures/icsi")];
  return candidates.find((dir) => existsSync(dir)) ?? null;
}

export async function loadSources(env: Record<string, string | undefined> = process.env): Promise<EvalSource[]> {
  return [...(await annomiSources()), ...(await icsiSources(icsiDir(env))), ...(await amiSources()), ...(await oneOnOneSources())];
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

export const ONE_ON_ONES_DIR = repoPath("eval/one-on-ones");

/** Every `bNN/NN.vtt` under `dir`, batches and files in order, each with its manager and its batch's split. */
export async function oneOnOneSources(dir: string = ONE_ON_ONES_DIR): Promise<EvalSource[]> {
  const batches = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && /^b\d+$/.test(e.name))
    .map((e) => e.name)
    .sort();
  const perBatch = await Promise.all(batches.map((batch) => batchSources(dir, batch)));
  return perBatch.flat();
}

async function batchSources(dir: string, batch: string): Promise<EvalSource[]> {
  const files = (await readdir(join(dir, batch))).sort();
  const vtts = files.filter((f) => f.endsWith(".vtt"));
  const managers = new Map<string, string>();
  for (const file of files.filter((f) => /^managers.*\.txt$/.test(f))) {
    const where = join(dir, batch, file);
    for (const [vtt, name] of parseManagers(await readFile(where, "utf8"), where, vtts)) {
      if (managers.has(vtt)) throw new Error(`${where}: names the manager of ${vtt} a second time`);
      managers.set(vtt, name);
    }
  }
  return Promise.all(
    vtts.map(async (vtt): Promise<EvalSource> => {
      const manager = managers.get(vtt);
      if (manager === undefined) throw new Error(`${join(dir, batch, vtt)}: no manager named for it in ${batch}/managers*.txt`);
      return {
        source: "one-on-one",
        id: `one-on-one/${batch}/${vtt.slice(0, -".vtt".length)}`,
        split: oneOnOneSplit(batch),
        input: await readFile(join(dir, batch, vtt), "utf8"),
        manager,
      };
    }),
  );
}

/**
 * A managers file: lines `FILE<TAB>Manager Name` (FILE with or without `.vtt`), blank lines skipped. Returns
 * `[NN.vtt, name]` pairs; a line of another shape, or naming a file not in `vtts`, is an error naming `where`.
 */
export function parseManagers(text: string, where: string, vtts: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    const [file, name, ...rest] = line.split("\t").map((cell) => cell.trim());
    if (!file || !name || rest.length > 0) throw new Error(`${where} line ${i + 1}: not "FILE<TAB>Manager Name"`);
    const vtt = file.endsWith(".vtt") ? file : `${file}.vtt`;
    if (!vtts.includes(vtt)) throw new Error(`${where} line ${i + 1}: names ${vtt}, which is not in that folder`);
    pairs.push([vtt, name]);
  }
  return pairs;
}
