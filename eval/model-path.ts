/**
 * The model path, replayed: for every folder of recorded model answers in eval/model-replays/ (one per
 * conversation, `<transcript>--<manager>/` holding meeting.json and one `<key>.json` per request, as
 * test/fixtures/model-replays/README.md describes), runs `attune analyze - --manager NAME --coach --format json`
 * in process against the fake OpenAI server in replay mode, and pairs the card with the rules' card for the same
 * conversation. A folder that cannot run (bad meeting.json, a transcript that is none of the eval's, a failed run)
 * is an outcome with its reason; a request with no recorded answer is listed, and the coach's fallback shows.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeText } from "../src/transcript/decode-text.js";
import { parseTranscript, type Utterance } from "../src/transcript/index.js";
import { FakeOpenAi, replayStep } from "../test/helpers/fake-openai.js";
import { loadReplayFixtures, replayKey, replayMeetingSchema } from "../test/helpers/model-replay.js";
import { praisedItems } from "./collect.js";
import { analyzeInProcess } from "./product-run.js";
import type { SourceRun } from "./run-sources.js";
import { type SampleRow, sampleRows } from "./sample-rows.js";
import { jsonOrUndefined } from "./verdicts.js";

export const MODEL_REPLAYS_DIR = fileURLToPath(new URL("./model-replays/", import.meta.url));
const REPO = fileURLToPath(new URL("../", import.meta.url));

/** ATTUNE_MODEL_REPLAYS_DIR, else eval/model-replays/. */
export const modelReplaysDir = (env: Record<string, string | undefined>): string => env.ATTUNE_MODEL_REPLAYS_DIR || MODEL_REPLAYS_DIR;

/** A request the product sent that no recorded answer matches (the server answered 404; the coach fell back). */
export interface MissingAnswer {
  key: string;
  prompt: string;
}

export type ModelPathRun =
  | { ok: true; folder: string; model: SourceRun; rules: SourceRun; missing: MissingAnswer[] }
  | { ok: false; folder: string; reason: string };

/** The folders under `dir` that hold a meeting.json, sorted by name; none when `dir` does not exist. */
export function replayFolders(dir: string): { name: string; dir: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, "meeting.json")))
    .sort()
    .map((name) => ({ name, dir: join(dir, name) }));
}

/**
 * Runs every replay folder under `dir` and pairs it with the rules' run (from `rulesRuns`) on the same
 * transcript, matched by the utterances the product reads. A rules run that was itself coached by a model (OPENAI_*
 * set for the whole eval) is run again without OPENAI_*, so the comparison is always with the rules.
 */
export async function runModelPath(
  dir: string,
  rulesRuns: readonly SourceRun[],
  env: Record<string, string | undefined>,
): Promise<ModelPathRun[]> {
  const folders = replayFolders(dir);
  if (folders.length === 0) return [];
  const byUtterances = new Map(rulesRuns.map((run) => [fingerprint(run.utterances), run]));
  const fake = new FakeOpenAi();
  const baseURL = await fake.start();
  const out: ModelPathRun[] = [];
  try {
    for (const folder of folders) {
      const fail = (reason: string): ModelPathRun => ({ ok: false, folder: folder.name, reason });
      try {
        out.push(await runFolder(folder, byUtterances, { fake, baseURL, env: withoutModel(env) }, fail));
      } catch (error) {
        out.push(fail(error instanceof Error ? error.message : String(error)));
      }
    }
  } finally {
    await fake.stop();
  }
  return out;
}

async function runFolder(
  folder: { name: string; dir: string },
  byUtterances: ReadonlyMap<string, SourceRun>,
  { fake, baseURL, env }: { fake: FakeOpenAi; baseURL: string; env: Record<string, string | undefined> },
  fail: (reason: string) => ModelPathRun,
): Promise<ModelPathRun> {
  const meeting = replayMeetingSchema.safeParse(jsonOrUndefined(readFileSync(join(folder.dir, "meeting.json"), "utf8")));
  if (!meeting.success) return fail('meeting.json is not {"transcript": PATH, "manager": NAME}; write it as the fixtures README says');
  const { transcript } = meeting.data;
  const path = [resolve(REPO, transcript), resolve(folder.dir, transcript), join(folder.dir, basename(transcript))].find((p) =>
    existsSync(p),
  );
  if (!path) return fail(`transcript ${transcript} not found (relative to the repository or to the folder, or in the folder)`);
  const input = decodeText(readFileSync(path));
  const parsed = parseTranscript(input);
  if (!parsed.ok) return fail(`transcript ${meeting.data.transcript} does not parse: ${parsed.error.message}`);
  const paired = byUtterances.get(fingerprint(parsed.value.utterances));
  if (!paired) return fail(`transcript ${meeting.data.transcript} is none of the eval's conversations: left out`);
  const rules = paired.report.coaching?.source === "heuristic" ? paired : await rerunWithRules(paired, env);
  const fixtures = loadReplayFixtures(folder.dir);
  const first = fake.requests.length;
  fake.fallback = replayStep(fixtures, []);
  const modelEnv = { ...env, OPENAI_API_KEY: "replay", OPENAI_BASE_URL: baseURL, OPENAI_MODEL: "replay", OPENAI_MAX_RETRIES: "0" };
  const report = await analyzeInProcess(input, meeting.data.manager, modelEnv, `${folder.name} (model path)`);
  const missing = fake.requests.slice(first).flatMap((r): MissingAnswer[] => {
    const key = replayKey(r.body.messages);
    return fixtures.has(key) ? [] : [{ key, prompt: r.body.response_format?.json_schema?.name ?? "unknown prompt" }];
  });
  return { ok: true, folder: folder.name, model: { ...rules, report }, rules, missing };
}

/** `env` holds no OPENAI_* setting. */
async function rerunWithRules(run: SourceRun, env: Record<string, string | undefined>): Promise<SourceRun> {
  const report = await analyzeInProcess(run.source.input, run.source.manager, env, `${run.source.id} (rules)`);
  return { ...run, report };
}

/** The environment without any OPENAI_* setting (the replay server's are added per run). */
function withoutModel(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("OPENAI_")));
}

const fingerprint = (utterances: readonly Utterance[]): string =>
  JSON.stringify(utterances.map((u) => [u.speaker, u.startMs, u.endMs, u.text]));

/** The fixed sample's rows of the model path's cards: the same rows, by the same rule, as the rules' cards give. */
export const modelPathRows = (runs: readonly ModelPathRun[]): SampleRow[] =>
  runs.flatMap((r) => (r.ok ? sampleRows(r.model, praisedItems) : []));

/** The rules' rows and the model path's, each row once: a row both coaches wrote alike is one text, judged once. */
export const withModelRows = (rulesRows: readonly SampleRow[], modelRows: readonly SampleRow[]): SampleRow[] => [
  ...new Map([...rulesRows, ...modelRows].map((r) => [r.key, r])).values(),
];
