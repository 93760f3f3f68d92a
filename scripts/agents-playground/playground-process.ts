import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { BundledMeeting, PlaygroundUser } from "./bundled-meeting.js";

/**
 * Microsoft 365 Agents Playground (the `@microsoft/m365agentsplayground` dev dependency, Microsoft's
 * pre-release licence: installed from npm, never copied here) as a child process: its web client and its
 * mocked Bot Connector on 127.0.0.1, one personal chat (the organizer and the bot) and one group chat
 * (standing in for the meeting chat: the Playground has no meetings).
 */
export interface RunningPlayground {
  /** The page to open; its HTTP API and WebSockets are on the same port. */
  url: string;
  personalChatId: string;
  groupChatId: string;
  botId: string;
  /** Everything the Playground printed, for a failing test to show. */
  output(): string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** Attune's messaging endpoint (`http://127.0.0.1:PORT/api/messages`). */
  appEndpoint: string;
  /** The service URL the Playground writes into activities: the stand-in connector in front of its own. */
  serviceUrl: string;
  meeting: BundledMeeting;
  /** A folder for the Playground's config and log files. */
  workDir: string;
  /** The port to ask for (the Playground picks another when it is taken); 0: any free one. */
  port: number;
  /** How long to wait for it to listen. */
  startTimeoutMs?: number;
}

export const PERSONAL_CHAT_ID = "8f0d6c1e-3b2a-4d5c-9e7f-a1b2c3d4e5f6";
export const GROUP_CHAT_ID = "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b";
export const BOT_ID = "28:attune-agents-playground-bot";

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const configPath = join(options.workDir, "m365agentsplayground.yml");
  const logFile = join(options.workDir, "m365agentsplayground.log");
  await writeFile(configPath, playgroundConfig(options.meeting));
  const cli = join(dirname(createRequire(import.meta.url).resolve("@microsoft/m365agentsplayground/package.json")), "cli.js");
  const port = options.port === 0 ? await freePort() : options.port;
  const child = spawn(
    process.execPath,
    [
      cli,
      "start",
      "--app-endpoint",
      options.appEndpoint,
      "--channel-id",
      "msteams",
      "--port",
      String(port),
      "--service-url",
      options.serviceUrl,
      "--disable-telemetry",
    ],
    {
      cwd: options.workDir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: "none",
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the Agents Playground did not start within ${(options.startTimeoutMs ?? 60_000) / 1000} s; it printed: ${out}`));
    }, options.startTimeoutMs ?? 60_000);
    const check = () => {
      const found = /Listening on (\d+)/.exec(out);
      if (!found) return;
      clearTimeout(timer);
      child.stdout!.off("data", check);
      resolve(Number(found[1]));
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the Agents Playground exited (${code}) before listening; it printed: ${out}`));
    });
  })
    // It prints its port before its routes and WebSockets are attached: ready is when /_debug/ping answers.
    .then(async (port) => {
      // Start-up errors (a config it rejects) go to its log file, not to its output.
      const log = () => `${out}${readFileSync(logFile, { encoding: "utf8", flag: "a+" }).slice(-2000)}`;
      await waitForPing(`http://127.0.0.1:${port}`, options.startTimeoutMs ?? 60_000, log);
      return port;
    })
    .catch((error: unknown) => {
      child.kill("SIGKILL");
      throw error;
    });
  return {
    url: `http://127.0.0.1:${listening}`,
    personalChatId: PERSONAL_CHAT_ID,
    groupChatId: GROUP_CHAT_ID,
    botId: BOT_ID,
    output: () => out,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function waitForPing(url: string, timeoutMs: number, output: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const pong = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(5000) })
      .then(async (r) => r.ok && (await r.text()) === "pong")
      .catch(() => false);
    if (pong) return;
    if (Date.now() > until) throw new Error(`the Agents Playground at ${url} did not answer /_debug/ping; its log: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The Playground's config wants at least five users besides the signed-in one: colleagues not in the meeting. */
const EXTRA_USERS: PlaygroundUser[] = [
  ["Sam", "Okafor"],
  ["Priya", "Nair"],
  ["Tomás", "Rivera"],
  ["Mei", "Chen"],
].map(([givenName, surname], i) => ({
  id: `user-colleague-${i + 1}`,
  aadObjectId: `0a1b2c3d-4e5f-4a6b-8c7d-00000000000${i + 1}`,
  name: `${givenName} ${surname}`,
  givenName: givenName!,
  surname: surname!,
  email: `${givenName!
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z]/g, "")}.${surname!.toLowerCase()}@example.com`,
}));

/** The Playground's mock tenant (its `.m365agentsplayground.yml` format, version 0.1.1). */
function playgroundConfig(meeting: BundledMeeting): string {
  // JSON strings are YAML double-quoted scalars: names with accents, colons or slashes stay text.
  const q = (text: string) => JSON.stringify(text);
  const user = (u: PlaygroundUser, indent: string) =>
    [
      `id: ${q(u.id)}`,
      `name: ${q(u.name)}`,
      `userPrincipleName: ${q(u.email)}`,
      `aadObjectId: ${q(u.aadObjectId)}`,
      `givenName: ${q(u.givenName)}`,
      `surname: ${q(u.surname)}`,
      `email: ${q(u.email)}`,
    ]
      .map((line, i) => (i === 0 ? line : `${indent}${line}`))
      .join("\n");
  return `version: "0.1.1"
tenantId: ${q(meeting.tenantId)}
bot:
  id: ${q(BOT_ID)}
  name: Attune
currentUser:
  ${user(meeting.organizer, "  ")}
users:
${[meeting.participant, ...EXTRA_USERS].map((u) => `  - ${user(u, "    ")}`).join("\n")}
personalChat:
  id: ${q(PERSONAL_CHAT_ID)}
groupChat:
  id: ${q(GROUP_CHAT_ID)}
  name: ${q(meeting.title)}
team:
  id: attune-team
  name: Attune trial team
  aadGroupId: 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a
  channels:
    - id: attune-channel
      name: Trial
`;
}
