import type { Failure, Result } from "../result.js";

/** What every storage module needs of a database: the same SQL on PGlite and PostgreSQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Why a database could not be opened: each with a message saying what to set or fix. */
export type OpenFailure = Failure<"bad-url" | "tls-ca" | "unreachable" | "data-folder" | "in-use" | "cannot-open" | "migration">;
export type OpenResult<T> = Result<T, OpenFailure>;
