/**
 * Runs storage tests against every database Attune supports: the embedded PGlite always (a fresh temp data
 * folder per test file, copied from a just-initialised cluster), and PostgreSQL when DATABASE_URL is set (a
 * fresh, uniquely named schema per test file, reached by adding `options=-c search_path=<schema>` to the URL,
 * dropped afterwards).
 *
 *   describeEachDatabase("meetings", (t) => {
 *     it("saves", async () => { await saveAnalyzedMeeting(t.db, ...); });
 *   });
 *
 * One database per file and kind, opened once in beforeAll (PGlite takes seconds to open): tests in a file
 * share it, so they use distinct meetings or call `t.reset()`. `t.env()` is the environment for a child
 * process (the CLI, a worker) that should use the same database.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import type { Db, OpenResult } from "../../src/storage/db.js";
import { migrate } from "../../src/storage/migrate.js";
import { openPglite } from "../../src/storage/open-pglite.js";
import { openPostgres } from "../../src/storage/open-postgres.js";

export type DbKind = "pglite" | "postgres";

/** The PostgreSQL server the suite may use; unset, PostgreSQL tests are skipped (and say so). */
export const postgresUrl: string | undefined = process.env.DATABASE_URL?.trim() || undefined;

/** The kinds this run exercises, for `describe.each` style use. */
export const databaseKinds: readonly DbKind[] = postgresUrl ? ["pglite", "postgres"] : ["pglite"];

/**
 * `url` with `-c search_path=<schema>` in its `options` parameter (merged with options already there), so
 * every connection of a pool works in that schema. Uses `&` when the URL already has a query.
 */
export function withSearchPath(url: string, schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  const setting = `-c search_path=${schema}`;
  const parsed = new URL(url);
  const existing = parsed.searchParams.get("options");
  if (existing !== null) {
    parsed.searchParams.delete("options");
    const rest = parsed.toString();
    return `${rest}${parsed.search ? "&" : "?"}options=${encodeURIComponent(`${existing} ${setting}`)}`;
  }
  return `${url}${parsed.search ? "&" : "?"}options=${encodeURIComponent(setting)}`;
}

/** A database of one kind that nothing has touched yet: a temp folder, or an empty schema. */
export interface Target {
  readonly kind: DbKind;
  /** The schema-scoped URL (PostgreSQL). */
  readonly url: string | undefined;
  /** The schema (PostgreSQL). */
  readonly schema: string | undefined;
  /** The data folder (PGlite). */
  readonly dataDir: string | undefined;
  /** The environment for a child process (`bin/attune.js`, a worker) to use this database, and only it. */
  env(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv;
  /** Opens it (without migrating). */
  open(): Promise<Db>;
}

export interface TestDatabase extends Target {
  /** The file's shared handle, open (and migrated unless asked otherwise) from beforeAll to afterAll. */
  readonly db: Db;
  /** Empties every table except schema_migrations. */
  reset(): Promise<void>;
  /**
   * Runs `work` with the shared handle closed, then reopens it: PGlite allows one process per folder, so a
   * child process can only use it meanwhile. On PostgreSQL the handle simply stays open.
   */
  whileClosed<T>(work: () => Promise<T>): Promise<T>;
  /** Another empty database of the same kind, removed with this one. */
  scratch(): Promise<Target>;
}

export interface DatabaseOptions {
  /** Which kinds to run on; PostgreSQL without DATABASE_URL is registered as skipped. Default: both. */
  kinds?: readonly DbKind[];
  /** Bring the shared database's schema up to date in beforeAll. Default true. */
  migrate?: boolean;
}

/** Registers `body` once per database kind, as `describe("<name> [<kind>]")`, with its database open. */
export function describeEachDatabase(name: string, body: (t: TestDatabase) => void, options: DatabaseOptions = {}): void {
  for (const kind of options.kinds ?? (["pglite", "postgres"] as const)) {
    const t = new SharedDatabase(kind, options.migrate ?? true, name);
    if (kind === "postgres" && !postgresUrl) {
      describe.skip(`${name} [postgres] (skipped: DATABASE_URL not set)`, () => body(t));
      continue;
    }
    describe(`${name} [${kind}]`, () => {
      beforeAll(() => t.setUp(), 120_000);
      afterAll(() => t.tearDown(), 60_000);
      body(t);
    });
  }
}

/** Counts rows (as a number on both databases: PostgreSQL returns bigint counts as strings). */
export async function countRows(db: Pick<Db, "query">, table: string, where = "true", params: unknown[] = []): Promise<number> {
  const rows = await db.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params);
  return rows.rows[0]!.n;
}

/** Every table of the current schema, schema_migrations included. */
export async function listTables(db: Pick<Db, "query">): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = current_schema() order by tablename",
  );
  return rows.rows.map((r) => r.name);
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 24);

