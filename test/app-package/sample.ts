import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PlaceholderValues } from "../../src/app-package/placeholders.js";

export const appPackageDir = fileURLToPath(new URL("../../appPackage/", import.meta.url));

export const sampleBotId = "3f2b6c1d-8a4e-4f7b-9c2d-1e5a7b9c0d4f";
export const sampleHost = "attune.example.com";

/** An environment as an admin would set it for `npm run package`. */
export const sampleEnv = { MicrosoftAppId: sampleBotId, PUBLIC_BASE_URL: `https://${sampleHost}` };

export const sampleValues: PlaceholderValues = {
  MICROSOFT_APP_ID: sampleBotId,
  TEAMS_APP_ID: "8d0e4b2a-6c1f-4a3e-b5d7-9f2c4e6a8b10",
  APP_VERSION: "1.2.3",
  PUBLIC_HOSTNAME: sampleHost,
};

export function readTemplateText(): string {
  return readFileSync(`${appPackageDir}manifest.json`, "utf8");
}
