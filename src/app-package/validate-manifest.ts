import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";

/** The schema version Attune's manifest is written against; appPackage/manifest.json must say the same. */
export const MANIFEST_SCHEMA_VERSION = "1.30";
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`;

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type AppManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

/** The copy of the official schema that @microsoft/app-manifest ships, for one manifest version. */
export function bundledSchemaPath(version: string): string {
  const entry = createRequire(import.meta.url).resolve("@microsoft/app-manifest");
  return join(dirname(entry), "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
}

/**
 * Loads the bundled schema from disk. Read here rather than through `AppManifestUtils.fetchSchema`, which
 * falls back to the network when its local copy is missing: packaging and its tests must never go online.
 * The two replacements are the ones the package applies to its own copies (`\a` and `\v` in a few regex
 * patterns are not valid JSON escapes for its validator).
 */
function loadBundledSchema(version: string): ManifestSchema {
  const raw = readFileSync(bundledSchemaPath(version), "utf8");
  return JSON.parse(raw.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")) as ManifestSchema;
}

function hasVersionFields(manifest: unknown): manifest is { $schema?: unknown; manifestVersion?: unknown } {
  return manifest !== null && typeof manifest === "object" && !Array.isArray(manifest);
}

/**
 * Validates a filled manifest against the official Teams schema for MANIFEST_SCHEMA_VERSION, offline.
 * Returns one line per problem; an empty list means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (!hasVersionFields(manifest)) return ["manifest.json: must be a JSON object"];
  const problems: string[] = [];
  if (manifest.manifestVersion !== MANIFEST_SCHEMA_VERSION) {
    problems.push(`manifest.json manifestVersion: must be "${MANIFEST_SCHEMA_VERSION}", the schema version Attune validates against`);
  }
  if (manifest.$schema !== MANIFEST_SCHEMA_URL) {
    problems.push(`manifest.json $schema: must be ${MANIFEST_SCHEMA_URL}`);
  }
  // The validator is typed for a manifest it has not checked yet; it only reads the object, so the cast is safe.
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, loadBundledSchema(MANIFEST_SCHEMA_VERSION));
  return [...problems, ...schemaErrors.map((error) => `manifest.json schema: ${error.trim()}`)];
}
