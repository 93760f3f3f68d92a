/**
 * `npx tsx scripts/model-requests.ts --out DIR --transcript FILE --manager NAME [--transcript FILE --manager NAME …]`
 * (or `--list FILE`, one `TRANSCRIPT<TAB>MANAGER` a line): renders the exact requests `attune analyze --coach`
 * sends for each meeting, through the real `openai` client against a local recording server, and writes per
 * request, in DIR/<meeting>/:
 *   NN-<prompt>-<key>.request.json  the request body, byte for byte;
 *   NN-<prompt>-<key>.task.json     exactly the messages to answer, the answer's JSON schema, and where to store
 *                                   the answer (test/fixtures/model-replays/<meeting>/<key>.json).
 * Requests already answered by a fixture are answered from it, so running again after storing answers renders
 * the requests that follow them (the summary comes after the moments). Exit codes: 0 done, 2 bad option.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "../src/cli/attune.js";
import { loadReplayFixtures, replaysDir } from "../test/helpers/model-replay.js";
import { startRecordingServer } from "./model-requests/recording-server.js";

const repo = resolve(import.meta.dirname, "..");
let values: {
  out?: string | undefined;
  list?: string | undefined;
  transcript?: string[] | undefined;
  manager?: string[] | undefined;
  replays?: string | undefined;
};
try {
  values = parseArgs({
    options: {
      out: { type: "string" },
      list: { type: "string" },
      transcript: { type: "string", multiple: true },
      manager: { type: "string", multiple: true },
      replays: { type: "string" },
    },
  }).values;
} catch (error) {
  console.error(
    `model-requests: ${(error as Error).message}; options are --out DIR, --list FILE, --transcript FILE --manager NAME, --replays DIR (default test/fixtures/model-replays)`,
  );
  process.exit(2);
}
const meetings: { transcript: string; manager: string }[] = [];
if (values.list) {
  for (const line of readFileSync(values.list, "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [transcript, manager] = line.split("\t");
    if (!transcript || !manager) {
      console.error(`model-requests: ${values.list}: "${line.slice(0, 60)}" is not TRANSCRIPT<TAB>MANAGER`);
      process.exit(2);
    }
    meetings.push({ transcript: transcript.trim(), manager: manager.trim() });
  }
}
const files = values.transcript ?? [];
if (files.length !== (values.manager ?? []).length) {
  console.error("model-requests: give one --manager NAME after each --transcript FILE");
  process.exit(2);
}
for (const [i, transcript] of files.entries()) meetings.push({ transcript, manager: values.manager![i]! });
if (!values.out || meetings.length === 0) {
  console.error("model-requests: needs --out DIR and at least one --transcript FILE --manager NAME (or --list FILE)");
  process.exit(2);
}

for (const { transcript, manager } of meetings) {
  const slug = meetingSlug(transcript, manager);
  const fixturesDir = join(values.replays ? resolve(values.replays) : replaysDir, slug);
  const fixtures = existsSync(fixturesDir) ? loadReplayFixtures(fixturesDir) : new Map();
  const server = await startRecordingServer(fixtures);
  const io = {
    stdout: () => {},
    stderr: (t: string) => console.error(`  attune: ${t}`),
    readStdin: async () => "",
    env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: "replay", OPENAI_MAX_RETRIES: "0" },
  };
  const code = await runCli(["analyze", transcript, "--manager", manager, "--coach", "--format", "json"], io);
  await server.stop();
  const out = join(values.out, slug);
  mkdirSync(out, { recursive: true });
  const meeting = { transcript: relative(repo, resolve(transcript)), manager };
  writeFileSync(join(out, "meeting.json"), `${JSON.stringify(meeting, null, 2)}\n`);
  console.log(`${transcript} (${manager}): exit ${code}, ${server.recorded.length} requests → ${out}`);
  for (const [i, r] of server.recorded.entries()) {
    const stem = join(out, `${String(i + 1).padStart(2, "0")}-${r.prompt}-${r.key}`);
    writeFileSync(`${stem}.request.json`, r.body);
    const storeAs = relative(repo, join(fixturesDir, `${r.key}.json`));
    const task = {
      key: r.key,
      prompt: r.prompt,
      storeAs,
      store: { key: r.key, prompt: r.prompt, answer: "<the JSON answer>" },
      messages: r.messages,
      answerSchema: r.answerSchema,
    };
    if (!r.answered) writeFileSync(`${stem}.task.json`, `${JSON.stringify(task, null, 2)}\n`);
    console.log(
      `  ${r.answered ? "answered by fixture" : "needs an answer    "} ${r.answered ? `${stem}.request.json` : `${stem}.task.json`}`,
    );
  }
}

/** "samples/one-on-one.vtt" managed by "renee" → "one-on-one--renee". */
function meetingSlug(transcript: string, manager: string): string {
  const name = basename(transcript)
    .replace(/\.[^.]*$/, "")
    .replace(/\.teams$/, "");
  const who = manager
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${name}--${who}`;
}
