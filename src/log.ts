import pino, { type Logger } from "pino";

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

/**
 * The root logger: JSON lines to stderr (stdout stays clean for command output). An error goes under `err`
 * as it is (`log.error({ err }, "…")`): pino's serializer writes its type, message and stack, and those of
 * its `cause` chain.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { app: "attune" },
      serializers: { err: pino.stdSerializers.errWithCause },
    },
    destination,
  );
}
