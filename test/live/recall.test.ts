import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapRecallEvent } from "../../src/live/recall-events.js";
import { verifyRecallSignature } from "../../src/live/recall-signature.js";
import { startLocalAttune } from "../helpers/attune-server.js";
import { connect, devToken, isState, panel, wsUrl } from "./live-client.js";

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const HOST = { id: 100, name: "Renée Ortiz", is_host: true, platform: "teams", extra_data: {}, email: null };
const GUEST = { id: 200, name: "Jordan Lee", is_host: false, platform: "teams", extra_data: {}, email: null };
const resources = {
  realtime_endpoint: { id: "re_1", metadata: {} },
  recording: { id: "rec_1", metadata: {} },
  bot: { id: "bot_1", metadata: {} },
};

/** Recall.ai's documented real-time payloads (docs: Real-Time Event Payloads). */
const words = (startS: number, endS: number, text: string) =>
  text.split(" ").map((w, i, all) => {
    const step = (endS - startS) / all.length;
    return {
      text: w,
      start_timestamp: { relative: startS + i * step, absolute: "2026-12-01T10:00:00Z" },
      end_timestamp: { relative: startS + (i + 1) * step, absolute: "2026-12-01T10:00:01Z" },
    };
  });
const transcript = (
  event: "transcript.data" | "transcript.partial_data",
  participant: object,
  startS: number,
  endS: number,
  text: string,
) => ({
  event,
  data: {
    data: { words: words(startS, endS, text), language_code: "en", participant },
    transcript: { id: "tr_1", metadata: {} },
    ...resources,
  },
});
const participantEvent = (event: string, participant: object, atS: number) => ({
  event: `participant_events.${event}`,
  data: {
    data: { participant, timestamp: { absolute: "2026-12-01T10:00:00Z", relative: atS }, data: null },
    participant_events: { id: "pe_1", metadata: {} },
    ...resources,
  },
});

/** The event as a bot created with Attune's metadata sends it: the signed body says the meeting (and manager). */
function forMeeting<T extends { data: object }>(event: T, meetingId: string, manager?: string): T {
  const metadata = { attune_meeting_id: meetingId, ...(manager && { attune_manager: manager }) };
  return { ...event, data: { ...event.data, bot: { id: `bot_${meetingId}`, metadata } } };
}

function signed(body: string, secret = SECRET, at = Math.floor(Date.now() / 1000)): Record<string, string> {
  const id = `msg_${randomBytes(8).toString("hex")}`;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${at}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": String(at), "webhook-signature": `v1,${signature}` };
}

describe("Recall.ai signatures", () => {
  it("accepts the Svix documentation's own example and refuses it changed, late or unsigned", () => {
    // The example in Svix's "verifying payloads manually" documentation, which Recall.ai's scheme follows.
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const headers = {
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    };
    const body = '{"test": 2432232314}';
    expect(verifyRecallSignature(secret, headers, body, 1614265330)).toEqual({ ok: true });
    const legacy = {
      "svix-id": headers["webhook-id"],
      "svix-timestamp": headers["webhook-timestamp"],
      "svix-signature": `v1,bm9wZQ== ${headers["webhook-signature"]}`,
    };
    expect(verifyRecallSignature(secret, legacy, body, 1614265330)).toEqual({ ok: true });
    expect(verifyRecallSignature(secret, headers, '{"test": 2432232315}', 1614265330)).toMatchObject({
      ok: false,
      error: /does not match/,
    });
    expect(verifyRecallSignature(secret, headers, body, 1614265330 + 600)).toMatchObject({ ok: false, error: /five minutes/ });
    expect(verifyRecallSignature(secret, {}, body, 1614265330)).toMatchObject({ ok: false, error: /missing/ });
  });
});

describe("Recall.ai events as live input", () => {
  it("maps words, partials, speech and roster events, the host as manager unless told", () => {
    const data = mapRecallEvent(transcript("transcript.data", HOST, 1.5, 4, "So here is the plan"), { meetingId: "m1", manager: null });
    expect(data).toMatchObject({
      ok: true,
      meetingId: "m1",
      start: { type: "start", meetingId: "m1", manager: "Renée Ortiz" },
      inputs: [{ type: "segment", speaker: "Renée Ortiz", startMs: 1500, endMs: 4000, text: "So here is the plan", final: true }],
    });
    expect(
      mapRecallEvent(transcript("transcript.partial_data", GUEST, 5, 6, "I think"), { meetingId: "m1", manager: "Renée Ortiz" }),
    ).toMatchObject({
      inputs: [{ type: "segment", speaker: "Jordan Lee", final: false }],
      start: { manager: "Renée Ortiz" },
    });
    expect(mapRecallEvent(participantEvent("speech_on", GUEST, 7.25), { meetingId: null, manager: null })).toMatchObject({
      meetingId: "recall:bot_1",
      inputs: [{ type: "speech", name: "Jordan Lee", atMs: 7250, speaking: true }],
    });
    expect(mapRecallEvent(participantEvent("join", HOST, 0), { meetingId: "m1", manager: null })).toMatchObject({
      inputs: [
        { type: "start", manager: "Renée Ortiz" },
        { type: "join", name: "Renée Ortiz" },
      ],
    });
    expect(mapRecallEvent({ event: "participant_events.webcam_on", data: {} }, { meetingId: "m1", manager: null })).toEqual({
      ok: true,
      ignored: "participant_events.webcam_on",
    });
    expect(mapRecallEvent({ event: "transcript.data", data: { data: {} } }, { meetingId: "m1", manager: null })).toMatchObject({
      ok: false,
      error: /not the shape/,
    });
    expect(mapRecallEvent([], { meetingId: "m1", manager: null })).toMatchObject({ ok: false, error: /not a Recall.ai event/ });
  });
});

