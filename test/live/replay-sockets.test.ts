import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayPlan } from "../../src/live/replay-plan.js";
import { sendReplay } from "../../src/live/replay-sender.js";
import { analyze } from "../../src/metrics/analyze.js";
import { eventually, startLocalAttune } from "../helpers/attune-server.js";
import { transcriptOf } from "../helpers/fixtures.js";
import { devToken, ingest, isState, panel, segment, wsUrl } from "./live-client.js";

const TOKEN = "test-ingest-token-0123456789";
const MANAGER = "FEE013 (Project Manager)";

describe("an AMI meeting replayed through the real ingest", () => {
  let server: Awaited<ReturnType<typeof startLocalAttune>>;
  beforeAll(async () => {
    // 60 s, the batch threshold: ES2004a's manager holds the floor 87 s from 80.49 s (the corpus's reference).
    // The share kinds off: from 1:30 the manager's share nudge would come first, and the one-a-minute limit
    // would hold the monologue nudge back past its mark (test/live/ami-nudges.test.ts covers the two together).
    server = await startLocalAttune({
      ATTUNE_LIVE_INGEST_TOKEN: TOKEN,
      ATTUNE_LIVE_MONOLOGUE_SECONDS: "60",
      ATTUNE_LIVE_NUDGES_OFF: "share,one-on-one-share",
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("nudges the manager's panel at the batch monologue's 60-s mark (meeting time, whatever the replay speed), and the talk time matches", async () => {
    const { utterances } = transcriptOf("ami/ES2004a.teams.vtt");
    const meetingId = "ami-es2004a";
    const frames = replayPlan(utterances, { meetingId, manager: MANAGER });
    const [start, ...rest] = frames;
    const first = await ingest(server.attune.url, TOKEN);
    first.send(start!.frame);
    await first.next((f) => f.type === "accepted", "start accepted");
    first.close();
    const manager = await panel(server.attune.url, meetingId, await devToken(server.dataDir, meetingId, MANAGER));
    const participant = await panel(server.attune.url, meetingId, await devToken(server.dataDir, meetingId, "FEE016 (Marketing Expert)"));
    await manager.next(isState, "first state");

    // 300 times real time: the 17-minute meeting takes under 4 s; the assertions are on meeting time.
    const sent = await sendReplay({ url: wsUrl(server.attune.url, "/live/ingest"), token: TOKEN, frames: rest, speed: 300 });
    expect(sent).toEqual({ ok: true, value: { sent: rest.length, errors: 0 } });
    await manager.next((f) => f.type === "ended", "meeting ended");

    const expected = analyze({ utterances, manager: MANAGER, options: { monologueMs: 60_000 } }).monologues.filter(
      (m) => m.speaker === MANAGER,
    );
    expect(expected).toHaveLength(1);
    const monologues = manager.frames.filter((f) => f.type === "nudge" && f.kind === "monologue");
    expect(monologues).toHaveLength(1);
    const at = monologues[0]!.atMs as number;
    expect(at).toBeGreaterThanOrEqual(expected[0]!.startMs + 60_000);
    expect(at).toBeLessThanOrEqual(expected[0]!.startMs + 65_000);
    expect(participant.frames.filter((f) => f.type === "nudge")).toEqual([]);

    const last = manager.frames.filter(isState).at(-1)!;
    const batch = analyze({ utterances, manager: MANAGER });
    expect((last.you as { talkMs: number }).talkMs).toBe(batch.speakers.find((s) => s.name === MANAGER)!.talkMs);
  });

  it("a panel that reads nothing does not grow the server's memory: state frames to it are skipped past the limit", async () => {
    const meetingId = "slow-panel";
    // A long roster makes each organizer frame large (who has not spoken), so the socket backs up quickly.
    const participants = Array.from({ length: 300 }, (_, i) => `Participant ${String(i).padStart(3, "0")} ${"x".repeat(150)}`);
    const source = await ingest(server.attune.url, TOKEN);
    source.send({ type: "start", meetingId, manager: "Ana", participants });
    await source.next((f) => f.type === "accepted", "accepted");
    const slow = await panel(server.attune.url, meetingId, await devToken(server.dataDir, meetingId, "Ana"));
    await slow.next(isState, "first state");
    // A participant's panel that does read (small frames) paces the sender: one state change at a time.
    const pacer = await panel(server.attune.url, meetingId, await devToken(server.dataDir, meetingId, participants[0]!));
    slow.ws.pause();
    const before = server.attune.live.panels.stats().skippedFrames;
    for (let i = 0; i < 400 && server.attune.live.panels.stats().skippedFrames <= before + 20; i++) {
      source.send(segment(meetingId, "Ana", i, i + 0.8, "and so on"));
      await pacer.next((f) => isState(f) && f.atMs === i * 1000 + 800, `state ${i}`);
    }
    await eventually(() => (server.attune.live.panels.stats().skippedFrames > before + 20 ? true : undefined), 20_000, "skipped frames");
    const { maxBufferedBytes } = server.attune.live.panels.stats();
    expect(maxBufferedBytes).toBeLessThanOrEqual(4 * 64 * 1024 + 128 * 1024);
    source.close();
    pacer.close();
    slow.ws.terminate();
  });
});

describe("a restart resumes live meetings from their snapshots", () => {
  it("the second instance on the same storage continues the meeting without a new start", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "attune-live-restart-"));
    const env = { ATTUNE_DATA_DIR: dataDir, ATTUNE_LIVE_INGEST_TOKEN: TOKEN };
    try {
      const first = await startLocalAttune(env);
      const source = await ingest(first.attune.url, TOKEN);
      source.send({ type: "start", meetingId: "resumed", manager: "Ana", participants: ["Bo"] });
      source.send(segment("resumed", "Ana", 0, 30, "The first half of the meeting, before the restart."));
      source.send(segment("resumed", "Bo", 31, 40, "Bo answers."));
      const watcher = await panel(first.attune.url, "resumed", await devToken(dataDir, "resumed", "Ana"));
      await watcher.next((f) => isState(f) && f.atMs === 40_000, "state before the restart");
      await first.stop();

      const second = await startLocalAttune(env);
      try {
        const again = await ingest(second.attune.url, TOKEN);
        again.send(segment("resumed", "Ana", 45, 50, "And after the restart, five seconds more."));
        const after = await panel(second.attune.url, "resumed", await devToken(dataDir, "resumed", "Bo"));
        const state = await after.next((f) => isState(f) && f.atMs === 50_000, "state after the restart");
        expect(state.you).toMatchObject({ name: "Bo", talkMs: 9000 });
        expect(state.people).toBe(2);
        expect(again.frames.filter((f) => f.type === "error")).toEqual([]);
        again.close();
        after.close();
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
