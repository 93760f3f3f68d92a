import { generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { eventually, postActivity, startLocalAttune } from "../helpers/attune-server.js";
import { activity, FakeConnector } from "../helpers/fake-teams.js";
import { BOT_FRAMEWORK_ISSUER, startFakeBotOpenId } from "../helpers/fake-bot-openid.js";
import type { HttpFake } from "../helpers/http-fake.js";

const APP_ID = "9f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const ISSUER = BOT_FRAMEWORK_ISSUER;

let openId: HttpFake;
let connector: FakeConnector;
let server: Awaited<ReturnType<typeof startLocalAttune>>;
let channelKey: CryptoKey;
let forgerKey: CryptoKey;
/** Every line the server logs, down to debug. */
const logged: { level: number; module?: string; source?: string; msg: string; [key: string]: unknown }[] = [];
const log = createLogger("debug", { write: (line: string) => void logged.push(JSON.parse(line) as (typeof logged)[number]) });

beforeAll(async () => {
  const channel = await generateKeyPair("RS256");
  const forger = await generateKeyPair("RS256");
  channelKey = channel.privateKey;
  forgerKey = forger.privateKey;
  const bot = await startFakeBotOpenId(channel.publicKey);
  openId = bot.fake;
  connector = new FakeConnector();
  await connector.start();
  server = await startLocalAttune(
    {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-used-in-this-test",
      MicrosoftAppTenantId: "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718",
      PUBLIC_BASE_URL: "https://attune.example.com",
      HOST: "127.0.0.1",
      BOTFRAMEWORK_OPENID_METADATA_URL: bot.metadataUrl,
    },
    { log },
  );
});
afterAll(async () => {
  await server?.stop();
  await openId?.stop();
  await connector?.stop();
});

async function token(key: CryptoKey, claims: { exp?: number; aud?: string; serviceurl?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl ?? `http://127.0.0.1:${connector.port}/teams/` })
    .setProtectedHeader({ alg: "RS256", kid: "channel-key", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(claims.aud ?? APP_ID)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(claims.exp ?? now + 3600)
    .sign(key);
}

/** Everything the bot has sent so far (a welcome card would show up here). */
async function connectorCalls(): Promise<number> {
  const res = await fetch(`${server.attune.url}/readyz`);
  expect(res.status).toBe(200);
  return connector.requests.length;
}

describe("with an app id, Bot Framework authentication is on", () => {
  const install = () => activity("installation-update-personal", connector.port);

  const rejected: [string, () => Promise<Record<string, string>>][] = [
    ["no token", async () => ({})],
    ["a forged token (signed by another key)", async () => ({ authorization: `Bearer ${await token(forgerKey)}` })],
    [
      "an expired token",
      async () => ({ authorization: `Bearer ${await token(channelKey, { exp: Math.floor(Date.now() / 1000) - 600 })}` }),
    ],
    [
      "a token for another bot",
      async () => ({ authorization: `Bearer ${await token(channelKey, { aud: "11111111-2222-3333-4444-555555555555" })}` }),
    ],
    [
      "a token for another service URL",
      async () => ({ authorization: `Bearer ${await token(channelKey, { serviceurl: "https://evil.example/teams/" })}` }),
    ],
  ];
  for (const [name, headers] of rejected) {
    it(`${name}: 401, and nothing happens`, async () => {
      const before = await connectorCalls();
      const res = await postActivity(server.attune.url, install(), await headers());
      expect(res.status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(connector.requests.length).toBe(before);
    });
  }

  it("a valid channel token is accepted (so the 401s above are the check, not a broken endpoint)", async () => {
    const start = activity("meeting-start", connector.port);
    const res = await postActivity(server.attune.url, start, { authorization: `Bearer ${await token(channelKey)}` });
    expect(res.status).toBe(200);
  });

  // Issue 16 (smaller): a deeply nested channelData got 401 "Cannot read properties of undefined (reading 'trim')".
  it.each([
    ["a deeply nested array", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["an array", "[1, 2]"],
    ["a string", '"teams"'],
    ["a tenant that is not an object", '{"tenant": [[["x"]]]}'],
    ["a meeting id that is not a string", '{"meeting": {"id": [[[]]]}}'],
  ])("channelData as %s: 400 with the reason, before anything runs", async (_name, channelData) => {
    const before = await connectorCalls();
    const body = JSON.stringify({ ...install(), channelData: "CHANNEL_DATA" }).replace('"CHANNEL_DATA"', channelData);
    const signed: Record<string, string>[] = [{}, { authorization: `Bearer ${await token(channelKey)}` }];
    for (const headers of signed) {
      const res = await fetch(`${server.attune.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^channelData.*: Teams sends/);
    }
    expect(connector.requests.length).toBe(before);
  });

  it("no Authorization header: 401 saying so, not a TypeError", async () => {
    const res = await postActivity(server.attune.url, install());
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/Cannot read|trim/);
  });

  it("listens where configured and says it is not in local mode", async () => {
    expect(server.attune.config.bot.appId).toBe(APP_ID);
    await eventually(async () => ((await fetch(`${server.attune.url}/healthz`)).ok ? true : undefined), 20_000, "health");
  });
});

// Finding 6 of issue 10: each rejected request printed botbuilder's multi-line stack trace outside pino,
// whatever LOG_LEVEL said (104k lines for 11k requests); an activity without a type got 500.
describe("rejected requests in the log", () => {
  it("each is one line at warn (the request); botbuilder's report goes to debug, on one line, without the token", async () => {
    const forged = await token(forgerKey);
    const from = logged.length;
    const count = 12;
    for (let i = 0; i < count; i++) {
      const res = await postActivity(server.attune.url, activity("installation-update-personal", connector.port), {
        authorization: `Bearer ${forged}`,
      });
      expect(res.status).toBe(401);
    }
    const lines = await eventually(
      () => {
        const now = logged.slice(from);
        return now.filter((l) => l.source === "console").length >= count ? now : undefined;
      },
      10_000,
      "botbuilder's reports",
    );
    const atInfoOrAbove = lines.filter((l) => l.level >= 30);
    expect(atInfoOrAbove).toHaveLength(count);
    for (const line of atInfoOrAbove) expect(line).toMatchObject({ level: 40, module: "http", res: { statusCode: 401 } });
    const reports = lines.filter((l) => l.source === "console");
    for (const line of reports) expect(line).toMatchObject({ level: 20, module: "botbuilder" });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(forged.split(".")[2]!);
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(text).not.toContain("not-used-in-this-test");
    expect(text).not.toMatch(/BEGIN [A-Z ]*KEY|MIIB/);
  });

  it.each([
    ["no type", { text: "hi", serviceUrl: "http://127.0.0.1:1/" }],
    ["an empty type", { type: "", text: "hi" }],
    ["an array", [{ type: "message" }]],
  ])("an activity with %s is 400 with a one-line reason, not 500", async (_name, body) => {
    const res = await postActivity(server.attune.url, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /^(not a Bot Framework activity: it has no type|send one Bot Framework activity)/,
    );
  });
});
