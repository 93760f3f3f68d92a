import { migrate } from "../storage/migrate.js";
import { openStorage } from "../storage/open-storage.js";
import { createContext } from "./context.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";

export const dbUsage = `Usage: attune db migrate
       attune db template

migrate   brings the database schema up to date (the embedded database in ATTUNE_DATA_DIR, or
          DATABASE_URL). Safe to run twice, and from two processes at once. The server also migrates
          at start-up.
template  initialises an empty embedded database once, in dist/pglite-template/ (npm run build does
          this), so that a new data folder is a file copy instead of seconds of initdb.`;

export async function dbCommand(args: string[], io: CliIo): Promise<number> {
  if (args[0] === "--help" || args[0] === "-h") {
    io.stdout(dbUsage);
    return EXIT_OK;
  }
  if (args.length === 1 && args[0] === "template") return templateCommand(io);
  if (args[0] !== "migrate" || args.length !== 1) throw new UsageError("the db command takes one subcommand: migrate or template");
  // the shared context parses the configuration; the database is opened here without migrating, to migrate it
  const { config } = createContext(io);
  const opened = await openStorage(config.storage, { migrate: false });
  if (!opened.ok) throw new UsageError(opened.error.message);
  try {
    const result = await migrate(opened.value);
    io.stdout(
      result.applied.length === 0
        ? `schema is up to date (version ${result.current})`
        : `applied migration ${result.applied.join(", ")}; schema is at version ${result.current}`,
    );
  } finally {
    await opened.value.close();
  }
  return EXIT_OK;
}

async function templateCommand(io: CliIo): Promise<number> {
  const { createPglite } = await import("../storage/open-pglite.js");
  const { defaultTemplateDir, makeTemplate } = await import("../storage/pglite-template.js");
  const template = defaultTemplateDir();
  const made = await makeTemplate(template, async (pgdata) => {
    const pg = await createPglite(pgdata);
    await pg.close();
  });
  io.stdout(made ? `embedded database template made in ${template}` : `embedded database template is ready in ${template}`);
  return EXIT_OK;
}
