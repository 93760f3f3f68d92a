import { randomUUID } from "node:crypto";
import { Socket } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLocalAttune } from "../helpers/attune-server.js";
import { devToken, ingest, isState, panel, segment } from "./live-client.js";
import { describeIf } from "../helpers/skip-reason.js";

/** The machine's Redis (.ci/run starts it); REDIS_URL overrides. */
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const TOKEN = "test-ingest-token-0123456789";

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise<boolean>((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000);
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
    socket.connect(Number(port || 6379), hostname);
  });
}

const haveRedis = await reachable(REDIS_URL);
if (!haveRedis && process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}: .ci/run must start it`);
if (!haveRedis) console.warn(`two-instance live test skipped: no Redis at ${REDIS_URL} (redis-server, or set REDIS_URL)`);

describeIf(haveRedis, `no Redis at ${REDIS_URL} (set REDIS_URL or start redis-server)`)("two Attune instances through Redis", () => {
  let a: Awaited<ReturnType<typeof startLocalAttune>>;
  let b: Awaited<ReturnType<typeof startLocalAttune>>;
  beforeAll(async () => {
    const env = { REDIS_URL, ATTUNE_LIVE_INGEST_TOKEN: TOKEN, ATTUNE_LIVE_MONOLOGUE_SECONDS: "20" };
    [a, b] = await Promise.all([startLocalAttune(env), startLocalAttune(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("ingest on one, the side panel on the other: state and the manager's nudge arrive", async () => {
    const meetingId = `redis-${randomUUID()}`;
    const source = await ingest(a.attune.url, TOKEN);
    source.send({ type: "start", meetingId, manager: "Ana", participants: ["Bo", "Cy"] });
    await source.next((f) => f.type === "accepted", "accepted");
    const manager = await panel(b.attune.url, meetingId, await devToken(b.dataDir, meetingId, "Ana"));
    const first = await manager.next(isState, "state from the other instance");
    expect(first).toMatchObject({ meetingId, people: 3, notSpoken: ["Bo", "Cy"] });
    source.send(segment(meetingId, "Ana", 0, 25, "A long opening from Ana that goes on and on about the plan."));
    const nudge = await manager.next((f) => f.type === "nudge", "nudge through Redis");
    expect(nudge).toMatchObject({ kind: "monologue", atMs: 25_000 });
    expect(a.attune.live.hub.stats().meetings).toBe(1);
    expect(b.attune.live.hub.stats().meetings).toBe(0);
    source.close();
    manager.close();
  });

  it("input that reaches the instance not owning the meeting is forwarded to its owner", async () => {
    const meetingId = `redis-${randomUUID()}`;
    const onA = await ingest(a.attune.url, TOKEN);
    onA.send({ type: "start", meetingId, manager: "Ana", participants: ["Bo"] });
    await onA.next((f) => f.type === "accepted", "accepted on A");
    const onB = await ingest(b.attune.url, TOKEN);
    onB.send(segment(meetingId, "Bo", 0, 6, "Bo speaks through the other instance."));
    const bo = await panel(a.attune.url, meetingId, await devToken(a.dataDir, meetingId, "Bo"));
    const state = await bo.next((f) => isState(f) && f.atMs === 6000, "forwarded segment applied by the owner");
    expect(state.you).toMatchObject({ name: "Bo", talkMs: 6000, share: 1 });
    expect(onB.frames.filter((f) => f.type === "error")).toEqual([]);
    onB.send({ type: "end", meetingId });
    await bo.next((f) => f.type === "ended", "ended through the owner");
    onA.close();
    onB.close();
  });
});
