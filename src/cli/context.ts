import type { CoachDeps } from "../coaching/coach.js";
import { createLlm } from "../llm/client.js";
import { loadPrompts } from "../llm/prompt-store.js";
import { loadConfig, type Config } from "../config.js";
import type { Db } from "../storage/db.js";
import { openStorage } from "../storage/open-storage.js";
import { purgeExpiredTranscripts } from "../storage/retention.js";
import { UsageError, type CliIo } from "./io.js";

/** What commands share: the parsed configuration, and storage and the coach when a command asks. */
export interface CliContext {
  config: Readonly<Config>;
  coachDeps(): Promise<CoachDeps>;
  /** Opens (and migrates) the database once, purging expired transcripts; closed by close(). */
  db(): Promise<Db>;
  close(): Promise<void>;
}

export function createContext(io: CliIo): CliContext {
  const loaded = loadConfig(io.env);
  if (!loaded.ok) throw new UsageError(`configuration: ${loaded.problems.join("; ")}`);
  const config = loaded.config;
  let db: Db | null = null;
  return {
    config,
    async coachDeps() {
      if (!config.llm) return { llm: null, prompts: null };
      const prompts = await loadPrompts(config.promptsDir);
      if (!prompts.ok) throw new UsageError(prompts.error.message);
      return { llm: createLlm(config.llm), prompts: prompts.value };
    },
    async db() {
      if (db) return db;
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
