import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import express, { type Router } from "express";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "../log.js";
import { serveIngest } from "./ingest-socket.js";
import { bearerToken, caller, connectionCounter, recallToken, sameSecret } from "./live-auth.js";
import type { LiveHub } from "./live-hub.js";
import type { PanelHub } from "./panel-hub.js";
import { CLOSE } from "./protocol.js";
import { recallContext, takeRecallEvent } from "./recall-intake.js";
import { replayGuard } from "./recall-replay.js";
import { RECALL_TOLERANCE_S, recallMessageId, verifyRecallSignature } from "./recall-signature.js";
import { serveRecallSocket } from "./recall-socket.js";
import { admitted, sourceLedger, type Source } from "./source-ledger.js";

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
  /** The hub's own limit: one source may own a fiftieth of it. */
  maxMeetings: number;
  /** A meeting quiet this long is no longer its source's (the hub forgets it then too). */
  idleMs: number;
}

/** Open /live/ingest sockets (and Recall.ai sockets on the ingest token) per remote address. */
export const MAX_SOCKETS_PER_ADDRESS = 10;

export const INGEST_OFF = "live ingest is off on this server: set ATTUNE_LIVE_INGEST_TOKEN to turn it on";

/** The WebSocket endpoints (/live/ingest, /live/panel, /live/recall) and the Recall webhook (POST /live/recall). */
export function createLiveServer(deps: LiveServerDeps): {
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  router: Router;
  close: () => void;
} {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const ledger = sourceLedger({ perSource: Math.max(1, Math.floor(deps.maxMeetings / 50)), idleMs: deps.idleMs });
  const sockets = connectionCounter(MAX_SOCKETS_PER_ADDRESS);
  // A signed request is taken once: its id is remembered while its timestamp could still pass.
  const seen = replayGuard({ windowMs: 2 * RECALL_TOLERANCE_S * 1000, max: 100_000 });
  const refusedAuth = (req: IncomingMessage, url: URL, reason: string) =>
    deps.log.warn(caller(req, url), `live authentication refused: ${reason}`);
  /**
   * Recall: its signature when the secret is configured (each signed request once; the meeting and manager
   * then come from the signed body, never the unsigned address), else the ingest token (header or ?token=).
   */
  const recallAllowed = (req: IncomingMessage, url: URL, body: string): { ok: true; signed: boolean } | { ok: false; error: string } => {
    if (deps.recallSecret) {
      const checked = verifyRecallSignature(deps.recallSecret, req.headers, body);
      if (!checked.ok) return checked;
      if (!seen.firstSight(recallMessageId(req.headers))) return { ok: false, error: "this webhook-id was already taken (a replay)" };
      return { ok: true, signed: true };
    }
    if (!deps.ingestToken) return { ok: false, error: INGEST_OFF };
    return sameSecret(recallToken(req, url), deps.ingestToken)
      ? { ok: true, signed: false }
      : { ok: false, error: "wrong or missing token" };
  };
  /** The signature covers the body, not the address: with it, the meeting and manager must come from the bot's metadata. */
  const unsignedParameters = (url: URL) =>
    url.searchParams.has("meetingId") || url.searchParams.has("manager")
      ? "?meetingId= and ?manager= are not covered by Recall.ai's signature: put attune_meeting_id and attune_manager in the bot's metadata"
      : null;
  const recallSource = (signed: boolean): Source => ({ id: "recall.ai", capped: !signed });

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
        if (!sameSecret(bearerToken(req), deps.ingestToken)) {
          refusedAuth(req, url, "wrong or missing ingest token");
          return ws.close(CLOSE.unauthenticated, "wrong or missing token: send Authorization: Bearer <ATTUNE_LIVE_INGEST_TOKEN>");
        }
        const address = caller(req, url).remote;
        if (!sockets.take(address))
          return ws.close(CLOSE.tooFast, `too many live sources from this address: at most ${MAX_SOCKETS_PER_ADDRESS} at once`);
        const source: Source = { id: randomUUID(), capped: true };
        ws.on("close", () => {
          sockets.give(address);
          ledger.release(source.id);
        });
        serveIngest(ws, deps.hub, deps.log, {
          framesPerSecond: deps.framesPerSecond,
          burst: deps.burst,
          admit: (frame) => ledger.admit(source, frame),
        });
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
        if (!allowed.ok) {
          if (deps.ingestToken || deps.recallSecret) refusedAuth(req, url, allowed.error);
          return ws.close(deps.ingestToken || deps.recallSecret ? CLOSE.unauthenticated : CLOSE.unavailable, allowed.error);
        }
        const unsigned = allowed.signed ? unsignedParameters(url) : null;
        // A close reason is at most 123 bytes.
        if (unsigned) return ws.close(CLOSE.badRequest, "?meetingId= and ?manager= are not signed: use the bot's metadata instead");
        const address = caller(req, url).remote;
        if (!allowed.signed && !sockets.take(address))
          return ws.close(CLOSE.tooFast, `too many live sources from this address: at most ${MAX_SOCKETS_PER_ADDRESS} at once`);
        if (!allowed.signed) ws.on("close", () => sockets.give(address));
        serveRecallSocket(ws, deps, recallContext(url), { source: recallSource(allowed.signed), ledger });
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
      if (deps.recallSecret || deps.ingestToken) refusedAuth(req, url, allowed.error);
      res.status(deps.recallSecret || deps.ingestToken ? 401 : 503).json({ error: allowed.error });
      return;
    }
    const unsigned = allowed.signed ? unsignedParameters(url) : null;
    if (unsigned) {
      res.status(400).json({ error: unsigned });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      res.status(400).json({ error: "the body is not JSON" });
      return;
    }
    const taken = await takeRecallEvent(admitted(deps.hub, ledger, recallSource(allowed.signed)), json, recallContext(url));
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
