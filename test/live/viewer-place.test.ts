/** The side panel's organizer is an account id (issue 16, item 4): the rules of placeOf, and where the id comes from. */
import { describe, expect, it } from "vitest";
import { inProcessBus } from "../../src/live/bus.js";
import { createLiveHub } from "../../src/live/live-hub.js";
import { defaultLiveOptions } from "../../src/live/live-options.js";
import { meetingOrganizers } from "../../src/live/meeting-organizers.js";
import type { MeetingSummary, Organizer } from "../../src/live/meeting-summary.js";
import { placeOf, stateFrameFor } from "../../src/live/panel-frames.js";
import type { Viewer } from "../../src/live/viewer-auth.js";
import { createLogger } from "../../src/log.js";

const TENANT = "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718";
const OID = "7a0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";
const person = (name: string, talkMs: number) => ({ name, talkMs, share: 0.5, recentShare: 0.5, present: true });

function summary(organizer: Organizer | null): MeetingSummary {
  return {
    meetingId: "m",
    title: null,
    manager: "Renée Ortiz",
    atMs: 60_000,
    peopleCount: 2,
    fairShare: 0.5,
    oneOnOne: true,
    recentWindowMs: 300_000,
    people: [person("Renée Ortiz", 40_000), person("Jordan Lee", 20_000)],
    floor: null,
    lastNudge: null,
    organizer,
  };
}
const entra = (id: string, name: string, tenantId = TENANT): Viewer => ({ id, name, tenantId, meetingId: null, dev: false });
const dev = (name: string, id: string | null = null): Viewer => ({ id, name, tenantId: "local", meetingId: "m", dev: true });

describe("the viewer's place", () => {
  it("is the organizer's for the organizer's oid and tenant, whatever the display name", () => {
    const known = summary({ id: OID, tenantId: TENANT });
    expect(placeOf(known, entra(OID, "R. Ortiz (Contoso)"))).toEqual({ name: "Renée Ortiz", organizer: true, person: "Renée Ortiz" });
    // Same oid from another tenant, the manager's name with another oid: not the organizer.
    expect(placeOf(known, entra(OID, "Renée Ortiz", "11111111-2222-4333-8444-555555555555"))?.organizer).toBe(false);
    const lookalike = placeOf(known, entra("e1e2e3e4-0000-4000-8000-000000000001", "RENÉE ORTIZ"));
    expect(lookalike).toEqual({ name: "RENÉE ORTIZ", organizer: false, person: null });
    const frame = stateFrameFor(known, lookalike!);
    expect(frame.you).toMatchObject({ name: "RENÉE ORTIZ", talkMs: 0, share: 0 });
    expect(frame).not.toHaveProperty("notSpoken");
    expect(placeOf(known, entra("another", "jordan lee"))).toEqual({ name: "Jordan Lee", organizer: false, person: "Jordan Lee" });
  });

  it("in Teams, nobody is the organizer of a meeting without an organizer id; a development token's name stands in only then", () => {
    expect(placeOf(summary(null), entra(OID, "Renée Ortiz"))?.organizer).toBe(false);
    expect(placeOf(summary(null), dev("renee ortiz"))?.organizer).toBe(true);
    expect(placeOf(summary({ id: "local-id", tenantId: null }), dev("Renée Ortiz"))?.organizer).toBe(false);
    expect(placeOf(summary({ id: "local-id", tenantId: null }), dev("Someone", "local-id"))?.organizer).toBe(true);
  });
});

describe("the organizer's id", () => {
  it("comes from Teams' meeting info before the source's managerId, and reaches the panels in the summary", async () => {
    const organizers = meetingOrganizers();
    const bus = inProcessBus();
    const hub = createLiveHub({
      bus,
      snapshots: null,
      options: defaultLiveOptions,
      log: createLogger("silent"),
      idleMs: 60_000,
      snapshotEveryMs: 60_000,
      maxMeetings: 10,
      organizerOf: organizers.of,
    });
    const latest = async (meetingId: string) => (await bus.latest(meetingId))?.organizer;
    const published = (meetingId: string) =>
      new Promise<void>((resolve) => {
        const stop = bus.subscribe(meetingId, () => {
          stop();
          resolve();
        });
      });
    let next = published("a");
    await hub.handle({ type: "start", meetingId: "a", manager: "Renée Ortiz", managerId: "from-source" });
    await next;
    expect(await latest("a")).toEqual({ id: "from-source", tenantId: null });
    organizers.remember("a", { id: OID, tenantId: TENANT });
    next = published("a");
    await hub.handle({ type: "segment", meetingId: "a", speaker: "Renée Ortiz", startMs: 0, endMs: 1000, text: "hi", final: true });
    await next;
    expect(await latest("a")).toEqual({ id: OID, tenantId: TENANT });
    await hub.close();
    await bus.close();
  });

  it("is kept a day at most, for at most the given number of meetings", () => {
    let clock = 0;
    const organizers = meetingOrganizers({ max: 2, now: () => clock });
    organizers.remember("a", { id: "1", tenantId: null });
    organizers.remember("b", { id: "2", tenantId: null });
    organizers.remember("c", { id: "3", tenantId: null });
    expect([organizers.of("a"), organizers.of("b")?.id, organizers.of("c")?.id]).toEqual([null, "2", "3"]);
    clock += 25 * 3_600_000;
    expect(organizers.of("c")).toBeNull();
  });
});
