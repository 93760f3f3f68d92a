import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGraph, graphEnv } from "../helpers/fake-graph.js";
import { activity, FakeConnector, isCoachingCard, MEETING_CHAT, PERSONAL_CONVERSATION } from "../helpers/fake-teams.js";
import { eventually, postActivity, startLocalAttune } from "../helpers/attune-server.js";

let connector: FakeConnector;
let graph: FakeGraph;
let graphUrl: string;
let server: Awaited<ReturnType<typeof startLocalAttune>>;

beforeEach(async () => {
  connector = new FakeConnector();
  await connector.start();
  graph = new FakeGraph();
  graphUrl = await graph.start();
});
afterEach(async () => {
  await server?.stop();
  await connector.stop();
  await graph.stop();
});

async function start(extra: Record<string, string> = {}): Promise<string> {
  server = await startLocalAttune({
    ...extra,
    ...graphEnv(graphUrl),
    ATTUNE_TRANSCRIPT_POLL_SECONDS: "1",
  });
  return server.attune.url;
}

const send = (url: string, name: string) => postActivity(url, activity(name, connector.port));

describe("meeting end → transcript → one private coaching card", () => {
  it("installs, notices, waits for the transcript, and sends exactly one card to the organizer only", async () => {
    const url = await start();
    expect((await send(url, "installation-update-personal")).status).toBe(200);
    expect((await send(url, "installation-update-meeting-chat")).status).toBe(200);
    const ready = graph.transcripts;
    graph.transcripts = (call) => (call <= 3 ? FakeGraph.empty : ready(call)); // "no transcript yet" three times
    expect((await send(url, "meeting-end")).status).toBe(200);
    const cards = await eventually(
      () => {
        const found = connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard);
        return found.length > 0 ? found : undefined;
      },
      60_000,
      "the coaching card",
    );
    expect(graph.listCalls).toBeGreaterThanOrEqual(4);
    expect(await server.settle()).toEqual([{ state: "delivered" }]);
    expect(connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard)).toEqual(cards);
    const text = JSON.stringify(cards[0]);
    expect(text).toContain("Jordan / Renée weekly 1:1");
    expect(text).toContain("The migration script still fails on the larger tenants");
    // the meeting chat got the transparency notice and nothing else
    const toMeeting = connector.cardsTo(MEETING_CHAT);
    expect(toMeeting).toHaveLength(1);
    expect(JSON.stringify(toMeeting[0])).toContain("Attune is in this meeting");
    expect(toMeeting.some(isCoachingCard)).toBe(false);
    // Graph was asked with the app-only token for the organizer's meeting
    expect(graph.requests.some((r) => r.path.startsWith("/v1.0/users/6b1f8c8e-2d3b-4c39-9a3e-0f1a2b3c4d5e/onlineMeetings/MSo2YjFm"))).toBe(
      true,
    );
  });

  it("a repeated meetingEnd still gives one card", async () => {
    const url = await start();
    await send(url, "installation-update-personal");
    await send(url, "meeting-end");
    await send(url, "meeting-end");
    await eventually(() => (connector.cardsTo(PERSONAL_CONVERSATION).some(isCoachingCard) ? true : undefined), 60_000, "the card");
    expect((await send(url, "meeting-end-no-title")).status).toBe(200);
    // Terminal state first (one job, delivered; nothing left to send), then the count.
    expect(await server.settle()).toEqual([{ state: "delivered" }]);
    expect(connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard)).toHaveLength(1);
  });

  it("speaker attribution off (403): the unattributed report says speakers are unknown", async () => {
    graph.content = () => FakeGraph.attributionOff;
    const url = await start();
    await send(url, "installation-update-personal");
    await send(url, "meeting-end");
    const card = await eventually(
      () => connector.cardsTo(PERSONAL_CONVERSATION).find((c) => JSON.stringify(c).includes("Jordan / Renée weekly 1:1")),
      60_000,
      "the card",
    );
    expect(JSON.stringify(card)).toMatch(/[Ss]peakers (are )?unknown|speaker attribution/);
    expect(graph.requests.some((r) => r.path.includes("/metadataContent"))).toBe(true);
  });

  it("no personal install yet: the report waits and arrives when the organizer first opens Attune", async () => {
    const url = await start();
    await send(url, "meeting-end");
    await server.waitForLog("the report to be held", ['"msg":"job advanced"', '"to":"held"']);
    expect(connector.cardsTo(PERSONAL_CONVERSATION)).toHaveLength(0);
    await send(url, "conversation-update-personal-bot-added");
    const cards = await eventually(
      () => {
        const found = connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard);
        return found.length > 0 ? found : undefined;
      },
      60_000,
      "the held card",
    );
    expect(await server.settle()).toEqual([{ state: "delivered" }]);
    expect(connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard)).toEqual(cards);
  });

  it("the Bot Connector answering 429 then 502 is retried until the card is accepted, once", async () => {
    let refusals = 0;
    connector.route((req) => {
      const isCard = req.method === "POST" && JSON.stringify(req.body).includes("Only you can see this card");
      if (!isCard || refusals >= 2) return null;
      refusals++;
      return refusals === 1
        ? { status: 429, body: { error: { code: "Throttled" } }, headers: { "retry-after": "1" } }
        : { status: 502, body: {} };
    });
    const url = await start();
    await send(url, "installation-update-personal");
    await send(url, "meeting-end");
    await eventually(
      () => (connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard).length === 3 ? true : undefined),
      60_000,
      "two refusals and a success",
    );
    expect(refusals).toBe(2);
    expect(await server.settle()).toEqual([{ state: "delivered" }]);
    expect(connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard)).toHaveLength(3); // two refused attempts + the delivered one
  });

  it("no transcript within the wait: the organizer gets a short note, and no coaching", async () => {
    graph.transcripts = () => FakeGraph.empty;
    const url = await start({ ATTUNE_TRANSCRIPT_WAIT_MINUTES: "0.05" });
    await send(url, "installation-update-personal");
    await send(url, "meeting-end");
    const note = await eventually(
      () => connector.cardsTo(PERSONAL_CONVERSATION).find((c) => JSON.stringify(c).includes("No transcript for your meeting")),
      60_000,
      "the note",
    );
    expect(JSON.stringify(note)).toContain("Turn on transcription");
    expect(connector.cardsTo(PERSONAL_CONVERSATION).some(isCoachingCard)).toBe(false);
    expect(graph.listCalls).toBeGreaterThanOrEqual(2);
  });
});
