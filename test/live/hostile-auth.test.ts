/**
 * Who may do what on the live edges (issue 16, items 2, 4, 6 and 7), tried as an attacker would against a
 * real `attune serve` in Teams mode on 127.0.0.1: replayed and rebound Recall.ai signatures, one signed
 * upgrade for many sockets, unsigned frame floods, look-alike identities, another source's `end`, slot
 * exhaustion, the token in the address, far-future times. /healthz must answer within 1 s throughout.
 */
import { createHmac, randomBytes } from "node:crypto";
import { SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAttune } from "../helpers/attune-server.js";
import { startFakeEntra, teamsModeEnv } from "../helpers/fake-entra.js";
import type { HttpFake } from "../helpers/http-fake.js";
import { connect, ingest, isState, segment, wsUrl, type Client } from "./live-client.js";

const APP_ID = "9f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const TENANT = "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718";
const ORGANIZER_OID = "7a0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";
const LOOKALIKE_OID = "e1e2e3e4-0000-4000-8000-000000000001";
const TOKEN = "test-ingest-token-0123456789";
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const MANAGER = "Renée Ortiz";
const HOST = { id: 100, name: MANAGER, is_host: true };

let idp: HttpFake;
let base: string;
let tenantKey: CryptoKey;
let server: Awaited<ReturnType<typeof startLocalAttune>>;
let url: string;
let slowestHealthzMs = 0;
let probing = true;
let probe: Promise<void>;

