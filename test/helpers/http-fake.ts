import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

/** The test certificate authority (a self-signed certificate for 127.0.0.1); vitest.config.ts makes the test processes trust it. */
export const TEST_CA = readFileSync(new URL("../fixtures/tls/server-cert.pem", import.meta.url));

export type Reply = { status: number; body?: unknown; text?: string; headers?: Record<string, string> } | { hang: true };
export type Route = (req: Recorded) => Reply | Promise<Reply> | null;

/** A tiny HTTP server on 127.0.0.1 that records every request and answers from a list of routes. */
export class HttpFake {
  readonly requests: Recorded[] = [];
  private readonly routes: Route[] = [];
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  port = 0;
  private readonly scheme: "http" | "https";

  /** `tls`: serve https with the test certificate of test/fixtures/tls/ (which the test processes trust). */
  constructor(options: { tls?: boolean } = {}) {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.scheme = options.tls ? "https" : "http";
    this.server = options.tls
      ? createTlsServer({ key: readFileSync(new URL("../fixtures/tls/server-key.pem", import.meta.url)), cert: TEST_CA }, handler)
      : createServer(handler);
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `${this.scheme}://127.0.0.1:${this.port}`;
  }

  /** Routes added later are tried first. */
  route(route: Route): void {
    this.routes.unshift(route);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = raw;
    if (raw && /json/.test(req.headers["content-type"] ?? "")) body = JSON.parse(raw);
    else if (raw && /x-www-form-urlencoded/.test(req.headers["content-type"] ?? "")) body = Object.fromEntries(new URLSearchParams(raw));
    const recorded: Recorded = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body };
    this.requests.push(recorded);
    for (const route of this.routes) {
      const reply = await route(recorded);
      if (!reply) continue;
      if ("hang" in reply) {
        this.hanging.add(res);
        return;
      }
      const headers = { "content-type": reply.text !== undefined ? "text/plain" : "application/json", ...reply.headers };
      res.writeHead(reply.status, headers).end(reply.text ?? (reply.body === undefined ? "" : JSON.stringify(reply.body)));
      return;
    }
    res
      .writeHead(404, { "content-type": "application/json" })
      .end(JSON.stringify({ error: { code: "NotFound", message: `no fake route for ${req.method} ${req.url}` } }));
  }
}
