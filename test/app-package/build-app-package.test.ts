import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { buildAppPackage } from "../../src/app-package/build-app-package.js";
import { validateManifest } from "../../src/app-package/validate-manifest.js";
import { appPackageDir, sampleBotId, sampleEnv } from "./sample.js";

const work = mkdtempSync(join(tmpdir(), "attune-app-package-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("buildAppPackage", () => {
  it("writes a zip with exactly manifest.json, color.png and outline.png at its root", async () => {
    const outFile = join(work, "out", "attune.zip");
    const result = await buildAppPackage({ env: { ...sampleEnv, APP_VERSION: "1.4.0" }, outFile, defaultVersion: "0.1.0" });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.zipPath).toBe(outFile);

    const entries = unzipSync(readFileSync(outFile));
    expect(Object.keys(entries).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(Buffer.from(entries["color.png"]!).equals(readFileSync(join(appPackageDir, "color.png")))).toBe(true);
    expect(Buffer.from(entries["outline.png"]!).equals(readFileSync(join(appPackageDir, "outline.png")))).toBe(true);

    const manifest: unknown = JSON.parse(strFromU8(entries["manifest.json"]!));
    expect(manifest).toEqual(result.manifest);
    expect(manifest).toMatchObject({ version: "1.4.0", id: result.settings.teamsAppId, bots: [{ botId: sampleBotId }] });
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it("gives the same bytes for the same inputs", async () => {
    const a = join(work, "a.zip");
    const b = join(work, "b.zip");
    await buildAppPackage({ env: sampleEnv, outFile: a, defaultVersion: "0.1.0" });
    await buildAppPackage({ env: sampleEnv, outFile: b, defaultVersion: "0.1.0" });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it("writes nothing and lists the problems when the environment is wrong", async () => {
    const outFile = join(work, "never.zip");
    const result = await buildAppPackage({ env: { PUBLIC_BASE_URL: "http://attune.example.com" }, outFile, defaultVersion: "0.1.0" });
    expect(result).toEqual({
      ok: false,
      problems: [
        "MicrosoftAppId: is required: the bot's Microsoft App ID, the GUID of the Azure Bot's app registration",
        "PUBLIC_BASE_URL: must use https (Teams loads the side panel and calls the bot only over https)",
      ],
    });
    expect(existsSync(outFile)).toBe(false);
  });

  it("refuses a default version that is not plain semver", async () => {
    const result = await buildAppPackage({ env: sampleEnv, outFile: join(work, "v.zip"), defaultVersion: "0.2.0-rc.1" });
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^APP_VERSION: not set, and the default "0.2.0-rc.1"/)]);
  });

  it("refuses a template with a leftover placeholder, an invalid manifest, or a wrong-sized icon", async () => {
    const dir = join(work, "broken");
    cpSync(appPackageDir, dir, { recursive: true });
    const template = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...template, accentColor: "${{ACCENT}}" }));
    let result = await buildAppPackage({ env: sampleEnv, outFile: join(work, "broken.zip"), defaultVersion: "0.1.0", appPackageDir: dir });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^manifest.json \$.accentColor: unknown placeholder \$\{\{ACCENT\}\}/),
    ]);

    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...template, accentColor: "teal" }));
    cpSync(join(dir, "outline.png"), join(dir, "color.png"));
    result = await buildAppPackage({ env: sampleEnv, outFile: join(work, "broken.zip"), defaultVersion: "0.1.0", appPackageDir: dir });
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual(expect.stringMatching(/^manifest.json schema: \/accentColor must match pattern/));
    expect(problems).toContain("color.png: must be 192×192 pixels, is 32×32");
    expect(existsSync(join(work, "broken.zip"))).toBe(false);
  });
});

describe("npm run package", () => {
  it("exits 2 with the problems, one a line, when the environment is incomplete", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/package-app.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, PUBLIC_BASE_URL: "https://attune.example.com" },
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "The app package was not written:\n  MicrosoftAppId: is required: the bot's Microsoft App ID, the GUID of the Azure Bot's app registration\n",
    );
  });
});
