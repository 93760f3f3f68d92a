import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAttune } from "../helpers/attune-server.js";
import { devToken, ingest, isState, panel, segment } from "./live-client.js";

const TOKEN = "test-ingest-token-0123456789";
let server: Awaited<ReturnType<typeof startLocalAttune>>;

beforeAll(async () => {
  // 1.2 s without input ends a meeting here (30 minutes by default).
  server = await startLocalAttune({ ATTUNE_LIVE_INGEST_TOKEN: TOKEN, ATTUNE_LIVE_IDLE_MINUTES: "0.02" });
});
afterAll(async () => {
  await server?.stop();
});

describe("an idle live meeting expires", () => {
  it("is ended for its panels, forgotten by the hub, and its snapshot deleted", async () => {
    const source = await ingest(server.attune.url, TOKEN);
    source.send({ type: "start", meetingId: "idle", manager: "Ana", participants: ["Bo"] });
    source.send(segment("idle", "Ana", 0, 5, "A few words and then nothing more."));
    const watcher = await panel(server.attune.url, "idle", await devToken(server.dataDir, "idle", "Ana"));
    await watcher.next(isState, "state");
    await watcher.next((f) => f.type === "ended", "ended after the idle time", 30_000);
    expect((await watcher.closed).code).toBe(1000);
    expect(server.attune.live.hub.stats().meetings).toBe(0);
    // Input for a meeting the hub does not hold resumes it from its snapshot when there is one: the error shows there is none.
    source.send(segment("idle", "Ana", 6, 8, "Too late."));
    expect((await source.next((f) => f.type === "error", "error")).message).toMatch(/meeting idle has not started/);
    source.close();
  });
});
