import { randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import { busMessageSchema, type BusMessage, type LiveBus } from "./bus.js";
import { meetingSummarySchema } from "./meeting-summary.js";

const channel = (meetingId: string) => `attune:live:m:${meetingId}`;
const inputChannel = (meetingId: string) => `attune:live:in:${meetingId}`;
const latestKey = (meetingId: string) => `attune:live:summary:${meetingId}`;
const ownerKey = (meetingId: string) => `attune:live:owner:${meetingId}`;
const LATEST_TTL_MS = 3_600_000;

/**
 * Several instances over one Redis: pub/sub per meeting for summaries, nudges and forwarded input; a key
 * with the latest summary for panels that connect in between; a key with a lease naming the meeting's owner.
 */
export async function redisBus(url: string, log: Logger): Promise<LiveBus> {
  const me = randomUUID();
  let lastError = 0;
  const onError = (error: Error) => {
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    log.warn({ err: { message: error.message } }, "Redis connection problem; retrying");
  };
  // Imported only when REDIS_URL is set: one instance never loads the client (about 10 MB).
  const { createClient } = await import("redis");
  const client = createClient({ url });
  client.on("error", onError);
  const subscriber = client.duplicate();
  subscriber.on("error", onError);
  await client.connect();
  await subscriber.connect();
  const failed = (what: string) => (error: unknown) => log.error({ err: { message: (error as Error).message } }, `Redis ${what} failed`);

  function listen(name: string, listener: (raw: string) => void): () => void {
    subscriber.subscribe(name, listener).catch(failed("subscribe"));
    return () => void subscriber.unsubscribe(name, listener).catch(failed("unsubscribe"));
  }

  return {
    kind: "redis",
    publish(meetingId, message) {
      const json = JSON.stringify(message);
      if (message.kind === "summary")
        client
          .set(latestKey(meetingId), JSON.stringify(message.summary), { expiration: { type: "PX", value: LATEST_TTL_MS } })
          .catch(failed("set"));
      if (message.kind === "ended") client.del(latestKey(meetingId)).catch(failed("del"));
      client.publish(channel(meetingId), json).catch(failed("publish"));
    },
    subscribe(meetingId, listener) {
      return listen(channel(meetingId), (raw) => {
        const parsed = busMessageSchema.safeParse(safeJson(raw));
        if (parsed.success) listener(parsed.data as BusMessage);
        else log.warn({ meetingId }, "a live bus message of an unknown shape was ignored");
      });
    },
    async latest(meetingId) {
      const raw = await client.get(latestKey(meetingId));
      if (raw === null) return null;
      const parsed = meetingSummarySchema.safeParse(safeJson(raw));
      return parsed.success ? parsed.data : null;
    },
    async claim(meetingId, ttlMs) {
      const set = await client.set(ownerKey(meetingId), me, { condition: "NX", expiration: { type: "PX", value: ttlMs } });
      if (set === "OK") return true;
      if ((await client.get(ownerKey(meetingId))) !== me) return false;
      await client.pExpire(ownerKey(meetingId), ttlMs);
      return true;
    },
    async release(meetingId) {
      if ((await client.get(ownerKey(meetingId))) === me) await client.del(ownerKey(meetingId));
    },
    forward(meetingId, input) {
      client.publish(inputChannel(meetingId), JSON.stringify(input)).catch(failed("publish"));
    },
    onForwarded(meetingId, listener) {
      return listen(inputChannel(meetingId), (raw) => listener(safeJson(raw)));
    },
    async close() {
      await Promise.allSettled([subscriber.close(), client.close()]);
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
