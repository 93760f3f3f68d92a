import type { NextFunction, Request, Response } from "express";

/** The names a local-mode Attune is reached by; a browser sends one of them, with the port, as `Host`. */
const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

/**
 * DNS rebinding: a page on attacker.example can point its own name at 127.0.0.1 and then call the local
 * server as same-origin. Its requests still carry `Host: attacker.example` (and its Origin), so local mode
 * answers only the loopback names it serves, on its own port: 421 for another Host, 403 for another Origin.
 */
export function loopbackHostOnly(req: Request, res: Response, next: NextFunction): void {
  const port = req.socket.localPort;
  const hosts = new Set(LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`])));
  const host = (req.headers.host ?? "").toLowerCase();
  const here = `http://127.0.0.1:${port}`;
  if (!hosts.has(host)) {
    res.status(421).json({ error: `Host '${shown(host)}' is not an address this local Attune serves; open ${here}/` });
    return;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && ![...hosts].some((h) => origin.toLowerCase() === `http://${h}`)) {
    res.status(403).json({ error: `requests from the page at '${shown(origin)}' are refused; local mode answers pages of ${here} only` });
    return;
  }
  next();
}

function shown(value: string): string {
  const flat = value.replace(/[^\x20-\x7e]/g, "?");
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
