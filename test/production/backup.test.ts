/**
 * docs/deploy.md, section 7, "Backups": the documented pg_dump and pg_restore lines, run as written (with
 * their paths in a temporary folder) against PostgreSQL, round-trip what Attune stored. Runs where CI runs
 * it: DATABASE_URL set and PostgreSQL's client tools installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runAttune } from "../helpers/child-processes.js";

const serverUrl = process.env.DATABASE_URL?.trim() || "";
const hasTools = ["pg_dump", "pg_restore"].every((tool) => spawnSync(tool, ["--version"]).status === 0);
const why = !serverUrl ? "DATABASE_URL is not set" : !hasTools ? "pg_dump and pg_restore are not installed" : "";

/** The ```sh block of the Backups section: its pg_dump and pg_restore lines. */
async function documentedCommands(): Promise<{ dump: string; restore: string }> {
  const doc = await readFile(join(repoRoot, "docs", "deploy.md"), "utf8");
  const section = doc.slice(doc.indexOf("### Backups"), doc.indexOf("### What to watch"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const line = (tool: string) => block.split("\n").find((l) => l.startsWith(`${tool} `)) ?? "";
  return { dump: line("pg_dump"), restore: line("pg_restore") };
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  url.search = "";
  return url.toString();
}

const names = [`attune_backup_from_${process.pid}`, `attune_backup_to_${process.pid}`];
let work = "";
let admin: pg.Pool | null = null;

afterAll(async () => {
  if (admin) {
    for (const name of names) await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(why !== "")(`pg_dump backups as docs/deploy.md gives them${why ? ` (skipped: ${why})` : ""}`, () => {
  it("a dump of a database with a saved meeting restores into an empty one that Attune reads", async () => {
    const { dump, restore } = await documentedCommands();
    expect(dump).toMatch(/^pg_dump --format=custom .*"\$DATABASE_URL"$/);
    expect(restore).toMatch(/^pg_restore .*--dbname="\$DATABASE_URL" /);
    work = await mkdtemp(join(tmpdir(), "attune-backup-"));
    admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
    for (const name of names) await admin.query(`create database ${name}`);
    const [from, to] = names.map(databaseUrl) as [string, string];
    const env = (url: string) => ({ ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn", OPENAI_API_KEY: "" });

    const saved = await runAttune(
      ["analyze", join(repoRoot, "samples", "one-on-one.vtt"), "--manager", "renee", "--save"],
      env(from),
      60_000,
    );
    expect(saved.code, saved.stderr).toBe(0);

    const file = join(work, "attune.dump");
    const run = (command: string, url: string) =>
      execFileSync("bash", ["-c", command.replace(/"\/var\/backups\/attune\/[^"]*"|\/var\/backups\/attune\/\S+\.dump/, `"${file}"`)], {
        env: env(url),
        encoding: "utf8",
      });
    run(dump, from);
    run(restore, to);

    const trend = await runAttune(["trend", "--manager", "renee", "--format", "json"], env(to), 60_000);
    expect(trend.code, trend.stderr).toBe(0);
    expect((JSON.parse(trend.stdout) as { meetings: unknown[] }).meetings).toHaveLength(1);
  }, 120_000);
});
