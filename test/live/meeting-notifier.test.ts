import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotAdapter } from "../../src/bot/adapter.js";
import { meetingNotifier, type TargetedNotification } from "../../src/live/meeting-notifier.js";
import type { Nudge } from "../../src/live/nudge-policy.js";
import { createLogger } from "../../src/log.js";
import { FakeConnector, MEETING_CHAT } from "../helpers/fake-teams.js";

const log = createLogger("silent");
const nudge = (kind: Nudge["kind"], atMs: number): Nudge => ({ type: "nudge", kind, text: "You've had the floor for 90 seconds.", atMs });
const meeting = { meetingId: "MCMxOTptZWV0aW5n", manager: "Renée Ortiz" };

describe("the opt-in in-meeting notification", () => {
  it("goes to the organizer alone, for the strongest kinds only, at most once in ten minutes and three times a meeting", async () => {
    let clock = 0;
    const sent: { meetingId: string; notification: TargetedNotification }[] = [];
    const notifier = meetingNotifier({
      send: async (_reference, meetingId, notification) => void sent.push({ meetingId, notification }),
      publicBaseUrl: "https://attune.example.com",
      log,
      now: () => clock,
    });
    notifier.onNudge(meeting, nudge("monologue", 1000));
    expect(sent).toHaveLength(0); // no meeting context yet: the bot never saw this meeting start
    notifier.remember(meeting.meetingId, { reference: {}, organizerBotId: "29:organizer" });
    notifier.onNudge(meeting, nudge("share", 2000));
    notifier.onNudge(meeting, nudge("silent", 3000));
    expect(sent).toHaveLength(0);
    notifier.onNudge(meeting, nudge("monologue", 4000));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      meetingId: meeting.meetingId,
      notification: {
        type: "targetedMeetingNotification",
        value: {
          recipients: ["29:organizer"],
          surfaces: [
            {
              surface: "meetingStage",
              contentType: "task",
              content: {
                value: { height: 360, width: 320, title: "Attune", url: "https://attune.example.com/sidepanel?meetingId=MCMxOTptZWV0aW5n" },
              },
            },
          ],
        },
      },
    });
    clock += 9 * 60_000;
    notifier.onNudge(meeting, nudge("interruptions", 5000));
    expect(sent).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      clock += 11 * 60_000;
      notifier.onNudge(meeting, nudge("interruptions", 6000 + i));
    }
    expect(sent).toHaveLength(3);
  });

  describe("through the bot adapter to the Bot Connector", () => {
    let connector: FakeConnector;
    beforeAll(async () => {
      connector = new FakeConnector();
      await connector.start();
      connector.route((req) =>
        req.method === "POST" && /^\/teams\/v1\/meetings\/[^/]+\/notification/.test(req.path) ? { status: 202, body: {} } : null,
      );
    });
    afterAll(async () => {
      await connector?.stop();
    });

    it("posts the targeted notification to /v1/meetings/{id}/notification", async () => {
      const adapter = createBotAdapter(
        {
          appId: null,
          appPassword: undefined,
          appType: "SingleTenant",
          tenantId: undefined,
          openIdMetadataUrl: undefined,
          tokenIssuer: undefined,
        },
        log,
      );
      const notifier = meetingNotifier({
        send: (reference, meetingId, notification) =>
          adapter.proactive(reference, async (turn) => turn.meetingNotification?.(meetingId, notification)),
        publicBaseUrl: "https://attune.example.com",
        log,
      });
      const reference = {
        channelId: "msteams",
        serviceUrl: `http://127.0.0.1:${connector.port}/teams/`,
        conversation: { id: MEETING_CHAT, conversationType: "groupChat", tenantId: "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718" },
        bot: { id: "28:attune", name: "Attune" },
      };
      notifier.remember(meeting.meetingId, { reference, organizerBotId: "29:organizer" });
      notifier.onNudge(meeting, nudge("monologue", 95_000));
      const deadline = Date.now() + 20_000;
      while (!connector.requests.some((r) => r.path.includes("/notification")) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const posted = connector.requests.find((r) => r.path.includes("/notification"));
      expect(posted?.path).toBe(`/teams/v1/meetings/${encodeURIComponent(meeting.meetingId)}/notification`);
      expect(posted?.body).toMatchObject({ type: "targetedMeetingNotification", value: { recipients: ["29:organizer"] } });
    });
  });
});
