/**
 * Finding 9 of issue 10: the production path, as docs/deploy.md (section 7) gives it. The built package
 * (package.json, package-lock.json and what its `files` lists, as `npm pack` would ship it) is copied to an
 * empty folder, production dependencies only are installed there with `npm ci --omit=dev` (the prepare script
 * runs, as it does for an admin), and Attune is started with the systemd unit's own command line and
 * environment, on a free port and a new data folder, until /healthz and /readyz answer.
 */
import { spawn, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, waitUntil } from "../helpers/child-processes.js";
import { freePort } from "../helpers/free-port.js";

const deployDoc = join(repoRoot, "docs", "deploy.md");

/** The unit in docs/deploy.md: the ```ini block whose first line is `# attune.service`. */
async function documentedUnit(): Promise<string> {
  const doc = await readFile(deployDoc, "utf8");
  const block = /```ini\n# attune\.service\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error("docs/deploy.md has no ```ini block starting with '# attune.service'");
  return block[1]!;
}

function unitValues(unit: string, key: string): string[] {
  return [...unit.matchAll(new RegExp(`^${key}=(.*)$`, "gm"))].map((m) => m[1]!.trim());
}

/** The environment without npm's own variables: the install must not depend on running inside `npm test`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

let work: string;
let app: string;

beforeAll(async () => {
  if (!existsSync(join(repoRoot, "dist", "cli", "main.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  work = await mkdtemp(join(tmpdir(), "attune-production-"));
  app = join(work, "opt-attune");
  await mkdir(app);
  const manifest = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { files: string[] };
  for (const entry of ["package.json", "package-lock.json", ...manifest.files]) {
    await cp(join(repoRoot, entry), join(app, entry), { recursive: true });
  }
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("a production install from the built package", () => {
  it("npm ci --omit=dev installs production dependencies only, its prepare script keeping the build", async () => {
    const install = spawnSync("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: app,
      env: cleanEnv(),
      encoding: "utf8",
      timeout: 400_000,
    });
    expect(install.error).toBeUndefined();
    expect(`${install.stdout}\n${install.stderr}`).not.toMatch(/tsc: not found/);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout).toContain("production install (no TypeScript): using the build already in dist/");
    for (const dev of ["typescript", "vitest", "tsx", "@biomejs/biome", "playwright-core"]) {
      expect(existsSync(join(app, "node_modules", dev)), `${dev} is a devDependency`).toBe(false);
    }
    for (const runtime of ["@electric-sql/pglite", "botbuilder", "express"]) {
      expect(existsSync(join(app, "node_modules", runtime)), `${runtime} is needed at run time`).toBe(true);
    }
  }, 420_000);

  it("the documented systemd unit passes systemd-analyze verify (where systemd is installed)", async (context) => {
    const unit = await documentedUnit();
    expect(unitValues(unit, "ExecStart")).toEqual(["/usr/bin/node /opt/attune/bin/attune.js serve"]);
    expect(unitValues(unit, "WorkingDirectory")).toEqual(["/opt/attune"]);
    expect(unitValues(unit, "Restart")).toEqual(["on-failure"]);
    const probe = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
    if (probe.error) {
      context.skip("systemd-analyze is not installed here: the unit's keys were checked, not the unit");
      return;
    }
    const file = join(work, "attune.service");
    // verify checks that ExecStart's program exists: point it at this machine's node.
    await writeFile(file, unit.replace("/usr/bin/node ", `${process.execPath} `));
    const verified = spawnSync("systemd-analyze", ["verify", file], { encoding: "utf8" });
    expect(verified.stderr).toBe("");
    expect(verified.status).toBe(0);
  });

  it("the unit's command line serves from the production copy: /healthz, /readyz and the playground", async () => {
    if (!existsSync(join(app, "node_modules", "botbuilder"))) throw new Error("the production install above failed");
    const unit = await documentedUnit();
    const [program, ...args] = unitValues(unit, "ExecStart")[0]!.split(" ");
    expect(program).toBe("/usr/bin/node");
    const environment = Object.fromEntries(
      unitValues(unit, "Environment").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
    );
    const port = await freePort();
    const child = spawn(
      process.execPath,
      args.map((arg) => arg.replace("/opt/attune", app)),
      {
        cwd: app,
        env: cleanEnv({
          ...environment,
          PORT: String(port),
          ATTUNE_DATA_DIR: join(work, "var-lib-attune", "data"),
          DATABASE_URL: "",
          LOG_LEVEL: "warn",
        }),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const answers = async (path: string) =>
        fetch(`http://127.0.0.1:${port}${path}`).then(
          (r) => r.status === 200,
          () => false,
        );
      const alive = async () => {
        if (child.exitCode !== null) throw new Error(`attune serve exited ${child.exitCode}: ${output}`);
        return true;
      };
      await waitUntil("/healthz answers", async () => (await alive()) && answers("/healthz"), 120_000, 50);
      await waitUntil("/readyz answers", async () => (await alive()) && answers("/readyz"), 120_000, 50);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/Cannot find (module|package)/);
  }, 180_000);
});
