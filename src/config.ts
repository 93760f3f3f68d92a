import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The package's own prompts folder, used unless ATTUNE_PROMPTS_DIR points elsewhere. */
export const bundledPromptsDir = fileURLToPath(new URL("../prompts/", import.meta.url));

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const url = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional());
const positiveInt = (fallback: number) => z.preprocess(blankToUndefined, z.coerce.number().int().positive().default(fallback));

/** Every environment variable Attune reads. Nothing else in the code reads process.env. */
export const envSchema = z.object({
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url,
  OPENAI_MODEL: optionalString,
  OPENAI_TIMEOUT_MS: positiveInt(30_000),
  OPENAI_MAX_RETRIES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(10).default(3)),
  ATTUNE_PROMPTS_DIR: optionalString,
  DATABASE_URL: z.preprocess(blankToUndefined, z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional()),
  DATABASE_SSL_CA: optionalString,
  ATTUNE_DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
  ATTUNE_TRANSCRIPT_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3650).default(30)),
  ATTUNE_TENANT: z.preprocess(blankToUndefined, z.string().default("local")),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
});

export interface LlmConfig {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

export interface StorageSettings {
  /** PostgreSQL when set; otherwise embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  sslCaFile: string | undefined;
  dataDir: string;
  retentionDays: number;
  /** The tenant CLI-saved meetings belong to. */
  tenant: string;
}

export interface Config {
  /** null when no model is configured: the heuristic coach is used. */
  llm: LlmConfig | null;
  storage: StorageSettings;
  promptsDir: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
}

export const DEFAULT_MODEL = "gpt-4.1-mini";

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; problems: string[] };

/** Parses the environment once. Problems come back as a list a person can act on, one line each. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  }
  const e = parsed.data;
  const llmWanted = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  const config: Config = {
    llm: llmWanted
      ? {
          // Local servers (Ollama, llama.cpp, vLLM) need no key; the client still wants one.
          apiKey: e.OPENAI_API_KEY ?? "not-needed",
          baseURL: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL ?? DEFAULT_MODEL,
          timeoutMs: e.OPENAI_TIMEOUT_MS,
          maxRetries: e.OPENAI_MAX_RETRIES,
        }
      : null,
    storage: {
      databaseUrl: e.DATABASE_URL,
      sslCaFile: e.DATABASE_SSL_CA,
      dataDir: e.ATTUNE_DATA_DIR,
      retentionDays: e.ATTUNE_TRANSCRIPT_RETENTION_DAYS,
      tenant: e.ATTUNE_TENANT,
    },
    promptsDir: e.ATTUNE_PROMPTS_DIR ?? bundledPromptsDir,
    logLevel: e.LOG_LEVEL,
  };
  return { ok: true, config: Object.freeze(config) };
}