describe("Recall.ai over the webhook and the WebSocket", () => {
  let server: Awaited<ReturnType<typeof startLocalAttune>>;
  beforeAll(async () => {
    server = await startLocalAttune({ ATTUNE_RECALL_SECRET: SECRET });
  });
  afterAll(async () => {
    await server?.stop();
  });
  const post = (path: string, event: unknown, headers?: Record<string, string>) => {
    const body = JSON.stringify(event);
    return fetch(`${server.attune.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(headers ?? signed(body)) },
      body,
    });
  };

  it("signed webhook events build the meeting the side panel shows", async () => {
    // Signed: the meeting comes from the bot's metadata in the signed body, not from the address.
    const path = "/live/recall";
    const m = (event: ReturnType<typeof transcript> | ReturnType<typeof participantEvent>) => forMeeting(event, "recall-webhook");
    expect((await post(path, m(participantEvent("join", HOST, 0)))).status).toBe(200);
    expect((await post(path, m(participantEvent("join", GUEST, 1)))).status).toBe(200);
    const guest = await panel(server.attune.url, "recall-webhook", await devToken(server.dataDir, "recall-webhook", "Jordan Lee"));
    expect(await post(path, m(transcript("transcript.partial_data", HOST, 2, 5, "Let me start with")))).toMatchObject({ status: 200 });
    expect(
      (await post(path, m(transcript("transcript.data", HOST, 2, 10, "Let me start with where the release stands today")))).status,
    ).toBe(200);
    expect((await post(path, m(transcript("transcript.data", GUEST, 11, 14, "The migration still fails")))).status).toBe(200);
    const state = await guest.next((f) => isState(f) && f.atMs === 14_000, "state at 14 s");
    expect(state).toMatchObject({ people: 2, oneOnOne: true, you: { name: "Jordan Lee", talkMs: 3000 } });
    guest.close();
  });

  it("refuses a wrong signature, a stale one and none with 401; ignores events it does not use", async () => {
    const event = transcript("transcript.data", HOST, 1, 2, "hello");
    const body = JSON.stringify(event);
    const wrong = signed(body, `whsec_${randomBytes(24).toString("base64")}`);
    const stale = signed(body, SECRET, Math.floor(Date.now() / 1000) - 3600);
    for (const headers of [wrong, stale, {}]) expect((await post("/live/recall?meetingId=x", event, headers)).status).toBe(401);
    const ignored = await post("/live/recall", { event: "bot.status_change", data: {} });
    expect(await ignored.json()).toEqual({ ok: true, ignored: true });
    const bad = await post("/live/recall", { event: "transcript.data", data: 5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^transcript.data: not the shape/);
  });

  it("takes the same events over a WebSocket whose upgrade Recall.ai signs; unsigned upgrades get 4401", async () => {
    const unsigned = await connect(wsUrl(server.attune.url, "/live/recall"));
    expect((await unsigned.closed).code).toBe(4401);
    const source = await connect(wsUrl(server.attune.url, "/live/recall"), signed(""));
    source.send(
      forMeeting(transcript("transcript.data", HOST, 0, 30, "A long opening from the host that goes on"), "recall-ws", "Renée Ortiz"),
    );
    source.send(forMeeting(participantEvent("speech_on", GUEST, 31), "recall-ws", "Renée Ortiz"));
    source.send(forMeeting(participantEvent("speech_off", GUEST, 35), "recall-ws", "Renée Ortiz"));
    const host = await panel(server.attune.url, "recall-ws", await devToken(server.dataDir, "recall-ws", "Renée Ortiz"));
    const state = await host.next((f) => isState(f) && f.atMs === 35_000, "state at 35 s");
    expect(state).toMatchObject({ people: 2, you: { name: "Renée Ortiz", talkMs: 30_000 } });
    expect((state.you as { share: number }).share).toBeCloseTo(30 / 34, 5);
    source.close();
    host.close();
  });
});

describe("Recall.ai without its secret", () => {
  it("needs the ingest token (?token=), and is off without either", async () => {
    const token = "test-ingest-token-0123456789";
    const withToken = await startLocalAttune({ ATTUNE_LIVE_INGEST_TOKEN: token });
    const off = await startLocalAttune({});
    try {
      const body = JSON.stringify(participantEvent("join", HOST, 0));
      const send = (url: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect((await send(`${withToken.attune.url}/live/recall?meetingId=t&token=${token}`)).status).toBe(200);
      expect((await send(`${withToken.attune.url}/live/recall?meetingId=t&token=nope`)).status).toBe(401);
      const refused = await send(`${off.attune.url}/live/recall?meetingId=t`);
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: string }).error).toMatch(/live ingest is off/);
    } finally {
      await withToken.stop();
      await off.stop();
    }
  });
});
