import { z } from "zod";
import { deriveTeamsAppId } from "./teams-app-id.js";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const missingOr = (whenMissing: string, whenWrong: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? whenMissing : whenWrong;
const notGuid = "must be a GUID like 00000000-0000-0000-0000-000000000000";

/** The site root Teams reaches Attune at: https, a host name, nothing after it. Yields the host name. */
const publicBaseUrl = z.preprocess(
  blankToUndefined,
  z
    .string({
      error: missingOr("is required: the https address Teams reaches Attune at, like https://attune.example.com", "must be a string"),
    })
    .transform((text, ctx) => {
      if (!URL.canParse(text)) {
        ctx.addIssue({ code: "custom", message: "must be an https URL like https://attune.example.com" });
        return z.NEVER;
      }
      const url = new URL(text);
      const problem =
        url.protocol !== "https:"
          ? "must use https (Teams loads the side panel and calls the bot only over https)"
          : url.username !== "" || url.password !== ""
            ? "must not contain a user name or password"
            : url.port !== ""
              ? "must not name a port: serve Attune over https on the default port 443"
              : url.pathname !== "/" || url.search !== "" || url.hash !== ""
                ? "must be the site root, like https://attune.example.com (no path, query or fragment)"
                : !url.hostname.includes(".")
                  ? "must be a public host name, like https://attune.example.com"
                  : undefined;
      if (problem !== undefined) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return url.hostname;
    }),
);

const plainSemver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * Every environment variable `npm run package` reads. Names match src/config.ts and Bot Framework's own
 * keys so one .env serves both. Nothing else in the packaging code reads the environment.
 */
export const packageEnvSchema = z.object({
  /** The bot's Microsoft App ID (the Entra app registration behind the Azure Bot). */
  MicrosoftAppId: z.preprocess(
    blankToUndefined,
    z.guid({ error: missingOr("is required: the bot's Microsoft App ID, the GUID of the Azure Bot's app registration", notGuid) }),
  ),
  /** Where Teams reaches Attune, e.g. https://attune.example.com. Parsed to its host name. */
  PUBLIC_BASE_URL: publicBaseUrl,
  /** The Teams app's own id; when unset, derived from MicrosoftAppId (see teams-app-id.ts). */
  TEAMS_APP_ID: z.preprocess(blankToUndefined, z.guid({ error: notGuid }).optional()),
  /** The package version; bump it for every upload that replaces an earlier one. */
  APP_VERSION: z.preprocess(
    blankToUndefined,
    z.string().regex(plainSemver, "must be plain semver MAJOR.MINOR.PATCH like 1.4.0 (no pre-release or build suffix)").optional(),
  ),
});

/** What the package is built from, once the environment has been checked. */
export interface PackageSettings {
  /** The bot's app id, lower case. */
  botId: string;
  /** The Teams app id, lower case: TEAMS_APP_ID, or derived from the bot id. */
  teamsAppId: string;
  /** The host name of PUBLIC_BASE_URL, lower case, e.g. attune.example.com. */
  publicHostname: string;
  /** APP_VERSION; undefined when unset, so the caller's default (package.json's version) applies. */
  appVersion: string | undefined;
}

export type PackageSettingsResult = { ok: true; settings: Readonly<PackageSettings> } | { ok: false; problems: string[] };

/** Parses the environment for packaging. Problems come back one line each, naming the variable. */
export function loadPackageSettings(env: Record<string, string | undefined>): PackageSettingsResult {
  const parsed = packageEnvSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  }
  const e = parsed.data;
  const botId = e.MicrosoftAppId.toLowerCase();
  return {
    ok: true,
    settings: Object.freeze({
      botId,
      teamsAppId: (e.TEAMS_APP_ID ?? deriveTeamsAppId(botId)).toLowerCase(),
      publicHostname: e.PUBLIC_BASE_URL,
      appVersion: e.APP_VERSION,
    }),
  };
}

export function isPlainSemver(text: string): boolean {
  return plainSemver.test(text);
}
