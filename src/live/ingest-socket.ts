import type { WebSocket } from "ws";
import type { Logger } from "../log.js";
import type { LiveHub } from "./live-hub.js";
import { firstProblem, ingestFrameSchema, type IngestFrame, type IngestReply } from "./protocol.js";
import { rateLimit } from "./rate-limit.js";
import { yieldIfBusy } from "./yield-to-io.js";

export interface IngestSocketOptions {
  framesPerSecond: number;
  burst: number;
  /** Whether this connection may send this frame (a meeting another source owns, or too many meetings: refused). */
  admit?: (frame: IngestFrame) => { ok: true } | { ok: false; error: string };
}

/**
 * One authenticated /live/ingest connection: JSON frames, handled in the order they came. A bad frame
 * gets an error frame and the connection stays up; frames over the rate are dropped, said once a second.
 */
export function serveIngest(ws: WebSocket, hub: LiveHub, log: Logger, options: IngestSocketOptions): void {
  const limit = rateLimit(options.framesPerSecond, options.burst);
  let lastRateError = 0;
  let queue: Promise<void> = Promise.resolve();
  const reply = (message: IngestReply) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  ws.on("message", (data, isBinary) => {
    if (!limit.take()) {
      const now = Date.now();
      if (now - lastRateError > 1000) {
        lastRateError = now;
        reply({ type: "error", message: `too many frames: at most ${options.framesPerSecond} a second; frames were dropped` });
      }
      return;
    }
    if (isBinary) return reply({ type: "error", message: "frames must be JSON text, not binary" });
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return reply({ type: "error", message: "not JSON: each frame is one JSON object" });
    }
    const frame = ingestFrameSchema.safeParse(json);
    if (!frame.success) return reply({ type: "error", message: firstProblem(frame.error) });
    const admitted = options.admit?.(frame.data) ?? { ok: true };
    if (!admitted.ok) return reply({ type: "error", message: admitted.error });
    queue = queue.then(async () => {
      await yieldIfBusy();
      try {
        const result = await hub.handle(frame.data);
        if (!result.ok) reply({ type: "error", message: result.error });
        else if (result.value === "accepted") reply({ type: "accepted", meetingId: frame.data.meetingId });
        else if (result.value === "ended") reply({ type: "ended", meetingId: frame.data.meetingId });
      } catch (error) {
        log.error({ meetingId: frame.data.meetingId, err: { message: (error as Error).message } }, "live frame failed");
        reply({ type: "error", message: "the server could not take this frame; the log has the details" });
      }
    });
  });
}
