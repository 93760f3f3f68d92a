/**
 * Issue 16, the live edges' frames: malformed and oversize frames on every socket, names that are
 * Object.prototype keys, look-alike names, roster and partial floods and 24-hour segments, sent to a real
 * `attune serve` while its /healthz is polled (it must answer within 1 s throughout) and its memory read.
 * Every flood is bounded in count; every wait is for an event, with a deadline.
 */
import { connect as tcpConnect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveOptions } from "../../src/live/live-options.js";
import { toSnapshot } from "../../src/live/live-snapshot.js";
import { applySegment, joinRoster, newMeeting } from "../../src/live/meeting-state.js";
import { devToken, ingest, isState, panel, type Client } from "./live-client.js";
import { frame, rawWebSocket, serveAttune, watchHealth, type HealthRecord, type ServedAttune } from "./hostile-server.js";

const TOKEN = "hostile-ingest-token-0123456789";
/** /healthz must answer within this long throughout. */
const MAX_GAP_MS = 1000;
/** The server's peak resident memory stays under this, floods included. */
const MAX_RSS_BYTES = 400 * 1024 * 1024;

/** The frames ws must refuse, and the close code each gets. */
const BAD_FRAMES: { what: string; bytes: Buffer; code: number }[] = [
  { what: "a text frame that is not UTF-8", bytes: frame(0x81, Buffer.from([0xc3, 0x28])), code: 1007 },
  {
    what: "a frame over 256 KB",
    bytes: Buffer.concat([Buffer.from([0x81, 0x80 | 127]), Buffer.from([0, 0, 0, 0, 0, 0x04, 0xb0, 0]), Buffer.alloc(4)]),
    code: 1009,
  },
  { what: "a reserved opcode", bytes: frame(0x83, Buffer.from("x")), code: 1002 },
  { what: "an unmasked frame", bytes: Buffer.from([0x81, 0x02, 0x68, 0x69]), code: 1002 },
  { what: "reserved bits set", bytes: frame(0xc1, Buffer.from("hi")), code: 1002 },
];

const SOCKETS: { path: string; headers: Record<string, string> }[] = [
  { path: "/live/panel?meetingId=hostile", headers: {} },
  { path: "/live/ingest", headers: { authorization: `Bearer ${TOKEN}` } },
  { path: "/live/recall?meetingId=hostile-recall&manager=A", headers: { authorization: `Bearer ${TOKEN}` } },
];

/** Sends each bad frame on each socket; returns the close codes seen, per socket and frame. */
async function sendBadFrames(server: ServedAttune, sockets = SOCKETS): Promise<string[]> {
  const seen: string[] = [];
  for (const { path, headers } of sockets) {
    for (const bad of BAD_FRAMES) {
      const raw = await rawWebSocket(server.port, path, headers);
      raw.socket.write(bad.bytes);
      seen.push(`${path.split("?")[0]} ${bad.what}: ${await raw.closeCode}`);
      raw.socket.destroy();
    }
  }
  return seen;
}

const expectedCodes = (sockets = SOCKETS) =>
  sockets.flatMap(({ path }) => BAD_FRAMES.map((b) => `${path.split("?")[0]} ${b.what}: ${b.code}`));

function expectHealthy(server: ServedAttune, health: HealthRecord): void {
  if (process.env.HOSTILE_REPORT) console.log(`HEALTH ${expect.getState().currentTestName}: ${JSON.stringify(health)}`);
  expect(server.alive(), "the server process is still running").toBe(true);
  expect(health.failures, "every /healthz answered").toBe(0);
  expect(health.longestGapMs, `/healthz answered within ${MAX_GAP_MS} ms throughout`).toBeLessThan(MAX_GAP_MS);
  expect(health.peakRssBytes, "peak RSS").toBeLessThan(MAX_RSS_BYTES);
}

/** An ingest source with `meetingId` started for Renée and accepted. */
async function started(server: ServedAttune, meetingId: string): Promise<Client> {
  const source = await ingest(server.url, TOKEN);
  source.send({ type: "start", meetingId, manager: "Renée Ortiz" });
  await source.next((f) => f.type === "accepted", "start accepted");
  return source;
}

/** Waits for the reply to every frame sent so far (each start answers; an end answers last). */
async function settled(source: Client, meetingId: string): Promise<void> {
  source.send({ type: "end", meetingId });
  await source.next((f) => f.type === "ended" && f.meetingId === meetingId, `end of ${meetingId}`, 120_000);
}