beforeAll(async () => {
  const entra = await startFakeEntra(TENANT);
  ({ base, tenantKey, idp } = entra);
  server = await startLocalAttune({
    ...teamsModeEnv(entra, APP_ID, TENANT),
    ATTUNE_LIVE_INGEST_TOKEN: TOKEN,
    ATTUNE_RECALL_SECRET: SECRET,
    // One source may own a fiftieth of the slots: 2 here.
    ATTUNE_LIVE_MAX_MEETINGS: "100",
    // Bursts up to four times this.
    ATTUNE_LIVE_FRAMES_PER_SECOND: "50",
  });
  url = server.attune.url;
  // /healthz, timed, every 200 ms while the tests run.
  probe = (async () => {
    while (probing) {
      const started = performance.now();
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      slowestHealthzMs = Math.max(slowestHealthzMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
});
afterAll(async () => {
  probing = false;
  await probe;
  await server?.stop();
  await idp?.stop();
});

async function ssoToken(oid: string, name: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tid: TENANT, oid, name })
    .setProtectedHeader({ alg: "RS256", kid: "tenant-key", typ: "JWT" })
    .setIssuer(`${base}/${TENANT}/v2.0`)
    .setAudience(`api://attune.example.com/${APP_ID}`)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + 3600)
    .sign(tenantKey);
}

async function openPanel(meetingId: string, token: string): Promise<Client> {
  const client = await connect(wsUrl(url, `/live/panel?meetingId=${encodeURIComponent(meetingId)}`));
  client.send({ type: "auth", token });
  return client;
}

function signed(body: string): Record<string, string> {
  const id = `msg_${randomBytes(8).toString("hex")}`;
  const at = Math.floor(Date.now() / 1000);
  const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${at}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": String(at), "webhook-signature": `v1,${signature}` };
}

const bot = (meetingId: string) => ({
  id: `bot_${meetingId}`,
  metadata: { attune_meeting_id: meetingId, attune_manager: MANAGER, attune_manager_id: ORGANIZER_OID },
});
const words = (startS: number, endS: number) => [
  { text: "word", start_timestamp: { relative: startS }, end_timestamp: { relative: endS } },
];
const recallTranscript = (meetingId: string, startS: number, endS: number, participant: object = HOST) => ({
  event: "transcript.data",
  data: { data: { words: words(startS, endS), participant }, bot: bot(meetingId) },
});
const recallJoin = (meetingId: string, participant: object, atS: number) => ({
  event: "participant_events.join",
  data: { data: { participant, timestamp: { relative: atS } }, bot: bot(meetingId) },
});

async function postRecall(path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

describe("the side panel's organizer is an account id, not a name", () => {
  it("a different user named RENÉE ORTIZ gets the participant view; the organizer's oid gets the organizer's", async () => {
    const source = await ingest(url, TOKEN);
    source.send({ type: "start", meetingId: "lookalike", manager: MANAGER, managerId: ORGANIZER_OID, participants: ["Jordan Lee"] });
    await source.next((f) => f.type === "accepted", "accepted");
    source.send(segment("lookalike", MANAGER, 0, 40, "A long opening"));
    source.send(segment("lookalike", "Jordan Lee", 41, 45, "Fine"));
    const lookalike = await openPanel("lookalike", await ssoToken(LOOKALIKE_OID, "RENÉE ORTIZ"));
    const seen = await lookalike.next(isState, "the look-alike's state");
    expect(seen).not.toHaveProperty("notSpoken");
    expect(seen.you).toMatchObject({ name: "RENÉE ORTIZ", talkMs: 0 });
    const organizer = await openPanel("lookalike", await ssoToken(ORGANIZER_OID, "R. Ortiz (Contoso)"));
    const own = await organizer.next(isState, "the organizer's state");
    expect(own).toHaveProperty("notSpoken");
    expect(own.you).toMatchObject({ name: MANAGER });
    lookalike.close();
    organizer.close();
    source.close();
  });
});

describe("Recall.ai: signed means once, for the meeting the body names", () => {
  it("refuses a webhook replayed with the same webhook-id, and one whose address names another meeting", async () => {
    const body = JSON.stringify(recallJoin("recall-once", HOST, 0));
    const headers = signed(body);
    expect((await postRecall("/live/recall", body, headers)).status).toBe(200);
    const replay = await postRecall("/live/recall", body, headers);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: string }).error).toMatch(/replay/);
    const rebound = await postRecall("/live/recall?meetingId=victim&manager=Mallory", body, signed(body));
    expect(rebound.status).toBe(400);
    expect(((await rebound.json()) as { error: string }).error).toMatch(/not covered by Recall.ai's signature/);
  });

  it("holds times and names to the ingest's limits: a word 4 days in, a 1 MB-ish name are refused at once", async () => {
    for (const [event, reason] of [
      [recallTranscript("recall-limits", 4 * 86_400, 4 * 86_400 + 1), /past 24 hours/],
      [recallJoin("recall-limits", { id: 7, name: "x".repeat(900_000) }, 1), /over 200 characters/],
      [recallJoin("recall-limits", HOST, 8 * 86_400), /past 24 hours/],
    ] as const) {
      const body = JSON.stringify(event);
      const started = performance.now();
      const res = await postRecall("/live/recall", body, signed(body));
      expect(performance.now() - started).toBeLessThan(1000);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(reason);
    }
  });

  it("one signed upgrade opens one socket, for one meeting; its unsigned frames are rate-limited", async () => {
    const headers = signed("");
    const first = await connect(wsUrl(url, "/live/recall"), headers);
    const again = await connect(wsUrl(url, "/live/recall"), headers);
    expect((await again.closed).code).toBe(4401);
    const rebound = await connect(wsUrl(url, "/live/recall?meetingId=victim"), signed(""));
    expect((await rebound.closed).code).toBe(4400);
    // 1,000 one-second segments at once: the rate (50 a second, bursts of 200) keeps most out.
    for (let i = 0; i < 1000; i++) first.send(recallTranscript("recall-flood", i, i + 1));
    const organizer = await openPanel("recall-flood", await ssoToken(ORGANIZER_OID, MANAGER));
    await organizer.next(isState, "a state");
    // A marker after the flood, sent until the bucket lets it in (no sleeping on the clock).
    const marker = { id: 300, name: "Marker Person", is_host: false };
    let state: Record<string, unknown> | undefined;
    for (let t = 2000; state === undefined; t++) {
      first.send(recallTranscript("recall-flood", t, t + 1, marker));
      state = await organizer.next((f) => isState(f) && (f.people as number) >= 2, "the marker", 250).catch(() => undefined);
    }
    const latest = [...organizer.frames].reverse().find(isState) as { you: { talkMs: number } };
    expect(latest.you.talkMs).toBeGreaterThan(0);
    expect(latest.you.talkMs).toBeLessThan(600_000);
    await server.waitForLog("frames dropped", ["Recall.ai socket over 50 frames a second"], 10_000);
    // The socket serves the first meeting it named: input for another meeting is refused (sent until the rate lets it in).
    const refusal = ["Recall.ai event refused", "this socket serves meeting recall-flood"];
    while (!server.logs.some((line) => refusal.every((part) => line.includes(part)))) {
      first.send(recallJoin("recall-other", HOST, 0));
      await server.waitForLog("other meeting refused", refusal, 250).catch(() => undefined);
    }
    expect(first.ws.readyState).toBe(first.ws.OPEN);
    first.close();
    organizer.close();
  });
});

