import WebSocket from "ws";
import { ingestReplySchema, type IngestReply } from "./protocol.js";
import type { TimedFrame } from "./replay-plan.js";

export interface ReplayRun {
  url: string;
  token: string;
  frames: readonly TimedFrame[];
  /** 1 is real time; N replays N times faster. */
  speed: number;
  /** Told of each error frame the server answers with, and of progress in meeting time. */
  onError?: (message: string) => void;
  onProgress?: (atMs: number, sent: number) => void;
}

export type ReplayResult = { ok: true; value: { sent: number; errors: number } } | { ok: false; error: string };

/** Sends a replay plan to /live/ingest, paced by the frames' meeting times, and waits for the end to be acknowledged. */
export async function sendReplay(run: ReplayRun): Promise<ReplayResult> {
  const ws = new WebSocket(run.url, { headers: { authorization: `Bearer ${run.token}` } });
  const opened = await new Promise<{ ok: true } | { ok: false; error: string }>((resolve) => {
    ws.once("open", () => resolve({ ok: true }));
    ws.once("error", (error) => resolve({ ok: false, error: `cannot connect to ${run.url}: ${error.message}` }));
  });
  if (!opened.ok) return opened;
  // After the connection is up, a socket error is followed by 'close', which ends the replay with its code.
  ws.on("error", (error) => run.onError?.(`the connection failed: ${error.message}`));
  let errors = 0;
  let closedWith: { code: number; reason: string } | null = null;
  let ended: () => void = () => undefined;
  const endSeen = new Promise<void>((resolve) => (ended = resolve));
  ws.on("message", (data) => {
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return run.onError?.("the server sent a frame that is not JSON");
    }
    const reply = ingestReplySchema.safeParse(json);
    if (!reply.success) return;
    const message: IngestReply = reply.data;
    if (message.type === "error") {
      errors++;
      run.onError?.(message.message);
    } else if (message.type === "ended") ended();
  });
  ws.on("close", (code, reason) => {
    closedWith = { code, reason: reason.toString() };
    ended();
  });
  const started = Date.now();
  let sent = 0;
  for (const { atMs, frame } of run.frames) {
    const due = started + atMs / run.speed;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (closedWith) break;
    ws.send(JSON.stringify(frame));
    sent++;
    if (sent % 50 === 0) run.onProgress?.(atMs, sent);
  }
  await endSeen;
  const closed = closedWith as { code: number; reason: string } | null;
  ws.close();
  if (closed && closed.code !== 1000) return { ok: false, error: `the server closed the connection (${closed.code}): ${closed.reason}` };
  return { ok: true, value: { sent, errors } };
}