describe("local mode with live ingest on", () => {
  let server: ServedAttune;
  beforeAll(async () => {
    server = await serveAttune({ ATTUNE_LIVE_INGEST_TOKEN: TOKEN });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("closes a socket that sends a bad frame with the right code, on every socket, and keeps running", async () => {
    const watch = await watchHealth(server);
    const seen = await sendBadFrames(server);
    // Connections reset on every path (the unknown one too): just after the upgrade request, and just after the 101.
    for (const path of [...SOCKETS.map((s) => s.path), "/live/nowhere"]) {
      const early = tcpConnect(server.port, "127.0.0.1", () => {
        early.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`);
        early.write("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", () => early.resetAndDestroy());
      });
      early.on("error", () => early.destroy());
      const raw = await rawWebSocket(server.port, path, { authorization: `Bearer ${TOKEN}` }).catch((error: Error) => error);
      if (!(raw instanceof Error)) raw.socket.resetAndDestroy();
    }
    const health = await watch.stop();
    expect(seen).toEqual(expectedCodes());
    expectHealthy(server, health);
  }, 120_000);

  it("takes names that are Object.prototype keys as ordinary names", async () => {
    const meetingId = "hostile-proto";
    const source = await ingest(server.url, TOKEN);
    const names = ["constructor", "toString", "hasOwnProperty", "valueOf"];
    source.send({ type: "start", meetingId, manager: "__proto__", participants: names });
    await source.next((f) => f.type === "accepted", "start accepted");
    const manager = await panel(server.url, meetingId, await devToken(server.dataDir, meetingId, "__proto__"));
    let atMs = 0;
    for (const speaker of ["__proto__", ...names]) {
      source.send({ type: "segment", meetingId, speaker, startMs: atMs, endMs: atMs + 10_000, text: "a few words here", final: true });
      atMs += 10_000;
    }
    const state = await manager.next((f) => isState(f) && (f.you as { talkMs: number }).talkMs === 10_000 && f.people === 5, "state");
    expect(state).toMatchObject({ people: 5, fairShare: 0.2, you: { name: "__proto__" } });
    await settled(source, meetingId);
    expect(source.frames.filter((f) => f.type === "error")).toEqual([]);
    source.close();
    manager.close();
  }, 120_000);

  it("counts look-alike names as the different people they are; the manager is the exact name given", async () => {
    const meetingId = "hostile-lookalike";
    const source = await ingest(server.url, TOKEN);
    source.send({ type: "start", meetingId, manager: "Renée Ortiz", participants: ["Jordan Lee"] });
    await source.next((f) => f.type === "accepted", "start accepted");
    const manager = await panel(server.url, meetingId, await devToken(server.dataDir, meetingId, "Renée Ortiz"));
    // "Rene\u0301e Ortiz" is "Renée Ortiz" (NFC makes them the same text); the others are not her.
    const said: [string, number][] = [
      ["Renée Ortiz", 10_000],
      ["Rene\u0301e Ortiz", 5_000],
      ["Renée Ortíz", 20_000],
      ["RENÉE ORTIZ", 30_000],
      ["Jordan Lee", 7_000],
    ];
    let atMs = 0;
    for (const [speaker, ms] of said) {
      source.send({ type: "segment", meetingId, speaker, startMs: atMs, endMs: atMs + ms, text: "words", final: true });
      atMs += ms;
    }
    const state = await manager.next((f) => isState(f) && f.atMs === atMs && f.people === 4, "state with everyone");
    expect(state.you).toMatchObject({ name: "Renée Ortiz", talkMs: 15_000 });
    await settled(source, meetingId);
    source.close();
    manager.close();
  }, 120_000);

  it("caps a roster that start frames keep growing, with a clear error, and stays responsive", async () => {
    const meetingId = "hostile-roster";
    const source = await ingest(server.url, TOKEN);
    const watch = await watchHealth(server);
    // 50 start frames of 300 new names each (about 220 KB): 15,000 names offered, 300 kept.
    for (let f = 0; f < 50; f++) {
      const participants = Array.from({ length: 300 }, (_, i) => `Participant number ${f * 300 + i} of a long roster`);
      source.send({ type: "start", meetingId, manager: "Renée Ortiz", participants });
    }
    await settled(source, meetingId);
    const health = await watch.stop();
    const errors = source.frames.filter((f) => f.type === "error").map((f) => f.message);
    // The first frame's manager and 300 participants fit; every later frame adds nobody.
    expect(errors.length).toBe(49);
    expect(new Set(errors)).toEqual(
      new Set(["meeting hostile-roster already names its manager and 300 others, the most one meeting may: 300 names were not added"]),
    );
    expectHealthy(server, health);
    source.close();
  }, 180_000);

  it("bounds open partial segments and keeps every frame cheap under a flood of new segmentIds", async () => {
    const meetingId = "hostile-partials";
    const source = await started(server, meetingId);
    const watch = await watchHealth(server);
    // Within the rate's burst (4 × 500): every frame is taken.
    for (let i = 0; i < 2000; i++) {
      const startMs = i * 100;
      source.send({
        type: "segment",
        meetingId,
        speaker: "Renée Ortiz",
        segmentId: `p${i}`,
        startMs,
        endMs: startMs + 50,
        text: "so",
        final: false,
      });
    }
    await settled(source, meetingId);
    const health = await watch.stop();
    expect(source.frames.filter((f) => f.type === "error")).toEqual([]);
    expectHealthy(server, health);
    source.close();
  }, 180_000);

  it("takes 24-hour segments at the cost of the recent window, not of their length", async () => {
    const meetingId = "hostile-long";
    const source = await started(server, meetingId);
    const watch = await watchHealth(server);
    for (let i = 0; i < 60; i++)
      source.send({ type: "segment", meetingId, speaker: `Speaker ${i}`, startMs: 0, endMs: 24 * 3_600_000, text: "long", final: true });
    await settled(source, meetingId);
    const health = await watch.stop();
    expect(source.frames.filter((f) => f.type === "error")).toEqual([]);
    expectHealthy(server, health);
    source.close();
  }, 180_000);
});

describe("production mode, no live settings", () => {
  let server: ServedAttune;
  beforeAll(async () => {
    server = await serveAttune({
      MicrosoftAppId: "9f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
      MicrosoftAppPassword: "not-used-in-this-test",
      MicrosoftAppTenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      PUBLIC_BASE_URL: "https://attune.example.com",
      HOST: "127.0.0.1",
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("the panel takes the upgrade from anyone: a bad frame closes that socket, not the server", async () => {
    const watch = await watchHealth(server);
    const sockets = [SOCKETS[0]!];
    const seen = await sendBadFrames(server, sockets);
    // Ingest and Recall are off: they close at once (4503) whatever follows, and the server stays up.
    for (const { path } of SOCKETS.slice(1)) {
      const raw = await rawWebSocket(server.port, path);
      raw.socket.write(BAD_FRAMES[0]!.bytes);
      expect(await raw.closeCode).toBe(4503);
      raw.socket.destroy();
    }
    const health = await watch.stop();
    expect(seen).toEqual(expectedCodes(sockets));
    expectHealthy(server, health);
  }, 120_000);
});

describe("local mode with no settings at all (npm start)", () => {
  it("a bad frame on the panel closes that socket, not the server", async () => {
    const server = await serveAttune({});
    try {
      const watch = await watchHealth(server);
      const sockets = [SOCKETS[0]!];
      const seen = await sendBadFrames(server, sockets);
      const health = await watch.stop();
      expect(seen).toEqual(expectedCodes(sockets));
      expectHealthy(server, health);
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe("live state limits (in process)", () => {
  const options = liveOptions();

  it("start with manager __proto__ leaves Object.prototype alone", () => {
    const state = newMeeting({ type: "start", meetingId: "m", manager: "__proto__", participants: ["constructor"] });
    expect(
      applySegment(state, { type: "segment", meetingId: "m", speaker: "toString", startMs: 0, endMs: 1, text: "", final: true }, options),
    ).toEqual({
      ok: true,
    });
    expect(Object.hasOwn(Object.prototype, "present")).toBe(false);
    expect([...state.people.keys()]).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("keeps at most 400 open partials and 300 people besides the manager, so a snapshot stays small", () => {
    const state = newMeeting({ type: "start", meetingId: "m", manager: "Renée Ortiz" });
    const roster = Array.from({ length: 1000 }, (_, i) => `Participant number ${i} of a long roster`);
    expect(joinRoster(state, roster, 0).ok).toBe(false);
    expect(state.people.size).toBe(301);
    for (let i = 0; i < 2000; i++)
      applySegment(
        state,
        { type: "segment", meetingId: "m", speaker: "Renée Ortiz", segmentId: `p${i}`, startMs: i, endMs: i + 1, text: "", final: false },
        options,
      );
    expect(state.buffer.open.size).toBe(400);
    expect(JSON.stringify(toSnapshot(state)).length).toBeLessThan(200_000);
  });
});
