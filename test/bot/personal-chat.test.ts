import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, postActivity, startLocalAttune } from "../helpers/attune-server.js";
import { FakeGraph, graphEnv } from "../helpers/fake-graph.js";
import { activity, FakeConnector, isCoachingCard, MEETING_CHAT, PERSONAL_CONVERSATION } from "../helpers/fake-teams.js";

let connector: FakeConnector;
let graph: FakeGraph;
let server: Awaited<ReturnType<typeof startLocalAttune>>;
let url: string;

beforeAll(async () => {
  connector = new FakeConnector();
  await connector.start();
  graph = new FakeGraph();
  const graphUrl = await graph.start();
  server = await startLocalAttune({
    ...graphEnv(graphUrl),
  });
  url = server.attune.url;
  await postActivity(url, activity("installation-update-personal", connector.port));
  await postActivity(url, activity("meeting-end", connector.port));
  await eventually(() => (connector.cardsTo(PERSONAL_CONVERSATION).some(isCoachingCard) ? true : undefined), 20_000, "the coaching card");
});
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
  await graph?.stop();
});

function message(text: string): Record<string, unknown> {
  return { ...activity("message-personal-prep", connector.port), text, id: `m-${Math.random()}` };
}

async function lastCardAfter(text: string): Promise<string> {
  const before = connector.sentTo(PERSONAL_CONVERSATION).length;
  expect((await postActivity(url, message(text))).status).toBe(200);
  const sent = await eventually(
    () => {
      const all = connector.sentTo(PERSONAL_CONVERSATION);
      return all.length > before ? all[all.length - 1] : undefined;
    },
    5000,
    `a reply to '${text}'`,
  );
  return JSON.stringify(sent);
}

describe("the organizer's personal chat", () => {
  it("help lists the commands; anything unknown gets help", async () => {
    expect(await lastCardAfter("help")).toContain("prep NAME");
    expect(await lastCardAfter("tell me a joke")).toContain("What you can ask me");
  });

  it("last resends the latest coaching card", async () => {
    expect(await lastCardAfter("last")).toContain("The migration script still fails");
  });

  it("privacy says what is kept and for how long", async () => {
    expect(await lastCardAfter("privacy")).toContain("for 30 days");
  });

  it("prep Jordan prepares the one-on-one from the stored meeting", async () => {
    const text = await lastCardAfter("prep Jordan");
    expect(text).toContain("Jordan");
    expect(text).toMatch(/migration script/);
  });

  it("a card button answers with an updated card, and helpful feedback is stored", async () => {
    const meetingId = /"meetingId":"([0-9a-f-]{36})"/.exec(
      JSON.stringify(connector.cardsTo(PERSONAL_CONVERSATION).find(isCoachingCard)),
    )?.[1];
    expect(meetingId).toBeDefined();
    const invoke = activity("invoke-adaptive-card-action", connector.port);
    const press = (verb: string, data: Record<string, unknown>) =>
      postActivity(url, { ...invoke, value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } });
    const shown = await press("showAllMoments", { meetingId });
    expect(shown.status).toBe(200);
    const body = (await shown.json()) as { statusCode: number; type: string; value: unknown };
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(JSON.stringify(body.value)).toContain("The migration script still fails");
    const thanked = (await (await press("feedback", { meetingId, helpful: true })).json()) as { value: unknown };
    expect(JSON.stringify(thanked.value)).toContain("Thanks, noted.");
    const foreign = (await (await press("showAllMoments", { meetingId: "00000000-0000-0000-0000-000000000000" })).json()) as {
      value: unknown;
    };
    expect(JSON.stringify(foreign.value)).toContain("belongs to someone else");
  });

  it("Practise this: shows their words, reads the next message as the attempt, welcomes a second try, stops at a command", async () => {
    const coachingCard = JSON.stringify(connector.cardsTo(PERSONAL_CONVERSATION).find(isCoachingCard));
    const button = /"verb":"practise","data":\{"meetingId":"([0-9a-f-]{36})","utteranceId":"(u\d+)"\}/.exec(coachingCard);
    expect(button).not.toBeNull();
    const [, meetingId, utteranceId] = button!;
    const invoke = activity("invoke-adaptive-card-action", connector.port);
    const press = async (data: Record<string, unknown>) => {
      const answer = await postActivity(url, {
        ...invoke,
        value: { action: { type: "Action.Execute", verb: "practise", data }, trigger: "manual" },
      });
      return JSON.stringify(((await answer.json()) as { value: unknown }).value);
    };
    const asked = await press({ meetingId, utteranceId });
    expect(asked).toContain("Practise saying it back");
    expect(asked).toContain("The migration script still fails");
    const first = await lastCardAfter("You should ask Sam to pair with you on it.");
    expect(first).toContain("Not said back yet");
    expect(first).toContain("This is advice rather than a restatement");
    // no written example: the card gives a starter for this worry
    expect(first).not.toContain("For example:");
    const second = await lastCardAfter(
      "It sounds like you're worried because the migration script still fails on the larger tenants. Did I get that right?",
    );
    expect(second).toContain("You said it back");
    // a command ends practice: what follows is an ordinary message again
    expect(await lastCardAfter("help")).toContain("What you can ask me");
    expect(await lastCardAfter("So the script fails on big tenants.")).toContain("What you can ask me");
    // the trend counts practice: two attempts, one said back
    expect(await lastCardAfter("trend")).toContain("Practice: 2 practice attempts, 1 said back.");
    // another manager's meeting, or a moment not on the card, cannot be practised
    expect(await press({ meetingId: "00000000-0000-0000-0000-000000000000", utteranceId })).toContain("belongs to someone else");
    expect(await press({ meetingId, utteranceId: "u999" })).toContain("belongs to someone else");
  });

  it("in the meeting chat, the bot never discusses coaching", async () => {
    const inMeeting = { ...message("last"), conversation: { id: MEETING_CHAT, conversationType: "groupChat", isGroup: true } };
    await postActivity(url, inMeeting);
    const replies = await eventually(
      () => {
        const sent = connector.sentTo(MEETING_CHAT);
        return sent.length > 0 ? sent : undefined;
      },
      5000,
      "a reply in the meeting chat",
    );
    expect(JSON.stringify(replies)).toContain("Coaching is private");
    expect(replies.some((r) => JSON.stringify(r).includes("migration script"))).toBe(false);
  });

  it("pause holds cards; forget me deletes everything and says what", async () => {
    expect(await lastCardAfter("pause")).toContain("Coaching paused");
    expect(await lastCardAfter("resume")).toContain("Coaching resumed");
    const forgotten = await lastCardAfter("forget me");
    expect(forgotten).toMatch(/I deleted what I held about you: \d+ things? you said in \d+ transcripts?,/);
    // one of a thing is singular ("in 1 transcript", never "1 transcripts")
    expect(forgotten).not.toMatch(/\b1 (?:things|transcripts|analyses|feedback entries|times|meeting titles)\b/);
    expect(await lastCardAfter("last")).toContain("No coaching yet");
  });
});
