import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isPlainSemver, loadPackageSettings, type PackageSettings } from "./package-env.js";
import { fillPlaceholders } from "./placeholders.js";
import { pngSize } from "./png-size.js";
import { validateManifest } from "./validate-manifest.js";
import { zipAppPackage, type PackageFileName } from "./zip-app-package.js";

/** The template and icons, in the repository (and the npm package) next to src/ and dist/. */
export const defaultAppPackageDir = fileURLToPath(new URL("../../appPackage/", import.meta.url));

const ICON_SIZES: Readonly<Record<"color.png" | "outline.png", number>> = { "color.png": 192, "outline.png": 32 };

export interface BuildOptions {
  /** The environment to read; only the variables in package-env.ts are looked at. */
  env: Record<string, string | undefined>;
  /** Where the zip goes; its folder is created. */
  outFile: string;
  /** Used when APP_VERSION is unset: normally package.json's version. */
  defaultVersion: string;
  /** Folder holding manifest.json, color.png and outline.png. */
  appPackageDir?: string;
}

export type BuildResult =
  | { ok: true; zipPath: string; manifest: unknown; settings: Readonly<PackageSettings>; version: string }
  | { ok: false; problems: string[] };

async function readPackageFile(
  dir: string,
  name: PackageFileName,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: string }> {
  const path = join(dir, name);
  try {
    return { ok: true, bytes: await readFile(path) };
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unknown error";
    return { ok: false, problem: `${path}: cannot read it (${code})` };
  }
}

function parseTemplate(bytes: Uint8Array): { ok: true; template: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, template: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch (error) {
    return { ok: false, problem: `manifest.json: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * Builds the Teams app package an admin uploads: checks the environment, fills the template's placeholders,
 * validates the result against the official schema (offline), checks the icon sizes, and writes the zip.
 * Every expected failure comes back as a list of one-line problems; nothing is written unless all is well.
 */
export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const loaded = loadPackageSettings(options.env);
  if (!loaded.ok) return loaded;
  const { settings } = loaded;
  const version = settings.appVersion ?? options.defaultVersion;
  if (!isPlainSemver(version)) {
    return {
      ok: false,
      problems: [`APP_VERSION: not set, and the default "${version}" is not plain semver MAJOR.MINOR.PATCH: set APP_VERSION`],
    };
  }

  const dir = options.appPackageDir ?? defaultAppPackageDir;
  const [manifestFile, colorFile, outlineFile] = await Promise.all([
    readPackageFile(dir, "manifest.json"),
    readPackageFile(dir, "color.png"),
    readPackageFile(dir, "outline.png"),
  ]);
  if (!manifestFile.ok || !colorFile.ok || !outlineFile.ok) {
    return { ok: false, problems: [manifestFile, colorFile, outlineFile].flatMap((r) => (r.ok ? [] : [r.problem])) };
  }
  const icons = { "color.png": colorFile.bytes, "outline.png": outlineFile.bytes };

  const parsed = parseTemplate(manifestFile.bytes);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const filled = fillPlaceholders(parsed.template, {
    MICROSOFT_APP_ID: settings.botId,
    TEAMS_APP_ID: settings.teamsAppId,
    APP_VERSION: version,
    PUBLIC_HOSTNAME: settings.publicHostname,
  });
  if (!filled.ok) return filled;

  const problems = await validateManifest(filled.manifest);
  for (const [name, side] of Object.entries(ICON_SIZES) as [keyof typeof ICON_SIZES, number][]) {
    const size = pngSize(icons[name]);
    if (size === null) problems.push(`${name}: not a PNG file`);
    else if (size.width !== side || size.height !== side)
      problems.push(`${name}: must be ${side}×${side} pixels, is ${size.width}×${size.height}`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(filled.manifest, null, 2)}\n`);
  const zip = zipAppPackage({ "manifest.json": manifestBytes, ...icons });
  await mkdir(dirname(options.outFile), { recursive: true });
  await writeFile(options.outFile, zip);
  return { ok: true, zipPath: options.outFile, manifest: filled.manifest, settings, version };
}
