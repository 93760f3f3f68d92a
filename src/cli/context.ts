import type { CoachDeps } from "../coaching/coach.js";
import { loadConfig, type Config } from "../config.js";
import type { Db } from "../storage/db.js";
import { UsageError, type CliIo } from "./io.js";

/** What commands share: the parsed configuration, and storage and the coach when a command asks. */
export interface CliContext {
  config: Readonly<Config>;
  coachDeps(): Promise<CoachDeps>;
  /** Opens (and migrates) the database once, purging expired transcripts; closed by close(). */
  db(): Promise<Db>;
  close(): Promise<void>;
}

/** The model client and the database drivers are imported when a command first asks for them, not at start-up. */
export function createContext(io: CliIo): CliContext {
  const loaded = loadConfig(io.env);
  if (!loaded.ok) throw new UsageError(`configuration: ${loaded.problems.join("; ")}`);
  const config = loaded.config;
  let db: Db | null = null;
  return {
    config,
    async coachDeps() {
      if (!config.llm) return { llm: null, prompts: null };
      const [{ createLlm }, { loadPrompts }] = await Promise.all([import("../llm/client.js"), import("../llm/prompt-store.js")]);
      const prompts = await loadPrompts(config.promptsDir);
      if (!prompts.ok) throw new UsageError(prompts.error.message);
      return { llm: createLlm(config.llm), prompts: prompts.value };
    },
    async db() {
      if (db) return db;
      const [{ openStorage }, { purgeExpiredTranscripts }] = await Promise.all([
        import("../storage/open-storage.js"),
        import("../storage/retention.js"),
      ]);
      const opened = await openStorage(config.storage);
      if (!opened.ok) throw new UsageError(opened.error.message);
      db = opened.value;
      await purgeExpiredTranscripts(db);
      return db;
    },
    async close() {
      await db?.close();
      db = null;
    },
  };
}
