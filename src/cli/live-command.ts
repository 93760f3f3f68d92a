import { basename } from "node:path";
import { parseArgs } from "node:util";
import { devKey, signDevToken } from "../live/dev-token.js";
import { replayPlan } from "../live/replay-plan.js";
import { sendReplay } from "../live/replay-sender.js";
import { resolveSpeaker } from "../metrics/index.js";
import { defaultParseLimits, formatTranscriptError, parseTranscript } from "../transcript/index.js";
import { createContext } from "./context.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { refuseArchive } from "./word-document.js";
import { countOf } from "../format/count.js";

export const liveUsage = `Usage: attune live replay <file|-> --manager NAME [--speed N] [--url ws://…] [--meeting ID]
       attune live token --meeting ID --user NAME [--id ACCOUNT_ID] [--hours H]

replay  sends a transcript to a running Attune's live ingest as a live source would (partial
        segments every second, then each final one), in real time or N times faster; the side
        panel and its nudges follow it. Needs ATTUNE_LIVE_INGEST_TOKEN, the same as the server's.
          --manager NAME   whose panel gets the nudges (exact name, or a unique part of it)
          --speed N        N times real time (default 1)
          --url URL        the ingest (default ws://127.0.0.1:$PORT/live/ingest)
          --meeting ID     the live meeting id (default: replay- and the file's name)
token   prints a development token for the side panel outside Teams (local mode only); its last
        word on stdout is the token; stderr gives the panel's address to open with it
        (/sidepanel?meetingId=ID&token=TOKEN on this machine's port). --id gives the token an account id (oid):
        with one, the organizer is recognised by id (see docs/live.md).`;

export async function liveCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === "--help" || sub === "-h") {
    io.stdout(liveUsage);
    return sub === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (sub === "replay") return replay(rest, io);
  if (sub === "token") return token(rest, io);
  throw new UsageError(`unknown live command '${sub}'; use replay or token (see attune live --help)`);
}

async function token(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { meeting: { type: "string" }, user: { type: "string" }, id: { type: "string" }, hours: { type: "string" } },
  });
  if (!values.meeting || !values.user) throw new UsageError("token needs --meeting ID and --user NAME");
  const hours = values.hours === undefined ? 12 : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 7)
    throw new UsageError(`--hours takes a number of hours up to 168, not '${values.hours}'`);
  const context = createContext(io);
  if (context.config.bot.appId)
    throw new UsageError("development tokens are for local mode; in Teams the side panel signs in with the user's Entra SSO token");
  const key = await devKey(context.config.storage.dataDir);
  const signed = await signDevToken(key, values.meeting, values.user, Math.round(hours * 3600), values.id);
  const { port } = context.config.server;
  const panel = `http://127.0.0.1:${port}/sidepanel?meetingId=${encodeURIComponent(values.meeting)}&token=${encodeURIComponent(signed)}`;
  // The address on stderr: stdout's last word stays the token, for scripts.
  io.stderr(`Open the side panel for this meeting (with Attune running on port ${port}):\n  ${panel}`);
  io.stdout(`Development token for ${values.user} in meeting ${values.meeting}, valid ${hours} hours:\n${signed}`);
  return EXIT_OK;
}

async function replay(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { manager: { type: "string" }, speed: { type: "string" }, url: { type: "string" }, meeting: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError("replay takes one transcript file (or - for stdin); see attune live --help");
  if (!values.manager) throw new UsageError("replay needs --manager NAME: whose side panel gets the nudges");
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 10_000)
    throw new UsageError(`--speed takes a number above 0 (10 is ten times real time), not '${values.speed}'`);
  const context = createContext(io);
  const ingestToken = context.config.live.ingestToken;
  if (!ingestToken) throw new UsageError("set ATTUNE_LIVE_INGEST_TOKEN to the running server's ingest token");
  const url = values.url ?? `ws://127.0.0.1:${context.config.server.port}/live/ingest`;
  if (!/^wss?:\/\//.test(url)) throw new UsageError(`--url must be a ws:// or wss:// address, not '${url}'`);
  const path = positionals[0]!;
  const source = path === "-" ? "stdin" : basename(path);
  const text = await readInput(path, io, defaultParseLimits.maxBytes);
  refuseArchive(text, source);
  const parsed = parseTranscript(text);
  if (!parsed.ok) throw new UsageError(formatTranscriptError(parsed.error, source));
  const names = [...new Set(parsed.value.utterances.flatMap((u) => (u.speaker === null ? [] : [u.speaker])))];
  const match = resolveSpeaker(names, values.manager);
  if (!match.ok) throw new UsageError(`--manager: ${match.error.message}`);
  const meetingId = values.meeting ?? `replay-${source.replace(/[^\x21-\x7e]/g, "_")}`;
  const frames = replayPlan(parsed.value.utterances, { meetingId, manager: match.value, title: source });
  const lengthMs = frames.at(-1)?.atMs ?? 0;
  io.stderr(
    `Replaying ${source} as meeting ${meetingId} at ${speed}× (${clock(lengthMs)} of meeting, ${countOf(frames.length, "frame")}) to ${url}`,
  );
  let lastReport = 0;
  const result = await sendReplay({
    url,
    token: ingestToken,
    frames,
    speed,
    onError: (message) => io.stderr(`server: ${message}`),
    onProgress: (atMs) => {
      if (Date.now() - lastReport < 5000) return;
      lastReport = Date.now();
      io.stderr(`  ${clock(atMs)} of ${clock(lengthMs)}`);
    },
  });
  if (!result.ok) {
    io.stderr(`attune live replay: ${result.error}`);
    return EXIT_USAGE;
  }
  io.stdout(
    `Replayed ${countOf(result.value.sent, "frame")} of meeting ${meetingId}${result.value.errors ? `; the server refused ${result.value.errors}` : ""}.`,
  );
  return EXIT_OK;
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