class SharedDatabase implements TestDatabase {
  private handle: Db | null = null;
  private main: Target | null = null;
  private readonly targets: Target[] = [];
  private admin: pg.Pool | null = null;

  constructor(
    readonly kind: DbKind,
    private readonly migrateOnOpen: boolean,
    private readonly label: string,
  ) {}

  get db(): Db {
    if (!this.handle) throw new Error(`the ${this.kind} test database is not open (used outside a test, or inside whileClosed?)`);
    return this.handle;
  }
  get url() {
    return this.target.url;
  }
  get schema() {
    return this.target.schema;
  }
  get dataDir() {
    return this.target.dataDir;
  }
  env(extra?: Record<string, string | undefined>) {
    return this.target.env(extra);
  }
  open() {
    return this.target.open();
  }

  private get target(): Target {
    if (!this.main) throw new Error(`the ${this.kind} test database is not set up yet`);
    return this.main;
  }

  async setUp(): Promise<void> {
    this.main = await this.scratch();
    this.handle = await this.main.open();
    if (this.migrateOnOpen) await migrate(this.handle);
  }

  async tearDown(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    for (const target of this.targets) {
      if (target.dataDir) await rm(target.dataDir, { recursive: true, force: true });
      if (target.schema && this.admin) await this.admin.query(`drop schema if exists ${target.schema} cascade`);
    }
    await this.admin?.end();
    this.admin = null;
  }

  async reset(): Promise<void> {
    const tables = (await listTables(this.db)).filter((name) => name !== "schema_migrations");
    if (tables.length > 0) await this.db.exec(`truncate table ${tables.join(", ")} cascade`);
  }

  async whileClosed<T>(work: () => Promise<T>): Promise<T> {
    if (this.kind === "postgres") return work();
    await this.db.close();
    this.handle = null;
    try {
      return await work();
    } finally {
      this.handle = await this.target.open();
    }
  }

  async scratch(): Promise<Target> {
    const target = this.kind === "pglite" ? await pgliteTarget() : await this.postgresTarget();
    this.targets.push(target);
    return target;
  }

  private async postgresTarget(): Promise<Target> {
    if (!postgresUrl) throw new Error("DATABASE_URL is not set");
    this.admin ??= new pg.Pool({ connectionString: postgresUrl, max: 1 });
    const schema = `attune_t_${slug(this.label)}_${process.pid}_${randomBytes(3).toString("hex")}`;
    await this.admin.query(`create schema ${schema}`);
    const url = withSearchPath(postgresUrl, schema);
    return {
      kind: "postgres",
      url,
      schema,
      dataDir: undefined,
      env: (extra) => childEnv({ DATABASE_URL: url }, extra),
      open: async () => unwrap(await openPostgres({ url, maxConnections: 4 })),
    };
  }
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), "attune-test-"));
  await copyDir(await pgliteTemplate(), join(dataDir, "pgdata"));
  return {
    kind: "pglite",
    url: undefined,
    schema: undefined,
    dataDir,
    env: (extra) => childEnv({ ATTUNE_DATA_DIR: dataDir }, extra),
    open: async () => unwrap(await openPglite(dataDir)),
  };
}

let template: Promise<string> | null = null;

/**
 * A just-initialised PGlite cluster (no Attune tables), made once per PGlite version and machine and copied for
 * each test database: creating one takes ~2 s of initdb, copying it a fraction of that. Built aside and renamed
 * into place, so concurrent test files never see half of one.
 */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const version = (
      JSON.parse(readFileSync(fileURLToPath(new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url)), "utf8")) as {
        version: string;
      }
    ).version;
    const dir = join(tmpdir(), `attune-test-pglite-initdb-${version}-${process.getuid?.() ?? 0}`);
    if (existsSync(join(dir, "PG_VERSION"))) return dir;
    const build = await mkdtemp(join(tmpdir(), "attune-test-pglite-build-"));
    try {
      const pg = await PGlite.create(join(build, "pgdata"));
      await pg.close();
      await rename(join(build, "pgdata"), dir).catch((cause: NodeJS.ErrnoException) => {
        if (!existsSync(join(dir, "PG_VERSION"))) throw cause; // else another test file made it first
      });
    } finally {
      await rm(build, { recursive: true, force: true });
    }
    return dir;
  })();
  return template;
}

async function copyDir(from: string, to: string): Promise<void> {
  try {
    await promisify(execFile)("cp", ["-a", from, to]); // several times faster than fs.cp for ~1000 small files
  } catch {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true });
  }
}

function childEnv(target: Record<string, string>, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "DATABASE_SSL_CA", "ATTUNE_DATA_DIR", "OPENAI_API_KEY", "OPENAI_BASE_URL"]) delete env[name];
  Object.assign(env, { LOG_LEVEL: "warn", ATTUNE_TENANT: "local" }, target);
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

function unwrap(result: OpenResult<Db>): Db {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
