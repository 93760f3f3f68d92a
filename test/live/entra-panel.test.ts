import { generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAttune } from "../helpers/attune-server.js";
import { startFakeEntra, teamsModeEnv } from "../helpers/fake-entra.js";
import type { HttpFake } from "../helpers/http-fake.js";
import { connect, devToken, ingest, isState, wsUrl } from "./live-client.js";

const APP_ID = "9f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const TENANT = "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718";
const OTHER_TENANT = "11111111-2222-4333-8444-555555555555";
const TOKEN = "test-ingest-token-0123456789";
const MEETING = "MCMxOTptZWV0aW5nX1NhbXBsZUB0aHJlYWQudjIjMA==";
const MANAGER = "Renée Ortiz";
const ORGANIZER_OID = "7a0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";

let idp: HttpFake;
let base: string;
let server: Awaited<ReturnType<typeof startLocalAttune>>;
let tenantKey: CryptoKey;
let forgerKey: CryptoKey;

beforeAll(async () => {
  const entra = await startFakeEntra(TENANT);
  ({ base, tenantKey, idp } = entra);
  forgerKey = (await generateKeyPair("RS256")).privateKey;
  server = await startLocalAttune({
    ...teamsModeEnv(entra, APP_ID, TENANT),
    ATTUNE_LIVE_INGEST_TOKEN: TOKEN,
  });
  const source = await ingest(server.attune.url, TOKEN);
  // The source names the organizer's account id: the organizer's panel is decided by it, not by the name.
  source.send({ type: "start", meetingId: MEETING, manager: MANAGER, managerId: ORGANIZER_OID, participants: ["Jordan Lee"] });
  await source.next((f) => f.type === "accepted", "accepted");
  source.close();
});
afterAll(async () => {
  await server?.stop();
  await idp?.stop();
});

interface Claims {
  tid?: string;
  aud?: string;
  name?: string;
  oid?: string;
  exp?: number;
  key?: CryptoKey;
}

/** An SSO token as authentication.getAuthToken() returns it in Teams. */
async function ssoToken(claims: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const tid = claims.tid ?? TENANT;
  return new SignJWT({ tid, oid: claims.oid ?? ORGANIZER_OID, name: claims.name ?? MANAGER })
    .setProtectedHeader({ alg: "RS256", kid: "tenant-key", typ: "JWT" })
    .setIssuer(`${base}/${tid}/v2.0`)
    .setAudience(claims.aud ?? `api://attune.example.com/${APP_ID}`)
    .setIssuedAt(now - 60)
    .setExpirationTime(claims.exp ?? now + 3600)
    .sign(claims.key ?? tenantKey);
}

async function openPanel(token: string) {
  const client = await connect(wsUrl(server.attune.url, `/live/panel?meetingId=${encodeURIComponent(MEETING)}`));
  client.send({ type: "auth", token });
  return client;
}

describe("side panel with Entra SSO tokens (Teams mode)", () => {
  const refused: [string, () => Promise<string>, number, RegExp][] = [
    ["a forged token (another key)", () => ssoToken({ key: forgerKey }), 4401, /signature or claims/],
    ["an expired token", () => ssoToken({ exp: Math.floor(Date.now() / 1000) - 600 }), 4401, /^token expired/],
    ["a token for another app", () => ssoToken({ aud: "api://elsewhere.example.com/other" }), 4401, /another app/],
    ["a token of another tenant", () => ssoToken({ tid: OTHER_TENANT }), 4403, /another tenant/],
    [
      "someone not in the meeting",
      () => ssoToken({ name: "Mallory Smith", oid: "0b0b0b0b-1111-4222-8333-444444444444" }),
      4403,
      /not in this meeting/,
    ],
    ["a development token", () => devToken(server.dataDir, MEETING, MANAGER), 4401, /signature or claims/],
  ];
  for (const [name, token, code, reason] of refused) {
    it(`${name}: closed with ${code}, nothing sent`, async () => {
      const client = await openPanel(await token());
      const closed = await client.closed;
      expect(closed.code).toBe(code);
      expect(closed.reason).toMatch(reason);
      expect(client.frames).toEqual([]);
    });
  }

  it("the organizer's valid token (either audience form) gets their state", async () => {
    for (const aud of [APP_ID, `api://attune.example.com/${APP_ID}`]) {
      const client = await openPanel(await ssoToken({ aud }));
      const state = await client.next(isState, "state");
      expect(state).toMatchObject({ meetingId: MEETING, you: { name: MANAGER }, notSpoken: ["Jordan Lee"] });
      client.close();
    }
    expect(idp.requests.filter((r) => r.path.endsWith("openid-configuration"))).toHaveLength(1);
  });
});
