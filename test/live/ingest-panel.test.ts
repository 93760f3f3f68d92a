import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAttune } from "../helpers/attune-server.js";
import { connect, devToken, ingest, isState, panel, segment, wsUrl } from "./live-client.js";

const TOKEN = "test-ingest-token-0123456789";
const MANAGER = "Renée Ortiz";
const OTHER = "Lee, Jordan (Guest)";
const QUIET = "Sam Park";

let server: Awaited<ReturnType<typeof startLocalAttune>>;
let url: string;

beforeAll(async () => {
  // A frame limit well under what a busy machine still processes: at the default 500 a second, a server slowed
  // by load 8 read the flood slower than the limit and never had to refuse anything.
  server = await startLocalAttune({
    ATTUNE_LIVE_INGEST_TOKEN: TOKEN,
    ATTUNE_LIVE_MONOLOGUE_SECONDS: "20",
    ATTUNE_LIVE_FRAMES_PER_SECOND: "100",
  });
  url = server.attune.url;
});
afterAll(async () => {
  await server?.stop();
});

describe("ingest to side panel over real sockets", () => {
  it("delivers each viewer's own share; the organizer also sees who has not spoken and gets the nudges", async () => {
    const meetingId = "meeting-delivery";
    const source = await ingest(url, TOKEN);
    source.send({ type: "start", meetingId, title: "Release plan", manager: MANAGER, participants: [OTHER, QUIET] });
    await source.next((f) => f.type === "accepted", "start accepted");
    const organizer = await panel(url, meetingId, await devToken(server.dataDir, meetingId, "renee ortiz"));
    const participant = await panel(url, meetingId, await devToken(server.dataDir, meetingId, OTHER));
    // Both panels are placed in the meeting before anyone speaks.
    await Promise.all([organizer.next(isState, "organizer placed"), participant.next(isState, "participant placed")]);

    source.send(segment(meetingId, MANAGER, 0, 12, "Here is where the release stands and what I need from each of you."));
    source.send(segment(meetingId, OTHER, 12.5, 16, "The migration script still fails on staging."));
    source.send(
      segment(meetingId, MANAGER, 16.5, 40, "Right, so the plan is that we go ahead anyway and I will explain why in some detail now."),
    );
    const mine = await organizer.next((f) => isState(f) && (f.atMs as number) >= 40_000, "organizer state at 40 s");
    expect(mine).toMatchObject({ type: "state", meetingId, title: "Release plan", people: 3, oneOnOne: false, notSpoken: [QUIET] });
    expect((mine.you as { name: string }).name).toBe(MANAGER);
    const theirs = await participant.next((f) => isState(f) && (f.atMs as number) >= 40_000, "participant state at 40 s");
    expect(theirs.notSpoken).toBeUndefined();
    const you = theirs.you as { name: string; talkMs: number; share: number };
    expect(you).toMatchObject({ name: OTHER, talkMs: 3500 });
    expect(you.share).toBeCloseTo(3.5 / (12 + 3.5 + 23.5), 5);
    expect(JSON.stringify(participant.frames)).not.toContain("migration");

    // 20 s monologue threshold here: the manager's second turn passed it at 36.5 s.
    const nudge = await organizer.next((f) => f.type === "nudge", "monologue nudge");
    expect(nudge).toMatchObject({ type: "nudge", kind: "monologue", atMs: 40_000 });
    expect(nudge.text).toMatch(/floor for 24 seconds/);

    source.send({ type: "end", meetingId });
    await source.next((f) => f.type === "ended", "end acknowledged");
    await organizer.next((f) => f.type === "ended", "ended to the panel");
    expect((await organizer.closed).code).toBe(1000);
    // Everything the participant's panel ever got, up to the end: never a nudge.
    await participant.next((f) => f.type === "ended", "ended to the participant");
    expect(participant.frames.filter((f) => f.type === "nudge")).toEqual([]);
    source.close();
    participant.close();
  });

  it("answers malformed frames with an error and keeps the connection", async () => {
    const source = await ingest(url, TOKEN);
    const cases: [unknown, RegExp][] = [
      ["{not json", /^not JSON/],
      [{ type: "shout" }, /type must be "start", "segment" or "end"/],
      [
        { type: "segment", meetingId: "m", speaker: "A", startMs: 5000, endMs: 1000, text: "x", final: true },
        /^endMs: endMs is before startMs/,
      ],
      [{ type: "segment", meetingId: "m", speaker: "", startMs: 0, endMs: 1, text: "x", final: true }, /^speaker: speaker is empty/],
      [{ type: "start", meetingId: "has space", manager: "A" }, /^meetingId: /],
      [segment("never-started", "A", 0, 1, "hello"), /meeting never-started has not started: send a start frame first/],
    ];
    for (const [frame, message] of cases) {
      const before = source.frames.length;
      source.send(frame);
      const error = await source.next(
        (f) => source.frames.indexOf(f) >= before && f.type === "error",
        `error for ${JSON.stringify(frame)}`,
      );
      expect(error.message).toMatch(message);
      expect(String(error.message)).not.toContain("\n");
    }
    source.send({ type: "start", meetingId: "after-errors", manager: "A" });
    await source.next((f) => f.type === "accepted" && f.meetingId === "after-errors", "still accepting after errors");
    source.close();
  });

  it("rate-limits a flood per connection and says so once", async () => {
    const source = await ingest(url, TOKEN);
    source.send({ type: "start", meetingId: "flood", manager: "A" });
    for (let i = 0; i < 5000; i++) source.send(segment("flood", "A", i, i + 0.5, "spam"));
    const error = await source.next((f) => f.type === "error", "rate-limit error");
    expect(error.message).toMatch(/^too many frames: at most 100 a second/);
    expect(source.frames.filter((f) => f.type === "error").length).toBeLessThan(5);
    source.close();
  });

  it("closes with 4401 before reading anything when the token is missing or wrong", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong-token-0123456789" }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const client = await connect(wsUrl(url, "/live/ingest"), headers);
      client.send({ type: "start", meetingId: "sneaky", manager: "A" });
      const closed = await client.closed;
      expect(closed.code).toBe(4401);
      expect(closed.reason).toMatch(/wrong or missing token/);
    }
    // Nothing of the refused connections was read: the meeting does not exist.
    const source = await ingest(url, TOKEN);
    source.send(segment("sneaky", "A", 0, 1, "hello"));
    expect((await source.next((f) => f.type === "error", "error")).message).toMatch(/has not started/);
    source.close();
  });
});

