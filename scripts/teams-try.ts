/**
 * `npm run teams:try [-- --data DIR] [-- --port N]`: Attune in Microsoft 365 Agents Playground, Microsoft's
 * Teams test client, on this machine. Starts Attune in local mode on a free port (a temporary data folder
 * unless --data names one), local stand-ins for the Teams meeting API and Microsoft Graph serving a bundled
 * meeting from samples/, and the Playground pointed at Attune. Prints the page to open; Enter ends the
 * bundled meeting, and the coaching card arrives in the personal chat. Ctrl-C stops everything.
 * Exit codes: 0 stopped, 2 bad option, 1 could not start.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { startTeamsTry } from "./agents-playground/teams-try-stack.js";
import { trustStandInCertificate } from "./agents-playground/trust-stand-in.js";

await trustStandInCertificate();

let options: { data?: string | undefined; port?: string | undefined };
try {
  options = parseArgs({ options: { data: { type: "string" }, port: { type: "string" } }, allowPositionals: false }).values;
} catch (error) {
  console.error(`teams:try: ${(error as Error).message}; options are --data DIR and --port N`);
  process.exit(2);
}
const port = options.port === undefined ? 56150 : Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`teams:try: --port ${options.port} is not a port number (0 to 65535)`);
  process.exit(2);
}

let trial: Awaited<ReturnType<typeof startTeamsTry>>;
try {
  trial = await startTeamsTry({
    ...(options.data !== undefined && { dataDir: options.data }),
    playgroundPort: port,
    env: {
      OPENAI_API_KEY: process.env.OPENAI_API_KEY,
      OPENAI_BASE_URL: process.env.OPENAI_BASE_URL,
      OPENAI_MODEL: process.env.OPENAI_MODEL,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  });
} catch (error) {
  console.error(`teams:try: ${(error as Error).message}`);
  process.exit(1);
}

const { playground, meeting } = trial;
console.log(`
Attune in Microsoft 365 Agents Playground: open ${playground.url}

  You are ${meeting.organizer.name}, the organizer of “${meeting.title}” (samples/one-on-one.vtt).
  The page installs Attune in your personal chat when it opens: type help, last, trend or prep Jordan there.
  Press Enter here to end the meeting: Attune joins the group chat “${meeting.title}” (the Playground has no
  meetings, so it stands in for the meeting chat), the meeting ends, and its coaching card arrives in your
  personal chat a few seconds later. Press Enter again to end it again (still one card).
  (Attune ${trial.attune.url}; meeting API and Graph are local stand-ins: the Playground has neither.)
  Ctrl-C stops everything.
`);

const input = createInterface({ input: process.stdin });
let joined = false;
input.on("line", () => {
  const join = joined ? Promise.resolve() : trial.api.install(playground.groupChatId);
  joined = true;
  join
    .then(() => trial.endMeeting())
    .then(
      () => console.log(`“${meeting.title}” ended; the card is on its way to your personal chat.`),
      (error: unknown) => console.error(`teams:try: could not end the meeting: ${(error as Error).message}`),
    );
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  input.close();
  trial.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
input.on("close", () => {
  // stdin closed (not a terminal): keep serving until a signal.
});
