import { fail } from "../result.js";
import type { Db, OpenResult } from "./db.js";
import { migrate } from "./migrate.js";

export interface StorageConfig {
  /** PostgreSQL when set; otherwise the embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  sslCaFile?: string | undefined;
}

/** Opens the configured database and brings its schema up to date. Only the driver in use is loaded. */
export async function openStorage(config: StorageConfig, options: { migrate?: boolean } = {}): Promise<OpenResult<Db>> {
  const opened = config.databaseUrl
    ? await (await import("./open-postgres.js")).openPostgres({ url: config.databaseUrl, sslCaFile: config.sslCaFile })
    : await (await import("./open-pglite.js")).openPglite(config.dataDir);
  if (!opened.ok || options.migrate === false) return opened;
  try {
    await migrate(opened.value);
  } catch (cause) {
    await opened.value.close();
    return fail("migration", `cannot bring the database schema up to date: ${(cause as Error).message.split("\n")[0]}`);
  }
  return opened;
}
