import type { WebSocket } from "ws";
import type { LiveHub } from "./live-hub.js";
import type { Logger } from "../log.js";
import { rateLimit } from "./rate-limit.js";
import { type recallContext, takeRecallEvent } from "./recall-intake.js";
import { admitted, type Source, type sourceLedger } from "./source-ledger.js";
import { yieldIfBusy } from "./yield-to-io.js";

/** What a Recall.ai socket needs of the live server. */
export interface RecallSocketDeps {
  hub: Pick<LiveHub, "handle">;
  log: Logger;
  framesPerSecond: number;
  burst: number;
}

/**
 * One Recall.ai socket: its frames are not signed, so they are held to the ingest's rate, and the socket
 * serves the first meeting it names and no other (one signed upgrade, one socket, one meeting).
 */
export function serveRecallSocket(
  ws: WebSocket,
  deps: RecallSocketDeps,
  context: ReturnType<typeof recallContext>,
  owner: { source: Source; ledger: ReturnType<typeof sourceLedger> },
): void {
  let queue: Promise<void> = Promise.resolve();
  const limit = rateLimit(deps.framesPerSecond, deps.burst);
  let lastRateWarning = 0;
  let meetingId: string | null = null;
  const hub: Pick<LiveHub, "handle"> = {
    handle: async (input) => {
      meetingId ??= input.meetingId;
      if (input.meetingId !== meetingId)
        return { ok: false, code: "refused", error: `this socket serves meeting ${meetingId}: open another for another meeting` };
      return admitted(deps.hub, owner.ledger, owner.source).handle(input);
    },
  };
  ws.on("message", (data) => {
    if (!limit.take()) {
      if (Date.now() - lastRateWarning > 1000) {
        lastRateWarning = Date.now();
        deps.log.warn(`Recall.ai socket over ${deps.framesPerSecond} frames a second: frames dropped`);
      }
      return;
    }
    queue = queue.then(async () => {
      await yieldIfBusy();
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        deps.log.warn("Recall.ai sent a frame that is not JSON");
        return;
      }
      const taken = await takeRecallEvent(hub, json, context);
      if (!taken.ok) deps.log.warn({ reason: taken.error }, "Recall.ai event refused");
    });
  });
}
