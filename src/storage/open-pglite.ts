import { existsSync, readFileSync } from "node:fs";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { PGlite } from "@electric-sql/pglite";
import { fail, ok } from "../result.js";
import type { Db, OpenResult, Queryable } from "./db.js";
import { copyTemplate, defaultTemplateDir, holdsDatabase } from "./pglite-template.js";

const LOCK = "attune.pid";

/**
 * PostgreSQL's default 128 MB of shared buffers is resident memory in PGlite (WebAssembly memory never
 * shrinks); Attune's tables are small and the folder's files stay in the OS cache, so 8 MB serve as well and
 * the process stays about 130 MB lighter (bench: npm run bench, start-up section).
 */
export const PGLITE_SHARED_BUFFERS = "8MB";

export interface PgliteOptions {
  /** A folder made by `attune db template` to copy into a new data folder; null: let PGlite run initdb. */
  template?: string | null;
}

/**
 * The embedded database: PGlite (PostgreSQL in WebAssembly) in a data folder, created on first use.
 * One process at a time may open a folder; a second gets a clear error instead of a corrupted store.
 */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<OpenResult<Db>> {
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
    const pgdata = join(dir, "pgdata");
    const template = options.template === undefined ? defaultTemplateDir() : options.template;
    if (template && !(await holdsDatabase(pgdata))) await copyTemplate(template, pgdata);
    pg = await createPglite(pgdata);
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

/** PGlite on a data folder (initialised by PGlite when empty), with Attune's memory settings. */
export async function createPglite(pgdata: string): Promise<PGlite> {
  // V8 first compiles WebAssembly with its baseline compiler, then recompiles hot functions with its optimising
  // one in the background: for PGlite's 9 MB module that second copy of machine code is 40 to 60 MB of resident
  // memory that an idle server keeps. Attune's queries are few and small, and in the bench they ran as fast
  // on baseline code, so PGlite's module is compiled with the baseline compiler only. The flag is read when a
  // module is compiled; Attune compiles no other WebAssembly of its own.
  setFlagsFromString("--liftoff-only");
  const { PGlite } = await import("@electric-sql/pglite");
  return PGlite.create(pgdata, { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
}

async function takeLock(dir: string): Promise<OpenResult<void>> {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(lockText(process.pid));
      await handle.close();
      return ok(undefined);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") {
        return fail("data-folder", `cannot write ${path} (${(cause as NodeJS.ErrnoException).code ?? "error"})`);
      }
      const [pid, started] = (await readFile(path, "utf8").catch(() => "")).trim().split(" ").map(Number) as [number, number?];
      if (pid > 0 && pid !== process.pid && (await holdsLock(pid, started))) {
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

/** The lock names its process by pid and start time, so a later process given the same pid is not taken for it. */
function lockText(pid: number): string {
  const stat = procStat(pid);
  return stat === null || stat === "gone" ? String(pid) : `${pid} ${stat.started}`;
}

/**
 * Whether the process that wrote the lock still runs: its pid is alive, not a zombie (exited, not yet
 * reaped: it holds nothing), and, where /proc tells, started when the lock says (else the pid was reused).
 */
async function holdsLock(pid: number, started: number | undefined): Promise<boolean> {
  const stat = procStat(pid);
  if (stat === null) return isAlive(pid); // no /proc (macOS): the signal check is all there is
  if (stat === "gone" || stat.state === "Z" || stat.state === "X") return false;
  return started === undefined || Number.isNaN(started) || stat.started === started;
}

/** A process's state and start time (clock ticks after boot) from /proc/PID/stat; "gone" when it has none; null without /proc. */
function procStat(pid: number): { state: string; started: number } | "gone" | null {
  if (!existsSync("/proc/self/stat")) return null;
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return "gone";
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields are counted after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const started = Number(fields[19]);
  return Number.isFinite(started) ? { state: fields[0] ?? "", started } : "gone";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}
