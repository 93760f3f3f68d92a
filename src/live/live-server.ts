import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import express, { type Router } from "express";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "../log.js";
import { serveIngest } from "./ingest-socket.js";
import type { LiveHub } from "./live-hub.js";
import type { PanelHub } from "./panel-hub.js";
import { CLOSE } from "./protocol.js";
import { recallContext, takeRecallEvent } from "./recall-intake.js";
import { verifyRecallSignature } from "./recall-signature.js";

export interface LiveServerDeps {
  hub: LiveHub;
  panels: PanelHub;
  log: Logger;
  /** Unset: live ingest is off. */
  ingestToken: string | undefined;
  /** Recall.ai's workspace verification secret; unset: Recall events need the ingest token instead. */
  recallSecret: string | undefined;
  framesPerSecond: number;
  burst: number;
}

export const INGEST_OFF = "live ingest is off on this server: set ATTUNE_LIVE_INGEST_TOKEN to turn it on";

/** The WebSocket endpoints (/live/ingest, /live/panel, /live/recall) and the Recall webhook (POST /live/recall). */
export function createLiveServer(deps: LiveServerDeps): {
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  router: Router;
  close: () => void;
} {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const tokenOk = (req: IncomingMessage, url: URL) => {
    if (!deps.ingestToken) return false;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? url.searchParams.get("token") ?? "";
    return sameSecret(bearer, deps.ingestToken);
  };
  /** Recall: its signature when the secret is configured, else the ingest token (header or ?token=). */
  const recallAllowed = (req: IncomingMessage, url: URL, body: string): { ok: true } | { ok: false; error: string } => {
    if (deps.recallSecret) return verifyRecallSignature(deps.recallSecret, req.headers, body);
    if (!deps.ingestToken) return { ok: false, error: INGEST_OFF };
    return tokenOk(req, url) ? { ok: true } : { ok: false, error: "wrong or missing token" };
  };

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    // Every socket has an 'error' listener: a frame that is not valid UTF-8, over maxPayload or with a bad opcode
    // closes that socket (ws sends 1007, 1009 or 1002) and is logged, never an unhandled 'error' that ends the process.
    const accept = (then: (ws: WebSocket) => void) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on("error", (error) =>
          deps.log.warn({ path: url.pathname, err: { message: error.message } }, "live socket closed on a bad frame"),
        );
        then(ws);
      });
    if (url.pathname === "/live/ingest") {
      accept((ws) => {
        if (!deps.ingestToken) return ws.close(CLOSE.unavailable, INGEST_OFF);
        if (!tokenOk(req, url))
          return ws.close(CLOSE.unauthenticated, "wrong or missing token: send Authorization: Bearer <ATTUNE_LIVE_INGEST_TOKEN>");
        serveIngest(ws, deps.hub, deps.log, { framesPerSecond: deps.framesPerSecond, burst: deps.burst });
      });
    } else if (url.pathname === "/live/panel") {
      accept((ws) => {
        const meetingId = url.searchParams.get("meetingId");
        if (!meetingId) return ws.close(CLOSE.badRequest, "add ?meetingId= to the address");
        deps.panels.attach(ws, meetingId);
      });
    } else if (url.pathname === "/live/recall") {
      accept((ws) => {
        const allowed = recallAllowed(req, url, "");
        if (!allowed.ok) return ws.close(deps.ingestToken || deps.recallSecret ? CLOSE.unauthenticated : CLOSE.unavailable, allowed.error);
        serveRecallSocket(ws, deps, recallContext(url));
      });
    } else {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    }
  }

  const router = express.Router();
  router.post("/live/recall", express.text({ type: "*/*", limit: "1mb" }), async (req, res) => {
    const url = new URL(req.originalUrl, "http://localhost");
    const body = typeof req.body === "string" ? req.body : "";
    const allowed = recallAllowed(req, url, body);
    if (!allowed.ok) {
      res.status(deps.recallSecret || deps.ingestToken ? 401 : 503).json({ error: allowed.error });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      res.status(400).json({ error: "the body is not JSON" });
      return;
    }
    const taken = await takeRecallEvent(deps.hub, json, recallContext(url));
    if (taken.ok) res.json({ ok: true, [taken.value]: true });
    else res.status(400).json({ error: taken.error });
  });
  const close = () => {
    for (const ws of wss.clients) ws.close(1001, "Attune is restarting; reconnect");
    for (const ws of wss.clients) setTimeout(() => ws.terminate(), 1000).unref();
    wss.close();
  };
  return { upgrade, router, close };
}

function serveRecallSocket(ws: WebSocket, deps: LiveServerDeps, context: ReturnType<typeof recallContext>): void {
  let queue: Promise<void> = Promise.resolve();
  ws.on("message", (data) => {
    queue = queue.then(async () => {
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        deps.log.warn("Recall.ai sent a frame that is not JSON");
        return;
      }
      const taken = await takeRecallEvent(deps.hub, json, context);
      if (!taken.ok) deps.log.warn({ reason: taken.error }, "Recall.ai event refused");
    });
  });
}

/** Compares secrets in constant time (hashes first, so lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
