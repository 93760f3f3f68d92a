import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/bot/commands.js";
import { parseMeetingEvent } from "../../src/bot/meeting-event.js";
import { incomingActivitySchema } from "../../src/bot/turn.js";
import { fixturesDir } from "../helpers/fixtures.js";

const dir = `${fixturesDir}teams/activities/`;
const load = (name: string) => incomingActivitySchema.parse(JSON.parse(readFileSync(`${dir}${name}`, "utf8")));
const MEETING_ID = "MCMxOTptZWV0aW5nX05qRTVaVGszWXpBdFNhbXBsZU1lZXRpbmdDaGF0QHRocmVhZC52MiMw";

describe("meeting events, parsed leniently", () => {
  it("every activity fixture parses as an activity", () => {
    for (const file of readdirSync(dir)) expect(() => load(file), file).not.toThrow();
  });

  it.each([
    ["meeting-start.json", "start", "Jordan / Renée weekly 1:1"],
    ["meeting-start-docs-camelcase.json", "start", null],
    ["meeting-end.json", "end", "Jordan / Renée weekly 1:1"],
    ["meeting-end-no-title.json", "end", null],
    ["meeting-end-channel-joinurl-null.json", "end", "Jordan / Renée weekly 1:1"],
  ])("%s", (file, kind, title) => {
    const event = parseMeetingEvent(load(file));
    expect(event).toMatchObject({ kind, meetingId: MEETING_ID });
    if (title !== null) expect(event!.title).toBe(title);
  });

  it("the documentation's camelCase value and leading space in the name", () => {
    const event = parseMeetingEvent(load("meeting-start-docs-camelcase.json"));
    expect(event?.kind).toBe("start");
  });

  it("a channel meeting's null JoinUrl and a missing Title are fine", () => {
    expect(parseMeetingEvent(load("meeting-end-channel-joinurl-null.json"))).toMatchObject({
      joinUrl: null,
      meetingType: "ChannelScheduled",
    });
    expect(parseMeetingEvent(load("meeting-end-no-title.json"))).toMatchObject({ title: null, at: "2026-11-25T15:31:09.950Z" });
  });

  it("anything else is not a meeting event", () => {
    expect(parseMeetingEvent(load("message-personal-prep.json"))).toBeNull();
    expect(parseMeetingEvent({ type: "event", name: "application/vnd.microsoft.meetingEnd" })).toBeNull();
  });
});

describe("personal chat commands, by a route table", () => {
  it.each([
    ["help", "help", ""],
    ["Last", "last", ""],
    ["trend", "trend", ""],
    ["report", "trend", ""],
    ["prep Jordan", "prep", "Jordan"],
    ["prep for Lee, Jordan (Guest)", "prep", "Lee, Jordan (Guest)"],
    ["<at>Attune</at> pause", "pause", ""],
    ["resume", "resume", ""],
    ["privacy", "privacy", ""],
    ["forget me", "forget-me", ""],
    ["what's the weather", "help", ""],
    ["forget everyone", "help", ""],
  ])("%s", (text, command, argument) => {
    expect(parseCommand(text)).toEqual({ command, argument });
  });
});
