import { describe, expect, it } from "vitest";
import { loadPackageSettings } from "../../src/app-package/package-env.js";
import { ATTUNE_APP_ID_NAMESPACE, deriveTeamsAppId, uuidV5 } from "../../src/app-package/teams-app-id.js";
import { sampleBotId, sampleEnv } from "./sample.js";

function problemsOf(env: Record<string, string | undefined>): string[] {
  const result = loadPackageSettings(env);
  return result.ok ? [] : result.problems;
}

describe("the packaging environment", () => {
  it("takes the bot id and the host name, and derives the Teams app id", () => {
    const result = loadPackageSettings({ ...sampleEnv, PUBLIC_BASE_URL: "https://Attune.Example.com/", OPENAI_API_KEY: "ignored" });
    expect(result).toEqual({
      ok: true,
      settings: {
        botId: sampleBotId,
        teamsAppId: deriveTeamsAppId(sampleBotId),
        publicHostname: "attune.example.com",
        appVersion: undefined,
      },
    });
  });

  it("lists every problem, one line each, naming the variable", () => {
    expect(problemsOf({})).toEqual([
      "MicrosoftAppId: is required: the bot's Microsoft App ID, the GUID of the Azure Bot's app registration",
      "PUBLIC_BASE_URL: is required: the https address Teams reaches Attune at, like https://attune.example.com",
    ]);
    const problems = problemsOf({
      MicrosoftAppId: "my-bot",
      PUBLIC_BASE_URL: "http://attune.example.com",
      TEAMS_APP_ID: "x",
      APP_VERSION: "1.0.0-beta.1",
    });
    expect(problems).toEqual([
      "MicrosoftAppId: must be a GUID like 00000000-0000-0000-0000-000000000000",
      "PUBLIC_BASE_URL: must use https (Teams loads the side panel and calls the bot only over https)",
      "TEAMS_APP_ID: must be a GUID like 00000000-0000-0000-0000-000000000000",
      "APP_VERSION: must be plain semver MAJOR.MINOR.PATCH like 1.4.0 (no pre-release or build suffix)",
    ]);
    for (const problem of problems) expect(problem).not.toContain("\n");
  });

  it("treats a blank value as unset", () => {
    expect(problemsOf({ MicrosoftAppId: "  ", PUBLIC_BASE_URL: sampleEnv.PUBLIC_BASE_URL })).toEqual([
      "MicrosoftAppId: is required: the bot's Microsoft App ID, the GUID of the Azure Bot's app registration",
    ]);
  });

  it.each([
    ["attune.example.com", "must be an https URL"],
    ["https://attune.example.com/api/messages", "must be the site root"],
    ["https://attune.example.com?x=1", "must be the site root"],
    ["https://attune.example.com:8443", "must not name a port"],
    ["https://admin:secret@attune.example.com", "must not contain a user name or password"],
    ["https://localhost", "must be a public host name"],
  ])("refuses PUBLIC_BASE_URL=%s", (url, message) => {
    const problems = problemsOf({ MicrosoftAppId: sampleBotId, PUBLIC_BASE_URL: url });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^PUBLIC_BASE_URL: ${message}`));
  });

  it("uses TEAMS_APP_ID and APP_VERSION when set", () => {
    const result = loadPackageSettings({ ...sampleEnv, TEAMS_APP_ID: "8D0E4B2A-6C1F-4A3E-B5D7-9F2C4E6A8B10", APP_VERSION: "2.10.0" });
    expect(result.ok && result.settings.teamsAppId).toBe("8d0e4b2a-6c1f-4a3e-b5d7-9f2c4e6a8b10");
    expect(result.ok && result.settings.appVersion).toBe("2.10.0");
  });
});

describe("deriveTeamsAppId", () => {
  it("is a stable version 5 UUID of the bot id, whatever its case, and never the bot id", () => {
    const id = deriveTeamsAppId(sampleBotId);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveTeamsAppId(sampleBotId.toUpperCase())).toBe(id);
    expect(id).not.toBe(sampleBotId);
    expect(deriveTeamsAppId("00000000-0000-0000-0000-000000000001")).not.toBe(id);
  });

  it("is standard RFC 4122 name-based hashing, reproducible with any UUID library", () => {
    // Python's documented example: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    expect(deriveTeamsAppId(sampleBotId)).toBe(uuidV5(ATTUNE_APP_ID_NAMESPACE, sampleBotId));
    // Pinned (cross-checked with Python's uuid5): a change here would make Teams see a new app.
    expect(deriveTeamsAppId(sampleBotId)).toBe("c912b2dd-cbe6-5f4c-a5f5-2a20dd702ef4");
  });
});
