/**
 * A fresh database for the history and prep tests, opened with openStorage like the CLI does: the embedded
 * PGlite in a new temp folder, or, when DATABASE_URL is set, a new schema on that server (reached by adding
 * `options=-c search_path=<schema>` to the URL) that is dropped afterwards.
 *
 * PGlite allows one open handle per folder, and `runCli` opens its own: tests hold no handle while the CLI
 * runs and use `withDb` for direct reads.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { runCli } from "../../src/cli/attune.js";
import type { CliIo } from "../../src/cli/io.js";
import type { Db } from "../../src/storage/db.js";
import { openStorage } from "../../src/storage/open-storage.js";

export interface TestStorage {
  readonly kind: "pglite" | "postgres";
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** The environment for runCli: this database only, no model unless `extra` adds one. */
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  withDb<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** Runs the CLI against this database; stdout and stderr as text (one trailing newline per write). */
  cli(
    args: string[],
    options?: { stdin?: string; env?: Record<string, string | undefined> },
  ): Promise<{ code: number; out: string; err: string }>;
  remove(): Promise<void>;
}

export async function freshStorage(label: string): Promise<TestStorage> {
  const dataDir = await mkdtemp(join(tmpdir(), `attune-${label}-`));
  const serverUrl = process.env.DATABASE_URL?.trim() || undefined;
  let admin: pg.Pool | null = null;
  let schema: string | null = null;
  let databaseUrl: string | undefined;
  if (serverUrl) {
    schema = `attune_${label.replace(/[^a-z0-9]/g, "_")}_${process.pid}_${randomBytes(3).toString("hex")}`;
    admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
    await admin.query(`create schema ${schema}`);
    databaseUrl = `${serverUrl}${serverUrl.includes("?") ? "&" : "?"}options=-c%20search_path%3D${schema}`;
  }
  const env = (extra: Record<string, string | undefined> = {}) => ({
    ATTUNE_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    ATTUNE_TENANT: "local",
    LOG_LEVEL: "warn",
    ...extra,
  });
  return {
    kind: databaseUrl ? "postgres" : "pglite",
    dataDir,
    databaseUrl,
    env,
    async withDb(work) {
      const opened = await openStorage({ databaseUrl, dataDir });
      if (!opened.ok) throw new Error(opened.error.message);
      try {
        return await work(opened.value);
      } finally {
        await opened.value.close();
      }
    },
    async cli(args, options = {}) {
      let out = "";
      let err = "";
      const io: CliIo = {
        stdout: (t) => (out += `${t}\n`),
        stderr: (t) => (err += `${t}\n`),
        readStdin: async () => options.stdin ?? "",
        env: env(options.env),
      };
      const code = await runCli(args, io);
      return { code, out, err };
    },
    async remove() {
      await rm(dataDir, { recursive: true, force: true });
      if (admin && schema) await admin.query(`drop schema if exists ${schema} cascade`);
      await admin?.end();
    },
  };
}