describe("panel authentication in local mode (development tokens)", () => {
  const meetingId = "meeting-auth";
  beforeAll(async () => {
    const source = await ingest(url, TOKEN);
    source.send({ type: "start", meetingId, manager: MANAGER, participants: [OTHER] });
    await source.next((f) => f.type === "accepted", "accepted");
    source.close();
  });

  const cases: [string, () => Promise<unknown>, number, RegExp][] = [
    ["no token", async () => ({ type: "auth" }), 4401, /^no token: token: /],
    ["not an auth frame", async () => ({ hello: "there" }), 4401, /^no token/],
    ["a wrong token", async () => ({ type: "auth", token: "eyJhbGciOiJIUzI1NiJ9.e30.bm9wZQ" }), 4401, /^token not valid/],
    [
      "an expired token",
      async () => ({ type: "auth", token: await devToken(server.dataDir, meetingId, MANAGER, -60) }),
      4401,
      /^token expired/,
    ],
    [
      "a token for another meeting",
      async () => ({ type: "auth", token: await devToken(server.dataDir, "other", MANAGER) }),
      4403,
      /another meeting/,
    ],
    [
      "someone not in the meeting",
      async () => ({ type: "auth", token: await devToken(server.dataDir, meetingId, "Mallory") }),
      4403,
      /not in this meeting/,
    ],
  ];
  for (const [name, frame, code, reason] of cases) {
    it(`${name}: closed with ${code} and nothing sent`, async () => {
      const client = await connect(wsUrl(url, `/live/panel?meetingId=${meetingId}`));
      client.send(await frame());
      const closed = await client.closed;
      expect(closed.code).toBe(code);
      expect(closed.reason).toMatch(reason);
      expect(client.frames).toEqual([]);
    });
  }

  it("a panel address without a meeting is closed with 4400", async () => {
    const client = await connect(wsUrl(url, "/live/panel"));
    expect((await client.closed).code).toBe(4400);
  });

  it("a valid token for someone in the meeting gets a state frame (so the closes above are the checks)", async () => {
    const client = await panel(url, meetingId, await devToken(server.dataDir, meetingId, OTHER));
    expect(await client.next(isState, "state")).toMatchObject({ type: "state", you: { name: OTHER } });
    client.close();
  });
});

describe("live ingest turned off", () => {
  it("closes with 4503 and says how to turn it on", async () => {
    const off = await startLocalAttune({});
    try {
      const client = await connect(wsUrl(off.attune.url, "/live/ingest"), { authorization: `Bearer ${TOKEN}` });
      const closed = await client.closed;
      expect(closed).toEqual({ code: 4503, reason: "live ingest is off on this server: set ATTUNE_LIVE_INGEST_TOKEN to turn it on" });
    } finally {
      await off.stop();
    }
  });
});
