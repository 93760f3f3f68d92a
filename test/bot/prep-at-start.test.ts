import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, postActivity, startLocalAttune } from "../helpers/attune-server.js";
import { FakeGraph, graphEnv } from "../helpers/fake-graph.js";
import { activity, FakeConnector, isCoachingCard, MEETING_CHAT, PERSONAL_CONVERSATION } from "../helpers/fake-teams.js";

/**
 * Prep at start with the fake Bot Connector: the organizer (Renée, from the fixtures) had one coached meeting
 * with Jordan; Jordan's Entra id is known because Jordan installed Attune too. The meeting chat's member list
 * (GET …/pagedmembers) is whatever `roster` holds when the meetingStart arrives.
 */
const ORGANIZER = "6b1f8c8e-2d3b-4c39-9a3e-0f1a2b3c4d5e";
const JORDAN = "a1b2c3d4-0000-4000-8000-000000000d4a";
const JORDAN_CHAT = "a:1SamplePersonalConversationWithJordan";
const STRANGER = "5e5e5e5e-0000-4000-8000-000000000005";
const THIRD = "3c3c3c3c-0000-4000-8000-000000000003";

let connector: FakeConnector;
let graph: FakeGraph;
let server: Awaited<ReturnType<typeof startLocalAttune>>;
let url: string;
let roster: string[] = [];

const member = (aad: string) => ({ id: `29:${aad}`, aadObjectId: aad, name: "someone" });

beforeAll(async () => {
  connector = new FakeConnector();
  await connector.start();
  connector.route((req) =>
    req.method === "GET" && /^\/teams\/v3\/conversations\/[^/]+\/pagedmembers/.test(req.path)
      ? { status: 200, body: { members: [...roster.map(member), { id: "28:00000000-0000-0000-0000-00000000b07d", name: "Attune" }] } }
      : null,
  );
  graph = new FakeGraph();
  server = await startLocalAttune({ ...graphEnv(await graph.start()) });
  url = server.attune.url;
  await postActivity(url, activity("installation-update-personal", connector.port));
  await postActivity(url, activity("meeting-end", connector.port));
  await eventually(() => (connector.cardsTo(PERSONAL_CONVERSATION).some(isCoachingCard) ? true : undefined), 20_000, "the coaching card");
  const jordanInstalls = activity("installation-update-personal", connector.port);
  await postActivity(url, {
    ...jordanInstalls,
    id: "f:inst-jordan",
    from: { id: `29:${JORDAN}`, aadObjectId: JORDAN, name: "Lee, Jordan (Guest)" },
    conversation: { ...(jordanInstalls.conversation as object), id: JORDAN_CHAT },
  });
});
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
  await graph?.stop();
});

const isPrepCard = (card: Record<string, unknown>) => JSON.stringify(card).includes("Prep for your one-on-one with");
const prepCards = () => connector.cardsTo(PERSONAL_CONVERSATION).filter(isPrepCard);
const rosterAsks = () => connector.requests.filter((r) => r.path.includes("/pagedmembers")).length;

let meetings = 0;
/** A meetingStart of a meeting of its own (id and start time), with these members; resolves once the turn is done. */
async function meetingStarts(members: string[], repeatOf?: Record<string, unknown>): Promise<Record<string, unknown>> {
  roster = members;
  const base = activity("meeting-start", connector.port);
  const meetingId = `MCMxOTpwcmVwLWF0LXN0YXJ0LSR7${++meetings}`;
  const start =
    repeatOf ??
    ({
      ...base,
      id: `start-${meetings}`,
      channelData: { ...(base.channelData as object), meeting: { id: meetingId } },
      value: { ...(base.value as object), Id: meetingId, StartTime: `2026-11-${String(meetings).padStart(2, "0")}T15:00:02.876Z` },
    } as Record<string, unknown>);
  const asked = rosterAsks();
  expect((await postActivity(url, start)).status).toBe(200);
  // The turn answers after it has read the roster and sent (or not sent) the card: nothing is left to wait for.
  expect(rosterAsks()).toBe(asked + 1);
  return start;
}

async function say(text: string): Promise<string> {
  const before = connector.sentTo(PERSONAL_CONVERSATION).length;
  await postActivity(url, { ...activity("message-personal-prep", connector.port), text, id: `m-${Math.random()}` });
  const sent = await eventually(() => connector.sentTo(PERSONAL_CONVERSATION)[before], 5000, `a reply to '${text}'`);
  return JSON.stringify(sent);
}

describe("the prep card when a one-on-one begins", () => {
  it("the welcome message and help say how to turn it off and on", async () => {
    expect(JSON.stringify(connector.cardsTo(PERSONAL_CONVERSATION)[0])).toContain("**prep at start off**");
    expect(await say("help")).toContain("**prep at start off** / **on**");
  });

  it("a one-on-one with someone met before: the card in the organizer's personal chat only, once", async () => {
    const meetingChatBefore = connector.sentTo(MEETING_CHAT).length;
    const start = await meetingStarts([ORGANIZER, JORDAN]);
    const cards = prepCards();
    expect(cards).toHaveLength(1);
    const text = JSON.stringify(cards[0]);
    expect(text).toContain("Jordan");
    expect(text).toContain("share of talk");
    expect(text).toContain("Raised and not picked up");
    expect(connector.sentTo(MEETING_CHAT)).toHaveLength(meetingChatBefore);
    expect(connector.sentTo(JORDAN_CHAT).some((a) => JSON.stringify(a).includes("Prep for"))).toBe(false);
    // Teams sends the same meetingStart again: still one card.
    await meetingStarts([ORGANIZER, JORDAN], start);
    expect(prepCards()).toHaveLength(1);
  });

  it("a group meeting gets none", async () => {
    const before = prepCards().length;
    await meetingStarts([ORGANIZER, JORDAN, THIRD]);
    expect(prepCards()).toHaveLength(before);
  });

  it("a first meeting with someone gets none", async () => {
    const before = prepCards().length;
    await meetingStarts([ORGANIZER, STRANGER]);
    expect(prepCards()).toHaveLength(before);
  });

  it("a paused organizer gets none; resumed, the card comes again", async () => {
    expect(await say("pause")).toContain("Coaching paused");
    const before = prepCards().length;
    await meetingStarts([ORGANIZER, JORDAN]);
    expect(prepCards()).toHaveLength(before);
    expect(await say("resume")).toContain("Coaching resumed");
    await meetingStarts([ORGANIZER, JORDAN]);
    expect(prepCards()).toHaveLength(before + 1);
  });

  it("'prep at start off' stops it and 'prep at start on' restores it", async () => {
    expect(await say("prep at start off")).toContain("Prep at start off");
    const before = prepCards().length;
    await meetingStarts([ORGANIZER, JORDAN]);
    expect(prepCards()).toHaveLength(before);
    expect(await say("Prep at start ON")).toContain("Prep at start on");
    await meetingStarts([ORGANIZER, JORDAN]);
    expect(prepCards()).toHaveLength(before + 1);
  });
});
