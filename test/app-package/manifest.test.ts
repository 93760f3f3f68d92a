import { existsSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fillPlaceholders, PLACEHOLDER_NAMES, placeholdersIn } from "../../src/app-package/placeholders.js";
import {
  bundledSchemaPath,
  MANIFEST_SCHEMA_URL,
  MANIFEST_SCHEMA_VERSION,
  validateManifest,
} from "../../src/app-package/validate-manifest.js";
import { readTemplateText, sampleBotId, sampleHost, sampleValues } from "./sample.js";

/** The parts of a filled manifest these tests look at; the official schema checks the rest. */
const filledShape = z.object({
  $schema: z.string(),
  manifestVersion: z.string(),
  version: z.string(),
  id: z.string(),
  name: z.object({ short: z.string() }),
  description: z.object({ short: z.string(), full: z.string() }),
  bots: z.array(
    z.object({
      botId: z.string(),
      scopes: z.array(z.string()),
      commandLists: z.array(z.object({ scopes: z.array(z.string()), commands: z.array(z.object({ title: z.string() })) })),
    }),
  ),
  configurableTabs: z.array(z.object({ configurationUrl: z.string(), scopes: z.array(z.string()), context: z.array(z.string()) })),
  validDomains: z.array(z.string()),
  webApplicationInfo: z.object({ id: z.string(), resource: z.string() }),
  authorization: z.object({
    permissions: z.object({ resourceSpecific: z.array(z.object({ name: z.string(), type: z.enum(["Application", "Delegated"]) })) }),
  }),
});

function filled(): unknown {
  const result = fillPlaceholders(JSON.parse(readTemplateText()), sampleValues);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.manifest;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("appPackage/manifest.json", () => {
  it("uses exactly the documented placeholders", () => {
    expect(placeholdersIn(readTemplateText()).sort()).toEqual([...PLACEHOLDER_NAMES].sort());
  });

  it("filled with sample values, is valid against the official schema, without the network", async () => {
    const fetch = vi.fn(() => Promise.reject(new Error("validation tried the network")));
    vi.stubGlobal("fetch", fetch);
    expect(await validateManifest(filled())).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("is on a current schema that the installed @microsoft/app-manifest bundles", () => {
    const m = filledShape.parse(filled());
    expect(Number(MANIFEST_SCHEMA_VERSION.split(".")[1])).toBeGreaterThanOrEqual(24);
    expect(m.manifestVersion).toBe(MANIFEST_SCHEMA_VERSION);
    expect(m.$schema).toBe(MANIFEST_SCHEMA_URL);
    expect(existsSync(bundledSchemaPath(MANIFEST_SCHEMA_VERSION))).toBe(true);
  });

  it("the validator really rejects what Teams rejects", async () => {
    const m = structuredClone(filled()) as { bots: { scopes: string[] }[]; id: string; accentColor: string };
    m.bots[0]!.scopes = ["personal", "groupchat", "team"];
    m.id = "not-a-guid";
    const problems = await validateManifest(m);
    expect(problems.some((p) => p.includes("/bots/0/scopes/1"))).toBe(true);
    expect(problems.some((p) => p.includes("/id"))).toBe(true);
    expect(await validateManifest({ ...(filled() as object), manifestVersion: "1.17" })).toContainEqual(
      expect.stringContaining("manifestVersion"),
    );
  });

  it("fills ids, version and host", () => {
    const m = filledShape.parse(filled());
    expect(m.id).toBe(sampleValues.TEAMS_APP_ID);
    expect(m.version).toBe("1.2.3");
    expect(m.bots[0]!.botId).toBe(sampleBotId);
    expect(m.validDomains).toEqual([sampleHost]);
    expect(m.webApplicationInfo).toEqual({ id: sampleBotId, resource: `api://${sampleHost}/${sampleBotId}` });
    expect(m.configurableTabs[0]!.configurationUrl).toMatch(new RegExp(`^https://${sampleHost.replaceAll(".", "\\.")}/`));
    expect(JSON.stringify(m)).not.toContain("${{");
  });

  it("declares the bot in personal, groupChat (exact case) and team scopes, with the personal commands", () => {
    const bot = filledShape.parse(filled()).bots[0]!;
    expect(bot.scopes).toEqual(["personal", "groupChat", "team"]);
    const personal = bot.commandLists.find((list) => list.scopes.includes("personal"));
    expect(personal?.commands.map((c) => c.title)).toEqual(["help", "last", "report", "prep", "pause", "resume", "privacy", "forget me"]);
  });

  it("offers the meeting side panel tab", () => {
    const tab = filledShape.parse(filled()).configurableTabs[0]!;
    expect(tab.context).toEqual(expect.arrayContaining(["meetingSidePanel", "meetingStage", "meetingChatTab"]));
    expect(tab.scopes).toContain("groupChat");
  });

  it("asks for the resource-specific permissions the features need, as application permissions", () => {
    const rsc = filledShape.parse(filled()).authorization.permissions.resourceSpecific;
    const needed = [
      "OnlineMeeting.ReadBasic.Chat",
      "ChannelMeeting.ReadBasic.Group",
      "OnlineMeetingTranscript.Read.Chat",
      "ChannelMeetingTranscript.Read.Group",
      "OnlineMeetingNotification.Send.Chat",
      "ChannelMeetingNotification.Send.Group",
      "OnlineMeetingParticipant.Read.Chat",
      "ChannelMeetingParticipant.Read.Group",
    ];
    expect(rsc.map((p) => p.name).sort()).toEqual([...needed].sort());
    expect(rsc.every((p) => p.type === "Application")).toBe(true);
  });

  it("tells people honestly what Attune does", () => {
    const { name, description } = filledShape.parse(filled());
    expect(name.short).toBe("Attune");
    expect(description.short).toMatch(/organizer/i);
    expect(description.short).toMatch(/transcript/i);
    expect(description.full).toMatch(/only the organizer/);
    expect(description.full).toMatch(/does not record audio or video/);
    expect(description.full).toMatch(/side panel needs a live transcript source/);
  });
});
