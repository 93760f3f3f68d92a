import { readFile } from "node:fs/promises";
import type pg from "pg";
import { fail, ok } from "../result.js";
import type { Db, OpenResult, Queryable } from "./db.js";

export interface PostgresOptions {
  url: string;
  /** PEM file of the CA that signed the server's certificate; turns on verified TLS. */
  sslCaFile?: string | undefined;
  maxConnections?: number;
}

/** PostgreSQL through a `pg` pool. Checks the connection at once, so a bad URL is one clear line, not a stack. */
export async function openPostgres(options: PostgresOptions): Promise<OpenResult<Db>> {
  let where: string;
  try {
    const url = new URL(options.url);
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") throw new Error("scheme");
    where = `${url.hostname || "localhost"}:${url.port || 5432}${url.pathname}`;
  } catch {
    return fail("bad-url", "DATABASE_URL is not a PostgreSQL URL; expected postgres://user:password@host:5432/database");
  }
  let ssl: pg.PoolConfig["ssl"];
  if (options.sslCaFile) {
    try {
      ssl = { ca: await readFile(options.sslCaFile, "utf8"), rejectUnauthorized: true };
    } catch {
      return fail("tls-ca", `DATABASE_SSL_CA: cannot read ${options.sslCaFile}`);
    }
  }
  const { default: driver } = await import("pg");
  const pool = new driver.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(ssl && { ssl }),
  });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  try {
    await pool.query("select 1");
  } catch (cause) {
    await pool.end().catch(() => undefined);
    return fail("unreachable", `cannot connect to PostgreSQL at ${where}: ${describe(cause)}`);
  }
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
    exec: async (sql: string) => {
      await client.query(sql);
    },
  });
  return ok<Db>({
    kind: "postgres",
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work(wrap(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  });
}

function describe(cause: unknown): string {
  const e = cause as { code?: string; message?: string };
  if (e.code === "ECONNREFUSED") return "connection refused (is the server running?)";
  if (e.code === "ENOTFOUND") return "host not found";
  if (e.code === "28P01" || e.code === "28000") return "authentication failed";
  if (e.code === "3D000") return "the database does not exist";
  return (e.message ?? String(cause)).split("\n")[0]!;
}
