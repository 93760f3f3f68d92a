import pino, { type Logger } from "pino";
import { humanDestination } from "./log-lines.js";

export type { Logger };

/**
 * Paths that must never reach a log: secrets, and anything that could carry what people said.
 * Log objects name ids and counts, never utterance text.
 */
export const REDACT_PATHS = [
  "apiKey",
  "*.apiKey",
  "password",
  "*.password",
  "secret",
  "*.secret",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  "*.headers.authorization",
  "text",
  "*.text",
  "quote",
  "*.quote",
  "suggestion",
  "*.suggestion",
  "transcript",
  "*.transcript",
  "utterances",
  "*.utterances",
];

/** How the server logs: JSON lines (for a log collector) or short human lines (for a terminal). */
export type LogFormat = "json" | "human";

/** JSON unless stderr is a terminal: a service manager, a container or a pipe gets JSON lines. */
export function defaultLogFormat(stderrIsTty: boolean | undefined = process.stderr.isTTY): LogFormat {
  return stderrIsTty ? "human" : "json";
}

/**
 * The root logger: JSON lines to stderr (stdout stays clean for command output), or with `format: "human"`
 * short lines for a person (src/log-lines.ts). An error goes under `err` as it is (`log.error({ err }, "…")`):
 * pino's serializer writes its type, message and stack, and those of its `cause` chain.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2), format: LogFormat = "json"): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { app: "attune" },
      serializers: { err: pino.stdSerializers.errWithCause },
    },
    format === "human" ? humanDestination((text) => destination.write(text)) : destination,
  );
}

type ConsoleMethod = "error" | "warn" | "info" | "log" | "debug" | "trace";
const CONSOLE_LEVELS: Record<ConsoleMethod, "error" | "warn" | "info" | "debug"> = {
  error: "error",
  warn: "warn",
  info: "info",
  log: "info",
  debug: "debug",
  trace: "debug",
};
/** A JWT (three base64url parts, the first `eyJ`), a bearer credential or a PEM key, wherever it appears. */
const CREDENTIALS =
  /\beyJ[\w-]*\.[\w-]+\.[\w-]*|\b(Bearer|Basic)\s+[\w.~+/=-]+|-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)/gi;
/** What botbuilder prints about a request it refuses for its token: the HTTP log has that request already. */
const REFUSED_NAMES = new Set(["AuthenticationError", "TokenExpiredError", "JsonWebTokenError", "NotBeforeError"]);
const REFUSED_TEXT = /^(BadRequest\b|Error finding key for token\b)/;

/** Text with credentials and the given secret values replaced by `[redacted]`, on one line. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(CREDENTIALS, (_m, scheme?: string) => (scheme ? `${scheme} [redacted]` : "[redacted]"));
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join("[redacted]");
  return out;
}

interface ConsoleRoute {
  log: Logger;
  secrets: readonly string[];
  /** Only calls whose stack matches (the library's own files); others print as before. */
  from: RegExp | null;
}

/** Calls made from botbuilder's or botframework-connector's files. */
export const FROM_BOTBUILDER = /[\\/]node_modules[\\/](botbuilder[^\\/]*|botframework-[^\\/]+)[\\/]/;
const routes: ConsoleRoute[] = [];
let original: Pick<Console, ConsoleMethod> | null = null;

/**
 * Sends what libraries print with `console.*` (botbuilder prints a rejected request's whole stack trace with
 * `console.error`) to `log` instead (with `options.from`, only calls from the files it matches): one JSON
 * line at the matching level, errors through the serializer, credentials and `secrets` redacted. A request refused for its token is already logged by the HTTP log, so
 * botbuilder's report of it goes to debug. Returns the function that stops it (the most recent logger wins
 * while several are routed, as in tests that run two servers).
 */
export function routeConsoleToLog(
  log: Logger,
  secrets: readonly (string | null | undefined)[] = [],
  options: { from?: RegExp } = {},
): () => void {
  const route: ConsoleRoute = {
    log,
    secrets: secrets.filter((s): s is string => typeof s === "string" && s !== ""),
    from: options.from ?? null,
  };
  routes.push(route);
  if (!original) {
    const saved = {
      error: console.error,
      warn: console.warn,
      info: console.info,
      log: console.log,
      debug: console.debug,
      trace: console.trace,
    };
    original = saved;
    for (const method of Object.keys(CONSOLE_LEVELS) as ConsoleMethod[]) {
      console[method] = (...args: unknown[]) => {
        const current = routes[routes.length - 1];
        if (current && (!current.from || current.from.test(new Error().stack ?? "")))
          writeConsoleLine(current, CONSOLE_LEVELS[method], args);
        else saved[method].apply(console, args);
      };
    }
  }
  return () => {
    const at = routes.indexOf(route);
    if (at >= 0) routes.splice(at, 1);
    if (routes.length === 0 && original) {
      Object.assign(console, original);
      original = null;
    }
  };
}

function writeConsoleLine(route: ConsoleRoute, level: "error" | "warn" | "info" | "debug", args: unknown[]): void {
  const error = args.find((a): a is Error => a instanceof Error);
  const refused =
    error !== undefined
      ? REFUSED_NAMES.has(error.name) || (error as { statusCode?: unknown }).statusCode === 401
      : REFUSED_TEXT.test(String(args[0]));
  const at = refused ? "debug" : level;
  const text = scrubSecrets(
    args
      .filter((a) => a !== error)
      .map((a) => (typeof a === "string" ? a : safeJson(a)))
      .join(" ")
      .replace(/\s+/g, " ")
      .trim(),
    route.secrets,
  );
  if (error) {
    const err = new Error(scrubSecrets(error.message, route.secrets));
    err.name = error.name;
    err.stack = scrubSecrets(error.stack ?? "", route.secrets);
    route.log[at]({ source: "console", err }, text || err.message.split("\n")[0] || error.name);
  } else route.log[at]({ source: "console" }, text.slice(0, 2000));
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
