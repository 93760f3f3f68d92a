import { backoffMs } from "../jobs/backoff.js";

const RETRYABLE = new Set([412, 429, 502, 504]);

/**
 * Retries a Bot Connector call that failed with 429, 412, 502 or 504, with exponential backoff and jitter
 * (honouring Retry-After when the service sends it). Other failures are thrown at once.
 */
export async function withConnectorRetry<T>(call: () => Promise<T>, attempts = 5, baseMs = 500): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= attempts || status === null || !RETRYABLE.has(status)) throw error;
      const retryAfter = retryAfterMs(error);
      await new Promise((resolve) => setTimeout(resolve, retryAfter ?? backoffMs(attempt, baseMs, 30_000)));
    }
  }
}

export function statusOf(error: unknown): number | null {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const status = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof status === "number" ? status : null;
}

function retryAfterMs(error: unknown): number | null {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } } | null)?.response?.headers;
  const value = headers?.get?.("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= 60 ? seconds * 1000 : null;
}
