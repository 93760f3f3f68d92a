import { Writable } from "node:stream";
import { generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { eventually, postActivity, startLocalAttune } from "../helpers/attune-server.js";
import { activity, FakeConnector } from "../helpers/fake-teams.js";
import { BOT_FRAMEWORK_ISSUER, startFakeBotOpenId } from "../helpers/fake-bot-openid.js";
import { HttpFake } from "../helpers/http-fake.js";

/**
 * Finding 1 (issue 10), in Teams mode: with an app id, every Bot Connector call needs a token first. When
 * the token endpoint is down, the meeting end is still answered and kept, and the job retries the meeting
 * info, logging the operation and why, never a response body.
 */
const APP_ID = "9f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const ISSUER = BOT_FRAMEWORK_ISSUER;
let openId: HttpFake;
let connector: FakeConnector;
let channelKey: CryptoKey;
let server: Awaited<ReturnType<typeof startLocalAttune>>;
const logLines: string[] = [];

beforeAll(async () => {
  const channel = await generateKeyPair("RS256");
  channelKey = channel.privateKey;
  const bot = await startFakeBotOpenId(channel.publicKey);
  openId = bot.fake;
  // The bot's token endpoint: an https address where nothing listens.
  const gone = new HttpFake({ tls: true });
  const goneUrl = await gone.start();
  await gone.stop();
  connector = new FakeConnector();
  await connector.start();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  server = await startLocalAttune(
    {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppTenantId: "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718",
      PUBLIC_BASE_URL: "https://attune.example.com",
      HOST: "127.0.0.1",
      BOTFRAMEWORK_OPENID_METADATA_URL: bot.metadataUrl,
      BOTFRAMEWORK_LOGIN_URL: `${goneUrl}/botframework.com`,
      ATTUNE_TRANSCRIPT_POLL_SECONDS: "1",
    },
    { log: createLogger("info", sink) },
  );
});
afterAll(async () => {
  await server?.stop();
  await openId?.stop();
  await connector?.stop();
});

async function channelToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: `http://127.0.0.1:${connector.port}/teams/` })
    .setProtectedHeader({ alg: "RS256", kid: "channel-key", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(APP_ID)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + 3600)
    .sign(channelKey);
}

describe("the bot's token endpoint is down", () => {
  it("the meeting end is answered and kept; the job retries the meeting info and logs why without a body", async () => {
    const res = await postActivity(server.attune.url, activity("meeting-end", connector.port), {
      authorization: `Bearer ${await channelToken()}`,
    });
    expect(res.status).toBe(200);
    const retried = await eventually(
      () => logLines.find((l) => l.includes("job step will be retried") && l.includes("meeting info")),
      45_000,
      "the job to retry the meeting info",
    );
    expect(JSON.parse(retried).reason).toMatch(/^the Bot Connector's meeting info \(GET \/v1\/meetings\/\{id\}\) got no answer \(.+\)$/);
    expect(connector.requests.filter((r) => r.path.includes("/v1/meetings/"))).toHaveLength(0); // no token, no call
    expect(logLines.some((l) => l.includes('"msg":"turn failed"'))).toBe(false);
  }, 60_000);
});
