import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * The ingest token as /live/ingest takes it: only in `Authorization: Bearer <token>` (the scheme in any
 * case), never in the address, where proxies log it.
 */
export function bearerToken(req: IncomingMessage): string | null {
  return /^bearer[ \t]+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1] ?? null;
}

/** Recall.ai without its secret: the bearer header, or `?token=` (Recall.ai's query-parameter method; Recall only). */
export function recallToken(req: IncomingMessage, url: URL): string | null {
  return bearerToken(req) ?? url.searchParams.get("token");
}

/** Compares secrets in constant time (hashes first, so lengths do not leak either). */
export function sameSecret(given: string | null, expected: string | undefined): boolean {
  if (given === null || !expected) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Who knocked, for the one warn line a refused authentication leaves (no token, no header values). */
export function caller(req: IncomingMessage, url: URL): { path: string; remote: string } {
  return { path: url.pathname, remote: req.socket.remoteAddress ?? "unknown" };
}

/** Open sockets per remote address, at most `max` each: one client cannot hold every meeting slot. */
export function connectionCounter(max: number) {
  const open = new Map<string, number>();
  return {
    max,
    /** Counts one more socket for the address; false (and nothing counted) when it already has `max`. */
    take(address: string): boolean {
      const n = open.get(address) ?? 0;
      if (n >= max) return false;
      open.set(address, n + 1);
      return true;
    },
    give(address: string): void {
      const n = (open.get(address) ?? 1) - 1;
      if (n <= 0) open.delete(address);
      else open.set(address, n);
    },
  };
}
