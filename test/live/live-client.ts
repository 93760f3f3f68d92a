/** Real WebSocket clients on 127.0.0.1 for the live tests: every wait is for an event, with a generous deadline. */
import WebSocket from "ws";
import { devKey, signDevToken } from "../../src/live/dev-token.js";
import type { IngestFrame, PanelFrame } from "../../src/live/protocol.js";

export interface Client {
  ws: WebSocket;
  /** Every JSON frame received so far. */
  frames: Record<string, unknown>[];
  send(frame: unknown): void;
  /** Resolves with the first frame (already received or later) that matches. */
  next(match: (frame: Record<string, unknown>) => boolean, what: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const ws = new WebSocket(url, { headers });
  const frames: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  ws.on("message", (data) => {
    frames.push(JSON.parse(data.toString()) as Record<string, unknown>);
    for (const wake of [...waiters]) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const wake of [...waiters]) wake();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return {
    ws,
    frames,
    send: (frame) => ws.send(typeof frame === "string" ? frame : JSON.stringify(frame)),
    next(match, what, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(match);
          if (found) {
            cleanup();
            resolve(found);
          } else if (ws.readyState === ws.CLOSED) {
            cleanup();
            reject(new Error(`socket closed before ${what}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(frames.slice(-3))}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    closed,
    close: () => ws.close(),
  };
}

export const wsUrl = (httpUrl: string, path: string) => `${httpUrl.replace(/^http/, "ws")}${path}`;

export async function ingest(httpUrl: string, token: string): Promise<Client> {
  return connect(wsUrl(httpUrl, "/live/ingest"), { authorization: `Bearer ${token}` });
}

/** A side panel as a browser opens it: the socket, then the auth frame. */
export async function panel(httpUrl: string, meetingId: string, token: string): Promise<Client> {
  const client = await connect(wsUrl(httpUrl, `/live/panel?meetingId=${encodeURIComponent(meetingId)}`));
  client.send({ type: "auth", token });
  return client;
}

export async function devToken(dataDir: string, meetingId: string, user: string, seconds?: number): Promise<string> {
  return signDevToken(await devKey(dataDir), meetingId, user, seconds);
}

export const isState = (f: Record<string, unknown>): f is Record<string, unknown> & PanelFrame & { type: "state" } => f.type === "state";

export function segment(meetingId: string, speaker: string, startS: number, endS: number, text: string, final = true): IngestFrame {
  return { type: "segment", meetingId, speaker, startMs: Math.round(startS * 1000), endMs: Math.round(endS * 1000), text, final };
}