describe("the ingest token and the sources that hold it", () => {
  it("takes the token only in the Authorization header, the scheme in any case; a refusal leaves one warn line without the token", async () => {
    const inAddress = await connect(wsUrl(url, `/live/ingest?token=${TOKEN}`));
    expect(await inAddress.closed).toMatchObject({ code: 4401 });
    const line = await server.waitForLog("refused authentication logged", ['"level":40', "live authentication refused", "/live/ingest"]);
    expect(line).not.toContain(TOKEN);
    const lower = await connect(wsUrl(url, "/live/ingest"), { authorization: `bearer ${TOKEN}` });
    lower.send({ type: "start", meetingId: "lower-case-bearer", manager: MANAGER });
    expect(await lower.next((f) => f.type === "accepted" || f.type === "error", "a reply")).toEqual({
      type: "accepted",
      meetingId: "lower-case-bearer",
    });
    lower.send({ type: "end", meetingId: "lower-case-bearer" });
    await lower.next((f) => f.type === "ended", "ended");
    lower.close();
  });

  it("another source can neither end nor change a meeting it did not start", async () => {
    const owner = await ingest(url, TOKEN);
    owner.send({ type: "start", meetingId: "owned", manager: MANAGER, participants: ["Jordan Lee"] });
    await owner.next((f) => f.type === "accepted", "accepted");
    const intruder = await ingest(url, TOKEN);
    intruder.send({ type: "end", meetingId: "owned" });
    intruder.send(segment("owned", "Jordan Lee", 0, 600, "I take the floor"));
    const refusals = [
      await intruder.next((f) => f.type === "error" || f.type === "ended", "a reply to end"),
      await intruder.next((f) => intruder.frames.indexOf(f) === 1, "a reply to the segment"),
    ];
    for (const reply of refusals) expect(reply).toMatchObject({ type: "error", message: expect.stringMatching(/another live source/) });
    // Still the owner's: its end is taken.
    owner.send({ type: "end", meetingId: "owned" });
    expect(await owner.next((f) => f.type === "ended" || f.type === "error", "ended")).toEqual({ type: "ended", meetingId: "owned" });
    owner.close();
    intruder.close();
  });

  it("one source filling every slot does not lock another out", async () => {
    const greedy = await ingest(url, TOKEN);
    for (let i = 0; i < 100; i++) greedy.send({ type: "start", meetingId: `greedy-${i}`, manager: MANAGER });
    await greedy.next(() => greedy.frames.length === 100, "100 replies");
    expect(greedy.frames.filter((f) => f.type === "accepted")).toHaveLength(2);
    expect(greedy.frames[2]).toMatchObject({ type: "error", message: expect.stringMatching(/already follows 2 meetings/) });
    const other = await ingest(url, TOKEN);
    other.send({ type: "start", meetingId: "not-locked-out", manager: MANAGER });
    expect(await other.next((f) => f.type === "accepted" || f.type === "error", "a reply")).toEqual({
      type: "accepted",
      meetingId: "not-locked-out",
    });
    other.close();
    greedy.close();
  });
});

describe("throughout", () => {
  it("/healthz answered within 1 s", async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(slowestHealthzMs, "the slowest /healthz answer, in ms").toBeLessThan(1000);
  });
});
