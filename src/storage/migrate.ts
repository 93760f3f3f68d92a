import type { Db } from "./db.js";
import { migrations as all, type Migration } from "./migrations/index.js";

/** A fixed key for the advisory lock that serialises migrations across processes. */
const LOCK_KEY = 715_392_001;

export interface MigrateResult {
  applied: number[];
  current: number;
}

/**
 * Applies the migrations not yet applied, in one transaction under an advisory lock: safe to run twice,
 * and from two processes at once (the second waits, then finds nothing to do).
 */
export async function migrate(db: Db, migrations: readonly Migration[] = all): Promise<MigrateResult> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [LOCK_KEY]);
    await tx.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const done = new Set((await tx.query<{ version: number }>("select version from schema_migrations")).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return { applied, current: Math.max(0, ...done, ...applied) };
  });
}
