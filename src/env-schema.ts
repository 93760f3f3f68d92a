import { z } from "zod";

/**
 * The environment Attune reads, as a schema: every variable, its default and what a bad value is told. The
 * configuration (config.ts) is made from what this parses; nothing else reads the environment.
 */

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const url = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional());
const httpsUrl = (fallback: string, why: string) =>
  z.preprocess(blankToUndefined, z.url({ protocol: /^https$/, error: `must be an https URL (${why})` }).default(fallback));
const positiveInt = (fallback: number) => z.preprocess(blankToUndefined, z.coerce.number().int().positive().default(fallback));

/** Live nudge kinds, as ATTUNE_LIVE_NUDGES_OFF names them (src/live/protocol.ts has the same list). */
export const NUDGE_KINDS = ["share", "one-on-one-share", "monologue", "silent", "interruptions"] as const;

/** Every environment variable Attune reads. Nothing else in the code reads process.env. */
export const envSchema = z.object({
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url,
  OPENAI_MODEL: optionalString,
  OPENAI_TIMEOUT_MS: positiveInt(30_000),
  OPENAI_MAX_RETRIES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(10).default(3)),
  ATTUNE_PROMPTS_DIR: optionalString,
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
  ),
  DATABASE_SSL_CA: optionalString,
  ATTUNE_DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
  ATTUNE_TRANSCRIPT_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3650).default(30)),
  ATTUNE_TENANT: z.preprocess(blankToUndefined, z.string().default("local")),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(["SingleTenant", "UserAssignedMsi", "MultiTenant"]).default("SingleTenant")),
  MicrosoftAppTenantId: optionalString,
  PUBLIC_BASE_URL: url,
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: optionalString,
  GRAPH_BASE_URL: httpsUrl("https://graph.microsoft.com/v1.0", "Graph is sent an app token"),
  AUTHORITY_HOST: httpsUrl("https://login.microsoftonline.com", "the identity library signs in over https only"),
  GRAPH_CLIENT_ID: optionalString,
  GRAPH_CLIENT_SECRET: optionalString,
  GRAPH_TENANT_ID: optionalString,
  GRAPH_CREDENTIAL: z.preprocess(blankToUndefined, z.enum(["client-secret", "certificate", "managed-identity"]).optional()),
  GRAPH_CLIENT_CERTIFICATE_PATH: optionalString,
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: optionalString,
  BOTFRAMEWORK_OPENID_METADATA_URL: url,
  BOTFRAMEWORK_TOKEN_ISSUER: optionalString,
  BOTFRAMEWORK_LOGIN_URL: url,
  ATTUNE_TRANSCRIPT_WAIT_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().positive().default(120)),
  ATTUNE_TRANSCRIPT_POLL_SECONDS: positiveInt(60),
  ATTUNE_JOB_LEASE_SECONDS: positiveInt(120),
  ATTUNE_OUTBOUND_TIMEOUT_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().positive().max(600).default(20)),
  ATTUNE_LIVE_INGEST_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().min(16, "must be at least 16 characters (a long random string)").optional(),
  ),
  ATTUNE_RECALL_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]+$/, "must be Recall.ai's verification secret (whsec_…)")
      .optional(),
  ),
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
  ),
  ATTUNE_LIVE_IDLE_MINUTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(30),
  ),
  ATTUNE_LIVE_SNAPSHOT_SECONDS: positiveInt(10),
  ATTUNE_LIVE_MAX_MEETINGS: positiveInt(5000),
  ATTUNE_LIVE_FRAMES_PER_SECOND: positiveInt(500),
  ATTUNE_LIVE_MONOLOGUE_SECONDS: positiveInt(90),
  ATTUNE_LIVE_SILENT_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().positive().default(15)),
  ATTUNE_LIVE_MAX_NUDGES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100).default(8)),
  ATTUNE_LIVE_NUDGES_OFF: z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : value,
    z.array(z.enum(NUDGE_KINDS, { error: `each must be one of ${NUDGE_KINDS.join(", ")}` })).default([]),
  ),
  ATTUNE_LIVE_MEETING_NOTIFICATIONS: z.preprocess(blankToUndefined, z.enum(["on", "off"]).default("off")),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
});

export type Env = z.infer<typeof envSchema>;
