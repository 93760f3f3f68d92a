import { cp, mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A freshly initialised embedded database, made once by the build (`attune db template`) and copied into a
 * new data folder. PGlite's own first start runs initdb in WebAssembly: seconds of CPU and about 800 MB of
 * memory that the process keeps. Copying the folder it produced is a file copy. A template belongs to one
 * PGlite version (its folder is named after it); without one, PGlite initialises the folder itself.
 */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  // …/node_modules/@electric-sql/pglite/dist/index.cjs → …/node_modules/@electric-sql/pglite/package.json
  const manifest = createRequire(import.meta.url)(join(dirname(dirname(entry)), "package.json")) as { version: string };
  return manifest.version;
}

/** dist/pglite-template/<version>/ from the package root (two folders up from src/storage and dist/storage). */
export function defaultTemplateDir(): string {
  return fileURLToPath(new URL(`../../dist/pglite-template/${pgliteVersion()}/`, import.meta.url));
}

/** Whether a folder holds a PostgreSQL data directory (its PG_VERSION file). */
export async function holdsDatabase(dir: string): Promise<boolean> {
  return stat(join(dir, "PG_VERSION")).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Copies the template into `pgdata` (which must not hold a database yet). False when there is no template. */
export async function copyTemplate(template: string, pgdata: string): Promise<boolean> {
  if (!(await holdsDatabase(template))) return false;
  await cp(template, pgdata, { recursive: true, errorOnExist: false });
  return true;
}

/**
 * Makes the template: initialises a database in a temporary folder beside it and renames it into place, so
 * a build that stops halfway leaves no half template. Returns false when one was already there.
 */
export async function makeTemplate(template: string, initialise: (pgdata: string) => Promise<void>): Promise<boolean> {
  if (await holdsDatabase(template)) return false;
  const parent = dirname(template.replace(/\/+$/, ""));
  await mkdir(parent, { recursive: true });
  const work = await mkdtemp(join(parent, ".making-"));
  try {
    await initialise(join(work, "pgdata"));
    await rm(template, { recursive: true, force: true });
    await rename(join(work, "pgdata"), template);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return true;
}
