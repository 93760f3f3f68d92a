import { backoffMs } from "../jobs/backoff.js";

const RETRYABLE = new Set([412, 429, 502, 504]);

/**
 * Retries a Bot Connector call that failed with 429, 412, 502 or 504, with exponential backoff and jitter
 * (honouring Retry-After when the service sends it). Other failures are thrown at once. `stopping` (shutdown)
 * ends a wait between attempts at once: the next attempt then fails as aborted.
 */
export async function withConnectorRetry<T>(call: () => Promise<T>, attempts = 5, baseMs = 500, stopping?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= attempts || status === null || !RETRYABLE.has(status)) throw error;
      const retryAfter = retryAfterMs(error);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, retryAfter ?? backoffMs(attempt, baseMs, 30_000));
        function done() {
          clearTimeout(timer);
          stopping?.removeEventListener("abort", done);
          resolve();
        }
        stopping?.addEventListener("abort", done, { once: true });
      });
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

/**
 * What a failed outbound call says about itself that is safe to log: its HTTP status, else the error's code
 * (ECONNREFUSED, an MSAL error code) or name. Never its message: botbuilder puts the response body there,
 * which can be a whole HTML error page.
 */
export function connectorProblem(error: unknown): { status: number | null; error: string } {
  const status = statusOf(error);
  const e = error as { code?: unknown; errorCode?: unknown; name?: unknown; cause?: { code?: unknown } } | null;
  const code = [e?.code, e?.errorCode, e?.cause?.code, e?.name].find((v) => typeof v === "string" && /^[\w.:-]{1,60}$/.test(v));
  return { status, error: status !== null ? `HTTP ${status}` : ((code as string | undefined) ?? "no answer") };
}

/** A failed outbound call, one line for logs and job errors: the operation and its status or code. */
export function describeProblem(operation: string, error: unknown): string {
  const { status, error: what } = connectorProblem(error);
  return status !== null ? `${operation} answered ${status}` : `${operation} got no answer (${what})`;
}
