import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { fail, ok } from "../result.js";
import type { Db, OpenResult, Queryable } from "./db.js";

const LOCK = "attune.pid";

/**
 * The embedded database: PGlite (PostgreSQL in WebAssembly) in a data folder, created on first use.
 * One process at a time may open a folder; a second gets a clear error instead of a corrupted store.
 */
export async function openPglite(dataDir: string): Promise<OpenResult<Db>> {
  const dir = resolve(dataDir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    return fail(
      "data-folder",
      `cannot create the data folder ${dir} (${(cause as NodeJS.ErrnoException).code ?? "error"}); set ATTUNE_DATA_DIR to a writable folder`,
    );
  }
  const locked = await takeLock(dir);
  if (!locked.ok) return locked;
  let pg: PGlite;
  try {
    pg = await PGlite.create(join(dir, "pgdata"));
  } catch (cause) {
    await rm(join(dir, LOCK), { force: true });
    return fail("cannot-open", `cannot open the embedded database in ${dir} (${(cause as Error).message})`);
  }
  const asQueryable = (q: Pick<PGlite, "query" | "exec">): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await q.query<T>(sql, params)).rows }),
    exec: async (sql: string) => {
      await q.exec(sql);
    },
  });
  return ok<Db>({
    kind: "pglite",
    ...asQueryable(pg),
    transaction: (work) => pg.transaction((tx) => work(asQueryable(tx))),
    close: async () => {
      await pg.close();
      await rm(join(dir, LOCK), { force: true });
    },
  });
}

async function takeLock(dir: string): Promise<OpenResult<void>> {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return ok(undefined);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") {
        return fail("data-folder", `cannot write ${path} (${(cause as NodeJS.ErrnoException).code ?? "error"})`);
      }
      const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (pid > 0 && pid !== process.pid && isAlive(pid)) {
        return fail(
          "in-use",
          `the data folder ${dir} is in use by process ${pid}; stop it, use another ATTUNE_DATA_DIR, or set DATABASE_URL for PostgreSQL`,
        );
      }
      await rm(path, { force: true }); // left by a process that is gone
    }
  }
  return fail("in-use", `cannot lock the data folder ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}
