import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface EarlyServer {
  server: Server;
  /** Hands every later request (and WebSocket upgrade) to the app. */
  serve(app: RequestHandler, upgrade: UpgradeHandler): void;
  close(): Promise<void>;
}

/**
 * Listens before the rest of Attune has started, so a port clash is known at once and a process manager sees
 * the process alive: until `serve` is called, /healthz answers 200 (the process is up) and everything else
 * 503 with Retry-After (not ready: /readyz says so too). Resolves with the listen error instead of throwing.
 */
export async function listenEarly(
  port: number,
  host: string,
): Promise<{ ok: true; value: EarlyServer } | { ok: false; error: NodeJS.ErrnoException }> {
  const starting: RequestHandler = (req, res) => {
    const up = req.method === "GET" && req.url === "/healthz";
    res.writeHead(up ? 200 : 503, { "content-type": "application/json", ...(!up && { "retry-after": "1" }) });
    res.end(JSON.stringify(up ? { ok: true, starting: true } : { ok: false, error: "starting" }));
  };
  const refuseUpgrade: UpgradeHandler = (_req, socket) => {
    socket.end("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n\r\n");
  };
  const server = createServer(starting);
  // Node takes its own 'error' listener off a socket it hands to 'upgrade': a reset during the handshake would
  // otherwise be an unhandled 'error' that ends the process. Whoever takes the socket adds their own after this.
  server.on("upgrade", (_req: IncomingMessage, socket: Duplex) => {
    socket.on("error", () => socket.destroy());
  });
  server.on("upgrade", refuseUpgrade);
  const failed = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    server.once("listening", () => resolve(null));
    server.once("error", resolve);
    server.listen(port, host);
  });
  if (failed) return { ok: false, error: failed };
  return {
    ok: true,
    value: {
      server,
      serve(app, upgrade) {
        server.off("request", starting).on("request", app);
        server.off("upgrade", refuseUpgrade).on("upgrade", upgrade);
      },
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    },
  };
}
