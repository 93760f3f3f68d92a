import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devKey, verifyDevToken } from "../../src/live/dev-token.js";
import { startLocalAttune } from "../helpers/attune-server.js";
import { runAttune } from "../helpers/child-processes.js";
import { devToken, isState, panel } from "./live-client.js";

const TOKEN = "test-ingest-token-0123456789";
let server: Awaited<ReturnType<typeof startLocalAttune>>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startLocalAttune({ ATTUNE_LIVE_INGEST_TOKEN: TOKEN });
  env = { PATH: process.env.PATH, ATTUNE_DATA_DIR: server.dataDir, ATTUNE_LIVE_INGEST_TOKEN: TOKEN, LOG_LEVEL: "silent" };
});
afterAll(async () => {
  await server?.stop();
});

describe("attune live token", () => {
  it("prints a development token (its last word) that the server accepts for that user and meeting", async () => {
    const run = await runAttune(["live", "token", "--meeting", "m-cli", "--user", "Renée Ortiz"], env);
    expect(run.code).toBe(0);
    const token = run.stdout.trim().split(/\s+/).at(-1)!;
    expect(await verifyDevToken(await devKey(server.dataDir), token)).toEqual({ name: "Renée Ortiz", meetingId: "m-cli", id: null });
    // and on stderr the panel's address to open with it (issue 18, item 6)
    expect(run.stderr).toBe(
      `Open the side panel for this meeting (with Attune running on port 3978):\n  http://127.0.0.1:3978/sidepanel?meetingId=m-cli&token=${token}\n`,
    );
  });

  it("refuses in Teams mode and without its options, on one line", async () => {
    const teams = await runAttune(["live", "token", "--meeting", "m", "--user", "A"], {
      ...env,
      MicrosoftAppId: "9f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
      MicrosoftAppPassword: "x",
      MicrosoftAppTenantId: "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718",
      PUBLIC_BASE_URL: "https://attune.example.com",
    });
    expect(teams.code).toBe(2);
    expect(teams.stderr).toMatch(/^attune live: development tokens are for local mode/);
    const missing = await runAttune(["live", "token", "--user", "A"], env);
    expect(missing).toMatchObject({ code: 2, stderr: "attune live: token needs --meeting ID and --user NAME\n" });
  });
});

describe("attune live replay", () => {
  it("replays a sample meeting into the running server, which the manager's side panel follows to its end", async () => {
    const meetingId = "replay-cli";
    const watcher = panel(server.attune.url, meetingId, await devToken(server.dataDir, meetingId, "Renée Ortiz"));
    const run = await runAttune(
      [
        "live",
        "replay",
        "samples/one-on-one.vtt",
        "--manager",
        "renee",
        "--speed",
        "100",
        "--meeting",
        meetingId,
        "--url",
        `${server.attune.url.replace("http", "ws")}/live/ingest`,
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Replayed \d+ frames of meeting replay-cli\.\n$/);
    expect(run.stderr).toMatch(/^Replaying one-on-one\.vtt as meeting replay-cli at 100×/);
    const client = await watcher;
    const state = await client.next(isState, "the manager's state");
    expect(state).toMatchObject({ meetingId, oneOnOne: true, you: { name: "Renée Ortiz" } });
    client.close();
  });

  it("says what is wrong on one line: no ingest token, unknown manager, a bad speed, no server", async () => {
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [
        ["samples/one-on-one.vtt", "--manager", "Renée"],
        { ...env, ATTUNE_LIVE_INGEST_TOKEN: "" },
        /^attune live: set ATTUNE_LIVE_INGEST_TOKEN/,
      ],
      [["samples/one-on-one.vtt", "--manager", "Nobody"], env, /^attune live: --manager: no speaker matches 'Nobody'/],
      [["samples/one-on-one.vtt", "--manager", "Renée", "--speed", "0"], env, /^attune live: --speed takes a number above 0/],
      [
        ["samples/one-on-one.vtt", "--manager", "Renée", "--url", "ws://127.0.0.1:1/live/ingest"],
        env,
        /cannot connect to ws:\/\/127\.0\.0\.1:1/,
      ],
    ];
    for (const [args, caseEnv, message] of cases) {
      const run = await runAttune(["live", "replay", ...args], caseEnv);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n").at(-1)).not.toMatch(/at .*\.js/);
    }
  });
});
