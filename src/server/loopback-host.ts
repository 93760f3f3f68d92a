import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { NextFunction, Request, Response } from "express";

/** The names a local-mode Attune is reached by; a browser sends one of them, with the port, as `Host`. */
const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

/**
 * DNS rebinding: a page on attacker.example can point its own name at 127.0.0.1 and then call the local
 * server as same-origin. Its requests still carry `Host: attacker.example` (and its Origin), so local mode
 * answers only the loopback names it serves, on its own port: 421 for another Host, 403 for another Origin.
 */
export function loopbackHostProblem(req: IncomingMessage): { status: 421 | 403; message: string } | null {
  const port = req.socket.localPort;
  const hosts = new Set(LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`])));
  const host = (req.headers.host ?? "").toLowerCase();
  const here = `http://127.0.0.1:${port}`;
  if (!hosts.has(host)) return { status: 421, message: `Host '${shown(host)}' is not an address this local Attune serves; open ${here}/` };
  const origin = req.headers.origin;
  if (origin !== undefined && ![...hosts].some((h) => origin.toLowerCase() === `http://${h}`))
    return { status: 403, message: `requests from the page at '${shown(origin)}' are refused; local mode answers pages of ${here} only` };
  return null;
}

/** The check as express middleware, for every page and API after it. */
export function loopbackHostOnly(req: Request, res: Response, next: NextFunction): void {
  const problem = loopbackHostProblem(req);
  if (problem) res.status(problem.status).json({ error: problem.message });
  else next();
}

/** The check in front of WebSocket upgrades (the side panel and ingest sockets). */
export function loopbackUpgradesOnly(
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    const problem = loopbackHostProblem(req);
    if (!problem) return upgrade(req, socket, head);
    const reason = problem.status === 421 ? "Misdirected Request" : "Forbidden";
    socket.end(`HTTP/1.1 ${problem.status} ${reason}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${problem.message}\n`);
  };
}

function shown(value: string): string {
  const flat = value.replace(/[^\x20-\x7e]/g, "?");
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
