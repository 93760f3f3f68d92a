import { fileURLToPath } from "node:url";
import { type Env, envSchema, type NUDGE_KINDS } from "./env-schema.js";

/** The package's own prompts folder, used unless ATTUNE_PROMPTS_DIR points elsewhere. */
export const bundledPromptsDir = fileURLToPath(new URL("../prompts/", import.meta.url));

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

export interface BotSettings {
  /** null in local mode: Bot Framework authentication off, bound to 127.0.0.1. */
  appId: string | null;
  appPassword: string | undefined;
  appType: "SingleTenant" | "UserAssignedMsi" | "MultiTenant";
  tenantId: string | undefined;
  /** Test and sovereign-cloud overrides of where channel tokens are checked. */
  openIdMetadataUrl: string | undefined;
  tokenIssuer: string | undefined;
  /** Where the bot gets its tokens for the Bot Connector (test and private-cloud override). */
  loginUrl?: string | undefined;
  /** Each call to the Bot Connector (and its token) is given up after this long; the job retries later. */
  connectorTimeoutMs?: number | undefined;
}

export interface GraphSettings {
  baseUrl: string;
  authorityHost: string;
  /** How Attune signs in to Graph: an app registration's secret or certificate, or a managed identity. */
  credential: "client-secret" | "certificate" | "managed-identity";
  clientId: string | undefined;
  clientSecret: string | undefined;
  tenantId: string | undefined;
  /** A PEM file with the certificate and its private key (credential "certificate"). */
  certificatePath: string | undefined;
  /** A user-assigned managed identity's client id; unset with "managed-identity": the system-assigned one. */
  managedIdentityClientId: string | undefined;
  /** How long after a meeting to keep looking for its transcript, and how often. */
  transcriptWaitMs: number;
  transcriptPollMs: number;
  /** Each call to Graph or its sign-in service is given up after this long. */
  requestTimeoutMs?: number | undefined;
}

export interface ServerSettings {
  /** A worker that dies mid-job loses its claim after this long; another resumes the job. */
  jobLeaseMs: number;
  port: number;
  host: string;
  publicBaseUrl: string | undefined;
}

export interface LiveSettings {
  /** Unset: /live/ingest refuses every connection and says live ingest is off. */
  ingestToken: string | undefined;
  /** Recall.ai's verification secret: its events' signatures are checked. */
  recallSecret: string | undefined;
  /** Several instances share live meetings through this Redis; unset: one instance, in-process. */
  redisUrl: string | undefined;
  idleMs: number;
  snapshotEveryMs: number;
  maxMeetings: number;
  framesPerSecond: number;
  monologueMs: number;
  silentMs: number;
  maxNudges: number;
  nudgesOff: (typeof NUDGE_KINDS)[number][];
  /** Opt-in: the strongest nudges also as a targeted in-meeting notification to the organizer. */
  meetingNotifications: boolean;
}

