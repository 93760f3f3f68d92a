/**
 * `npm run package`: builds the Teams app package (dist/appPackage/attune.zip) from appPackage/ and the
 * environment. Exit codes: 0 written, 2 a problem with the environment or the package (one line each on
 * stderr), 1 an unexpected error.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildAppPackage } from "../src/app-package/build-app-package.js";
import { MANIFEST_SCHEMA_VERSION } from "../src/app-package/validate-manifest.js";

const root = new URL("../", import.meta.url);
const outFile = fileURLToPath(new URL("dist/appPackage/attune.zip", root));
const packageJson: unknown = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const defaultVersion =
  packageJson !== null && typeof packageJson === "object" && "version" in packageJson ? String(packageJson.version) : "1.0.0";

try {
  const result = await buildAppPackage({ env: process.env, outFile, defaultVersion });
  if (!result.ok) {
    console.error("The app package was not written:");
    for (const problem of result.problems) console.error(`  ${problem}`);
    process.exitCode = 2;
  } else {
    const { settings, version } = result;
    console.log(`manifest.json is valid against the Teams app manifest schema v${MANIFEST_SCHEMA_VERSION} (checked offline)`);
    console.log(`  Teams app id ${settings.teamsAppId}, version ${version}`);
    console.log(`  bot ${settings.botId}, host ${settings.publicHostname}`);
    console.log(result.zipPath);
  }
} catch (error) {
  console.error("Packaging failed unexpectedly:", error);
  process.exitCode = 1;
}