export interface Config {
  /** null when no model is configured: the heuristic coach is used. */
  llm: LlmConfig | null;
  storage: StorageSettings;
  bot: BotSettings;
  graph: GraphSettings;
  server: ServerSettings;
  live: LiveSettings;
  promptsDir: string;
  logLevel: Env["LOG_LEVEL"];
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
  const problems = botProblems(e);
  if (problems.length > 0) return { ok: false, problems };
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
    bot: {
      appId: e.MicrosoftAppId ?? null,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      openIdMetadataUrl: e.BOTFRAMEWORK_OPENID_METADATA_URL,
      tokenIssuer: e.BOTFRAMEWORK_TOKEN_ISSUER,
      loginUrl: e.BOTFRAMEWORK_LOGIN_URL,
      connectorTimeoutMs: Math.round(e.ATTUNE_OUTBOUND_TIMEOUT_SECONDS * 1000),
    },
    graph: {
      baseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ""),
      authorityHost: e.AUTHORITY_HOST.replace(/\/+$/, ""),
      credential: graphCredential(e),
      clientId: e.GRAPH_CLIENT_ID ?? e.MicrosoftAppId,
      clientSecret: e.GRAPH_CLIENT_SECRET ?? e.MicrosoftAppPassword,
      tenantId: e.GRAPH_TENANT_ID ?? e.MicrosoftAppTenantId,
      certificatePath: e.GRAPH_CLIENT_CERTIFICATE_PATH,
      // A bot of type UserAssignedMsi is that identity: its app id is the identity's client id.
      managedIdentityClientId:
        e.GRAPH_MANAGED_IDENTITY_CLIENT_ID ?? (e.MicrosoftAppType === "UserAssignedMsi" ? e.MicrosoftAppId : undefined),
      transcriptWaitMs: Math.round(e.ATTUNE_TRANSCRIPT_WAIT_MINUTES * 60_000),
      transcriptPollMs: e.ATTUNE_TRANSCRIPT_POLL_SECONDS * 1000,
      requestTimeoutMs: Math.round(e.ATTUNE_OUTBOUND_TIMEOUT_SECONDS * 1000),
    },
    server: {
      jobLeaseMs: e.ATTUNE_JOB_LEASE_SECONDS * 1000,
      port: e.PORT,
      // Local mode (no app id) never listens beyond this machine: Bot Framework auth is off there.
      host: e.MicrosoftAppId ? (e.HOST ?? "0.0.0.0") : "127.0.0.1",
      publicBaseUrl: e.PUBLIC_BASE_URL,
    },
    live: {
      ingestToken: e.ATTUNE_LIVE_INGEST_TOKEN,
      recallSecret: e.ATTUNE_RECALL_SECRET,
      redisUrl: e.REDIS_URL,
      idleMs: Math.round(e.ATTUNE_LIVE_IDLE_MINUTES * 60_000),
      snapshotEveryMs: e.ATTUNE_LIVE_SNAPSHOT_SECONDS * 1000,
      maxMeetings: e.ATTUNE_LIVE_MAX_MEETINGS,
      framesPerSecond: e.ATTUNE_LIVE_FRAMES_PER_SECOND,
      monologueMs: e.ATTUNE_LIVE_MONOLOGUE_SECONDS * 1000,
      silentMs: Math.round(e.ATTUNE_LIVE_SILENT_MINUTES * 60_000),
      maxNudges: e.ATTUNE_LIVE_MAX_NUDGES,
      nudgesOff: e.ATTUNE_LIVE_NUDGES_OFF,
      meetingNotifications: e.ATTUNE_LIVE_MEETING_NOTIFICATIONS === "on",
    },
    promptsDir: e.ATTUNE_PROMPTS_DIR ?? bundledPromptsDir,
    logLevel: e.LOG_LEVEL,
  };
  return { ok: true, config: Object.freeze(config) };
}

/**
 * GRAPH_CREDENTIAL when set; otherwise a certificate when one is given, a secret when there is one, and the
 * bot's managed identity for a UserAssignedMsi bot (which has no secret).
 */
function graphCredential(e: Env): GraphSettings["credential"] {
  if (e.GRAPH_CREDENTIAL) return e.GRAPH_CREDENTIAL;
  if (e.GRAPH_CLIENT_CERTIFICATE_PATH) return "certificate";
  if (e.GRAPH_CLIENT_SECRET ?? e.MicrosoftAppPassword) return "client-secret";
  return e.MicrosoftAppType === "UserAssignedMsi" && e.MicrosoftAppId ? "managed-identity" : "client-secret";
}

function botProblems(e: Env): string[] {
  const problems: string[] = [];
  if (e.GRAPH_CREDENTIAL === "certificate" && !e.GRAPH_CLIENT_CERTIFICATE_PATH)
    problems.push(
      "GRAPH_CLIENT_CERTIFICATE_PATH: required with GRAPH_CREDENTIAL=certificate (a PEM file with the certificate and its key)",
    );
  if (e.ATTUNE_LIVE_MEETING_NOTIFICATIONS === "on" && !e.MicrosoftAppId)
    problems.push(
      "ATTUNE_LIVE_MEETING_NOTIFICATIONS: in-meeting notifications go through the Teams bot; set MicrosoftAppId or leave it off",
    );
  if (!e.MicrosoftAppId) {
    if (e.HOST && e.HOST !== "127.0.0.1" && e.HOST !== "localhost")
      problems.push("HOST: local mode (no MicrosoftAppId) only listens on 127.0.0.1; set MicrosoftAppId to listen elsewhere");
    return problems;
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(e.MicrosoftAppId))
    problems.push("MicrosoftAppId: must be the bot's application (client) id, a GUID");
  if (e.MicrosoftAppType !== "MultiTenant" && !e.MicrosoftAppTenantId)
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${e.MicrosoftAppType}`);
  if (e.MicrosoftAppType !== "UserAssignedMsi" && !e.MicrosoftAppPassword)
    problems.push("MicrosoftAppPassword: required with a MicrosoftAppId (the bot's client secret)");
  if (e.PUBLIC_BASE_URL && !e.PUBLIC_BASE_URL.startsWith("https:"))
    problems.push("PUBLIC_BASE_URL: must be an https URL (Teams calls the bot and loads the side panel over https only)");
  if (!e.PUBLIC_BASE_URL) problems.push("PUBLIC_BASE_URL: required with a MicrosoftAppId (the https address Teams reaches Attune at)");
  return problems;
}
